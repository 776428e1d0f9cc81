import type { TextStyle } from './text.ts';

/**
 * Sizes and colours of the picture. Sizes are pixels at the picture's natural width (a
 * member's picture is about 1,000 to 1,100 px wide; the full tree for the README, far wider),
 * chosen so the smallest text stays at or above 17 px there.
 */
export const SIZES = {
  margin: 36,
  minCanvasWidth: 1000,
  headingGap: 34,
  /** Widest a box's text may run before it wraps. */
  questionTextWidth: 230,
  outcomeTextWidth: 260,
  edgeLabelTextWidth: 230,
  collapsedTextWidth: 230,
  /** More lines than this and a collapsed box gives a count instead of the outcomes' names. */
  collapsedMaxLines: 4,
  boxPaddingX: 18,
  boxPaddingY: 14,
  edgeLabelPaddingX: 12,
  edgeLabelPaddingY: 6,
  collapsedPaddingY: 10,
  lineHeight: 1.22,
  /** Space between neighbouring boxes or edge labels on one level. */
  siblingGap: 26,
  /** Vertical room above and below an edge label, inside the gap between two levels. */
  edgeLabelMargin: 20,
  /** Where the connector turns sideways, below the parent box. */
  elbowDrop: 22,
  elbowRadius: 12,
  cornerRadius: 12,
  outcomeCornerRadius: 26,
  /** Edge labels are pills while one line tall; taller ones keep this corner. */
  edgeLabelMaxRadius: 18,
  badgeRadius: 15,
} as const;

/** How one kind of text is set: the same size on and off the user's path, heavier on it. */
export interface TextRole extends TextStyle {
  /** Never lighter than `weight`; the layout reserves room for this one. */
  readonly weightOnPath: TextStyle['weight'];
}

export const TEXT_ROLES = {
  heading: { size: 30, weight: 'bold', weightOnPath: 'bold' },
  question: { size: 22, weight: 'semibold', weightOnPath: 'bold' },
  outcome: { size: 24, weight: 'bold', weightOnPath: 'bold' },
  outcomeDetail: { size: 17, weight: 'regular', weightOnPath: 'semibold' },
  edgeLabel: { size: 19, weight: 'regular', weightOnPath: 'bold' },
  // Never on the path: a collapsed box stands only for answers the member did not give.
  collapsed: { size: 17, weight: 'regular', weightOnPath: 'regular' },
  badge: { size: 18, weight: 'bold', weightOnPath: 'bold' },
} as const satisfies Record<string, TextRole>;

/**
 * Dark text on light fills everywhere; the path is told apart by thicker strokes, bold text
 * and numbered steps as well as by colour, so it survives colour blindness and greyscale.
 */
export const COLOURS = {
  background: '#ffffff',
  heading: '#0f172a',
  text: '#0f172a',
  mutedText: '#334155',
  questionFill: '#f8fafc',
  questionStroke: '#64748b',
  outcomeFill: '#ecfdf5',
  outcomeStroke: '#047857',
  edge: '#94a3b8',
  edgeLabelFill: '#ffffff',
  edgeLabelStroke: '#cbd5e1',
  collapsedFill: '#f1f5f9',
  collapsedStroke: '#94a3b8',
  path: '#1d4ed8',
  pathDark: '#1e3a8a',
  pathFill: '#dbeafe',
  onPathText: '#ffffff',
} as const;

export const STROKES = {
  box: 2,
  boxOnPath: 4,
  edge: 2.5,
  edgeOnPath: 6,
  /** A dashed outline tells a collapsed box from an outcome or a question without relying on its grey. */
  collapsedDash: '7 5',
} as const;
