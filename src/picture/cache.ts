import type { OptionId } from '../../machines/questions.ts';
import { renderTreePng } from './png.ts';
import { outcomePaths, pathKey } from '../core/tree.ts';

/** PNG pictures of the tree, one per path, each rendered once. */
export interface TreePictureCache {
  /** The picture for a path. Concurrent calls for one path share a single render; a failed render is forgotten so a later call retries. */
  get(path: readonly OptionId[]): Promise<Buffer>;
  /** Whether the picture for a path is rendered and stored, so `get` answers without rendering. */
  isReady(path: readonly OptionId[]): boolean;
  /** Renders the full tree and the picture of every outcome, so no user waits for one. */
  warm(): Promise<void>;
  /** How many pictures are stored or being rendered. */
  readonly size: number;
}

export interface TreePictureCacheOptions {
  /** Defaults to renderTreePng with the knowledge base's labels. */
  readonly render?: (path: readonly OptionId[]) => Promise<Buffer>;
  /** Most pictures kept at once; by default one per outcome plus the full tree. */
  readonly maxEntries?: number;
}

interface Entry {
  readonly picture: Promise<Buffer>;
  settled: boolean;
}

/**
 * A bounded cache of tree pictures. When it is full the least recently used finished picture
 * makes room; renders still in flight are never dropped, since callers are waiting on them.
 *
 * @example const pictures = createTreePictureCache(); await pictures.warm()
 */
export function createTreePictureCache(options: TreePictureCacheOptions = {}): TreePictureCache {
  const render = options.render ?? ((path: readonly OptionId[]) => renderTreePng(path));
  const maxEntries = options.maxEntries ?? outcomePaths().length + 1;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a whole number of at least 1, got ${maxEntries}`);
  const entries = new Map<string, Entry>();

  const makeRoom = () => {
    for (const [key, entry] of entries) {
      if (entries.size <= maxEntries) return;
      if (entry.settled) entries.delete(key);
    }
  };

  const get = (path: readonly OptionId[]): Promise<Buffer> => {
    const key = pathKey(path);
    const existing = entries.get(key);
    if (existing !== undefined) {
      // Re-inserting moves the entry to the back of the map: most recently used.
      entries.delete(key);
      entries.set(key, existing);
      return existing.picture;
    }
    // The callbacks below run after `entry` exists: the render starts on a later tick.
    const picture = Promise.resolve()
      .then(() => render(path))
      .then(
        (png) => {
          entry.settled = true;
          makeRoom();
          return png;
        },
        (error: unknown) => {
          if (entries.get(key) === entry) entries.delete(key);
          throw error;
        },
      );
    const entry: Entry = { picture, settled: false };
    entries.set(key, entry);
    makeRoom();
    return picture;
  };

  return {
    get,
    isReady: (path) => entries.get(pathKey(path))?.settled === true,
    warm: async () => {
      await Promise.all([[], ...outcomePaths()].map((path) => get(path)));
    },
    get size() {
      return entries.size;
    },
  };
}
