import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
