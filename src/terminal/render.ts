import type { OptionId, OutcomeId } from '../../machines/questions.ts';
import { explainOutcome, notSureSides } from '../core/explain.ts';
import { plainStyle, renderOutcomeExplanation } from '../core/explain-text.ts';
import type { GuideStep } from '../core/guide.ts';
import { knowledge, optionKnowledge } from '../core/knowledge/index.ts';
import { examplesOf, headings, recommendationTitle, stepLine } from '../core/ui-text.ts';

function indent(text: string, prefix: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line === '' ? '' : `${prefix}${line}`))
    .join('\n');
}

/** A question with its numbered options. */
export function renderQuestion(step: Extract<GuideStep, { kind: 'question' }>): string {
  const question = knowledge.questions[step.question];
  const options = step.options.map((option, index) => {
    const { label, description } = optionKnowledge(option);
    return `  ${index + 1}) ${label}: ${description}`;
  });
  return [`${stepLine(step.stepNumber, step.totalSteps, step.totalIsExact)}: ${question.title}`, question.prompt, '', ...options].join('\n');
}

/** "Not sure?": examples of each side and a test to apply. */
export function renderNotSure(step: Extract<GuideStep, { kind: 'question' }>): string {
  const sides = notSureSides(step).map((side) => [`${examplesOf(side.label)}:`, ...side.examples.map((example) => `  - ${example}`)].join('\n'));
  return [...sides, '', `${headings.notSureTest}: ${knowledge.questions[step.question].notSure.test}`].join('\n');
}

/** The recommendation in full: summary, reasons, sketch, caveats and links. */
export function renderOutcome(outcome: OutcomeId, answers: readonly OptionId[]): string {
  const about = knowledge.outcomes[outcome];
  const explained = explainOutcome(answers);
  const reasons = explained.ok ? [renderOutcomeExplanation(explained.value, plainStyle)] : [];
  return [
    recommendationTitle(about.api),
    about.summary,
    '',
    ...reasons,
    '',
    `${headings.sketch}:`,
    indent(about.sketch, '    '),
    '',
    `${headings.watchOut}:`,
    ...about.caveats.map((caveat) => `- ${caveat}`),
    '',
    `${headings.readMore}:`,
    ...about.links.map((link) => `- ${link.label}: ${link.url}`),
  ].join('\n');
}
