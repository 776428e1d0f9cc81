import { OUTCOME_FAMILY, OUTCOME_IDS, type OptionId, type OutcomeId } from '../../machines/questions.ts';
import {
  explainOutcome,
  explainQuestion,
  explainWhyNot,
  type ExplainError,
  type OutcomeExplanation,
  type QuestionExplanation,
  type WhyNotExplanation,
} from './explain.ts';
import { markdownStyle, renderOutcomeExplanation, renderQuestionExplanation, renderWhyNot, type TextStyle } from './explain-text.ts';
import { describeStep, replayAnswers } from './guide.ts';
import { knowledge } from './knowledge/index.ts';
import { topicKnowledge, type TopicId } from './knowledge/topics.ts';
import { err, ok, type Result } from './result.ts';
import { workerFamilyAfter } from './tree.ts';
import { cannotAnswer, unknownApi } from './ui-text.ts';
import { understandFollowUp, type FollowUpQuestion } from './understand.ts';

/** What the guide answers to a typed question, given the member's answers so far. */
export type FollowUpAnswer =
  | { readonly kind: 'question'; readonly explanation: QuestionExplanation }
  | { readonly kind: 'outcome'; readonly explanation: OutcomeExplanation }
  | { readonly kind: 'why-not'; readonly explanations: readonly WhyNotExplanation[] }
  | { readonly kind: 'topic'; readonly topic: TopicId; readonly title: string; readonly paragraphs: readonly string[] }
  | { readonly kind: 'decline'; readonly unknownName?: string; readonly examples: readonly string[] };

function stepAt(path: readonly OptionId[]) {
  const replayed = replayAnswers(path);
  return replayed.ok ? describeStep(replayed.value) : undefined;
}

/** "Why?": the question's purpose while at a question, the member's reasons at an outcome. */
function why(path: readonly OptionId[]): Result<FollowUpAnswer, ExplainError> {
  const step = stepAt(path);
  if (step === undefined) return err({ kind: 'bad-path', detail: `${path.join(' > ')} is not a path of the tree` });
  if (step.kind === 'question') {
    const explained = explainQuestion(path);
    return explained.ok ? ok({ kind: 'question', explanation: explained.value }) : explained;
  }
  const explained = explainOutcome(path);
  return explained.ok ? ok({ kind: 'outcome', explanation: explained.value }) : explained;
}

/** "Why not X (and Y)?"; asking about the member's own recommendation gets its reasons. */
function whyNot(path: readonly OptionId[], others: readonly OutcomeId[]): Result<FollowUpAnswer, ExplainError> {
  const explanations: WhyNotExplanation[] = [];
  for (const other of others) {
    const explained = explainWhyNot(path, other);
    if (!explained.ok) return explained;
    if (explained.value.status !== 'chosen') explanations.push(explained.value);
  }
  return explanations.length === 0 ? why(path) : ok({ kind: 'why-not', explanations });
}

/** A topic's paragraphs, those about the member's side of the tree first. */
function topic(path: readonly OptionId[], id: TopicId): FollowUpAnswer {
  const { title, paragraphs } = topicKnowledge[id];
  const family = workerFamilyAfter(path);
  const rank = (paragraphFamily: string | undefined) => (paragraphFamily === family ? 0 : paragraphFamily === undefined ? 1 : 2);
  const ordered = [...paragraphs].sort((a, b) => rank(a.family) - rank(b.family));
  return { kind: 'topic', topic: id, title, paragraphs: ordered.map((paragraph) => paragraph.text) };
}

/** Questions the guide can answer from where the member stands, to offer instead of a guess. */
function examplesFor(path: readonly OptionId[]): string[] {
  const step = stepAt(path);
  const own = step?.kind === 'outcome' ? step.outcome : undefined;
  const other = OUTCOME_IDS.find((outcome) => outcome !== own && (own === undefined || OUTCOME_FAMILY[outcome] !== OUTCOME_FAMILY[own])) ?? 'asyncio';
  const rival = own === undefined ? 'pool' : OUTCOME_IDS.find((outcome) => outcome !== own && OUTCOME_FAMILY[outcome] === OUTCOME_FAMILY[own]) ?? 'pool';
  const versus = own ?? 'threadPoolExecutor';
  const name = (outcome: OutcomeId) => knowledge.outcomes[outcome].shortName;
  return [
    '"why?"',
    `"why not ${name(other)}?"`,
    `"${name(versus)} vs ${name(rival)}?"`,
    '"how many workers?"',
    '"what about free-threading?"',
  ];
}

/**
 * Answers a question already read, for a member whose answers so far are `path`.
 *
 * @example answerFollowUp({ kind: 'why-not', outcome: 'asyncio' }, ['cpu', 'pythonCode', 'class']) // ok: { kind: 'why-not', … }
 */
export function answerFollowUp(question: FollowUpQuestion, path: readonly OptionId[]): Result<FollowUpAnswer, ExplainError> {
  switch (question.kind) {
    case 'why':
      return why(path);
    case 'why-not':
      return whyNot(path, [question.outcome]);
    case 'compare':
      return whyNot(path, question.outcomes);
    case 'topic':
      return ok(topic(path, question.topic));
    case 'unclear':
      return ok({ kind: 'decline', ...(question.unknownName === undefined ? {} : { unknownName: question.unknownName }), examples: examplesFor(path) });
  }
}

/**
 * The answer as text, in Discord markdown or plain; it fits one message's text (EXPLANATION_MAX_LENGTH).
 *
 * @example renderFollowUpAnswer({ kind: 'decline', examples: ['"why?"'] }) // "I can't answer that one. …"
 */
export function renderFollowUpAnswer(answer: FollowUpAnswer, style: TextStyle = markdownStyle): string {
  switch (answer.kind) {
    case 'question':
      return renderQuestionExplanation(answer.explanation, style);
    case 'outcome':
      return renderOutcomeExplanation(answer.explanation, style);
    case 'why-not':
      return answer.explanations.map((explanation) => renderWhyNot(explanation, style)).join('\n\n');
    case 'topic':
      return [style.heading(answer.title), ...answer.paragraphs].join('\n\n');
    case 'decline': {
      const apis = OUTCOME_IDS.map((outcome) => knowledge.outcomes[outcome].shortName);
      const unknown = answer.unknownName === undefined ? [] : [unknownApi(apis)];
      return [...unknown, cannotAnswer(answer.examples)].join(' ');
    }
  }
}

/**
 * Reads and answers a typed question in one step, for adapters that hold only the text and the
 * member's answers.
 *
 * @example answerTypedQuestion('why not threads?', ['io', 'asyncio']) // ok: { answer: { kind: 'why-not', … }, asked: true }
 */
export function answerTypedQuestion(text: string, path: readonly OptionId[]): Result<{ answer: FollowUpAnswer; asked: boolean }, ExplainError> {
  const { question, asked } = understandFollowUp(text);
  const answered = answerFollowUp(question, path);
  return answered.ok ? ok({ answer: answered.value, asked }) : answered;
}
