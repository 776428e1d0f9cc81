import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OptionId, OutcomeId, QuestionId } from '../../machines/questions.ts';
import { decisionTree, outcomePaths } from '../../src/core/tree.ts';
import { loadTextMetrics } from '../../src/picture/render/fonts.ts';
import { defaultTreeLabels, type TreeLabels } from '../../src/picture/labels.ts';
import { layoutTree, type PlacedBox, type TreeLayout } from '../../src/picture/render/layout.ts';
import { treeForPath } from '../../src/picture/render/shown-tree.ts';
import { SIZES } from '../../src/picture/render/theme.ts';
import { fakeLabels } from './fake-labels.ts';

const metrics = loadTextMetrics();
/** The full tree and every member's pruned tree: each must lay out cleanly. */
const shownTrees = [[], ...outcomePaths()].map((path) => treeForPath(decisionTree(), path));

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
  ] as const)('GIVEN %s THEN, in the full tree and every member picture, no box, answer or heading overlaps another and all text fits its box', (_name, labels) => {
    for (const tree of shownTrees) expectReadable(layoutTree(tree, labels, metrics));
  });

  it('GIVEN labels of any length THEN the layout still keeps every box apart and every line inside its box', () => {
    const text = fc.string({ minLength: 1, maxLength: 50 });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q', 'o', 'n', 'd', 'c'), text), text, fc.constantFrom(...shownTrees), (words, word, tree) => {
        const labels: TreeLabels = {
          heading: words.q ?? word,
          question: (question: QuestionId) => `${words.q ?? word} ${question}`,
          option: (option: OptionId) => `${words.o ?? word} ${option}`,
          outcome: (outcome: OutcomeId) => `${words.n ?? word}${outcome}`,
          outcomeDetail: (outcome: OutcomeId) => (words.d === undefined ? undefined : `${words.d}.${outcome}`),
          outcomeCount: (count: number) => `${count} ${words.c ?? word}`,
        };
        expectReadable(layoutTree(tree, labels, metrics));
      }),
      { numRuns: 25 },
    );
  });

  it('GIVEN the full tree or a member picture THEN each answer label sits on the connector between its question and the next box', () => {
    for (const tree of shownTrees) {
      for (const edge of layoutTree(tree, defaultTreeLabels, metrics).edges) {
        expect(edge.label.centerX).toBeCloseTo(edge.to.box.centerX);
        expect(edge.label.top).toBeGreaterThan(edge.from.box.top + edge.from.box.height);
        expect(edge.label.top + edge.label.height).toBeLessThan(edge.to.box.top);
      }
    }
  });

  it.each([
    ['test labels', fakeLabels],
    ["the knowledge base's labels", defaultTreeLabels],
  ] as const)('GIVEN %s THEN each collapsed box stays compact: a few lines at most, names or a count', (_name, labels) => {
    for (const tree of shownTrees) {
      for (const { box } of layoutTree(tree, labels, metrics).nodes.filter((placed) => placed.node.kind === 'collapsed')) {
        expect(box.lines.length).toBeGreaterThan(0);
        expect(box.lines.length).toBeLessThanOrEqual(SIZES.collapsedMaxLines);
      }
    }
  });
});
