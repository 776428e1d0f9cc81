import type { OutcomeId } from '../../machines/questions.ts';
import type { AnswerReason, OptionLead, OutcomeExplanation, QuestionExplanation, WhyNotExplanation } from './explain.ts';
import { knowledge, optionKnowledge } from './knowledge/index.ts';
import { because, whyNotTitle } from './ui-text.ts';
import { LIMITS } from './discord-limits.ts';

/** How emphasis is written: Discord markdown, or plain text for a terminal. */
export interface TextStyle {
  readonly heading: (text: string) => string;
  readonly strong: (text: string) => string;
  readonly code: (text: string) => string;
}

/** Discord markdown. */
export const markdownStyle: TextStyle = {
  heading: (text) => `**${text}**`,
  strong: (text) => `**${text}**`,
  code: (text) => `\`${text}\``,
};

/** Plain text: no markup at all (headings keep their case: API names are case-sensitive). */
export const plainStyle: TextStyle = {
  heading: (text) => text,
  strong: (text) => text,
  code: (text) => text,
};

/**
 * Every explanation fits in one Components V2 message (4,000 characters of text), beside the
 * recommendation's heading and a note above the guide (room for both kept).
 */
export const EXPLANATION_MAX_LENGTH = LIMITS.messageText - 700;

function apiList(outcomes: readonly OutcomeId[], style: TextStyle): string {
  return outcomes.map((outcome) => style.code(knowledge.outcomes[outcome].api)).join(', ');
}

function leadLine(lead: OptionLead, style: TextStyle): string {
  const where =
    lead.next.kind === 'outcome'
      ? `Leads straight to ${style.code(knowledge.outcomes[lead.next.outcome].api)}.`
      : `Next: "${knowledge.questions[lead.next.question].title}", which can still end in ${apiList(lead.reachable, style)}.`;
  return `- ${style.strong(lead.label)}: ${lead.description}\n  ${where}`;
}

/**
 * "Why this question?" as text.
 *
 * @example renderQuestionExplanation(explanation) // "**Why ask: What limits your task?**\n..."
 */
export function renderQuestionExplanation(explanation: QuestionExplanation, style: TextStyle = markdownStyle): string {
  return [
    style.heading(`Why ask: ${explanation.title}`),
    explanation.whyAsked,
    '',
    style.heading('Where each answer leads'),
    ...explanation.options.map((lead) => leadLine(lead, style)),
  ].join('\n');
}

function becauseLine(answer: AnswerReason, style: TextStyle): string {
  return `${answer.questionTitle} You answered ${style.strong(answer.optionLabel)}. ${because(answer.reason)}`;
}

/**
 * "Why this recommendation?" as text: the user's answers in order, each with its reason.
 *
 * @example renderOutcomeExplanation(explanation) // "**Why `asyncio`?**\n1. What limits your task? ..."
 */
export function renderOutcomeExplanation(explanation: OutcomeExplanation, style: TextStyle = markdownStyle): string {
  const lines = explanation.chain.map((answer, index) => {
    const ruledOut = answer.ruledOut.length > 0 ? `\n   This set aside ${apiList(answer.ruledOut, style)}.` : '';
    return `${index + 1}. ${becauseLine(answer, style)}${ruledOut}`;
  });
  return [style.heading(`Why ${style.code(explanation.api)}?`), ...lines].join('\n');
}

function routeLines(route: readonly AnswerReason[], style: TextStyle): string[] {
  return route.map((answer, index) => {
    return `${index + 1}. ${answer.questionTitle} ${style.strong(answer.optionLabel)}: ${optionKnowledge(answer.option).description}`;
  });
}

/**
 * "Why not X?" as text: the answer that led away from X, and what would have led to it.
 *
 * @example renderWhyNot(explanation) // "**Why not `multiprocessing.pool.Pool`?**\nAt ..."
 */
export function renderWhyNot(explanation: WhyNotExplanation, style: TextStyle = markdownStyle): string {
  const api = style.code(explanation.api);
  const heading = style.heading(whyNotTitle(style.code(knowledge.outcomes[explanation.other].shortName)));
  switch (explanation.status) {
    case 'chosen':
      return [heading, `${api} is the recommendation your answers lead to; "why?" shows the reasons.`].join('\n');
    case 'still-reachable':
      return [
        heading,
        `Nothing you have answered rules out ${api} yet. To end there, answer:`,
        ...routeLines(explanation.remaining, style),
      ].join('\n');
    case 'led-away': {
      const shared =
        explanation.shared.length > 0
          ? [`Your earlier answers (${explanation.shared.map((answer) => style.strong(answer.optionLabel)).join(', ')}) fit ${api} too.`]
          : [];
      return [
        heading,
        `The turn came at: ${becauseLine(explanation.turn, style)}`,
        `That answer set aside ${apiList(explanation.turn.ruledOut, style)}.`,
        ...shared,
        '',
        `To reach ${api} you would have answered:`,
        ...routeLines(explanation.wouldHaveNeeded, style),
      ].join('\n');
    }
  }
}
