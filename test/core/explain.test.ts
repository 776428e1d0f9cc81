import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OptionId, type OutcomeId } from '../../machines/questions.ts';
import { explainOutcome, explainQuestion, explainWhyNot } from '../../src/core/explain.ts';
import {
  EXPLANATION_MAX_LENGTH,
  plainStyle,
  renderOutcomeExplanation,
  renderQuestionExplanation,
  renderWhyNot,
} from '../../src/core/explain-text.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { answersFor, isComplete, tableOutcomesAfter, tablePrefixes } from '../support/decision-table.ts';

const places = tablePrefixes();
const questions = places.filter((path) => !isComplete(path));
const outcomes = places.filter(isComplete);
const named = (paths: (readonly OptionId[])[]) => paths.map((path) => [path.join(' > ') || '(start)', path] as const);

describe('explainQuestion', () => {
  it.each(named(questions))('GIVEN the question after %s THEN each option lists the outcomes the table still allows', (_name, path) => {
    const explained = explainQuestion(path);
    if (!explained.ok) throw new Error(explained.error.detail);
    expect(explained.value.options.length).toBeGreaterThan(0);
    for (const lead of explained.value.options) {
      expect([...lead.reachable].sort()).toEqual(tableOutcomesAfter([...path, lead.option]).sort());
      const after = [...path, lead.option];
      expect(lead.next.kind).toBe(isComplete(after) ? 'outcome' : 'question');
    }
    const text = renderQuestionExplanation(explained.value);
    expect(text.length).toBeLessThanOrEqual(EXPLANATION_MAX_LENGTH);
    expect(text).toContain(knowledge.questions[explained.value.question].whyAsked);
    for (const lead of explained.value.options) expect(text).toContain(lead.label);
  });

  it.each(named(outcomes))('GIVEN the outcome after %s THEN there is no question to explain', (_name, path) => {
    expect(explainQuestion(path)).toMatchObject({ ok: false, error: { kind: 'not-at-question' } });
  });
});

describe('explainOutcome', () => {
  it.each(named(outcomes))('GIVEN the answers %s THEN the chain is those answers, each with its reason', (_name, path) => {
    const explained = explainOutcome(path);
    if (!explained.ok) throw new Error(explained.error.detail);
    expect(explained.value.chain.map((answer) => answer.option)).toEqual(path);
    // Every outcome other than the user's is set aside by exactly one answer of the chain.
    const setAside = explained.value.chain.flatMap((answer) => answer.ruledOut).sort();
    expect(setAside).toEqual(OUTCOME_IDS.filter((outcome) => outcome !== explained.value.outcome).sort());
    const text = renderOutcomeExplanation(explained.value);
    expect(text.length).toBeLessThanOrEqual(EXPLANATION_MAX_LENGTH);
    for (const answer of explained.value.chain) {
      expect(text).toContain(answer.reason);
      expect(text).toContain(optionKnowledge(answer.option).label);
    }
  });

  it.each(named(questions))('GIVEN the answers %s that stop at a question THEN there is no outcome to explain', (_name, path) => {
    expect(explainOutcome(path)).toMatchObject({ ok: false, error: { kind: 'not-at-outcome' } });
  });
});

const pairs = places.flatMap((path) => OUTCOME_IDS.map((other) => [path.join(' > ') || '(start)', other, path] as const));

describe('explainWhyNot', () => {
  it.each(pairs)('GIVEN the answers %s and the question "why not %s?" THEN the turn and the way there match the table', (_name, other, path) => {
    const explained = explainWhyNot(path, other);
    if (!explained.ok) throw new Error(explained.error.detail);
    const route = answersFor(other);
    const turnIndex = path.findIndex((option, index) => route[index] !== option);
    const why = explained.value;
    if (isComplete(path) && tableOutcomesAfter(path)[0] === other) {
      expect(why.status).toBe('chosen');
    } else if (turnIndex === -1) {
      expect(why.status === 'still-reachable' && why.remaining.map((answer) => answer.option)).toEqual(route.slice(path.length));
    } else {
      if (why.status !== 'led-away') throw new Error(`expected led-away, got ${why.status}`);
      expect(why.turn.option).toBe(path[turnIndex]);
      expect(why.turn.ruledOut).toContain(other);
      expect(why.shared.map((answer) => answer.option)).toEqual(path.slice(0, turnIndex));
      expect(why.wouldHaveNeeded.map((answer) => answer.option)).toEqual(route.slice(turnIndex));
    }
    for (const style of [undefined, plainStyle]) {
      const text = renderWhyNot(why, style);
      expect(text.length).toBeLessThanOrEqual(EXPLANATION_MAX_LENGTH);
      expect(text).toContain(knowledge.outcomes[other].api);
    }
  });

  it('GIVEN answers that are no path of the tree THEN every explanation says so instead of guessing', () => {
    const bad: OptionId[] = ['io', 'cpu'];
    const other: OutcomeId = 'pool';
    expect(explainWhyNot(bad, other)).toMatchObject({ ok: false, error: { kind: 'bad-path' } });
    expect(explainOutcome(bad)).toMatchObject({ ok: false, error: { kind: 'bad-path' } });
    expect(explainQuestion(bad)).toMatchObject({ ok: false, error: { kind: 'bad-path' } });
  });
});
