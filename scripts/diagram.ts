import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mermaidDiagram, withDiagram } from '../src/core/diagram.ts';

/* `npm run diagram`: writes the decision tree, generated from the machine, into README.md. */
const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(readmePath, 'utf8');
const after = withDiagram(before, mermaidDiagram());
if (!after.ok) {
  console.error(after.error.detail);
  process.exitCode = 1;
} else if (after.value === before) {
  console.log('README.md: the decision tree is already up to date.');
} else {
  writeFileSync(readmePath, after.value);
  console.log('README.md: the decision tree was updated.');
}
