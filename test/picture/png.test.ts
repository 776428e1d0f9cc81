import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { outcomePaths, TreePathError } from '../../src/core/tree.ts';
import { renderTreePng, svgToPng } from '../../src/picture/png.ts';
import { fakeLabels } from './fake-labels.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a valid PNG must have first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// These tests share one real render of every outcome's picture and the full tree (17 since
// the tree grew, each about a second of CPU), so they get more than the default time.
describe('renderTreePng', { timeout: 60_000 }, () => {
  const memberPaths: OptionId[][] = outcomePaths();
  const paths: OptionId[][] = [[], ...memberPaths];
  const rendered = Promise.all(paths.map(async (path) => ({ path, png: await renderTreePng(path, { labels: fakeLabels }) })));
  const members = rendered.then((all) => all.filter(({ path }) => path.length > 0));

  it('GIVEN every outcome path THEN each picture is a valid PNG a phone can show', async () => {
    expect(await members).toHaveLength(memberPaths.length);
    for (const { png } of await members) {
      const { width, height } = pngSize(png);
      expect(width).toBeGreaterThanOrEqual(1000);
      expect(width).toBeLessThanOrEqual(1400);
      expect(height).toBeGreaterThanOrEqual(400);
      expect(height).toBeLessThanOrEqual(2000);
    }
  });

  it('GIVEN the picture every outcome message uploads THEN it is a palette PNG of well under 80 KB, not full-colour RGBA', async () => {
    for (const { png } of await members) {
      // IHDR's colour type byte: 3 is indexed colour.
      expect(png[25]).toBe(3);
      expect(png.length).toBeLessThan(80_000);
    }
  });

  it('GIVEN the full tree, drawn for the README and never sent to a member THEN it is a valid palette PNG, wide but not huge', async () => {
    const full = (await rendered).find(({ path }) => path.length === 0)?.png ?? Buffer.alloc(0);
    const { height } = pngSize(full);
    expect(full[25]).toBe(3);
    expect(full.length).toBeLessThan(1_000_000);
    expect(height).toBeLessThanOrEqual(2000);
  });

  it('GIVEN different paths THEN the pictures differ', async () => {
    const digests = new Set((await rendered).map(({ png }) => createHash('sha256').update(png).digest('hex')));
    expect(digests.size).toBe(paths.length);
  });

  it('GIVEN the same path twice THEN the picture is byte-for-byte the same', async () => {
    const path = memberPaths.at(-1) ?? [];
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
