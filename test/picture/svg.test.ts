import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { defaultTreeLabels, type TreeLabels } from '../../src/picture/labels.ts';
import { renderTreeSvg } from '../../src/picture/svg.ts';
import { buildDecisionTree, outcomePaths, TreePathError, treeNodes, type TreeNode } from '../../src/picture/tree.ts';
import { fakeLabels } from './fake-labels.ts';
import { allElements, drawnText, parseSvg, squeeze, type SvgElement } from './svg-reading.ts';

const labels = fakeLabels;

function nodeAtPath(path: readonly OptionId[]): TreeNode {
  const node = treeNodes(buildDecisionTree()).find((candidate) => candidate.path.join('/') === path.join('/'));
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

describe('renderTreeSvg', () => {

  it('GIVEN an outcome path THEN every other outcome is drawn but not marked', () => {
    const svg = parseSvg(renderTreeSvg(['cpu', 'class'], { labels }));
    const outcomes = allElements(svg).filter((element) => 'data-outcome' in element.attributes);
    expect(outcomes).toHaveLength(7);
    const marked = outcomes.filter((element) => element.attributes['data-on-path'] === 'true');
    expect(marked.map((element) => element.attributes['data-outcome'])).toEqual(['process']);
  });

  it('GIVEN the empty path THEN the full tree is drawn with nothing marked', () => {
    const svg = parseSvg(renderTreeSvg([], { labels }));
    const text = squeeze(drawnText(svg));
    for (const node of treeNodes(buildDecisionTree())) {
      const label = node.kind === 'question' ? labels.question(node.question) : labels.outcome(node.outcome);
      expect(text).toContain(squeeze(label));
    }
    expect(highlighted(svg)).toEqual({ nodes: [], answers: [] });
  });

  it('GIVEN a path THEN the highlight differs from plain drawing by stroke weight and font weight, not colour alone', () => {
    const svg = parseSvg(renderTreeSvg(['io', 'asyncio'], { labels }));
    const weightOf = (element: SvgElement, tag: string, attribute: string) =>
      allElements(element).filter((child) => child.tag === tag).map((child) => Number(child.attributes[attribute]));
    const node = (attribute: string, id: string) => allElements(svg).find((element) => element.attributes[attribute] === id) as SvgElement;
    const pairs = [
      [node('data-outcome', 'asyncio'), node('data-outcome', 'thread')],
      [node('data-question', 'ioModel'), node('data-question', 'poolApi')],
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
  ] as const)('GIVEN any path drawn with %s THEN the picture is phone-sized and no text is smaller than 16 px', (_name, someLabels) => {
    for (const path of [[], ...outcomePaths()]) {
      const svg = parseSvg(renderTreeSvg(path, { labels: someLabels }));
      const width = Number(svg.attributes.width);
      expect(width).toBeGreaterThanOrEqual(1000);
      expect(width).toBeLessThanOrEqual(1400);
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
