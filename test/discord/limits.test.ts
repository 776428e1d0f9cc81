import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/core/discord-limits.ts';
import { embedLength, fitEmbed, truncate } from '../../src/discord/limits.ts';

describe('truncate', () => {
  it('GIVEN text within the limit THEN it is unchanged', () => {
    expect(truncate('short', 10)).toBe('short');
  });

  it('GIVEN text over the limit THEN it is cut to the limit and ends with an ellipsis', () => {
    const cut = truncate('x'.repeat(30), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('fitEmbed', () => {
  const text = (max: number) => fc.string({ maxLength: max });

  it('GIVEN any embed THEN every part and the total fit Discord limits', () => {
    fc.assert(
      fc.property(
        text(300),
        text(6000),
        fc.array(fc.record({ name: text(300), value: text(1500) }), { maxLength: 30 }),
        (title, description, fields) => {
          const fitted = fitEmbed({ title, description, fields });
          expect(fitted.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
          expect(fitted.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
          expect(fitted.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
          for (const field of fitted.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
          expect(embedLength(fitted)).toBeLessThanOrEqual(LIMITS.embedTotal);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('GIVEN an embed within every limit THEN it is left as it was', () => {
    const embed = { title: 'Title', description: 'Some text', fields: [{ name: 'A', value: 'B' }] };
    expect(fitEmbed(embed)).toEqual(embed);
  });
});
