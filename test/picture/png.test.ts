import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { TreePathError } from '../../src/core/tree.ts';
import { renderTreePng, svgToPng } from '../../src/picture/render/png.ts';
import { fakeLabels } from './fake-labels.ts';

// Each real render is about a second of CPU: the committed pictures' sizes and palette are
// checked in stored.test.ts; here only what rendering itself promises.
describe('renderTreePng', { timeout: 30_000 }, () => {
  it('GIVEN the same path twice THEN the picture is byte-for-byte the same', async () => {
    const path: OptionId[] = ['io', 'asyncio'];
    const [first, second] = await Promise.all([renderTreePng(path, { labels: fakeLabels }), renderTreePng(path, { labels: fakeLabels })]);
    expect(first.equals(second)).toBe(true);
  });

  it('GIVEN a path the guide rejects THEN the promise rejects with a TreePathError', async () => {
    await expect(renderTreePng(['threads'], { labels: fakeLabels })).rejects.toThrow(TreePathError);
  });
});

describe('svgToPng', () => {
  const page = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/>${body}</svg>`;

  it('GIVEN system fonts are never loaded THEN text is still drawn, from the font bundled in node_modules', async () => {
    const blank = await svgToPng(page(''));
    const withText = await svgToPng(page(`<text x="10" y="40" font-size="30" font-family="'Source Sans 3'">Pool</text>`));
    expect(withText.equals(blank)).toBe(false);
  });

  it('GIVEN a family the picture does not ship THEN the bundled font stands in, so no text goes missing', async () => {
    const asked = await svgToPng(page(`<text x="10" y="40" font-size="30" font-family="Some Font Nobody Has">Pool</text>`));
    const bundled = await svgToPng(page(`<text x="10" y="40" font-size="30" font-family="'Source Sans 3'">Pool</text>`));
    expect(asked.equals(bundled)).toBe(true);
  });
});
