import type { OptionId } from '../../machines/questions.ts';

/**
 * Pictures of the decision tree with a path highlighted, as the bot needs them. Getting one may
 * take a moment; past the interaction's deadline the bot defers and edits the answer in later.
 */
export interface PathPictures {
  get(path: readonly OptionId[]): Promise<Buffer>;
  /** The picture in words, for screen readers (the attachment's description). */
  describe?(path: readonly OptionId[]): string;
}

/**
 * The file name an outcome message attaches its picture under. It names the path, so a member who
 * saves the picture can tell which answers it shows.
 *
 * @example pictureFilename(['io', 'asyncio']) // 'decision-path-io-asyncio.png'
 */
export function pictureFilename(path: readonly OptionId[]): string {
  return ['decision-path', ...path].join('-') + '.png';
}
