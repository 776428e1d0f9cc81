import type { OptionId, OutcomeId } from '../../machines/questions.ts';

/**
 * The spec: the answers -> recommendation table of the decision tree, written out by hand so the
 * machine is checked against it, not against itself. The source article's seven rows are here with
 * its answers in its order; the tree has grown two refinements the Python docs call for: where CPU
 * work runs (only plain Python on the standard build needs processes), and, for a map on threads,
 * whether ThreadPool's extras are wanted (the docs point new code to ThreadPoolExecutor).
 */
export const DECISION_TABLE: ReadonlyArray<readonly [answers: readonly OptionId[], outcome: OutcomeId, api: string]> = [
  [['io', 'asyncio'], 'asyncio', 'asyncio'],
  [['io', 'threads', 'class'], 'thread', 'threading.Thread'],
  [['io', 'threads', 'pool', 'map', 'poolFamily'], 'threadPool', 'multiprocessing.pool.ThreadPool'],
  [['io', 'threads', 'pool', 'map', 'executorMap'], 'threadPoolExecutor', 'concurrent.futures.ThreadPoolExecutor'],
  [['io', 'threads', 'pool', 'adhoc'], 'threadPoolExecutor', 'concurrent.futures.ThreadPoolExecutor'],
  [['cpu', 'pythonCode', 'class'], 'process', 'multiprocessing.Process'],
  [['cpu', 'pythonCode', 'pool', 'map'], 'pool', 'multiprocessing.pool.Pool'],
  [['cpu', 'pythonCode', 'pool', 'adhoc'], 'processPoolExecutor', 'concurrent.futures.ProcessPoolExecutor'],
  ...(['nativeCode', 'freeThreaded'] as const).flatMap(
    (where) =>
      [
        [['cpu', where, 'class'], 'thread', 'threading.Thread'],
        [['cpu', where, 'pool', 'map', 'poolFamily'], 'threadPool', 'multiprocessing.pool.ThreadPool'],
        [['cpu', where, 'pool', 'map', 'executorMap'], 'threadPoolExecutor', 'concurrent.futures.ThreadPoolExecutor'],
        [['cpu', where, 'pool', 'adhoc'], 'threadPoolExecutor', 'concurrent.futures.ThreadPoolExecutor'],
      ] as const,
  ),
];

/**
 * The source article's seven outcomes with its own answers (decision-tree.md, "The seven outcomes"):
 * each must stay reachable by a table row that contains those answers in that order.
 */
export const ARTICLE_PATHS: ReadonlyArray<readonly [answers: readonly OptionId[], outcome: OutcomeId]> = [
  [['io', 'asyncio'], 'asyncio'],
  [['io', 'threads', 'class'], 'thread'],
  [['io', 'threads', 'pool', 'map'], 'threadPool'],
  [['io', 'threads', 'pool', 'adhoc'], 'threadPoolExecutor'],
  [['cpu', 'class'], 'process'],
  [['cpu', 'pool', 'map'], 'pool'],
  [['cpu', 'pool', 'adhoc'], 'processPoolExecutor'],
];

/** The answers of the table's shortest row for an outcome. */
export function answersFor(outcome: OutcomeId): readonly OptionId[] {
  const rows = DECISION_TABLE.filter(([, rowOutcome]) => rowOutcome === outcome).map(([answers]) => answers);
  const shortest = [...rows].sort((a, b) => a.length - b.length)[0];
  if (shortest === undefined) throw new Error(`the decision table has no row for ${outcome}`);
  return shortest;
}

/**
 * The rows that lead to `outcome` while keeping most of the answers in `path` (the longest common
 * start), and of those the shortest: the ways a "why not?" may fairly show.
 */
export function closestRowsFor(outcome: OutcomeId, path: readonly OptionId[]): (readonly OptionId[])[] {
  const shared = (answers: readonly OptionId[]) => {
    const differ = answers.findIndex((option, index) => path[index] !== option);
    return differ === -1 ? answers.length : differ;
  };
  const rows = DECISION_TABLE.filter(([, rowOutcome]) => rowOutcome === outcome).map(([answers]) => answers);
  const most = Math.max(...rows.map(shared));
  const keeping = rows.filter((answers) => shared(answers) === most);
  const fewest = Math.min(...keeping.map((answers) => answers.length));
  return keeping.filter((answers) => answers.length === fewest);
}

/** Every prefix of every row: the places a user can stand, start included. */
export function tablePrefixes(): (readonly OptionId[])[] {
  const seen = new Map<string, readonly OptionId[]>();
  for (const [answers] of DECISION_TABLE) {
    for (let length = 0; length <= answers.length; length += 1) seen.set(answers.slice(0, length).join(','), answers.slice(0, length));
  }
  return [...seen.values()];
}

/** The table's outcomes whose answers begin with `prefix`, each once, in table order. */
export function tableOutcomesAfter(prefix: readonly OptionId[]): OutcomeId[] {
  const outcomes = DECISION_TABLE.filter(([answers]) => prefix.every((option, index) => answers[index] === option)).map(([, outcome]) => outcome);
  return [...new Set(outcomes)];
}

/** Whether `prefix` is a complete row of the table. */
export function isComplete(prefix: readonly OptionId[]): boolean {
  return DECISION_TABLE.some(([answers]) => answers.join(',') === prefix.join(','));
}

/**
 * How a question at `prefix` counts the user's progress, from the table alone: its position, and
 * the longest and shortest numbers of answers any row extending the prefix needs.
 */
export function tableProgressAt(prefix: readonly OptionId[]): { stepNumber: number; most: number; fewest: number } {
  const lengths = DECISION_TABLE.filter(([answers]) => answers.length > prefix.length && prefix.every((option, index) => answers[index] === option)).map(([answers]) => answers.length);
  if (lengths.length === 0) throw new Error(`no question follows ${prefix.join(',') || 'the start'} in the decision table`);
  return { stepNumber: prefix.length + 1, most: Math.max(...lengths), fewest: Math.min(...lengths) };
}

/** Which side of the tree each API is on, by hand: what the "not sure?" examples must follow. */
const FAMILY_OF: Readonly<Record<OutcomeId, 'asyncio' | 'threads' | 'processes'>> = {
  asyncio: 'asyncio',
  thread: 'threads',
  threadPool: 'threads',
  threadPoolExecutor: 'threads',
  process: 'processes',
  pool: 'processes',
  processPoolExecutor: 'processes',
};

/** The one side (threads or processes) all the table's outcomes after `prefix` are on, if only one. */
export function tableFamilyAfter(prefix: readonly OptionId[]): 'asyncio' | 'threads' | 'processes' | undefined {
  const families = new Set(tableOutcomesAfter(prefix).map((outcome) => FAMILY_OF[outcome]));
  return families.size === 1 ? [...families][0] : undefined;
}
