import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { OutcomeId } from '../../machines/questions.ts';
import type { GuideStep } from '../core/guide.ts';
import { knowledge, optionKnowledge } from '../core/knowledge/index.ts';
import { outcomesReachableFrom, pathsToOutcomes } from '../core/tree.ts';
import * as ui from '../core/ui-text.ts';
import { pathOf } from './guide-page.ts';
import { fitEmbed } from './limits.ts';

type QuestionStep = Extract<GuideStep, { kind: 'question' }>;
type OutcomeStep = Extract<GuideStep, { kind: 'outcome' }>;

const EXPLANATION_COLOUR = 0xfee75c;

/** "Why this question?": why it matters, and where each answer can still lead. */
export function explainQuestionField(step: QuestionStep): APIEmbedField {
  const question = knowledge.questions[step.question];
  const leads = step.options.map((option) => {
    const reachable = outcomesReachableFrom([...pathOf(step), option]).map((outcome) => knowledge.outcomes[outcome].shortName);
    return `**${optionKnowledge(option).label}** → ${reachable.join(', ')}`;
  });
  return { name: ui.buttonLabels.whyAsked, value: [question.whyAsked, leads.join('\n')].join('\n\n') };
}

/** "Why?": the user's own answers, each with the reason it led here. */
export function explainOutcomeEmbed(step: OutcomeStep): APIEmbed {
  const outcome = knowledge.outcomes[step.outcome];
  return fitEmbed({
    color: EXPLANATION_COLOUR,
    title: `${ui.headings.whyThisAnswer}: ${outcome.api}`,
    description: step.answers.map((answer) => ui.because(optionKnowledge(answer.option).reason)).join('\n\n'),
  });
}

/** "Why not X?": where the user's answers part from the way to X, and what X would have needed. */
export function explainWhyNotEmbed(step: OutcomeStep, other: OutcomeId): APIEmbed {
  const mine = pathOf(step);
  const theirs = pathsToOutcomes().get(other)?.[0] ?? [];
  const split = theirs.findIndex((option, index) => mine[index] !== option);
  const lines: string[] = [];
  const yours = split >= 0 ? step.answers[split] : undefined;
  const needed = split >= 0 ? theirs[split] : undefined;
  if (yours !== undefined && needed !== undefined) {
    lines.push(`${knowledge.questions[yours.question].title} You said **${optionKnowledge(yours.option).label}**; ${knowledge.outcomes[other].shortName} fits **${optionKnowledge(needed).label}**.`);
    lines.push(ui.because(optionKnowledge(yours.option).reason));
  }
  return fitEmbed({ color: EXPLANATION_COLOUR, title: ui.whyNotTitle(knowledge.outcomes[other].shortName), description: lines.join('\n\n') });
}
