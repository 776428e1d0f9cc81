import { renderAsync } from '@resvg/resvg-js';
import type { OptionId } from '../../machines/questions.ts';
import { FONT_FAMILY, fontFiles } from './fonts.ts';
import { renderTreeSvg, type TreePictureOptions } from './svg.ts';

/**
 * Turns an SVG into PNG bytes with resvg, in a worker thread so the event loop stays free.
 * Only the bundled font files are loaded, never the system's, so every machine draws the same pixels.
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
  return image.asPng();
}

/**
 * The decision tree as a PNG, the user's path highlighted; see renderTreeSvg.
 *
 * @example const png = await renderTreePng(['cpu', 'class']) // PNG bytes
 */
export async function renderTreePng(path: readonly OptionId[], options: TreePictureOptions = {}): Promise<Buffer> {
  return svgToPng(renderTreeSvg(path, options));
}
