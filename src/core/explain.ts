import type { OptionId, OutcomeId, QuestionId } from '../../machines/questions.ts';
import { describeStep, replayAnswers, type GuideStep } from './guide.ts';
import { knowledge, notSureExamples, optionKnowledge } from './knowledge/index.ts';
import { err, ok, type Result } from './result.ts';
import { outcomesReachableFrom, pathsToOutcomes, workerFamilyAfter } from './tree.ts';

/** Where an answer takes the user next. */
export type NextStep = { readonly kind: 'question'; readonly question: QuestionId } | { readonly kind: 'outcome'; readonly outcome: OutcomeId };

/** One option of a question, and where choosing it leads. */
export interface OptionLead {
  readonly option: OptionId;
  readonly label: string;
  readonly description: string;
  readonly next: NextStep;
  /** The outcomes still possible after this answer, in tree order. */
  readonly reachable: readonly OutcomeId[];
}

/** "Why this question?": why it is asked, and what each answer leads to. */
export interface QuestionExplanation {
  readonly question: QuestionId;
  readonly title: string;
  readonly whyAsked: string;
  readonly options: readonly OptionLead[];
}

/** One of the user's answers, with the reason it matters. */
export interface AnswerReason {
  readonly question: QuestionId;
  readonly questionTitle: string;
  readonly option: OptionId;
  readonly optionLabel: string;
  /** Phrased to follow "Because you said ". */
  readonly reason: string;
  /** Outcomes that were possible before this answer and are not after it. */
  readonly ruledOut: readonly OutcomeId[];
}

/** "Why this recommendation?": the chain of the user's own answers. */
export interface OutcomeExplanation {
  readonly outcome: OutcomeId;
  readonly api: string;
  readonly chain: readonly AnswerReason[];
}

/** "Why not X?", in one of three situations. */
export type WhyNotExplanation =
  | { readonly status: 'chosen'; readonly other: OutcomeId; readonly api: string }
  | {
      readonly status: 'still-reachable';
      readonly other: OutcomeId;
      readonly api: string;
      /** The answers still to give to end at X. */
      readonly remaining: readonly AnswerReason[];
    }
  | {
      readonly status: 'led-away';
      readonly other: OutcomeId;
      readonly api: string;
      /** The user's answers before the turn; X agrees with them. */
      readonly shared: readonly AnswerReason[];
      /** The user's answer that ruled X out. */
      readonly turn: AnswerReason;
      /** The answer X needed at that question instead, then the rest of the way to X. */
      readonly wouldHaveNeeded: readonly AnswerReason[];
    };

/** Why the answers given cannot be explained. */
export type ExplainError =
  | { readonly kind: 'bad-path'; readonly detail: string }
  | { readonly kind: 'not-at-question'; readonly detail: string }
  | { readonly kind: 'not-at-outcome'; readonly detail: string };

function stepAfter(path: readonly OptionId[]): Result<GuideStep, ExplainError> {
  const replayed = replayAnswers(path);
  if (!replayed.ok) {
    return err({ kind: 'bad-path', detail: `answer ${replayed.error.index + 1} (${path.join(' > ')}) is not a step of the tree` });
  }
  return ok(describeStep(replayed.value));
}

function nextStep(step: GuideStep): NextStep {
  return step.kind === 'question' ? { kind: 'question', question: step.question } : { kind: 'outcome', outcome: step.outcome };
}

/** Describes each answer of a path; the path must be one the machine accepts. */
function reasonsFor(path: readonly OptionId[], from = 0): AnswerReason[] {
  const reasons: AnswerReason[] = [];
  for (let index = from; index < path.length; index += 1) {
    const before = path.slice(0, index);
    const option = path[index];
    const step = stepAfter(before);
    if (option === undefined || !step.ok || step.value.kind !== 'question') break;
    const questionKnowledge = knowledge.questions[step.value.question];
    const { label, reason } = optionKnowledge(option);
    const stillOpen = outcomesReachableFrom([...before, option]);
    reasons.push({
      question: step.value.question,
      questionTitle: questionKnowledge.title,
      option,
      optionLabel: label,
      reason,
      ruledOut: outcomesReachableFrom(before).filter((outcome) => !stillOpen.includes(outcome)),
    });
  }
  return reasons;
}

/**
 * Why the question at the end of `path` is asked, and where each of its answers leads,
 * computed from the machine.
 *
 * @example explainQuestion([]) // ok: { question: 'workload', options: [{ option: 'cpu', reachable: ['process', ...] }, ...] }
 */
export function explainQuestion(path: readonly OptionId[]): Result<QuestionExplanation, ExplainError> {
  const step = stepAfter(path);
  if (!step.ok) return step;
  if (step.value.kind !== 'question') return err({ kind: 'not-at-question', detail: `the answers end at ${step.value.outcome}` });
  const { question, options } = step.value;
  const questionKnowledge = knowledge.questions[question];
  const leads: OptionLead[] = [];
  for (const option of options) {
    const after = stepAfter([...path, option]);
    if (!after.ok) continue;
    const { label, description } = optionKnowledge(option);
    leads.push({ option, label, description, next: nextStep(after.value), reachable: outcomesReachableFrom([...path, option]) });
  }
  return ok({ question, title: questionKnowledge.title, whyAsked: questionKnowledge.whyAsked, options: leads });
}

/**
 * Why the user's answers end where they do: each answer with its reason.
 *
 * @example explainOutcome(['io', 'asyncio']) // ok: { outcome: 'asyncio', chain: [{ option: 'io', ... }, { option: 'asyncio', ... }] }
 */
export function explainOutcome(path: readonly OptionId[]): Result<OutcomeExplanation, ExplainError> {
  const step = stepAfter(path);
  if (!step.ok) return step;
  if (step.value.kind !== 'outcome') return err({ kind: 'not-at-outcome', detail: `the answers stop at the question ${step.value.question}` });
  const { outcome } = step.value;
  return ok({ outcome, api: knowledge.outcomes[outcome].api, chain: reasonsFor(path) });
}

function sharedLength(path: readonly OptionId[], route: readonly OptionId[]): number {
  const differ = route.findIndex((option, index) => path[index] !== option);
  return differ === -1 ? route.length : differ;
}

/**
 * The way to `other` that keeps most of the user's own answers, then the shortest; an outcome
 * reached on several sides of the tree (threads serve IO and some CPU work) is explained from the
 * side the user is on.
 */
function closestRoute(path: readonly OptionId[], other: OutcomeId): readonly OptionId[] | undefined {
  let best: readonly OptionId[] | undefined;
  for (const route of pathsToOutcomes().get(other) ?? []) {
    if (best === undefined || sharedLength(path, route) > sharedLength(path, best)) best = route;
  }
  return best;
}

/**
 * Why the user's answers do not lead to `other`: the answer that turned away from it, and
 * the answers that would have led there (from where they differ, the way that keeps most of
 * the user's answers, then the shortest).
 *
 * @example explainWhyNot(['io', 'asyncio'], 'pool') // ok: { status: 'led-away', turn: { option: 'io', ... }, ... }
 */
export function explainWhyNot(path: readonly OptionId[], other: OutcomeId): Result<WhyNotExplanation, ExplainError> {
  const step = stepAfter(path);
  if (!step.ok) return step;
  const api = knowledge.outcomes[other].api;
  if (step.value.kind === 'outcome' && step.value.outcome === other) return ok({ status: 'chosen', other, api });
  const route = closestRoute(path, other);
  if (route === undefined) return err({ kind: 'bad-path', detail: `no answers lead to ${other}` });
  const turnIndex = path.findIndex((option, index) => route[index] !== option);
  if (turnIndex === -1) return ok({ status: 'still-reachable', other, api, remaining: reasonsFor(route, path.length) });
  const [turn] = reasonsFor(path, turnIndex);
  if (turn === undefined) return err({ kind: 'bad-path', detail: `answer ${turnIndex + 1} cannot be explained` });
  return ok({
    status: 'led-away',
    other,
    api,
    shared: reasonsFor(path.slice(0, turnIndex)),
    turn,
    wouldHaveNeeded: reasonsFor(route, turnIndex),
  });
}

/** One side of a question's "not sure?" help. */
export interface NotSureSide {
  readonly option: OptionId;
  readonly label: string;
  readonly examples: readonly string[];
}

/**
 * "Not sure?" for the question a step shows: each option with examples from the member's own side
 * of the tree, so someone on the IO path never reads CPU-bound examples.
 *
 * @example notSureSides(step)[0] // { option: 'pool', label: 'Many short tasks', examples: ['a for-loop that downloads …', …] }
 */
export function notSureSides(step: Extract<GuideStep, { kind: 'question' }>): readonly NotSureSide[] {
  const family = workerFamilyAfter(step.answers.map((answer) => answer.option));
  return step.options.map((option) => ({ option, label: optionKnowledge(option).label, examples: notSureExamples(option, family) }));
}
