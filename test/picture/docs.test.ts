import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderTreeSvg } from '../../src/picture/render/svg.ts';

describe('docs/decision-tree.svg', () => {
  it('GIVEN the committed diagram THEN it matches what the code draws today (run `npm run pictures` after a change)', async () => {
    const committed = await readFile(new URL('../../docs/decision-tree.svg', import.meta.url), 'utf8');
    expect(committed).toBe(renderTreeSvg([]) + '\n');
  });
});
