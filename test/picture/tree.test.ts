import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS } from '../../machines/questions.ts';
import { describeStep, replayAnswers } from '../../src/core/guide.ts';
import { treeNodes as machineWalk } from '../../src/core/tree.ts';
import { buildDecisionTree, outcomePaths, treeNodes } from '../../src/picture/tree.ts';

describe('decision tree walked from the machine', () => {
  const nodes = treeNodes(buildDecisionTree());

  it('GIVEN the machine THEN every outcome is a leaf, and every leaf is an outcome', () => {
    const leaves = new Set(nodes.flatMap((node) => (node.kind === 'outcome' ? [node.outcome] : [])));
    expect([...leaves].sort()).toEqual([...OUTCOME_IDS].sort());
  });

  it('GIVEN questions reached by several answers THEN each appears once per way of reaching it, as the machine walks them', () => {
    const walked = machineWalk();
    expect(nodes.map((node) => node.path.join('/'))).toEqual(walked.map((node) => node.path.join('/')));
    const shared = nodes.filter((node) => node.kind === 'question' && nodes.filter((other) => other.kind === 'question' && other.question === node.question).length > 1);
    // The tree has grown questions that threads and processes share; the picture must draw each copy.
    expect(shared.length).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.kind === 'question' && node.question === 'workload')).toHaveLength(1);
  });

  it('GIVEN each outcome path THEN replaying its answers through the guide ends at that outcome', () => {
    const leaves = nodes.filter((node) => node.kind === 'outcome');
    expect(outcomePaths()).toHaveLength(leaves.length);
    for (const leaf of leaves) {
      const replayed = replayAnswers(leaf.path);
      if (!replayed.ok) throw new Error(`path ${leaf.path.join(',')} was rejected`);
      expect(describeStep(replayed.value)).toMatchObject({ kind: 'outcome', outcome: leaf.outcome });
    }
  });

  it('GIVEN a question node THEN its branches are exactly the options the guide offers there', () => {
    for (const node of nodes) {
      if (node.kind !== 'question') continue;
      const replayed = replayAnswers(node.path);
      if (!replayed.ok) throw new Error(`path ${node.path.join(',')} was rejected`);
      const step = describeStep(replayed.value);
      expect(step).toMatchObject({ kind: 'question', question: node.question });
      if (step.kind === 'question') expect(node.branches.map((branch) => branch.option)).toEqual(step.options);
    }
  });
});
