import type { OptionId, OutcomeId, QuestionId } from '../../machines/questions.ts';
import { treeNodes as coreTreeNodes, type TreeNode as FlatNode } from '../core/tree.ts';

/** A question on the tree, with one branch per option the machine accepts there. */
export interface QuestionNode {
  readonly kind: 'question';
  readonly question: QuestionId;
  /** The answers that lead here from the root; unique per node, so it doubles as the node's key. */
  readonly path: readonly OptionId[];
  readonly branches: readonly TreeBranch[];
}

/** One of the recommendations the tree ends in. */
export interface OutcomeNode {
  readonly kind: 'outcome';
  readonly outcome: OutcomeId;
  readonly path: readonly OptionId[];
}

export type TreeNode = QuestionNode | OutcomeNode;

/** An answer and where it leads. */
export interface TreeBranch {
  readonly option: OptionId;
  readonly node: TreeNode;
}

function nest(flat: readonly FlatNode[], at: FlatNode): TreeNode {
  const { path, step } = at;
  if (step.kind === 'outcome') return { kind: 'outcome', outcome: step.outcome, path };
  return {
    kind: 'question',
    question: step.question,
    path,
    branches: step.options.map((option) => {
      const childPath = [...path, option];
      const child = flat.find((candidate) => pathKey(candidate.path) === pathKey(childPath));
      if (child === undefined) throw new Error(`the walk of the machine has no node at ${pathKey(childPath)}`);
      return { option, node: nest(flat, child) };
    }),
  };
}

let cachedTree: TreeNode | undefined;

/**
 * The whole decision tree, nested from the core's walk of the machine, so the picture can
 * never drift from the guide. Questions reached from two sides (threads and processes)
 * appear once per side.
 *
 * @example buildDecisionTree().kind === 'question' // the root asks what limits the task
 */
export function buildDecisionTree(): TreeNode {
  if (cachedTree === undefined) {
    const flat = coreTreeNodes();
    const root = flat[0];
    if (root === undefined) throw new Error('the walk of the machine found no start state');
    cachedTree = nest(flat, root);
  }
  return cachedTree;
}

/** Every node of the tree, parents before children, branches in the machine's order. */
export function treeNodes(tree: TreeNode): TreeNode[] {
  if (tree.kind === 'outcome') return [tree];
  return [tree, ...tree.branches.flatMap((branch) => treeNodes(branch.node))];
}

/** The answers of every complete walk through the tree, one per outcome leaf. */
export function outcomePaths(tree: TreeNode = buildDecisionTree()): OptionId[][] {
  return treeNodes(tree)
    .filter((node) => node.kind === 'outcome')
    .map((node) => [...node.path]);
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
 * @example nodesAlongPath(buildDecisionTree(), ['io']).length === 2
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
