import { describe, expect, it } from 'vitest';
import { describeStep, replayAnswers, startGuide } from '../../src/core/guide.ts';
import { tablePrefixes, tableProgressAt, isComplete } from '../support/decision-table.ts';

describe('replayAnswers', () => {
  it('GIVEN a fresh guide THEN the first question is about the workload', () => {
    const step = describeStep(startGuide());
    expect(step).toMatchObject({ kind: 'question', question: 'workload', stepNumber: 1 });
  });

  it('GIVEN an IO-bound task that wants async/await THEN the outcome is asyncio', () => {
    const replayed = replayAnswers(['io', 'asyncio']);
    expect(replayed.ok && describeStep(replayed.value)).toMatchObject({ kind: 'outcome', outcome: 'asyncio' });
  });

  it('GIVEN an option the current question does not offer THEN the path is rejected with its position', () => {
    expect(replayAnswers(['io', 'cpu'])).toEqual({ ok: false, error: { kind: 'not-accepted', index: 1, option: 'cpu' } });
  });

  it.each(tablePrefixes().filter((prefix) => !isComplete(prefix)).map((prefix) => ({ prefix })))(
    'GIVEN the answers $prefix THEN the step counts toward the longest path left, exact only when every path left is as long',
    ({ prefix }) => {
      const replayed = replayAnswers(prefix);
      const expected = tableProgressAt(prefix);
      expect(replayed.ok && describeStep(replayed.value)).toMatchObject({ kind: 'question', stepNumber: expected.stepNumber, totalSteps: expected.most, totalIsExact: expected.fewest === expected.most });
    },
  );

  it('GIVEN an answer after the outcome THEN the path is rejected', () => {
    expect(replayAnswers(['io', 'asyncio', 'pool'])).toEqual({ ok: false, error: { kind: 'past-outcome', index: 2 } });
  });
});
