/**
 * The vocabulary of the decision tree: which questions exist, which options each offers,
 * and which outcomes the tree can end in. The machine is built from these lists, and the
 * knowledge module is typed against them, so a new option cannot be added without its texts.
 */

/** Every question, in the order a user meets them on the longest path. */
export const QUESTION_IDS = ['workload', 'cpuWork', 'ioModel', 'workers', 'poolApi', 'threadMap'] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

/** The options of each question. Option ids are unique across all questions. */
export const QUESTION_OPTIONS = {
  workload: ['cpu', 'io'],
  // Where CPU work runs decides whether threads can run it in parallel at all.
  cpuWork: ['pythonCode', 'nativeCode', 'freeThreaded'],
  ioModel: ['asyncio', 'threads'],
  workers: ['pool', 'class'],
  poolApi: ['map', 'adhoc'],
  // Threads only: the docs steer new code to the executor, so ThreadPool is kept for those who want its map family.
  threadMap: ['executorMap', 'poolFamily'],
} as const satisfies Record<QuestionId, readonly string[]>;

export type OptionOf<Q extends QuestionId> = (typeof QUESTION_OPTIONS)[Q][number];
export type OptionId = OptionOf<QuestionId>;

/** The seven recommendations the tree can end in. */
export const OUTCOME_IDS = [
  'asyncio',
  'thread',
  'threadPool',
  'threadPoolExecutor',
  'process',
  'pool',
  'processPoolExecutor',
] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

/**
 * Which kind of worker an outcome runs on. Adapters colour and group answers by it, and the
 * "not sure?" help of the questions shared by threads and processes picks its examples by it.
 */
export type OutcomeFamily = 'asyncio' | 'threads' | 'processes';

export const OUTCOME_FAMILY: { readonly [O in OutcomeId]: OutcomeFamily } = {
  asyncio: 'asyncio',
  thread: 'threads',
  threadPool: 'threads',
  threadPoolExecutor: 'threads',
  process: 'processes',
  pool: 'processes',
  processPoolExecutor: 'processes',
};

/** One answer the user gave: the question and the option they chose. */
export interface Answer {
  readonly question: QuestionId;
  readonly option: OptionId;
}

const OPTION_TO_QUESTION: ReadonlyMap<string, QuestionId> = new Map(
  QUESTION_IDS.flatMap((question) => QUESTION_OPTIONS[question].map((option) => [option, question] as const)),
);

/** The question an option belongs to, or undefined for a string that is no option. */
export function questionOfOption(option: string): QuestionId | undefined {
  return OPTION_TO_QUESTION.get(option);
}

/** Narrows an arbitrary string to an option id. */
export function isOptionId(value: string): value is OptionId {
  return OPTION_TO_QUESTION.has(value);
}

/** Narrows an arbitrary string to an outcome id. */
export function isOutcomeId(value: string): value is OutcomeId {
  return (OUTCOME_IDS as readonly string[]).includes(value);
}
