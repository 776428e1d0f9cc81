import type { ShownNode } from './shown-tree.ts';
import { SIZES } from './theme.ts';
import { pathKey } from '../../core/tree.ts';

/** Horizontal extent of a subtree on one level, relative to the subtree root's centre. */
export interface Extent {
  readonly left: number;
  readonly right: number;
}

export interface Subtree {
  /** Centre x of every node in the subtree, relative to its root, by path key. */
  readonly offsets: ReadonlyMap<string, number>;
  /** One extent per level, the root's level first. */
  readonly contour: readonly Extent[];
}

function shiftExtents(contour: readonly Extent[], by: number): Extent[] {
  return contour.map(({ left, right }) => ({ left: left + by, right: right + by }));
}

function mergeContours(left: readonly Extent[], right: readonly Extent[]): Extent[] {
  const levels = Math.max(left.length, right.length);
  return Array.from({ length: levels }, (_, level) => {
    const a = left[level];
    const b = right[level];
    if (a === undefined || b === undefined) return (a ?? b) as Extent;
    return { left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
  });
}

/**
 * A tidy tree: each subtree is packed against its left sibling as closely as its outline
 * allows, level by level, and a parent sits centred over its children. A shallow leaf can
 * therefore share columns with a deeper neighbour, which keeps the picture narrow.
 */
export function placeSubtree(node: ShownNode, halfWidthOf: (node: ShownNode) => number): Subtree {
  const half = halfWidthOf(node);
  const rootExtent = { left: -half, right: half };
  if (node.kind !== 'question') return { offsets: new Map([[pathKey(node.path), 0]]), contour: [rootExtent] };
  const children = node.branches.map((branch) => placeSubtree(branch.node, halfWidthOf));
  let packed: Extent[] = [];
  const positions: number[] = [];
  for (const child of children) {
    const overlap = child.contour.slice(0, packed.length).map((extent, level) => (packed[level]?.right ?? 0) - extent.left + SIZES.siblingGap);
    const position = positions.length === 0 ? 0 : Math.max(...overlap);
    positions.push(position);
    packed = mergeContours(packed, shiftExtents(child.contour, position));
  }
  const centre = ((positions[0] ?? 0) + (positions.at(-1) ?? 0)) / 2;
  const offsets = new Map([[pathKey(node.path), 0]]);
  children.forEach((child, index) => {
    for (const [key, offset] of child.offsets) offsets.set(key, offset + (positions[index] ?? 0) - centre);
  });
  return { offsets, contour: [rootExtent, ...shiftExtents(packed, -centre)] };
}
