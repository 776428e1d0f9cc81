import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OptionId } from '../../machines/questions.ts';
import { describeStep, replayAnswers, type GuideStep } from '../../src/core/guide.ts';
import { decisionTree, outcomePaths, treeNodes } from '../../src/core/tree.ts';

function stepAfter(path: readonly OptionId[]): GuideStep {
  const replayed = replayAnswers(path);
  if (!replayed.ok) throw new Error(`path ${path.join(',')} was rejected`);
  return describeStep(replayed.value);
}

/** The paths the guide accepts, parents before children, found by replaying answers: an answer independent of the tree's own walk. */
function replayedPaths(path: readonly OptionId[] = []): string[] {
  const step = stepAfter(path);
  const below = step.kind === 'question' ? step.options.flatMap((option) => replayedPaths([...path, option])) : [];
  return [path.join('/'), ...below];
}

describe('decision tree walked from the machine', () => {
  const nodes = treeNodes(decisionTree());

  it('GIVEN the machine THEN every outcome is a leaf, and every leaf is an outcome', () => {
    const leaves = new Set(nodes.flatMap((node) => (node.kind === 'outcome' ? [node.outcome] : [])));
    expect([...leaves].sort()).toEqual([...OUTCOME_IDS].sort());
  });

  it('GIVEN questions reached by several answers THEN each appears once per way of reaching it, as the machine walks them', () => {
    expect(nodes.map((node) => node.path.join('/'))).toEqual(replayedPaths());
    const shared = nodes.filter((node) => node.kind === 'question' && nodes.filter((other) => other.kind === 'question' && other.question === node.question).length > 1);
    // The tree has grown questions that threads and processes share; the picture must draw each copy.
    expect(shared.length).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.kind === 'question' && node.question === 'workload')).toHaveLength(1);
  });

  it('GIVEN each outcome path THEN replaying its answers through the guide ends at that outcome', () => {
    const leaves = nodes.filter((node) => node.kind === 'outcome');
    expect(outcomePaths()).toHaveLength(leaves.length);
    for (const leaf of leaves) expect(stepAfter(leaf.path)).toMatchObject({ kind: 'outcome', outcome: leaf.outcome });
  });

  it('GIVEN a question node THEN its branches are exactly the options the guide offers there', () => {
    for (const node of nodes) {
      if (node.kind !== 'question') continue;
      const step = stepAfter(node.path);
      expect(step).toMatchObject({ kind: 'question', question: node.question });
      if (step.kind === 'question') expect(node.branches.map((branch) => branch.option)).toEqual(step.options);
    }
  });

  it('GIVEN any node THEN its step is what the guide shows after its answers', () => {
    for (const node of nodes) expect(node.step).toEqual(stepAfter(node.path));
  });
});
