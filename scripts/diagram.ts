import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mermaidDiagram, withDiagram } from '../src/core/diagram.ts';

/* `npm run diagram`: writes the decision tree, generated from the machine, into docs/architecture.md. */
const pagePath = fileURLToPath(new URL('../docs/architecture.md', import.meta.url));
const pageName = 'docs/architecture.md';
const before = readFileSync(pagePath, 'utf8');
const after = withDiagram(before, mermaidDiagram());
if (!after.ok) {
  console.error(`${pageName}: ${after.error.detail}`);
  process.exitCode = 1;
} else if (after.value === before) {
  console.log(`${pageName}: the decision tree is already up to date.`);
} else {
  writeFileSync(pagePath, after.value);
  console.log(`${pageName}: the decision tree was updated.`);
}
