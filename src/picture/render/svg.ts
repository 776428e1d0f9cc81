import type { OptionId } from '../../../machines/questions.ts';
import { FONT_FAMILY, FONT_WEIGHT_NUMBER, loadTextMetrics, type TextMetrics } from './fonts.ts';
import { defaultTreeLabels, type TreeLabels } from '../labels.ts';
import { blockHeight, layoutTree, type PlacedBox, type PlacedEdge, type PlacedNode, type TreeLayout } from './layout.ts';
import { isOnPath, treeForPath, type CollapsedNode } from './shown-tree.ts';
import { COLOURS, SIZES, STROKES, TEXT_ROLES } from './theme.ts';
import { escapeXml } from './text.ts';
import { decisionTree, nodesAlongPath, pathKey } from '../../core/tree.ts';

export interface TreePictureOptions {
  /** Defaults to the knowledge base's titles, answer labels and outcome names. */
  readonly labels?: TreeLabels;
  /** Defaults to the metrics of the bundled font. */
  readonly metrics?: TextMetrics;
}

// Which subtrees collapse depends on the path, so each path has its own layout; a path is
// valid only if the tree holds it, so there are at most as many as the tree has nodes.
const layouts = new WeakMap<TreeLabels, WeakMap<TextMetrics, Map<string, TreeLayout>>>();

function cachedLayout(path: readonly OptionId[], labels: TreeLabels, metrics: TextMetrics): TreeLayout {
  const byMetrics = layouts.get(labels) ?? new WeakMap<TextMetrics, Map<string, TreeLayout>>();
  layouts.set(labels, byMetrics);
  const byPath = byMetrics.get(metrics) ?? new Map<string, TreeLayout>();
  byMetrics.set(metrics, byPath);
  let layout = byPath.get(pathKey(path));
  if (layout === undefined) {
    layout = layoutTree(treeForPath(decisionTree(), path), labels, metrics);
    byPath.set(pathKey(path), layout);
  }
  return layout;
}

const round = (value: number) => Math.round(value * 10) / 10;

function textLines(box: PlacedBox, metrics: TextMetrics, fill: string, onPath: boolean): string {
  let lineTop = box.top + (box.height - blockHeight(box.lines)) / 2;
  return box.lines
    .map((line) => {
      const size = line.role.size;
      const baseline = lineTop + (size * SIZES.lineHeight) / 2 + (metrics.capHeight * size) / 2;
      lineTop += size * SIZES.lineHeight;
      const weight = FONT_WEIGHT_NUMBER[onPath ? line.role.weightOnPath : line.role.weight];
      return `<text x="${round(box.centerX)}" y="${round(baseline)}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle">${escapeXml(line.text)}</text>`;
    })
    .join('');
}

function rect(box: PlacedBox, fill: string, stroke: string, strokeWidth: number, radius: number, dash?: string): string {
  const x = round(box.centerX - box.width / 2);
  const dashed = dash === undefined ? '' : ` stroke-dasharray="${dash}"`;
  return `<rect x="${x}" y="${round(box.top)}" width="${round(box.width)}" height="${round(box.height)}" rx="${radius}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"${dashed}/>`;
}

/** A rounded elbow: down from the parent, across, and down into the child. */
function connectorPath(edge: PlacedEdge): string {
  const fromX = edge.from.box.centerX;
  const toX = edge.to.box.centerX;
  const startY = edge.from.box.top + edge.from.box.height;
  const endY = edge.to.box.top;
  const turn = Math.sign(toX - fromX);
  const radius = Math.min(SIZES.elbowRadius, Math.abs(toX - fromX) / 2);
  if (radius < 1) return `M${round(fromX)} ${round(startY)}V${round(endY)}`;
  const y = edge.elbowY;
  return [
    `M${round(fromX)} ${round(startY)}`,
    `V${round(y - radius)}`,
    `Q${round(fromX)} ${round(y)} ${round(fromX + turn * radius)} ${round(y)}`,
    `H${round(toX - turn * radius)}`,
    `Q${round(toX)} ${round(y)} ${round(toX)} ${round(y + radius)}`,
    `V${round(endY)}`,
  ].join('');
}

function drawConnector(edge: PlacedEdge, onPath: boolean): string {
  const stroke = onPath ? COLOURS.path : COLOURS.edge;
  const width = onPath ? STROKES.edgeOnPath : STROKES.edge;
  return `<path data-edge="${escapeXml(pathKey(edge.to.node.path))}" d="${connectorPath(edge)}" fill="none" stroke="${stroke}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

function drawEdgeLabel(edge: PlacedEdge, onPath: boolean, metrics: TextMetrics): string {
  const label = edge.label;
  const radius = Math.min(label.height / 2, SIZES.edgeLabelMaxRadius);
  const body = onPath
    ? rect(label, COLOURS.path, COLOURS.pathDark, STROKES.box, radius) + textLines(label, metrics, COLOURS.onPathText, true)
    : rect(label, COLOURS.edgeLabelFill, COLOURS.edgeLabelStroke, STROKES.box, radius) + textLines(label, metrics, COLOURS.mutedText, false);
  return `<g data-answer="${escapeXml(edge.option)}" data-on-path="${onPath}">${body}</g>`;
}

/** A numbered disc (or a tick for the outcome) at the box's top-left corner: the path without colour. */
function drawBadge(placed: PlacedNode, metrics: TextMetrics): string {
  const cx = round(placed.box.centerX - placed.box.width / 2);
  const cy = round(placed.box.top);
  const r = SIZES.badgeRadius;
  const disc = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${COLOURS.pathDark}" stroke="${COLOURS.background}" stroke-width="3"/>`;
  if (placed.node.kind === 'outcome') {
    const tick = `M${round(cx - r * 0.45)} ${round(cy + r * 0.02)}L${round(cx - r * 0.1)} ${round(cy + r * 0.38)}L${round(cx + r * 0.48)} ${round(cy - r * 0.35)}`;
    return disc + `<path d="${tick}" fill="none" stroke="${COLOURS.onPathText}" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/>`;
  }
  const size = TEXT_ROLES.badge.size;
  const baseline = round(cy + (metrics.capHeight * size) / 2);
  const number = placed.node.path.length + 1;
  return disc + `<text x="${cx}" y="${baseline}" font-size="${size}" font-weight="${FONT_WEIGHT_NUMBER.bold}" fill="${COLOURS.onPathText}" text-anchor="middle">${number}</text>`;
}

/** A subtree off the path: muted grey, dashed, and never on the path, so it recedes behind the boxes that are. */
function drawCollapsed(node: CollapsedNode, box: PlacedBox, metrics: TextMetrics): string {
  const body = rect(box, COLOURS.collapsedFill, COLOURS.collapsedStroke, STROKES.box, SIZES.cornerRadius, STROKES.collapsedDash) + textLines(box, metrics, COLOURS.mutedText, false);
  return `<g data-node="${escapeXml(pathKey(node.path))}" data-collapsed="${node.question}" data-leads-to="${node.outcomes.join(' ')}" data-on-path="false">${body}</g>`;
}

function drawNode(placed: PlacedNode, onPath: boolean, metrics: TextMetrics): string {
  const { node, box } = placed;
  if (node.kind === 'collapsed') return drawCollapsed(node, box, metrics);
  const isOutcome = node.kind === 'outcome';
  let body: string;
  if (!onPath) {
    body = isOutcome
      ? rect(box, COLOURS.outcomeFill, COLOURS.outcomeStroke, STROKES.box, SIZES.outcomeCornerRadius) + textLines(box, metrics, COLOURS.text, false)
      : rect(box, COLOURS.questionFill, COLOURS.questionStroke, STROKES.box, SIZES.cornerRadius) + textLines(box, metrics, COLOURS.text, false);
  } else if (isOutcome) {
    body = rect(box, COLOURS.path, COLOURS.pathDark, STROKES.boxOnPath, SIZES.outcomeCornerRadius) + textLines(box, metrics, COLOURS.onPathText, true) + drawBadge(placed, metrics);
  } else {
    body = rect(box, COLOURS.pathFill, COLOURS.path, STROKES.boxOnPath, SIZES.cornerRadius) + textLines(box, metrics, COLOURS.text, true) + drawBadge(placed, metrics);
  }
  const id = node.kind === 'outcome' ? `outcome="${node.outcome}"` : `question="${node.question}"`;
  return `<g data-node="${escapeXml(pathKey(node.path))}" data-${id} data-on-path="${onPath}">${body}</g>`;
}

/**
 * Draws the decision tree as an SVG document, laid out in code. The answers in `path` and
 * where they lead are highlighted (colour, stroke weight, bold text and step numbers), and
 * each subtree off the path that asks more questions is one collapsed box, so the picture
 * stays narrow enough for a phone (see treeForPath). An empty path draws the whole tree,
 * plain and uncollapsed. Throws TreePathError for a path the guide rejects.
 *
 * @example renderTreeSvg(['io', 'asyncio']) // '<svg ...>' with asyncio highlighted
 */
export function renderTreeSvg(path: readonly OptionId[], options: TreePictureOptions = {}): string {
  nodesAlongPath(decisionTree(), path); // rejects a path the guide would not accept
  const metrics = options.metrics ?? loadTextMetrics();
  const labels = options.labels ?? defaultTreeLabels;
  const layout = cachedLayout(path, labels, metrics);
  const edgeOnPath = (edge: PlacedEdge) => path.length > 0 && isOnPath(edge.to.node.path, path);
  const nodeOnPath = (placed: PlacedNode) => path.length > 0 && isOnPath(placed.node.path, path);
  const offEdges = layout.edges.filter((edge) => !edgeOnPath(edge));
  const onEdges = layout.edges.filter(edgeOnPath);
  const heading = textLines(layout.heading, metrics, COLOURS.heading, false);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="'${FONT_FAMILY}', sans-serif" role="img">`,
    `<title>${escapeXml(labels.heading)}</title>`,
    `<rect width="100%" height="100%" fill="${COLOURS.background}"/>`,
    heading,
    ...offEdges.map((edge) => drawConnector(edge, false)),
    ...onEdges.map((edge) => drawConnector(edge, true)),
    ...offEdges.map((edge) => drawEdgeLabel(edge, false, metrics)),
    ...onEdges.map((edge) => drawEdgeLabel(edge, true, metrics)),
    ...layout.nodes.map((placed) => drawNode(placed, nodeOnPath(placed), metrics)),
    '</svg>',
  ].join('\n');
}
