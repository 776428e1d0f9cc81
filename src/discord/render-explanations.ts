import type { APIEmbed } from 'discord.js';
import type { OptionId, OutcomeId } from '../../machines/questions.ts';
import { explainOutcome, explainQuestion, explainWhyNot } from '../core/explain.ts';
import { renderOutcomeExplanation, renderQuestionExplanation, renderWhyNot } from '../core/explain-text.ts';
import { fitEmbed } from './limits.ts';

// Yellow marks an explanation, apart from a question (blurple) or a recommendation (green).
const EXPLANATION_COLOUR = 0xfee75c;

function explanationEmbed(text: string): APIEmbed {
  return fitEmbed({ color: EXPLANATION_COLOUR, description: text });
}

/**
 * "Why this question?" for the question at the end of `path`: why it matters and where each
 * answer leads. Undefined if the path does not end at a question.
 */
export function explainQuestionEmbed(path: readonly OptionId[]): APIEmbed | undefined {
  const explained = explainQuestion(path);
  return explained.ok ? explanationEmbed(renderQuestionExplanation(explained.value)) : undefined;
}

/** "Why?": the user's own answers, each with the reason it led to their outcome. */
export function explainOutcomeEmbed(path: readonly OptionId[]): APIEmbed | undefined {
  const explained = explainOutcome(path);
  return explained.ok ? explanationEmbed(renderOutcomeExplanation(explained.value)) : undefined;
}

/** "Why not X?": where the answers so far part from the way to X, or what X still needs. */
export function explainWhyNotEmbed(path: readonly OptionId[], other: OutcomeId): APIEmbed | undefined {
  const explained = explainWhyNot(path, other);
  return explained.ok ? explanationEmbed(renderWhyNot(explained.value)) : undefined;
}
