import { OUTCOME_FAMILY, type OptionId, type OutcomeFamily, type OutcomeId } from '../../machines/questions.ts';
import { applyEvent, describeStep, startGuide, type GuideSnapshot, type GuideStep } from './guide.ts';

/** One place in the tree: the answers that lead there, and what the machine shows there. */
export interface TreeNode {
  readonly path: readonly OptionId[];
  readonly step: GuideStep;
}

function walk(snapshot: GuideSnapshot, path: readonly OptionId[], into: TreeNode[]): void {
  const step = describeStep(snapshot);
  into.push({ path, step });
  if (step.kind !== 'question') return;
  for (const option of step.options) walk(applyEvent(snapshot, { type: 'answer', option }), [...path, option], into);
}

let cachedNodes: readonly TreeNode[] | undefined;

/**
 * Every place the machine can reach by answers, start included, parents before children.
 * Found by asking the machine, so it follows any change of the tree.
 *
 * @example treeNodes()[0] // { path: [], step: { kind: 'question', question: 'workload', ... } }
 */
export function treeNodes(): readonly TreeNode[] {
  // The machine is fixed once loaded, so one walk serves every caller.
  if (cachedNodes === undefined) {
    const nodes: TreeNode[] = [];
    walk(startGuide(), [], nodes);
    cachedNodes = nodes;
  }
  return cachedNodes;
}

/** The answers that end in each outcome (every one of them, shortest first). */
export function pathsToOutcomes(): ReadonlyMap<OutcomeId, readonly (readonly OptionId[])[]> {
  const paths = new Map<OutcomeId, (readonly OptionId[])[]>();
  for (const { path, step } of treeNodes()) {
    if (step.kind !== 'outcome') continue;
    paths.set(step.outcome, [...(paths.get(step.outcome) ?? []), path]);
  }
  for (const list of paths.values()) list.sort((a, b) => a.length - b.length);
  return paths;
}

function startsWith(path: readonly OptionId[], prefix: readonly OptionId[]): boolean {
  return prefix.every((option, index) => path[index] === option);
}

/** The outcomes still reachable after the given answers (in the order the tree meets them). */
export function outcomesReachableFrom(prefix: readonly OptionId[]): readonly OutcomeId[] {
  const outcomes: OutcomeId[] = [];
  for (const { path, step } of treeNodes()) {
    if (step.kind === 'outcome' && startsWith(path, prefix) && !outcomes.includes(step.outcome)) outcomes.push(step.outcome);
  }
  return outcomes;
}

/**
 * The one family (asyncio, threads or processes) that every outcome still reachable after the
 * given answers belongs to, or undefined while the answers leave more than one open.
 *
 * @example workerFamilyAfter(['cpu', 'pythonCode']) // 'processes'
 */
export function workerFamilyAfter(prefix: readonly OptionId[]): OutcomeFamily | undefined {
  const families = new Set(outcomesReachableFrom(prefix).map((outcome) => OUTCOME_FAMILY[outcome]));
  return families.size === 1 ? [...families][0] : undefined;
}
