import { readFile } from 'node:fs/promises';
import type { OptionId } from '../../machines/questions.ts';
import { outcomePaths, pathKey, TreePathError } from '../core/tree.ts';

/** The pictures a bot can show: the full tree, and one per outcome with the path that reaches it. */
export function picturedPaths(): OptionId[][] {
  return [[], ...outcomePaths()];
}

/**
 * The name a path's picture is stored under, in the folder `npm run pictures` writes.
 *
 * @example storedPictureFile(['io', 'asyncio']) // 'path-io-asyncio.png'
 */
export function storedPictureFile(path: readonly OptionId[]): string {
  return path.length === 0 ? 'full-tree.png' : `path-${path.join('-')}.png`;
}

/** Pictures read from the folder the build wrote them to. */
export interface StoredPictures {
  /** The picture's PNG bytes; rejects for a path that has no picture, or when its file cannot be read. */
  get(path: readonly OptionId[]): Promise<Buffer>;
  /** Whether the picture is already in memory, so `get` answers at once. */
  isReady(path: readonly OptionId[]): boolean;
}

/**
 * The tree pictures, drawn once by `npm run pictures` and committed, read from `folder` the first
 * time each is asked for and kept (all of them together are a few hundred kilobytes). Drawing
 * needs resvg and the fonts; reading needs neither, so the bot never loads them and its event loop
 * never waits on a render. A file that cannot be read is not remembered, so a later call retries.
 *
 * @example const pictures = storedPictures(new URL('../assets/pictures/', import.meta.url))
 */
export function storedPictures(folder: URL): StoredPictures {
  const known = new Set(picturedPaths().map(pathKey));
  const loaded = new Map<string, Buffer>();
  const reading = new Map<string, Promise<Buffer>>();

  const get = (path: readonly OptionId[]): Promise<Buffer> => {
    const key = pathKey(path);
    const png = loaded.get(key);
    if (png !== undefined) return Promise.resolve(png);
    if (!known.has(key)) return Promise.reject(new TreePathError(`no picture is drawn for the answers "${key}"`));
    const pending = reading.get(key);
    if (pending !== undefined) return pending;
    const file = new URL(storedPictureFile(path), folder);
    const read = readFile(file).then(
      (bytes) => {
        loaded.set(key, bytes);
        return bytes;
      },
      (cause: unknown) => {
        throw new Error(`the tree picture ${file.pathname} could not be read; \`npm run pictures\` draws it`, { cause });
      },
    );
    const settled = read.finally(() => reading.delete(key));
    // The caller sees `read`'s outcome; `settled` only tidies up and must not report it twice.
    settled.catch(() => undefined);
    reading.set(key, read);
    return read;
  };

  return {
    get,
    isReady: (path) => loaded.has(pathKey(path)),
  };
}
