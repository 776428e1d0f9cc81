import type { OptionId } from '../../../machines/questions.ts';
import type { TextMetrics } from './fonts.ts';
import type { TreeLabels } from '../labels.ts';
import { SIZES, TEXT_ROLES, type TextRole } from './theme.ts';
import { shownNodes, type CollapsedNode, type ShownNode } from './shown-tree.ts';
import { wrapBalanced } from './text.ts';
import { placeSubtree } from './tidy.ts';
import { pathKey } from '../../core/tree.ts';

/** One line of text, already wrapped, with how it is set on and off the user's path. */
export interface TextLine {
  readonly text: string;
  readonly role: TextRole;
}

/** A box (question, outcome) or an edge label, with its centre x and top y in the picture. */
export interface PlacedBox {
  readonly centerX: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly TextLine[];
}

export interface PlacedNode {
  readonly node: ShownNode;
  readonly box: PlacedBox;
}

/** The connector from a question to what one of its answers leads to. */
export interface PlacedEdge {
  readonly option: OptionId;
  readonly from: PlacedNode;
  readonly to: PlacedNode;
  /** Where the connector turns sideways between the two levels. */
  readonly elbowY: number;
  readonly label: PlacedBox;
}

/** The whole picture's geometry, before any colour is chosen. */
export interface TreeLayout {
  readonly width: number;
  readonly height: number;
  readonly heading: PlacedBox;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

interface Measured {
  readonly lines: readonly TextLine[];
  readonly width: number;
  readonly height: number;
}

/** Height of a block of lines. */
export function blockHeight(lines: readonly TextLine[]): number {
  return lines.reduce((sum, line) => sum + line.role.size * SIZES.lineHeight, 0);
}

/** Wraps and measures in the on-path weight, the wider one, so text fits its box either way. */
function measureBlock(parts: readonly { text: string; role: TextRole; maxWidth: number }[], metrics: TextMetrics): Measured {
  const lines = parts.flatMap(({ text, role, maxWidth }) =>
    wrapBalanced(text, maxWidth, { size: role.size, weight: role.weightOnPath }, metrics).map((line) => ({ text: line, role })),
  );
  const width = Math.max(0, ...lines.map((line) => metrics.width(line.text, line.role.size, line.role.weightOnPath)));
  const height = blockHeight(lines);
  return { lines, width, height };
}

/** The outcomes a collapsed subtree reaches, one name a line; a count instead once the names would make the box tall. */
function collapsedText(node: CollapsedNode, labels: TreeLabels, metrics: TextMetrics): Measured {
  const role = TEXT_ROLES.collapsed;
  const named = measureBlock(node.outcomes.map((outcome) => ({ text: labels.outcome(outcome), role, maxWidth: SIZES.collapsedTextWidth })), metrics);
  if (named.lines.length <= SIZES.collapsedMaxLines) return named;
  return measureBlock([{ text: labels.outcomeCount(node.outcomes.length), role, maxWidth: SIZES.collapsedTextWidth }], metrics);
}

function nodeText(node: ShownNode, labels: TreeLabels, metrics: TextMetrics): Measured {
  if (node.kind === 'collapsed') return collapsedText(node, labels, metrics);
  if (node.kind === 'question') {
    return measureBlock([{ text: labels.question(node.question), role: TEXT_ROLES.question, maxWidth: SIZES.questionTextWidth }], metrics);
  }
  const detail = labels.outcomeDetail(node.outcome);
  return measureBlock(
    [
      { text: labels.outcome(node.outcome), role: TEXT_ROLES.outcome, maxWidth: SIZES.outcomeTextWidth },
      ...(detail === undefined ? [] : [{ text: detail, role: TEXT_ROLES.outcomeDetail, maxWidth: SIZES.outcomeTextWidth }]),
    ],
    metrics,
  );
}

function edgeLabelText(option: OptionId, labels: TreeLabels, metrics: TextMetrics): Measured {
  return measureBlock([{ text: labels.option(option), role: TEXT_ROLES.edgeLabel, maxWidth: SIZES.edgeLabelTextWidth }], metrics);
}

interface Rows {
  /** Top of each row's boxes, by depth. */
  readonly top: readonly number[];
  /** Height of every question and outcome box in a row, by depth: the tallest content sets it for all. */
  readonly height: readonly number[];
  readonly bottom: number;
}

/** Question and outcome boxes share their row's height; a collapsed box stays as short as its text, so it reads as a side note. */
function stretchesToRow(node: ShownNode): boolean {
  return node.kind !== 'collapsed';
}

/**
 * One row of boxes per depth. The gap above a row leaves room for the connectors to turn
 * and for the tallest answer label written on them; the gap below, for the row's tallest box.
 */
function placeRows(nodes: readonly ShownNode[], boxHeight: (node: ShownNode) => number, labelHeight: (node: ShownNode) => number, firstTop: number): Rows {
  const depths = Math.max(...nodes.map((node) => node.path.length)) + 1;
  const atDepth = (depth: number) => nodes.filter((node) => node.path.length === depth);
  const top: number[] = [];
  const height: number[] = [];
  let y = firstTop;
  for (let depth = 0; depth < depths; depth++) {
    if (depth > 0) y += SIZES.elbowDrop + 2 * SIZES.edgeLabelMargin + Math.max(0, ...atDepth(depth).map(labelHeight));
    const row = atDepth(depth);
    const stretched = row.filter(stretchesToRow);
    top.push(y);
    height.push(Math.max(0, ...stretched.map(boxHeight)));
    y += Math.max(...row.map(boxHeight));
  }
  return { top, height, bottom: y };
}

/** Lays out the tree top-down: one row per depth, answers written on the connectors. */
export function layoutTree(tree: ShownNode, labels: TreeLabels, metrics: TextMetrics): TreeLayout {
  const nodes = shownNodes(tree);
  const nodeTexts = new Map(nodes.map((node) => [pathKey(node.path), nodeText(node, labels, metrics)]));
  const edgeTexts = new Map(
    nodes.flatMap((node) => (node.kind === 'question' ? node.branches.map((b) => [pathKey(b.node.path), edgeLabelText(b.option, labels, metrics)] as const) : [])),
  );
  const textOf = (node: ShownNode) => nodeTexts.get(pathKey(node.path)) as Measured;
  const boxWidth = (node: ShownNode) => textOf(node).width + 2 * SIZES.boxPaddingX;
  const labelOf = (node: ShownNode) => edgeTexts.get(pathKey(node.path));
  const labelWidth = (label: Measured | undefined) => (label === undefined ? 0 : label.width + 2 * SIZES.edgeLabelPaddingX);
  const labelHeight = (label: Measured) => label.height + 2 * SIZES.edgeLabelPaddingY;

  const subtree = placeSubtree(tree, (node) => Math.max(boxWidth(node), labelWidth(labelOf(node))) / 2);
  const treeLeft = Math.min(...subtree.contour.map((extent) => extent.left));
  const treeWidth = Math.max(...subtree.contour.map((extent) => extent.right)) - treeLeft;
  const width = Math.ceil(Math.max(SIZES.minCanvasWidth, treeWidth + 2 * SIZES.margin));
  const originX = (width - treeWidth) / 2 - treeLeft;

  const headingText = measureBlock([{ text: labels.heading, role: TEXT_ROLES.heading, maxWidth: width - 2 * SIZES.margin }], metrics);
  const heading: PlacedBox = { centerX: width / 2, top: SIZES.margin, width: headingText.width, height: headingText.height, lines: headingText.lines };

  const boxHeight = (node: ShownNode) => textOf(node).height + 2 * (node.kind === 'collapsed' ? SIZES.collapsedPaddingY : SIZES.boxPaddingY);
  const incomingLabelHeight = (node: ShownNode) => {
    const label = labelOf(node);
    return label === undefined ? 0 : labelHeight(label);
  };
  const rows = placeRows(nodes, boxHeight, incomingLabelHeight, heading.top + heading.height + SIZES.headingGap);
  const height = Math.ceil(rows.bottom + SIZES.margin);
  const depthOf = (node: ShownNode) => node.path.length;

  const placed = new Map<string, PlacedNode>();
  for (const node of nodes) {
    const key = pathKey(node.path);
    const text = textOf(node);
    placed.set(key, {
      node,
      box: {
        centerX: originX + (subtree.offsets.get(key) ?? 0),
        top: rows.top[depthOf(node)] ?? 0,
        width: boxWidth(node),
        height: stretchesToRow(node) ? (rows.height[depthOf(node)] ?? 0) : boxHeight(node),
        lines: text.lines,
      },
    });
  }
  const placedOf = (node: ShownNode) => placed.get(pathKey(node.path)) as PlacedNode;

  const edges = nodes.flatMap((node) =>
    node.kind !== 'question'
      ? []
      : node.branches.map((branch): PlacedEdge => {
          const from = placedOf(node);
          const to = placedOf(branch.node);
          const label = labelOf(branch.node) as Measured;
          const elbowY = from.box.top + from.box.height + SIZES.elbowDrop;
          const labelTop = (elbowY + to.box.top - labelHeight(label)) / 2;
          return {
            option: branch.option,
            from,
            to,
            elbowY,
            label: { centerX: to.box.centerX, top: labelTop, width: labelWidth(label), height: labelHeight(label), lines: label.lines },
          };
        }),
  );
  return { width, height, heading, nodes: [...placed.values()], edges };
}
