import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import opentype, { type Font } from 'opentype.js';

/** The family name inside the font files; the SVG asks for it by this name. */
export const FONT_FAMILY = 'Source Sans 3';

export type FontWeight = 'regular' | 'semibold' | 'bold';

/** The CSS weight resvg matches against each file's own weight class. */
export const FONT_WEIGHT_NUMBER: Readonly<Record<FontWeight, number>> = { regular: 400, semibold: 600, bold: 700 };

const FONT_FILE_NAMES: Readonly<Record<FontWeight, string>> = {
  regular: 'SourceSans3-Regular.ttf',
  semibold: 'SourceSans3-Semibold.ttf',
  bold: 'SourceSans3-Bold.ttf',
};

/** Paths of the TTF files shipped by the `source-sans` package, one per weight the picture uses. */
export function fontFiles(): Readonly<Record<FontWeight, string>> {
  let root: string;
  try {
    // The package has no entry point, but its package.json always resolves.
    root = dirname(createRequire(import.meta.url).resolve('source-sans/package.json'));
  } catch (cause) {
    throw new Error('The decision-tree picture needs the font package "source-sans"; run `npm install`.', { cause });
  }
  const file = (weight: FontWeight) => join(root, 'TTF', FONT_FILE_NAMES[weight]);
  return { regular: file('regular'), semibold: file('semibold'), bold: file('bold') };
}

/** Widths of text as the renderer will draw it, so the layout can wrap and size boxes without a DOM. */
export interface TextMetrics {
  width(text: string, size: number, weight: FontWeight): number;
  /** Height of a capital letter as a fraction of the font size; used to centre lines optically. */
  readonly capHeight: number;
}

function parseFont(path: string): Font {
  const bytes = readFileSync(path);
  // lowMemory reads glyphs on demand: the picture needs a few dozen of them, not thousands.
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
}

// Held weakly: once every picture is drawn and cached, the parsed fonts (megabytes of heap that
// every full garbage collection would walk) can go; a later render parses them again.
let cachedMetrics: WeakRef<TextMetrics> | undefined;
const MAX_REMEMBERED_WIDTHS = 20_000;

/** Metrics read from the same font files the PNG renderer loads. */
export function loadTextMetrics(): TextMetrics {
  const cached = cachedMetrics?.deref();
  if (cached !== undefined) return cached;
  const files = fontFiles();
  const fonts: Record<FontWeight, Font> = {
    regular: parseFont(files.regular),
    semibold: parseFont(files.semibold),
    bold: parseFont(files.bold),
  };
  const capHeightUnits = fonts.regular.tables.os2?.sCapHeight ?? fonts.regular.unitsPerEm * 0.66;
  // Wrapping measures the same words many times over; the widths never change.
  const widths = new Map<string, number>();
  const metrics: TextMetrics = {
    width: (text, size, weight) => {
      const key = `${weight} ${size} ${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        width = fonts[weight].getAdvanceWidth(text, size);
        if (widths.size >= MAX_REMEMBERED_WIDTHS) widths.clear();
        widths.set(key, width);
      }
      return width;
    },
    capHeight: capHeightUnits / fonts.regular.unitsPerEm,
  };
  cachedMetrics = new WeakRef(metrics);
  return metrics;
}
