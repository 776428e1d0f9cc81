import type { OptionId } from '../../machines/questions.ts';
import { defaultTreeLabels, type TreeLabels } from './labels.ts';
import { decisionTree, nodesAlongPath, type TreeNode } from '../core/tree.ts';
import { LIMITS } from '../core/discord-limits.ts';

function nodeLabel(node: TreeNode, labels: TreeLabels): string {
  return node.kind === 'question' ? labels.question(node.question) : labels.outcome(node.outcome);
}

/**
 * The picture in words, for screen readers (an attachment's description): the heading, then
 * each question on the path, the answer given and where it led. A member's picture always
 * draws those boxes in full, so the words never name one it left out or collapsed. Throws
 * TreePathError for a path the guide rejects.
 *
 * @example describeTreePicture(['io', 'asyncio']) // 'Which ...? What limits your task? → Waiting on IO (IO-bound) → ... → asyncio'
 */
export function describeTreePicture(path: readonly OptionId[], labels: TreeLabels = defaultTreeLabels): string {
  const [root, ...reached] = nodesAlongPath(decisionTree(), path);
  const steps = root === undefined ? [] : [nodeLabel(root, labels)];
  reached.forEach((node, index) => {
    const option = path[index];
    if (option !== undefined) steps.push(labels.option(option), nodeLabel(node, labels));
  });
  const description = `${labels.heading} ${steps.join(' → ')}`;
  return description.length <= LIMITS.attachmentDescription ? description : `${description.slice(0, LIMITS.attachmentDescription - 1)}…`;
}
