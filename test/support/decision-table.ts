import type { OptionId, OutcomeId } from '../../machines/questions.ts';

/**
 * The spec: the answers -> recommendation table of the decision tree (decision-tree.md,
 * "The seven outcomes"), written out by hand so the machine is checked against it, not against itself.
 */
export const DECISION_TABLE: ReadonlyArray<readonly [answers: readonly OptionId[], outcome: OutcomeId, api: string]> = [
  [['io', 'asyncio'], 'asyncio', 'asyncio'],
  [['io', 'threads', 'class'], 'thread', 'threading.Thread'],
  [['io', 'threads', 'pool', 'map'], 'threadPool', 'multiprocessing.pool.ThreadPool'],
  [['io', 'threads', 'pool', 'adhoc'], 'threadPoolExecutor', 'concurrent.futures.ThreadPoolExecutor'],
  [['cpu', 'class'], 'process', 'multiprocessing.Process'],
  [['cpu', 'pool', 'map'], 'pool', 'multiprocessing.pool.Pool'],
  [['cpu', 'pool', 'adhoc'], 'processPoolExecutor', 'concurrent.futures.ProcessPoolExecutor'],
];

/** The answers the table gives for an outcome. */
export function answersFor(outcome: OutcomeId): readonly OptionId[] {
  const row = DECISION_TABLE.find(([, rowOutcome]) => rowOutcome === outcome);
  if (row === undefined) throw new Error(`the decision table has no row for ${outcome}`);
  return row[0];
}

/** Every prefix of every row: the places a user can stand, start included. */
export function tablePrefixes(): (readonly OptionId[])[] {
  const seen = new Map<string, readonly OptionId[]>();
  for (const [answers] of DECISION_TABLE) {
    for (let length = 0; length <= answers.length; length += 1) seen.set(answers.slice(0, length).join(','), answers.slice(0, length));
  }
  return [...seen.values()];
}

/** The table's outcomes whose answers begin with `prefix`. */
export function tableOutcomesAfter(prefix: readonly OptionId[]): OutcomeId[] {
  return DECISION_TABLE.filter(([answers]) => prefix.every((option, index) => answers[index] === option)).map(([, outcome]) => outcome);
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
