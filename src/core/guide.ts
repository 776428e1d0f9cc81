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
      /** False while some answer still leads to a shorter path, so the total is only "up to". */
      readonly totalIsExact: boolean;
    }
  | { readonly kind: 'outcome'; readonly outcome: OutcomeId; readonly answers: readonly Answer[] };

/*
 * The machine is pure and fixed for the life of the process, and every click replays a guide
 * through it, so each place in the tree is kept as one snapshot and each transition from it is
 * computed once. There are only as many places as prefixes of complete paths, and as many events
 * per place as the machine has event shapes, so none of this grows with traffic or bad input.
 * Snapshots are values: transition() returns new ones and never changes these.
 */
const snapshotByPlace = new Map<string, GuideSnapshot>();
const transitionsFrom = new WeakMap<GuideSnapshot, Map<string, GuideSnapshot>>();
const stepOf = new WeakMap<GuideSnapshot, GuideStep>();

function placeKey(snapshot: GuideSnapshot): string {
  return JSON.stringify([snapshot.status, snapshot.value, snapshot.context.answers]);
}

/** The one stored snapshot for the place this snapshot stands at. */
function canonical(snapshot: GuideSnapshot): GuideSnapshot {
  const place = placeKey(snapshot);
  const known = snapshotByPlace.get(place);
  if (known !== undefined) return known;
  snapshotByPlace.set(place, snapshot);
  return snapshot;
}

let started: GuideSnapshot | undefined;

/** The snapshot of a guide that has just started. */
export function startGuide(): GuideSnapshot {
  started ??= canonical(initialTransition(concurrencyGuideMachine)[0]);
  return started;
}

/** Applies one event; an event the current state does not accept leaves the snapshot as it was. */
export function applyEvent(snapshot: GuideSnapshot, event: GuideEvent): GuideSnapshot {
  let known = transitionsFrom.get(snapshot);
  if (known === undefined) {
    known = new Map();
    transitionsFrom.set(snapshot, known);
  }
  const key = JSON.stringify(event);
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const next = canonical(transition(concurrencyGuideMachine, snapshot, event)[0]);
  known.set(key, next);
  return next;
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

// Explored once per place: applyEvent hands back the one snapshot of each place.
const remainingFrom = new WeakMap<GuideSnapshot, QuestionsLeft>();

/** Questions still to come from here, this one included, on the shortest and the longest path. */
interface QuestionsLeft {
  readonly fewest: number;
  readonly most: number;
}

function questionsLeft(snapshot: GuideSnapshot): QuestionsLeft {
  const known = remainingFrom.get(snapshot);
  if (known !== undefined) return known;
  const meta = metaOf(snapshot);
  let left: QuestionsLeft = { fewest: 0, most: 0 };
  if ('question' in meta) {
    const deeper = acceptedOptions(snapshot, meta.question).map((option) => questionsLeft(applyEvent(snapshot, { type: 'answer', option })));
    // A question that accepted nothing would be a machine bug; count it as the last, as before.
    const fewest = deeper.length === 0 ? 0 : Math.min(...deeper.map((next) => next.fewest));
    left = { fewest: 1 + fewest, most: 1 + Math.max(0, ...deeper.map((next) => next.most)) };
  }
  remainingFrom.set(snapshot, left);
  return left;
}

/** Describes where a guide stands. */
export function describeStep(snapshot: GuideSnapshot): GuideStep {
  const known = stepOf.get(snapshot);
  if (known !== undefined) return known;
  const step = stepAt(snapshot);
  stepOf.set(snapshot, step);
  return step;
}

function stepAt(snapshot: GuideSnapshot): GuideStep {
  const meta = metaOf(snapshot);
  const answers = snapshot.context.answers;
  if ('outcome' in meta) return { kind: 'outcome', outcome: meta.outcome, answers };
  const left = questionsLeft(snapshot);
  return {
    kind: 'question',
    question: meta.question,
    options: acceptedOptions(snapshot, meta.question),
    answers,
    stepNumber: answers.length + 1,
    totalSteps: answers.length + left.most,
    totalIsExact: left.fewest === left.most,
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
  const key = options.join('/');
  const known = replayedPaths.get(key);
  if (known !== undefined) return ok(known);
  let snapshot = startGuide();
  for (const [index, option] of options.entries()) {
    if ('outcome' in metaOf(snapshot)) return err({ kind: 'past-outcome', index });
    if (!snapshot.can({ type: 'answer', option })) return err({ kind: 'not-accepted', index, option });
    snapshot = applyEvent(snapshot, { type: 'answer', option });
  }
  replayedPaths.set(key, snapshot);
  return ok(snapshot);
}

// Only paths the machine accepted are kept: as few as places in the tree.
const replayedPaths = new Map<string, GuideSnapshot>();
