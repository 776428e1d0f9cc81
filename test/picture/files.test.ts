import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outcomePaths } from '../../src/core/tree.ts';
import { writeTreeDiagramFiles } from '../../src/picture/render/files.ts';
import { fakeLabels } from './fake-labels.ts';
import { allElements, parseSvg } from './svg-reading.ts';

// Renders the full tree, the widest picture there is, for real.
describe('writeTreeDiagramFiles', { timeout: 60_000 }, () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('GIVEN a folder that does not exist yet THEN it writes the full tree as SVG and PNG inside it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tree-diagram-'));
    const target = join(dir, 'docs');
    const files = await writeTreeDiagramFiles(target, { labels: fakeLabels });
    expect(files).toEqual({ svg: join(target, 'decision-tree.svg'), png: join(target, 'decision-tree.png') });
    const svg = parseSvg(await readFile(files.svg, 'utf8'));
    // The full tree: one outcome box at the end of every outcome path, and nothing collapsed.
    expect(allElements(svg).filter((element) => 'data-outcome' in element.attributes)).toHaveLength(outcomePaths().length);
    expect(allElements(svg).some((element) => 'data-collapsed' in element.attributes)).toBe(false);
    expect(allElements(svg).some((element) => element.attributes['data-on-path'] === 'true')).toBe(false);
    const png = await readFile(files.png);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Number(svg.attributes.width));
  });
});
