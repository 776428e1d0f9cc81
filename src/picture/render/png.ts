import { pngQuantize } from '@napi-rs/image';
import { renderAsync } from '@resvg/resvg-js';
import type { OptionId } from '../../../machines/questions.ts';
import { FONT_FAMILY, fontFiles } from './fonts.ts';
import { renderTreeSvg, type TreePictureOptions } from './svg.ts';

// Flat colours and anti-aliased text fit a palette with no visible loss; minQuality 0 means never refuse.
const PALETTE_QUALITY = { minQuality: 0, maxQuality: 90 } as const;

/**
 * Turns an SVG into PNG bytes with resvg, in a worker thread so the event loop stays free.
 * Only the bundled font files are loaded, never the system's, so every machine draws the same pixels.
 * The result is reduced to a 256-colour palette: about a third of the bytes, and every outcome
 * message uploads it, so Discord stores less and members on slow links see it sooner.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const files = fontFiles();
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [files.regular, files.semibold, files.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    background: 'white',
    shapeRendering: 2,
    textRendering: 1,
  });
  return pngQuantize(image.asPng(), PALETTE_QUALITY);
}

/**
 * The decision tree as a PNG, the user's path highlighted; see renderTreeSvg.
 *
 * @example const png = await renderTreePng(['cpu', 'pythonCode', 'class']) // PNG bytes
 */
export async function renderTreePng(path: readonly OptionId[], options: TreePictureOptions = {}): Promise<Buffer> {
  return svgToPng(renderTreeSvg(path, options));
}
