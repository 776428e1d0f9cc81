import { OUTCOME_IDS, type OptionId, type OutcomeId, type QuestionId } from '../../../machines/questions.ts';
import { treeNodes, type OutcomeNode, type TreeNode } from '../../core/tree.ts';

/**
 * A question's whole subtree, off the member's path, drawn as one muted box that names the
 * outcomes it can still reach. Without it every member picture would be as wide as the full
 * tree, which has grown past what a phone can show legibly.
 */
export interface CollapsedNode {
  readonly kind: 'collapsed';
  /** The question the box stands in for; not drawn, but it names the box in the SVG. */
  readonly question: QuestionId;
  readonly path: readonly OptionId[];
  /** Every outcome the subtree reaches, once each, in the vocabulary's order (asyncio, threads, processes). */
  readonly outcomes: readonly OutcomeId[];
}

/** A question drawn as a box, with one branch per option, each leading to what is drawn there. */
export interface ShownQuestion {
  readonly kind: 'question';
  readonly question: QuestionId;
  readonly path: readonly OptionId[];
  readonly branches: readonly ShownBranch[];
}

export interface ShownBranch {
  readonly option: OptionId;
  readonly node: ShownNode;
}

/** What one box of a picture stands for. The full tree is a ShownNode with nothing collapsed. */
export type ShownNode = ShownQuestion | OutcomeNode | CollapsedNode;

/** Whether `nodePath` is `path` or a prefix of it, i.e. the member passed through that node. */
export function isOnPath(nodePath: readonly OptionId[], path: readonly OptionId[]): boolean {
  return nodePath.length <= path.length && nodePath.every((option, index) => path[index] === option);
}

function collapse(node: TreeNode): ShownNode {
  if (node.kind === 'outcome') return node;
  const reached = new Set(treeNodes(node).flatMap((inner) => (inner.kind === 'outcome' ? [inner.outcome] : [])));
  // The order the walk meets them in jumps between kinds of worker; this one groups them.
  const outcomes = OUTCOME_IDS.filter((outcome) => reached.has(outcome));
  return { kind: 'collapsed', question: node.question, path: node.path, outcomes };
}

/**
 * The tree as a member's picture draws it: every question on `path` keeps all its answers;
 * an answer off the path that leads to an outcome keeps it, one that leads to another
 * question becomes a CollapsedNode. The empty path draws the full tree, nothing collapsed.
 * Expects a path the tree contains (see nodesAlongPath).
 *
 * @example treeForPath(decisionTree(), ['io', 'asyncio']) // the CPU side is one collapsed box
 */
export function treeForPath(tree: TreeNode, path: readonly OptionId[]): ShownNode {
  if (path.length === 0) return tree;
  const expand = (node: TreeNode): ShownNode => {
    if (node.kind === 'outcome') return node;
    if (!isOnPath(node.path, path)) return collapse(node);
    return { ...node, branches: node.branches.map((branch) => ({ option: branch.option, node: expand(branch.node) })) };
  };
  return expand(tree);
}

/** Every node shown, parents before children, branches in the machine's order. */
export function shownNodes(node: ShownNode): ShownNode[] {
  if (node.kind !== 'question') return [node];
  return [node, ...node.branches.flatMap((branch) => shownNodes(branch.node))];
}
