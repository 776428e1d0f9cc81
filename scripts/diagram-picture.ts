/**
 * Writes the full decision tree as docs/decision-tree.svg and docs/decision-tree.png, for the README.
 * Run with `npm run diagram:picture`.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeTreeDiagramFiles } from '../src/picture/index.ts';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
try {
  const files = await writeTreeDiagramFiles(docs);
  console.log(`Wrote ${relative(process.cwd(), files.svg)} and ${relative(process.cwd(), files.png)}.`);
} catch (error) {
  console.error(`Could not draw the decision tree: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
