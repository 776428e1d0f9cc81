/**
 * Draws the pictures of the decision tree: every picture the bot attaches (assets/pictures/, with
 * a manifest a test checks against the code) and the full tree for the docs (docs/decision-tree.*).
 * The bot only reads these files, so run `npm run pictures` after changing the tree, its texts or
 * the drawing, and commit what it writes.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePictureFiles, writeTreeDiagramFiles } from '../src/picture/render/index.ts';

const assets = fileURLToPath(new URL('../assets/pictures/', import.meta.url));
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
try {
  const manifest = await writePictureFiles(assets);
  console.log(`Wrote ${Object.keys(manifest).length} pictures to ${relative(process.cwd(), assets) || '.'}.`);
  const files = await writeTreeDiagramFiles(docs);
  console.log(`Wrote ${relative(process.cwd(), files.svg)} and ${relative(process.cwd(), files.png)}.`);
} catch (error) {
  console.error(`Could not draw the decision tree: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
