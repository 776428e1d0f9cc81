import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { concurrencyGuideMachine, type GuideEvent, type GuideStateMeta } from '../../machines/concurrency-guide.ts';
import { QUESTION_OPTIONS, type Answer, type OptionId, type OutcomeId, type QuestionId } from '../../machines/questions.ts';
import { err, ok, type Result } from './result.ts';
import type { TreeNode } from './tree.ts';

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

/** A place in the tree: the machine's snapshot there, and the step it shows. */
interface Place {
  readonly snapshot: GuideSnapshot;
  readonly step: GuideStep;
}

/** Questions still to come from a place, its own included, on the shortest and the longest path. */
interface QuestionsLeft {
  readonly fewest: number;
  readonly most: number;
}

/*
 * The one memo of the tree: its places by path, and the same places as a nested tree. Every click
 * replays its guide's answers, and describing a step means exploring every path below it (for "question 2 of up to 4"): about 30 machine transitions of
 * 27 µs each at the root, measured on this machine, against 1 µs for a lookup. The machine is pure
 * and fixed for the life of the process and the tree has a few dozen places, so it is walked once,
 * on first use, and kept. Snapshots are values: transition() returns new ones and never changes these.
 */
let walked: { readonly places: ReadonlyMap<string, Place>; readonly tree: TreeNode } | undefined;

function allPlaces(): ReadonlyMap<string, Place> {
  walked ??= walkMachine();
  return walked.places;
}

/** The nested tree of the same walk, which src/core/tree.ts hands out as decisionTree(). */
export function walkedTree(): TreeNode {
  walked ??= walkMachine();
  return walked.tree;
}

const keyOfPath = (path: readonly OptionId[]): string => path.join('/');
const keyOfSnapshot = (snapshot: GuideSnapshot): string => keyOfPath(snapshot.context.answers.map((answer) => answer.option));

/** Walks the machine from its start through every answer it accepts, recording each place and the tree they make. */
function walkMachine(): { places: Map<string, Place>; tree: TreeNode } {
  const found = new Map<string, Place>();
  const visit = (snapshot: GuideSnapshot): QuestionsLeft & { readonly node: TreeNode } => {
    const meta = metaOf(snapshot);
    const answers = snapshot.context.answers;
    const path = answers.map((answer) => answer.option);
    if ('outcome' in meta) {
      const step = { kind: 'outcome', outcome: meta.outcome, answers } as const;
      found.set(keyOfPath(path), { snapshot, step });
      return { fewest: 0, most: 0, node: { kind: 'outcome', outcome: meta.outcome, path, step } };
    }
    const options = acceptedOptions(snapshot, meta.question);
    const deeper = options.map((option) => visit(transition(concurrencyGuideMachine, snapshot, { type: 'answer', option })[0]));
    // A question that accepted nothing would be a machine bug; it counts as the last question.
    const left = { fewest: 1 + (deeper.length === 0 ? 0 : Math.min(...deeper.map((next) => next.fewest))), most: 1 + Math.max(0, ...deeper.map((next) => next.most)) };
    const step = {
      kind: 'question' as const,
      question: meta.question,
      options,
      answers,
      stepNumber: answers.length + 1,
      totalSteps: answers.length + left.most,
      totalIsExact: left.fewest === left.most,
    };
    found.set(keyOfPath(path), { snapshot, step });
    const branches = options.map((option, index) => ({ option, node: (deeper[index] as { node: TreeNode }).node }));
    return { ...left, node: { kind: 'question', question: meta.question, path, step, branches } };
  };
  const root = visit(initialTransition(concurrencyGuideMachine)[0]);
  return { places: found, tree: root.node };
}

/** The place a snapshot stands at; every snapshot the machine reaches from the start is one. */
function placeOf(snapshot: GuideSnapshot): Place {
  const place = allPlaces().get(keyOfSnapshot(snapshot));
  if (place === undefined) throw new Error(`the machine reached answers ${keyOfSnapshot(snapshot)} that its own walk never did`);
  return place;
}

/** The snapshot of a guide that has just started. */
export function startGuide(): GuideSnapshot {
  // The walk began at the machine's initial transition, so its root place is the start; a lookup
  // instead of a fresh transition, which took 135 ms of a 9.6 s CPU profile at 200 guides/s.
  const start = allPlaces().get(keyOfPath([]));
  if (start === undefined) throw new Error('the walk of the machine recorded no start');
  return start.snapshot;
}

/** Applies one event; an event the current state does not accept leaves the guide where it was. */
export function applyEvent(snapshot: GuideSnapshot, event: GuideEvent): GuideSnapshot {
  // An accepted answer leads where the walk already took the machine with that same event.
  if (event.type === 'answer' && snapshot.can(event)) {
    const next = allPlaces().get(keyOfPath([...snapshot.context.answers.map((answer) => answer.option), event.option]));
    if (next !== undefined) return next.snapshot;
  }
  return placeOf(transition(concurrencyGuideMachine, snapshot, event)[0]).snapshot;
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

/** Describes where a guide stands. */
export function describeStep(snapshot: GuideSnapshot): GuideStep {
  return placeOf(snapshot).step;
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
  const known = allPlaces();
  const place = known.get(keyOfPath(options));
  if (place !== undefined) return ok(place.snapshot);
  // Not a place: find the first answer that leaves the tree, and say why.
  for (const [index, option] of options.entries()) {
    const before = known.get(keyOfPath(options.slice(0, index)));
    if (before?.step.kind === 'outcome') return err({ kind: 'past-outcome', index });
    if (!known.has(keyOfPath(options.slice(0, index + 1)))) return err({ kind: 'not-accepted', index, option });
  }
  // Unreachable: the empty path is always a place, and some prefix above left the tree.
  return err({ kind: 'not-accepted', index: 0, option: options[0] as OptionId });
}
