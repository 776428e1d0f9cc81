import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { concurrencyGuideMachine, type GuideEvent, type GuideStateMeta } from '../../machines/concurrency-guide.ts';
import { QUESTION_OPTIONS, type Answer, type OptionId, type OutcomeId, type QuestionId } from '../../machines/questions.ts';
import { err, ok, type Result } from './result.ts';

/** A moment in one user's guide, as the machine sees it. */
export type GuideSnapshot = SnapshotFrom<typeof concurrencyGuideMachine>;

/** Where a guide stands, in terms an adapter can render without knowing the machine's states. */
export type GuideStep =
  | {
      readonly kind: 'question';
      readonly question: QuestionId;
      /** The options the machine accepts here, in display order. */
      readonly options: readonly OptionId[];
      readonly answers: readonly Answer[];
      /** 1-based position of this question on the user's path. */
      readonly stepNumber: number;
      /** How many questions the user will have answered at the end of the longest path from here. */
      readonly totalSteps: number;
    }
  | { readonly kind: 'outcome'; readonly outcome: OutcomeId; readonly answers: readonly Answer[] };

/** The snapshot of a guide that has just started. */
export function startGuide(): GuideSnapshot {
  return initialTransition(concurrencyGuideMachine)[0];
}

/** Applies one event; an event the current state does not accept leaves the snapshot as it was. */
export function applyEvent(snapshot: GuideSnapshot, event: GuideEvent): GuideSnapshot {
  return transition(concurrencyGuideMachine, snapshot, event)[0];
}

function metaOf(snapshot: GuideSnapshot): GuideStateMeta {
  const metas = Object.values(snapshot.getMeta()) as GuideStateMeta[];
  const meta = metas[0];
  if (meta === undefined) throw new Error(`state ${JSON.stringify(snapshot.value)} has no meta`);
  return meta;
}

/** The options of a question, in the order the machine lists them. */
export function optionsOf(question: QuestionId): readonly OptionId[] {
  return QUESTION_OPTIONS[question];
}

/** The options the current state accepts, found by asking the machine rather than a table. */
function acceptedOptions(snapshot: GuideSnapshot, question: QuestionId): OptionId[] {
  return optionsOf(question).filter((option) => snapshot.can({ type: 'answer', option }));
}

/** Questions still to come on the longest path from here, this one included. */
function longestRemaining(snapshot: GuideSnapshot): number {
  const meta = metaOf(snapshot);
  if (!('question' in meta)) return 0;
  const deeper = acceptedOptions(snapshot, meta.question).map((option) =>
    longestRemaining(applyEvent(snapshot, { type: 'answer', option })),
  );
  return 1 + Math.max(0, ...deeper);
}

/** Describes where a guide stands. */
export function describeStep(snapshot: GuideSnapshot): GuideStep {
  const meta = metaOf(snapshot);
  const answers = snapshot.context.answers;
  if ('outcome' in meta) return { kind: 'outcome', outcome: meta.outcome, answers };
  return {
    kind: 'question',
    question: meta.question,
    options: acceptedOptions(snapshot, meta.question),
    answers,
    stepNumber: answers.length + 1,
    totalSteps: answers.length + longestRemaining(snapshot),
  };
}

/** Why a sequence of options is not a path through the current machine. */
export type ReplayError =
  | { readonly kind: 'not-accepted'; readonly index: number; readonly option: OptionId }
  | { readonly kind: 'past-outcome'; readonly index: number };

/**
 * Rebuilds a guide from the options a user chose, in order. Every option must be one the
 * machine accepts at that point; anything else is rejected, never guessed.
 */
export function replayAnswers(options: readonly OptionId[]): Result<GuideSnapshot, ReplayError> {
  let snapshot = startGuide();
  for (const [index, option] of options.entries()) {
    if (describeStep(snapshot).kind === 'outcome') return err({ kind: 'past-outcome', index });
    if (!snapshot.can({ type: 'answer', option })) return err({ kind: 'not-accepted', index, option });
    snapshot = applyEvent(snapshot, { type: 'answer', option });
  }
  return ok(snapshot);
}
