import type { OptionId, OutcomeId } from '../../machines/questions.ts';
import { explainOutcome, explainQuestion, explainWhyNot } from '../core/explain.ts';
import { renderOutcomeExplanation, renderQuestionExplanation, renderWhyNot } from '../core/explain-text.ts';

/**
 * "Why this question?" for the question at the end of `path`: why it matters and where each
 * answer leads, as Markdown. Undefined if the path does not end at a question.
 */
export function explainQuestionText(path: readonly OptionId[]): string | undefined {
  const explained = explainQuestion(path);
  return explained.ok ? renderQuestionExplanation(explained.value) : undefined;
}

/** "Why?": the user's own answers, each with the reason it led to their outcome. */
export function explainOutcomeText(path: readonly OptionId[]): string | undefined {
  const explained = explainOutcome(path);
  return explained.ok ? renderOutcomeExplanation(explained.value) : undefined;
}

/** "Why not X?": where the answers so far part from the way to X, or what X still needs. */
export function explainWhyNotText(path: readonly OptionId[], other: OutcomeId): string | undefined {
  const explained = explainWhyNot(path, other);
  return explained.ok ? renderWhyNot(explained.value) : undefined;
}
