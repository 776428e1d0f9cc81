import { OUTCOME_FAMILY, type OptionId, type OutcomeFamily, type OutcomeId, type QuestionId } from '../../machines/questions.ts';
import { walkedTree, type GuideStep } from './guide.ts';

/** A question on the tree, with one branch per option the machine accepts there. */
export interface QuestionNode {
  readonly kind: 'question';
  readonly question: QuestionId;
  /** The answers that lead here from the root; unique per node, so it doubles as the node's key. */
  readonly path: readonly OptionId[];
  /** What the guide shows here, so a caller that renders a page need not replay the answers. */
  readonly step: Extract<GuideStep, { kind: 'question' }>;
  readonly branches: readonly TreeBranch[];
}

/** One of the recommendations the tree ends in. */
export interface OutcomeNode {
  readonly kind: 'outcome';
  readonly outcome: OutcomeId;
  readonly path: readonly OptionId[];
  readonly step: Extract<GuideStep, { kind: 'outcome' }>;
}

/** One place in the tree: the answers that lead there, and what the machine shows there. */
export type TreeNode = QuestionNode | OutcomeNode;

/** An answer and where it leads. */
export interface TreeBranch {
  readonly option: OptionId;
  readonly node: TreeNode;
}

/**
 * The whole decision tree, walked from the machine, so nothing drawn or explained can drift
 * from the guide. Questions reached from two sides (threads and processes) appear once per side,
 * because where an answer leads depends on the path. Walked once, with the guide's places, by
 * src/core/guide.ts, which holds the one memo of the tree.
 *
 * @example decisionTree().kind === 'question' // the root asks what limits the task
 */
export function decisionTree(): TreeNode {
  return walkedTree();
}

/**
 * Every place in a tree (the whole one by default), parents before children, branches in the machine's order.
 *
 * @example treeNodes()[0] // { kind: 'question', question: 'workload', path: [], ... }
 */
export function treeNodes(tree: TreeNode = decisionTree()): TreeNode[] {
  // Pushed into one array: the explanations ask this several times per answer, and building it
  // from spread copies of every branch's list was the bot's largest own cost under load.
  const nodes: TreeNode[] = [];
  const visit = (node: TreeNode): void => {
    nodes.push(node);
    if (node.kind === 'question') for (const branch of node.branches) visit(branch.node);
  };
  visit(tree);
  return nodes;
}

/** The answers of every complete walk through a tree, one per outcome leaf, in the tree's order. */
export function outcomePaths(tree: TreeNode = decisionTree()): OptionId[][] {
  return treeNodes(tree).flatMap((node) => (node.kind === 'outcome' ? [[...node.path]] : []));
}

/** A stable text key for a path; options never contain '/'. */
export function pathKey(path: readonly OptionId[]): string {
  return path.join('/');
}

/** A path the tree does not contain, because the guide would not accept those answers. */
export class TreePathError extends Error {
  override readonly name = 'TreePathError';
}

/**
 * The nodes a path visits, the root first. Throws TreePathError, naming the first answer
 * that is not an option at that point or that comes after an outcome.
 *
 * @example nodesAlongPath(decisionTree(), ['io']).length === 2
 */
export function nodesAlongPath(tree: TreeNode, path: readonly OptionId[]): TreeNode[] {
  const visited = [tree];
  let node = tree;
  for (const [index, option] of path.entries()) {
    if (node.kind === 'outcome') throw new TreePathError(`answer ${index + 1} ("${option}") comes after the guide already reached an outcome`);
    const branch = node.branches.find((candidate) => candidate.option === option);
    if (branch === undefined) throw new TreePathError(`answer ${index + 1} ("${option}") is not an option of question "${node.question}"`);
    node = branch.node;
    visited.push(node);
  }
  return visited;
}

/** The answers that end in each outcome (every one of them, shortest first). */
export function pathsToOutcomes(): ReadonlyMap<OutcomeId, readonly (readonly OptionId[])[]> {
  const paths = new Map<OutcomeId, (readonly OptionId[])[]>();
  for (const node of treeNodes()) {
    if (node.kind !== 'outcome') continue;
    paths.set(node.outcome, [...(paths.get(node.outcome) ?? []), node.path]);
  }
  for (const list of paths.values()) list.sort((a, b) => a.length - b.length);
  return paths;
}

/** The outcomes still reachable after the given answers (in the order the tree meets them). */
export function outcomesReachableFrom(prefix: readonly OptionId[]): readonly OutcomeId[] {
  const outcomes: OutcomeId[] = [];
  const from = nodeAt(prefix);
  if (from === undefined) return outcomes;
  for (const node of treeNodes(from)) {
    if (node.kind === 'outcome' && !outcomes.includes(node.outcome)) outcomes.push(node.outcome);
  }
  return outcomes;
}

/** The place a path leads to, or undefined where the guide would not accept its answers. */
function nodeAt(path: readonly OptionId[]): TreeNode | undefined {
  let node: TreeNode | undefined = decisionTree();
  for (const option of path) {
    if (node.kind === 'outcome') return undefined;
    node = node.branches.find((branch) => branch.option === option)?.node;
    if (node === undefined) return undefined;
  }
  return node;
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
