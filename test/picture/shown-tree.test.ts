import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { decisionTree, outcomePaths, outcomesReachableFrom, treeNodes } from '../../src/core/tree.ts';
import { isOnPath, shownNodes, treeForPath, type ShownNode } from '../../src/picture/render/shown-tree.ts';

const tree = decisionTree();
const key = (path: readonly OptionId[]) => path.join('/');

/** Every node of the full tree whose parent lies on `path`, i.e. each one the member's picture must show in some form. */
function childrenOfPathQuestions(path: readonly OptionId[]) {
  return treeNodes(tree).filter((node) => node.path.length > 0 && isOnPath(node.path.slice(0, -1), path));
}

describe('treeForPath', () => {
  it('GIVEN the empty path THEN it is the full tree, nothing collapsed', () => {
    const shown = treeForPath(tree, []);
    expect(shown).toBe(tree);
    expect(shownNodes(shown).some((node) => node.kind === 'collapsed')).toBe(false);
  });

  // Outcome paths are what members receive; the shorter ones check a path that stops at a question.
  const everyPath = treeNodes(tree).flatMap((node) => (node.path.length === 0 ? [] : [node.path]));
  it.each(everyPath.map((path) => [key(path), path] as const))(
    'GIVEN the path %s THEN each question on it keeps every answer, and each answer off it shows an outcome or one collapsed box',
    (_name, path) => {
      const shown = new Map(shownNodes(treeForPath(tree, path)).map((node): [string, ShownNode] => [key(node.path), node]));
      const expected = new Map(
        [tree, ...childrenOfPathQuestions(path)].map((node): [string, ShownNode['kind']] => {
          if (node.kind === 'outcome' || isOnPath(node.path, path)) return [key(node.path), node.kind];
          return [key(node.path), 'collapsed'];
        }),
      );
      expect(new Map([...shown].map(([nodeKey, node]) => [nodeKey, node.kind]))).toEqual(expected);
    },
  );

  it('GIVEN a collapsed box THEN it names every outcome its subtree reaches, each once', () => {
    for (const path of outcomePaths()) {
      for (const node of shownNodes(treeForPath(tree, path))) {
        if (node.kind !== 'collapsed') continue;
        expect(new Set(node.outcomes).size).toBe(node.outcomes.length);
        // The core's own walk of the machine is the independent answer.
        expect([...node.outcomes].sort()).toEqual([...outcomesReachableFrom(node.path)].sort());
      }
    }
  });
});
