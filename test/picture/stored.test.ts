import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { outcomePaths, TreePathError } from '../../src/core/tree.ts';
import { picturedPaths, storedPictureFile, storedPictures } from '../../src/picture/stored.ts';
import { currentPictureManifest, PICTURE_MANIFEST } from '../../src/picture/render/files.ts';

const committed = new URL('../../assets/pictures/', import.meta.url);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which a valid PNG must have first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(png.subarray(-8, -4).toString('latin1')).toBe('IEND');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the committed pictures (assets/pictures)', () => {
  it('GIVEN the tree, its texts and the drawing as they are today THEN every committed picture was drawn from them (else run `npm run pictures`)', async () => {
    const manifest: unknown = JSON.parse(await readFile(new URL(PICTURE_MANIFEST, committed), 'utf8'));
    expect(manifest, 'the pictures are out of date: run `npm run pictures` and commit assets/pictures').toEqual(currentPictureManifest());
  });

  it('GIVEN the folder THEN it holds one PNG per pictured path and nothing else, each picture different', async () => {
    const pngs = (await readdir(committed)).filter((name) => name.endsWith('.png')).sort();
    expect(pngs).toEqual(picturedPaths().map(storedPictureFile).sort());
    const digests = new Set<string>();
    for (const name of pngs) digests.add(createHash('sha256').update(await readFile(new URL(name, committed))).digest('hex'));
    expect(digests.size).toBe(pngs.length);
  });

  it('GIVEN the picture every outcome message uploads THEN it is a palette PNG of well under 80 KB that a phone can show', async () => {
    for (const path of outcomePaths()) {
      const png = await readFile(new URL(storedPictureFile(path), committed));
      const { width, height } = pngSize(png);
      expect(width, path.join('/')).toBeGreaterThanOrEqual(1000);
      expect(width).toBeLessThanOrEqual(1400);
      expect(height).toBeGreaterThanOrEqual(400);
      expect(height).toBeLessThanOrEqual(2000);
      // IHDR's colour type byte: 3 is indexed colour.
      expect(png[25]).toBe(3);
      expect(png.length).toBeLessThan(80_000);
    }
  });

  it('GIVEN the full tree THEN it is a valid palette PNG, wide but not huge', async () => {
    const full = await readFile(new URL(storedPictureFile([]), committed));
    const { height } = pngSize(full);
    expect(full[25]).toBe(3);
    expect(full.length).toBeLessThan(1_000_000);
    expect(height).toBeLessThanOrEqual(2000);
  });
});

describe('storedPictures', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('GIVEN an outcome path THEN it answers with that picture file, and once read it is ready without another read', async () => {
    const pictures = storedPictures(committed);
    const path: OptionId[] = ['io', 'asyncio'];
    expect(pictures.isReady(path)).toBe(false);
    const png = await pictures.get(path);
    expect(png.equals(await readFile(new URL(storedPictureFile(path), committed)))).toBe(true);
    expect(pictures.isReady(path)).toBe(true);
    expect(pictures.isReady([])).toBe(false);
  });

  it('GIVEN every pictured path THEN each reads its own file', async () => {
    const pictures = storedPictures(committed);
    for (const path of picturedPaths()) {
      const png = await pictures.get(path);
      expect(png.equals(await readFile(new URL(storedPictureFile(path), committed))), path.join('/')).toBe(true);
    }
  });

  it('GIVEN answers that end nowhere THEN it rejects with TreePathError and reads nothing', async () => {
    const pictures = storedPictures(committed);
    await expect(pictures.get(['io'])).rejects.toBeInstanceOf(TreePathError);
    expect(pictures.isReady(['io'])).toBe(false);
  });

  it('GIVEN a missing file THEN it rejects saying how to draw it, and a later call reads the file once it is there', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pictures-'));
    const folder = pathToFileURL(dir + '/');
    const pictures = storedPictures(folder);
    const path: OptionId[] = ['io', 'threads', 'class'];
    await expect(pictures.get(path)).rejects.toThrow('npm run pictures');
    expect(pictures.isReady(path)).toBe(false);
    await writeFile(join(dir, storedPictureFile(path)), 'a picture');
    expect((await pictures.get(path)).toString()).toBe('a picture');
  });
});
