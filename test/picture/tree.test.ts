import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS } from '../../machines/questions.ts';
import { describeStep, replayAnswers } from '../../src/core/guide.ts';
import { buildDecisionTree, outcomePaths, treeNodes } from '../../src/picture/tree.ts';

describe('decision tree walked from the machine', () => {
  const nodes = treeNodes(buildDecisionTree());

  it('GIVEN the machine THEN every one of the seven outcomes is a leaf exactly once', () => {
    const leaves = nodes.filter((node) => node.kind === 'outcome').map((node) => node.outcome);
    expect([...leaves].sort()).toEqual([...OUTCOME_IDS].sort());
  });

  it('GIVEN threads and processes share later questions THEN those questions appear once per side', () => {
    const questions = nodes.flatMap((node) => (node.kind === 'question' ? [node.question] : []));
    const count = (question: string) => questions.filter((candidate) => candidate === question).length;
    expect(count('workload')).toBe(1);
    expect(count('ioModel')).toBe(1);
    expect(count('workers')).toBe(2);
    expect(count('poolApi')).toBe(2);
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
