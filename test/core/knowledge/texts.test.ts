import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, QUESTION_IDS } from '../../../machines/questions.ts';
import { optionsOf } from '../../../src/core/guide.ts';
import { knowledge, notSureExamples, optionKnowledge } from '../../../src/core/knowledge/index.ts';

/** Every string in a value, each with the path that leads to it, so a failure names the text. */
function stringsIn(value: unknown, path: string): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  }
  return [];
}

const optionsKnowledge = (id: (typeof QUESTION_IDS)[number]) => optionsOf(id).map((option) => optionKnowledge(option));

describe('knowledge texts', () => {
  it('GIVEN every text in the knowledge base THEN none is empty or only whitespace', () => {
    const blank = stringsIn(knowledge, 'knowledge').filter(({ text }) => text.trim() === '');
    expect(blank.map(({ path }) => path)).toEqual([]);
  });

  it('GIVEN every text in the knowledge base THEN none has stray spaces at either end', () => {
    const untrimmed = stringsIn(knowledge, 'knowledge')
      .filter(({ path }) => !path.endsWith('.sketch'))
      .filter(({ text }) => text !== text.trim() || text.includes('  '));
    expect(untrimmed.map(({ path }) => path)).toEqual([]);
  });

  it.each(QUESTION_IDS)('GIVEN question %s THEN the machine offers exactly the options it has texts for', (id) => {
    expect(Object.keys(knowledge.questions[id].options).sort()).toEqual([...optionsOf(id)].sort());
    expect(Object.keys(knowledge.questions[id].notSure.examples).sort()).toEqual([...optionsOf(id)].sort());
  });

  it.each(QUESTION_IDS)('GIVEN question %s THEN no two options share a label', (id) => {
    const labels = optionsKnowledge(id).map((option) => option.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each(QUESTION_IDS)('GIVEN question %s THEN each option has at least two "not sure?" examples', (id) => {
    for (const option of optionsOf(id)) expect(notSureExamples(option).length).toBeGreaterThanOrEqual(2);
  });

  it.each(QUESTION_IDS)(
    'GIVEN question %s THEN each reason continues "Because you said" mid-sentence and ends as a sentence',
    (id) => {
      for (const { reason } of optionsKnowledge(id)) {
        expect(reason.charAt(0), reason).toBe(reason.charAt(0).toLowerCase());
        expect(reason.endsWith('.'), reason).toBe(true);
      }
    },
  );

  it('GIVEN all outcomes THEN no two share a short name, so a "why not" menu can tell them apart', () => {
    const names = OUTCOME_IDS.map((id) => knowledge.outcomes[id].shortName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(OUTCOME_IDS)('GIVEN outcome %s THEN it has at least one caveat and no caveat repeats', (id) => {
    const { caveats } = knowledge.outcomes[id];
    expect(caveats.length).toBeGreaterThan(0);
    expect(new Set(caveats).size).toBe(caveats.length);
  });
});
