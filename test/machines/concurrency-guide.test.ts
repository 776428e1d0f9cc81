import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition, type SnapshotFrom } from 'xstate';
import { getPathsFromEvents, getShortestPaths, getSimplePaths } from 'xstate/graph';
import { concurrencyGuideMachine, type GuideEvent, type GuideStateMeta } from '../../machines/concurrency-guide.ts';
import { OUTCOME_IDS, QUESTION_IDS, QUESTION_OPTIONS, type OptionId, type OutcomeId } from '../../machines/questions.ts';
import { knowledge } from '../../src/core/knowledge/index.ts';
import { ARTICLE_PATHS, DECISION_TABLE } from '../support/decision-table.ts';

type Snapshot = SnapshotFrom<typeof concurrencyGuideMachine>;

const SPEC = DECISION_TABLE;

const ALL_OPTIONS: readonly OptionId[] = QUESTION_IDS.flatMap((question) => QUESTION_OPTIONS[question]);
const ANSWER_EVENTS: readonly GuideEvent[] = ALL_OPTIONS.map((option) => ({ type: 'answer', option }));
const NAV_EVENTS: readonly GuideEvent[] = [{ type: 'nav.back' }, { type: 'nav.restart' }];

function metaOf(snapshot: Snapshot): GuideStateMeta | undefined {
  const metas = Object.values(snapshot.getMeta()) as GuideStateMeta[];
  return metas.length === 1 ? metas[0] : undefined;
}

function outcomeOf(snapshot: Snapshot): OutcomeId | undefined {
  const meta = metaOf(snapshot);
  return meta !== undefined && 'outcome' in meta ? meta.outcome : undefined;
}

function optionsOf(snapshot: Snapshot): OptionId[] {
  return snapshot.context.answers.map((answer) => answer.option);
}

function acceptsAnAnswer(snapshot: Snapshot): boolean {
  return ANSWER_EVENTS.some((event) => snapshot.can(event));
}

/** Every state reachable with any event, each with the events of its shortest path. */
const everyState = getShortestPaths(concurrencyGuideMachine, { events: [...ANSWER_EVENTS, ...NAV_EVENTS] });
/** Every way through the tree by answers alone. */
const answerPaths = getSimplePaths(concurrencyGuideMachine, { events: [...ANSWER_EVENTS] });
const completePaths = answerPaths.filter((path) => !acceptsAnAnswer(path.state));

describe('the decision machine, walked with xstate/graph', () => {
  it('GIVEN every path of answers that cannot go further THEN it ends in an outcome', () => {
    expect(completePaths.length).toBeGreaterThan(0);
    for (const path of completePaths) expect(outcomeOf(path.state), JSON.stringify(optionsOf(path.state))).toBeDefined();
  });

  it('GIVEN every state THEN it shows exactly one question or one outcome', () => {
    for (const { state } of everyState) {
      const meta = metaOf(state);
      expect(meta, JSON.stringify(state.value)).toBeDefined();
      if (meta !== undefined && 'question' in meta) expect(acceptsAnAnswer(state)).toBe(true);
      if (meta !== undefined && 'outcome' in meta) expect(acceptsAnAnswer(state)).toBe(false);
    }
  });

  it('GIVEN all shortest paths THEN all seven outcomes are reachable', () => {
    const reached = new Set(everyState.map((path) => outcomeOf(path.state)).filter((outcome) => outcome !== undefined));
    expect([...reached].sort()).toEqual([...OUTCOME_IDS].sort());
  });

  it.each(ARTICLE_PATHS.map(([answers, outcome]) => [outcome, answers.join(' > '), answers] as const))(
    'GIVEN the source article\'s answers for %s (%s) THEN a complete path with those answers, in that order, ends there',
    (outcome, _name, answers) => {
      const keepsArticleAnswers = (path: readonly OptionId[]) => {
        let next = 0;
        for (const option of path) if (option === answers[next]) next += 1;
        return next === answers.length;
      };
      const matching = completePaths.filter((path) => keepsArticleAnswers(optionsOf(path.state)));
      expect(matching.length).toBeGreaterThan(0);
      expect(matching.some((path) => outcomeOf(path.state) === outcome)).toBe(true);
    },
  );

  it('GIVEN the table of the decision tree THEN the complete paths match it exactly', () => {
    const actual = completePaths.map((path) => [optionsOf(path.state), outcomeOf(path.state)] as const);
    const byKey = (rows: ReadonlyArray<readonly [readonly OptionId[], OutcomeId | undefined]>) =>
      rows.map(([answers, outcome]) => `${answers.join(' > ')} => ${outcome}`).sort();
    expect(byKey(actual)).toEqual(byKey(SPEC.map(([answers, outcome]) => [answers, outcome] as const)));
  });

  it('GIVEN each outcome of the table THEN its knowledge names the API the table recommends', () => {
    for (const [, outcome, api] of SPEC) expect(knowledge.outcomes[outcome].api).toBe(api);
  });

  it.each(SPEC.map(([answers, outcome]) => [answers.join(' > '), outcome, answers] as const))(
    'GIVEN the answers %s THEN the machine recommends %s',
    (_name, outcome, answers) => {
      const paths = getPathsFromEvents(
        concurrencyGuideMachine,
        answers.map((option) => ({ type: 'answer', option }) as const),
      );
      const last = paths.at(-1);
      expect(last && outcomeOf(last.state)).toBe(outcome);
    },
  );

  it.each(everyState.map((path) => [JSON.stringify(optionsOf(path.state)), path.state] as const))(
    'GIVEN the state after %s THEN back undoes the last answer and start over returns to the first question',
    (_name, state) => {
      const answers = optionsOf(state);
      const back = transition(concurrencyGuideMachine, state, { type: 'nav.back' })[0];
      const previous = getPathsFromEvents(
        concurrencyGuideMachine,
        answers.slice(0, -1).map((option) => ({ type: 'answer', option }) as const),
      ).at(-1)?.state;
      const expected = previous ?? transition(concurrencyGuideMachine, state, { type: 'nav.restart' })[0];
      expect(back.value).toEqual(expected.value);
      expect(optionsOf(back)).toEqual(answers.slice(0, -1));

      const restarted = transition(concurrencyGuideMachine, state, { type: 'nav.restart' })[0];
      expect(restarted.value).toEqual({ guide: 'workload' });
      expect(restarted.context.answers).toEqual([]);
    },
  );
});

describe('the decision machine under random events', () => {
  const anyEvent: fc.Arbitrary<GuideEvent> = fc.oneof(
    fc.constantFrom(...ALL_OPTIONS).map((option) => ({ type: 'answer', option }) as const),
    fc.constant({ type: 'nav.back' } as const),
    fc.constant({ type: 'nav.restart' } as const),
  );

  it('GIVEN any sequence of events THEN it never throws, every state has meta and knowledge, and the answers explain the state', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 40 }), (events) => {
        let snapshot: Snapshot = getPathsFromEvents(concurrencyGuideMachine, [])[0]!.state;
        for (const event of events) {
          snapshot = transition(concurrencyGuideMachine, snapshot, event)[0];
          const meta = metaOf(snapshot);
          if (meta === undefined) throw new Error(`no meta in ${JSON.stringify(snapshot.value)}`);
          // The adapters need texts for wherever the user ends up.
          if ('question' in meta) expect(knowledge.questions[meta.question].prompt).toBeTruthy();
          else expect(knowledge.outcomes[meta.outcome].summary).toBeTruthy();
          // Replaying only the remembered answers must land in the same state.
          const replayed = getPathsFromEvents(
            concurrencyGuideMachine,
            optionsOf(snapshot).map((option) => ({ type: 'answer', option }) as const),
          ).at(-1)?.state;
          expect((replayed ?? snapshot).value).toEqual(snapshot.value);
        }
      }),
      { numRuns: 300 },
    );
  });
});
