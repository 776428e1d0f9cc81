import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_END, DIAGRAM_START, diagramIn, mermaidDiagram, withDiagram } from '../../src/core/diagram.ts';
import { optionKnowledge } from '../../src/core/knowledge/index.ts';
import { DECISION_TABLE } from '../support/decision-table.ts';

const architecturePath = fileURLToPath(new URL('../../docs/architecture.md', import.meta.url));

/** Node ids of the diagram: the answers so far joined by "_", "start" for none. */
const idOf = (answers: readonly string[]) => (answers.length === 0 ? 'start' : answers.join('_'));

describe('mermaidDiagram', () => {
  const diagram = mermaidDiagram();

  it.each(DECISION_TABLE.map(([answers, , api]) => [api, answers] as const))(
    'GIVEN the row of the decision table for %s THEN the diagram draws its answers as edges from the start to it',
    (api, answers) => {
      answers.forEach((option, index) => {
        const edge = `${idOf(answers.slice(0, index))} -->|"${optionKnowledge(option).label}"| ${idOf(answers.slice(0, index + 1))}`;
        expect(diagram).toContain(edge);
      });
      expect(diagram).toContain(`${idOf(answers)}(["${api}"])`);
    },
  );

  it('GIVEN the diagram THEN it draws exactly the seven outcomes and one edge per answer of the tree', () => {
    expect(diagram.match(/\(\["/g)).toHaveLength(DECISION_TABLE.length);
    const distinctPrefixes = new Set(DECISION_TABLE.flatMap(([answers]) => answers.map((_, index) => idOf(answers.slice(0, index + 1)))));
    expect(diagram.match(/-->/g)).toHaveLength(distinctPrefixes.size);
  });
});

describe('withDiagram', () => {
  it('GIVEN a README without markers THEN a "The decision tree" section is appended', () => {
    const result = withDiagram('# Title\n\nText.\n', 'DIAGRAM');
    expect(result.ok && result.value).toBe(`# Title\n\nText.\n\n## The decision tree\n\nGenerated from the machine by \`npm run diagram\`; do not edit by hand.\n\n${DIAGRAM_START}\nDIAGRAM\n${DIAGRAM_END}\n`);
  });

  it('GIVEN a README with markers THEN only the block between them changes, and a second run changes nothing', () => {
    const readme = `before\n${DIAGRAM_START}\nold\n${DIAGRAM_END}\nafter\n`;
    const once = withDiagram(readme, 'new');
    expect(once.ok && once.value).toBe(`before\n${DIAGRAM_START}\nnew\n${DIAGRAM_END}\nafter\n`);
    const twice = once.ok ? withDiagram(once.value, 'new') : once;
    expect(twice).toEqual(once);
  });

  it.each([
    ['only a start marker', `${DIAGRAM_START}\n`],
    ['the end before the start', `${DIAGRAM_END}\n${DIAGRAM_START}\n`],
    ['two blocks', `${DIAGRAM_START}${DIAGRAM_END}${DIAGRAM_START}${DIAGRAM_END}`],
  ])('GIVEN %s THEN it refuses with a reason instead of guessing', (_name, readme) => {
    expect(withDiagram(readme, 'x')).toMatchObject({ ok: false, error: { kind: 'markers' } });
  });
});

describe('docs/architecture.md', () => {
  it('GIVEN the architecture page in the repository THEN its decision tree is the one generated from the machine', () => {
    const page = readFileSync(architecturePath, 'utf8');
    expect(diagramIn(page), 'The diagram in docs/architecture.md is out of date: run npm run diagram').toBe(mermaidDiagram());
  });
});
