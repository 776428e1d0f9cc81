import type { FontWeight, TextMetrics } from './fonts.ts';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// eslint-disable-next-line no-control-regex -- matching exactly these characters is the point
const NOT_XML_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes text safe inside an XML element or a double-quoted attribute. Characters XML 1.0
 * cannot hold at all (most control characters, half of a surrogate pair) are dropped,
 * since no escape can carry them.
 *
 * @example escapeXml('a < b & "c"') === 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHARACTERS, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** The font a block of text is set in. */
export interface TextStyle {
  readonly size: number;
  readonly weight: FontWeight;
}

/** Splits a word after dots, slashes and underscores, so `concurrent.futures.X` can wrap between names. */
function breakablePieces(word: string): string[] {
  return word.match(/[^./_]+[./_]*|[./_]+/g) ?? [word];
}

/** Hard-breaks a piece wider than the line, one character at a time; the last resort. */
function splitToWidth(piece: string, fits: (text: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of piece) {
    if (line !== '' && !fits(line + char)) {
      lines.push(line);
      line = char;
    } else {
      line += char;
    }
  }
  return line === '' ? lines : [...lines, line];
}

/**
 * Greedy word wrap measured with the real font. Lines break at spaces first, then inside
 * dotted names, and only when nothing else fits, between characters.
 *
 * @example wrapText('What limits your task?', 120, { size: 22, weight: 'semibold' }, metrics) // ['What limits', 'your task?']
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, metrics: TextMetrics): string[] {
  const fits = (candidate: string) => metrics.width(candidate, style.size, style.weight) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  const place = (piece: string, separator: string) => {
    const candidate = line === '' ? piece : line + separator + piece;
    if (fits(candidate)) {
      line = candidate;
      return;
    }
    if (line !== '') lines.push(line);
    line = '';
    if (fits(piece)) {
      line = piece;
      return;
    }
    const pieces = splitToWidth(piece, fits);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  };
  for (const word of text.trim().split(/\s+/)) {
    const pieces = breakablePieces(word);
    pieces.forEach((piece, index) => place(piece, index === 0 ? ' ' : ''));
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * wrapText with the lines made as even as the same number of lines allows, so a label never
 * leaves one short word alone on its last line. Searches for the narrowest width that needs
 * no more lines than greedy wrapping at `maxWidth`, never narrower than the widest piece that
 * cannot break, so it breaks only where wrapText would.
 *
 * @example wrapBalanced('A library that releases the GIL', 230, { size: 19, weight: 'bold' }, metrics) // ['A library that', 'releases the GIL']
 */
export function wrapBalanced(text: string, maxWidth: number, style: TextStyle, metrics: TextMetrics): string[] {
  const greedy = wrapText(text, maxWidth, style, metrics);
  const widest = (lines: readonly string[]) => Math.max(0, ...lines.map((line) => metrics.width(line, style.size, style.weight)));
  const pieces = text.trim().split(/\s+/).flatMap(breakablePieces);
  let low = widest(pieces);
  let high = widest(greedy);
  if (greedy.length < 2 || low >= high) return greedy;
  let best = greedy;
  // Half a pixel is finer than any difference a reader could see.
  while (high - low > 0.5) {
    const middle = (low + high) / 2;
    const lines = wrapText(text, middle, style, metrics);
    if (lines.length <= greedy.length) {
      best = lines;
      high = middle;
    } else {
      low = middle;
    }
  }
  return best;
}
