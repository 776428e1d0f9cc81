import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathKey } from '../../core/tree.ts';
import { picturedPaths, storedPictureFile } from '../stored.ts';
import { svgToPng } from './png.ts';
import { renderTreeSvg, type TreePictureOptions } from './svg.ts';

/** Where writeTreeDiagramFiles put the full tree. */
export interface TreeDiagramFiles {
  readonly svg: string;
  readonly png: string;
}

/**
 * Writes the full tree, nothing highlighted, as `decision-tree.svg` and `decision-tree.png`
 * in `dir` (created if missing), for the README.
 *
 * @example await writeTreeDiagramFiles('docs')
 */
export async function writeTreeDiagramFiles(dir: string, options: TreePictureOptions = {}): Promise<TreeDiagramFiles> {
  await mkdir(dir, { recursive: true });
  const svg = renderTreeSvg([], options);
  const files = { svg: join(dir, 'decision-tree.svg'), png: join(dir, 'decision-tree.png') };
  await writeFile(files.svg, svg + '\n', 'utf8');
  await writeFile(files.png, await svgToPng(svg));
  return files;
}

/** The name of the file, beside the pictures, that records which drawing each one was made from. */
export const PICTURE_MANIFEST = 'manifest.json';

/** For each pictured path (by its key): its file and the SHA-256 of the SVG it was rendered from. */
export type PictureManifest = Record<string, { readonly file: string; readonly svgSha256: string }>;

/** What the pictures drawn today would be recorded as; a test compares it with the committed manifest. */
export function currentPictureManifest(options: TreePictureOptions = {}): PictureManifest {
  return Object.fromEntries(
    picturedPaths().map((path) => [pathKey(path), { file: storedPictureFile(path), svgSha256: sha256(renderTreeSvg(path, options)) }]),
  );
}

/**
 * Draws every picture the bot can show (the full tree, and each outcome's path) into `dir` as
 * PNG, with the manifest; old pictures there are removed first, so none outlives its path.
 *
 * @example await writePictureFiles('assets/pictures')
 */
export async function writePictureFiles(dir: string, options: TreePictureOptions = {}): Promise<PictureManifest> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) {
    if (name.endsWith('.png')) await rm(join(dir, name));
  }
  const manifest: PictureManifest = {};
  for (const path of picturedPaths()) {
    const svg = renderTreeSvg(path, options);
    const file = storedPictureFile(path);
    await writeFile(join(dir, file), await svgToPng(svg));
    manifest[pathKey(path)] = { file, svgSha256: sha256(svg) };
  }
  await writeFile(join(dir, PICTURE_MANIFEST), JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  return manifest;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
