import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, QUESTION_IDS, type OptionId } from '../../../machines/questions.ts';
import { optionsOf } from '../../../src/core/guide.ts';
import { pathsToOutcomes } from '../../../src/core/tree.ts';
import { knowledge, notSureExamples, optionKnowledge } from '../../../src/core/knowledge/index.ts';
import { because, examplesOf, headings, recommendationTitle } from '../../../src/core/ui-text.ts';
import { LIMITS } from '../../../src/core/discord-limits.ts';

/** The reasons of one walk through the guide, as the outcome's "why" shows them. */
function reasonsOf(path: readonly OptionId[]): string[] {
  return path.map((option) => because(optionKnowledge(option).reason));
}

const questionCases = QUESTION_IDS.map((id) => ({ id, question: knowledge.questions[id] }));
const outcomeCases = OUTCOME_IDS.map((id) => ({ id, outcome: knowledge.outcomes[id] }));
// Every path the machine allows to every outcome, so the longest answer chain is always covered.
const pathCases = [...pathsToOutcomes()].flatMap(([outcome, paths]) => paths.map((path) => ({ outcome, path })));

describe('question texts fit the Discord components they are shown in', () => {
  it.each(questionCases)('GIVEN question $id THEN every option label fits on a button', ({ id }) => {
    for (const option of optionsOf(id)) {
      expect(optionKnowledge(option).label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    }
  });

  it.each(questionCases)('GIVEN question $id THEN the title fits an embed title', ({ question }) => {
    expect(question.title.length).toBeLessThanOrEqual(LIMITS.embedTitle);
  });

  it.each(questionCases)(
    'GIVEN question $id THEN the prompt with every option and its description fits one embed description',
    ({ id, question }) => {
      const lines = optionsOf(id).map((option) => `**${optionKnowledge(option).label}**: ${optionKnowledge(option).description}`);
      expect([question.prompt, '', ...lines].join('\n').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    },
  );

  it.each(questionCases)('GIVEN question $id THEN every reason fits an embed field after "Because you said"', ({ id }) => {
    for (const option of optionsOf(id)) {
      expect(because(optionKnowledge(option).reason).length).toBeLessThanOrEqual(LIMITS.fieldValue);
    }
  });

  it.each(questionCases)('GIVEN question $id THEN "why this question?" fits an embed field', ({ question }) => {
    expect(question.whyAsked.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  });

  it.each(questionCases)(
    'GIVEN question $id THEN each side of the "not sure?" help, and its test, fit an embed field',
    ({ id, question }) => {
      for (const option of optionsOf(id)) {
        const examples = notSureExamples(option).map((example) => `- ${example}`).join('\n');
        expect(examplesOf(optionKnowledge(option).label).length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(examples.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
      expect(question.notSure.test.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    },
  );
});

describe('outcome texts fit the Discord components they are shown in', () => {
  it.each(outcomeCases)('GIVEN outcome $id THEN its short name fits a button and a select option', ({ outcome }) => {
    expect(outcome.shortName.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
    expect(outcome.shortName.length).toBeLessThanOrEqual(LIMITS.selectOptionLabel);
  });

  it.each(outcomeCases)('GIVEN outcome $id THEN each caveat fits an embed field', ({ outcome }) => {
    for (const caveat of outcome.caveats) expect(caveat.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  });

  it.each(outcomeCases)('GIVEN outcome $id THEN the sketch in a py code block fits an embed field', ({ outcome }) => {
    expect(`\`\`\`py\n${outcome.sketch}\`\`\``.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  });

  it.each(outcomeCases)('GIVEN outcome $id THEN its links, one per line, fit an embed field', ({ outcome }) => {
    const list = outcome.links.map((link) => `[${link.label}](${link.url})`).join('\n');
    expect(list.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  });

  it.each(pathCases)(
    'GIVEN the path to $outcome THEN the whole outcome embed, with the reasons of that path, fits in 6000 characters',
    ({ path, outcome: outcomeId }) => {
      const outcome = knowledge.outcomes[outcomeId];
      const parts = [
        recommendationTitle(outcome.api),
        outcome.summary,
        headings.whyThisAnswer,
        reasonsOf(path).join('\n'),
        headings.sketch,
        `\`\`\`py\n${outcome.sketch}\`\`\``,
        headings.watchOut,
        ...outcome.caveats,
        headings.readMore,
        outcome.links.map((link) => `[${link.label}](${link.url})`).join('\n'),
      ];
      expect(recommendationTitle(outcome.api).length).toBeLessThanOrEqual(LIMITS.embedTitle);
      expect(outcome.summary.length).toBeLessThanOrEqual(LIMITS.embedDescription);
      expect(parts.join('').length).toBeLessThanOrEqual(LIMITS.embedTotal);
    },
  );
});
