import type { OptionId } from '../../machines/questions.ts';

/**
 * Pictures of the decision tree with a path highlighted, as the bot needs them: it must know
 * whether a picture is ready, so it can answer at once or start the defer timer.
 */
export interface PathPictures {
  isReady(path: readonly OptionId[]): boolean;
  get(path: readonly OptionId[]): Promise<Buffer>;
  /** Renders every outcome's picture ahead of time; failures are the caller's to log. */
  warm?(): Promise<void>;
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
