import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OptionId, type OutcomeId } from '../../machines/questions.ts';
import { explainOutcome, explainQuestion, explainWhyNot, notSureSides } from '../../src/core/explain.ts';
import { describeStep, replayAnswers } from '../../src/core/guide.ts';
import {
  EXPLANATION_MAX_LENGTH,
  plainStyle,
  renderOutcomeExplanation,
  renderQuestionExplanation,
  renderWhyNot,
} from '../../src/core/explain-text.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { closestRowsFor, isComplete, tableFamilyAfter, tableOutcomesAfter, tablePrefixes } from '../support/decision-table.ts';

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
  it.each(pairs)('GIVEN the answers %s and the question "why not %s?" THEN the turn and the way there match the closest row of the table', (_name, other, path) => {
    const explained = explainWhyNot(path, other);
    if (!explained.ok) throw new Error(explained.error.detail);
    const routes = closestRowsFor(other, path);
    const route = routes[0] ?? [];
    const turnIndex = path.findIndex((option, index) => route[index] !== option);
    const why = explained.value;
    if (isComplete(path) && tableOutcomesAfter(path)[0] === other) {
      expect(why.status).toBe('chosen');
    } else if (turnIndex === -1) {
      if (why.status !== 'still-reachable') throw new Error(`expected still-reachable, got ${why.status}`);
      expect(routes.map((row) => row.slice(path.length).join(' > '))).toContain(why.remaining.map((answer) => answer.option).join(' > '));
    } else {
      if (why.status !== 'led-away') throw new Error(`expected led-away, got ${why.status}`);
      expect(why.turn.option).toBe(path[turnIndex]);
      expect(why.turn.ruledOut).toContain(other);
      expect(why.shared.map((answer) => answer.option)).toEqual(path.slice(0, turnIndex));
      expect(routes.map((row) => row.slice(turnIndex).join(' > '))).toContain(why.wouldHaveNeeded.map((answer) => answer.option).join(' > '));
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

describe('notSureSides', () => {
  /** Every "not sure?" example the knowledge holds for one side of the tree, across all questions. */
  const examplesOfSide = (side: 'threads' | 'processes'): string[] =>
    Object.values(knowledge.questions).flatMap((question) =>
      Object.values(question.notSure.examples).flatMap((examples) => ('threads' in examples ? examples[side] : [])),
    );

  it.each(named(questions))('GIVEN the question after %s THEN its "not sure?" examples are only those of the member\'s side', (_name, path) => {
    const replayed = replayAnswers(path);
    if (!replayed.ok) throw new Error(`not a path: ${path.join(',')}`);
    const step = describeStep(replayed.value);
    if (step.kind !== 'question') throw new Error('expected a question');
    const shown = notSureSides(step).flatMap((side) => side.examples);
    expect(shown.length).toBeGreaterThan(0);
    const family = tableFamilyAfter(path);
    if (family === 'threads' || family === 'processes') {
      const other = family === 'threads' ? 'processes' : 'threads';
      const foreign = shown.filter((example) => examplesOfSide(other).includes(example) && !examplesOfSide(family).includes(example));
      expect(foreign).toEqual([]);
    }
  });

  it('GIVEN the IO path at "a pool, or your own workers?" THEN no CPU-bound example shows', () => {
    const replayed = replayAnswers(['io', 'threads']);
    if (!replayed.ok) throw new Error('not a path');
    const step = describeStep(replayed.value);
    if (step.kind !== 'question') throw new Error('expected a question');
    const shown = notSureSides(step).flatMap((side) => side.examples).join('\n');
    expect(shown).not.toMatch(/simulation|scoring|computes/);
    expect(shown).toMatch(/download/);
  });
});
