import { describe, expect, it } from 'vitest';
import { isOutcomeId, type OptionId } from '../../machines/questions.ts';
import { decisionTree, outcomePaths, TreePathError, treeNodes, type TreeNode } from '../../src/core/tree.ts';
import { defaultTreeLabels, type TreeLabels } from '../../src/picture/labels.ts';
import { renderTreeSvg } from '../../src/picture/render/svg.ts';
import { isOnPath } from '../../src/picture/render/shown-tree.ts';
import { fakeLabels } from './fake-labels.ts';
import { allElements, drawnText, parseSvg, squeeze, type SvgElement } from './svg-reading.ts';

const labels = fakeLabels;

function nodeAtPath(path: readonly OptionId[]): TreeNode {
  const node = treeNodes(decisionTree()).find((candidate) => candidate.path.join('/') === path.join('/'));
  if (node === undefined) throw new Error(`no node at ${path.join('/')}`);
  return node;
}

/** Groups the SVG marks as lying on the user's path, with the text each one draws. */
function highlighted(svg: SvgElement): { nodes: string[]; answers: string[] } {
  const marked = allElements(svg).filter((element) => element.tag === 'g' && element.attributes['data-on-path'] === 'true');
  return {
    nodes: marked.filter((element) => 'data-node' in element.attributes).map((element) => squeeze(drawnText(element))),
    answers: marked.filter((element) => 'data-answer' in element.attributes).map((element) => squeeze(drawnText(element))),
  };
}

describe.each([
  ['test labels', fakeLabels],
  ["the knowledge base's labels", defaultTreeLabels],
] as const satisfies readonly (readonly [string, TreeLabels])[])('renderTreeSvg with %s', (_labelsName, labels) => {
  it.each(outcomePaths().map((path) => [path.join(' → '), path] as const))(
    'GIVEN the path %s THEN its questions (numbered in order), answers and outcome are drawn and marked as the path',
    (_name, path) => {
      const svg = parseSvg(renderTreeSvg(path, { labels }));
      const { nodes, answers } = highlighted(svg);
      const steps = path.map((_, index) => nodeAtPath(path.slice(0, index)));
      // Each question on the path carries its step number after its title.
      const expectedNodes = steps.map((step, index) => (step.kind === 'question' ? `${labels.question(step.question)} ${index + 1}` : ''));
      const outcome = nodeAtPath(path);
      if (outcome.kind !== 'outcome') throw new Error('path does not end at an outcome');
      expectedNodes.push(`${labels.outcome(outcome.outcome)} ${labels.outcomeDetail(outcome.outcome) ?? ''}`);
      expect(nodes).toEqual(expectedNodes.map(squeeze));
      expect(answers.sort()).toEqual(path.map((option) => squeeze(labels.option(option))).sort());
    },
  );
});

/** The boxes a picture draws, by the path that leads to each: what kind of box, and its element. */
function drawnBoxes(svg: SvgElement): Map<string, { kind: string; element: SvgElement }> {
  const boxes = allElements(svg).filter((element) => element.tag === 'g' && 'data-node' in element.attributes);
  const kindOf = (element: SvgElement) => ['question', 'outcome', 'collapsed'].find((kind) => `data-${kind}` in element.attributes) ?? 'unknown';
  return new Map(boxes.map((element) => [element.attributes['data-node'] ?? '', { kind: kindOf(element), element }]));
}

describe('renderTreeSvg of a member path', () => {
  const tree = decisionTree();

  it.each(outcomePaths().map((path) => [path.join(' → '), path] as const))(
    'GIVEN the path %s THEN each question on it shows every answer, and each answer off it leads to its outcome or to one collapsed box',
    (_name, path) => {
      const svg = parseSvg(renderTreeSvg(path, { labels }));
      const boxes = drawnBoxes(svg);
      const pathQuestions = treeNodes(tree).filter((node) => node.kind === 'question' && isOnPath(node.path, path));
      const shown = [tree, ...pathQuestions.flatMap((node) => (node.kind === 'question' ? node.branches.map((branch) => branch.node) : []))];
      const expectedKind = (node: TreeNode) => (node.kind === 'outcome' || isOnPath(node.path, path) ? node.kind : 'collapsed');
      expect(new Map([...boxes].map(([key, box]) => [key, box.kind]))).toEqual(new Map(shown.map((node) => [node.path.join('/'), expectedKind(node)])));
      const answers = allElements(svg).filter((element) => 'data-answer' in element.attributes);
      expect(answers).toHaveLength(shown.length - 1);
    },
  );

  it('GIVEN every member path THEN each collapsed box names the outcomes it leads to, or counts them when the names would not fit', () => {
    let named = 0;
    let counted = 0;
    for (const path of outcomePaths()) {
      for (const { kind, element } of drawnBoxes(parseSvg(renderTreeSvg(path, { labels }))).values()) {
        if (kind !== 'collapsed') continue;
        const outcomes = (element.attributes['data-leads-to'] ?? '').split(' ').filter(isOutcomeId);
        const node = nodeAtPath((element.attributes['data-node'] ?? '').split('/') as OptionId[]);
        expect([...outcomes].sort()).toEqual([...new Set(treeNodes(node).flatMap((inner) => (inner.kind === 'outcome' ? [inner.outcome] : [])))].sort());
        const text = squeeze(drawnText(element));
        if (text === squeeze(labels.outcomeCount(outcomes.length))) counted += 1;
        else {
          expect(text).toBe(squeeze(outcomes.map((outcome) => labels.outcome(outcome)).join('')));
          named += 1;
        }
        expect(element.attributes['data-on-path']).toBe('false');
      }
    }
    // Both forms occur in today's tree; if one stops occurring this test no longer checks it.
    expect(named).toBeGreaterThan(0);
    expect(counted).toBeGreaterThan(0);
  });
});

describe('renderTreeSvg', () => {
  it('GIVEN the empty path THEN the full tree is drawn with nothing marked', () => {
    const svg = parseSvg(renderTreeSvg([], { labels }));
    const text = squeeze(drawnText(svg));
    for (const node of treeNodes(decisionTree())) {
      const label = node.kind === 'question' ? labels.question(node.question) : labels.outcome(node.outcome);
      expect(text).toContain(squeeze(label));
    }
    expect(highlighted(svg)).toEqual({ nodes: [], answers: [] });
  });

  it('GIVEN the empty path THEN the full tree draws one box per node of the tree, an outcome at the end of every outcome path, and nothing collapsed', () => {
    const boxes = drawnBoxes(parseSvg(renderTreeSvg([], { labels })));
    const nodes = treeNodes(decisionTree());
    expect(new Map([...boxes].map(([key, box]) => [key, box.kind]))).toEqual(new Map(nodes.map((node) => [node.path.join('/'), node.kind])));
    for (const path of outcomePaths()) expect(boxes.get(path.join('/'))?.kind).toBe('outcome');
  });

  it('GIVEN a path THEN the highlight differs from plain drawing by stroke weight and font weight, not colour alone', () => {
    // The same boxes on the path and, in the full tree, drawn plain.
    const onPathSvg = parseSvg(renderTreeSvg(['io', 'asyncio'], { labels }));
    const plainSvg = parseSvg(renderTreeSvg([], { labels }));
    const weightOf = (element: SvgElement, tag: string, attribute: string) =>
      allElements(element).filter((child) => child.tag === tag).map((child) => Number(child.attributes[attribute]));
    const node = (svg: SvgElement, attribute: string, id: string) => allElements(svg).find((element) => element.attributes[attribute] === id) as SvgElement;
    const pairs = [
      [node(onPathSvg, 'data-outcome', 'asyncio'), node(plainSvg, 'data-outcome', 'asyncio')],
      [node(onPathSvg, 'data-question', 'ioModel'), node(plainSvg, 'data-question', 'ioModel')],
    ] as const;
    for (const [onPath, offPath] of pairs) {
      expect(Math.min(...weightOf(onPath, 'rect', 'stroke-width'))).toBeGreaterThan(Math.max(...weightOf(offPath, 'rect', 'stroke-width')));
      // Line by line, the highlighted box's text is never lighter and somewhere heavier.
      const offWeights = weightOf(offPath, 'text', 'font-weight');
      const onWeights = weightOf(onPath, 'text', 'font-weight').slice(0, offWeights.length);
      expect(onWeights.every((weight, index) => weight >= (offWeights[index] ?? Infinity))).toBe(true);
      expect(onWeights.some((weight, index) => weight > (offWeights[index] ?? Infinity))).toBe(true);
    }
  });

  it('GIVEN labels with <, & and quotes THEN the SVG stays well-formed and draws them literally', () => {
    const awkward = { ...labels, heading: 'Tom & "Jerry" <3', question: () => 'a < b && c > "d"?', option: () => "it's <b>bold</b>" };
    const svg = parseSvg(renderTreeSvg(['io', 'threads'], { labels: awkward }));
    const text = drawnText(svg);
    expect(squeeze(text)).toContain(squeeze('a < b && c > "d"?'));
    expect(squeeze(text)).toContain(squeeze("it's <b>bold</b>"));
    expect(allElements(svg).some((element) => element.tag === 'b')).toBe(false);
  });

  it.each([
    ['test labels', fakeLabels],
    ["the knowledge base's labels", defaultTreeLabels],
  ] as const)('GIVEN any member path drawn with %s THEN the picture is phone-sized', (_name, someLabels) => {
    for (const path of outcomePaths()) {
      const svg = parseSvg(renderTreeSvg(path, { labels: someLabels }));
      const width = Number(svg.attributes.width);
      expect(width).toBeGreaterThanOrEqual(1000);
      expect(width).toBeLessThanOrEqual(1400);
    }
  });

  it.each([
    ['test labels', fakeLabels],
    ["the knowledge base's labels", defaultTreeLabels],
  ] as const)('GIVEN any path drawn with %s, the full tree included, THEN no text is smaller than 16 px', (_name, someLabels) => {
    for (const path of [[], ...outcomePaths()]) {
      const svg = parseSvg(renderTreeSvg(path, { labels: someLabels }));
      const sizes = allElements(svg).filter((element) => element.tag === 'text').map((element) => Number(element.attributes['font-size']));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(16);
    }
  });

  it('GIVEN an answer the question does not offer THEN it throws a TreePathError naming it', () => {
    expect(() => renderTreeSvg(['io', 'map'], { labels })).toThrow(TreePathError);
    expect(() => renderTreeSvg(['io', 'map'], { labels })).toThrow(/answer 2 \("map"\)/);
    expect(() => renderTreeSvg(['io', 'asyncio', 'pool'], { labels })).toThrow(/already reached an outcome/);
  });
});
