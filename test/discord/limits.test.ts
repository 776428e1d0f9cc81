import { describe, expect, it } from 'vitest';
import { truncate } from '../../src/discord/limits.ts';

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
