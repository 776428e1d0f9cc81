import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OptionId, OutcomeId, QuestionId } from '../../machines/questions.ts';
import { loadTextMetrics } from '../../src/picture/fonts.ts';
import { defaultTreeLabels, type TreeLabels } from '../../src/picture/labels.ts';
import { layoutTree, type PlacedBox, type TreeLayout } from '../../src/picture/layout.ts';
import { buildDecisionTree } from '../../src/picture/tree.ts';
import { fakeLabels } from './fake-labels.ts';

const metrics = loadTextMetrics();

function overlaps(a: PlacedBox, b: PlacedBox): boolean {
  const apart =
    a.centerX + a.width / 2 <= b.centerX - b.width / 2 ||
    b.centerX + b.width / 2 <= a.centerX - a.width / 2 ||
    a.top + a.height <= b.top ||
    b.top + b.height <= a.top;
  return !apart;
}

/** Everything a reader must be able to see without anything else on top of it. */
function boxesOf(layout: TreeLayout): PlacedBox[] {
  return [layout.heading, ...layout.nodes.map((placed) => placed.box), ...layout.edges.map((edge) => edge.label)];
}

function expectReadable(layout: TreeLayout): void {
  const boxes = boxesOf(layout);
  boxes.forEach((box, index) => {
    for (const other of boxes.slice(index + 1)) expect(overlaps(box, other)).toBe(false);
    expect(box.centerX - box.width / 2).toBeGreaterThanOrEqual(0);
    expect(box.centerX + box.width / 2).toBeLessThanOrEqual(layout.width);
    expect(box.top + box.height).toBeLessThanOrEqual(layout.height);
    for (const line of box.lines) {
      for (const weight of [line.role.weight, line.role.weightOnPath]) expect(metrics.width(line.text, line.role.size, weight)).toBeLessThanOrEqual(box.width);
    }
  });
}

describe('layoutTree', () => {
  it.each([
    ['test labels', fakeLabels],
    ["the knowledge base's labels", defaultTreeLabels],
  ] as const)('GIVEN %s THEN no box, answer or heading overlaps another and all text fits its box', (_name, labels) => {
    expectReadable(layoutTree(buildDecisionTree(), labels, metrics));
  });

  it('GIVEN labels of any length THEN the layout still keeps every box apart and every line inside its box', () => {
    const text = fc.string({ minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q', 'o', 'n', 'd'), text), text, (words, word) => {
        const labels: TreeLabels = {
          heading: words.q ?? word,
          question: (question: QuestionId) => `${words.q ?? word} ${question}`,
          option: (option: OptionId) => `${words.o ?? word} ${option}`,
          outcome: (outcome: OutcomeId) => `${words.n ?? word}${outcome}`,
          outcomeDetail: (outcome: OutcomeId) => (words.d === undefined ? undefined : `${words.d}.${outcome}`),
        };
        expectReadable(layoutTree(buildDecisionTree(), labels, metrics));
      }),
      { numRuns: 25 },
    );
  });

  it('GIVEN the tree THEN each answer label sits on the connector between its question and the next box', () => {
    const layout = layoutTree(buildDecisionTree(), defaultTreeLabels, metrics);
    for (const edge of layout.edges) {
      expect(edge.label.centerX).toBeCloseTo(edge.to.box.centerX);
      expect(edge.label.top).toBeGreaterThan(edge.from.box.top + edge.from.box.height);
      expect(edge.label.top + edge.label.height).toBeLessThan(edge.to.box.top);
    }
  });
});
