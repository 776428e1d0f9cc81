import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { outcomePaths } from '../../src/core/tree.ts';
import { createTreePictureCache } from '../../src/picture/cache.ts';
import { renderTreePng } from '../../src/picture/png.ts';
import { fakeLabels } from './fake-labels.ts';

/** The real renderer, counting how often it runs for each path. */
function countingRenderer() {
  const calls: string[] = [];
  const render = (path: readonly OptionId[]) => {
    calls.push(path.join('/'));
    return renderTreePng(path, { labels: fakeLabels });
  };
  return { calls, render };
}

/** Outcome paths taken from the tree, so the tests follow it as it grows. */
function outcomePath(index: number): OptionId[] {
  const path = outcomePaths()[index];
  if (path === undefined) throw new Error(`the tree has no outcome path number ${index}`);
  return path;
}
const [first, second, third] = [outcomePath(0), outcomePath(1), outcomePath(2)];
const key = (path: readonly OptionId[]) => path.join('/');

describe('createTreePictureCache', () => {
  it('GIVEN concurrent requests for one path THEN it renders once and every caller gets the same picture', async () => {
    const { calls, render } = countingRenderer();
    const cache = createTreePictureCache({ render });
    const pictures = await Promise.all([cache.get(first), cache.get([...first]), cache.get(first)]);
    await cache.get(first);
    expect(calls).toEqual([key(first)]);
    expect(pictures[1]).toBe(pictures[0]);
    expect(pictures[2]).toBe(pictures[0]);
  });

  it('GIVEN a path THEN it is reported ready only once its picture is rendered', async () => {
    const cache = createTreePictureCache({ render: countingRenderer().render });
    expect(cache.isReady(first)).toBe(false);
    const pending = cache.get(first);
    expect(cache.isReady(first)).toBe(false);
    await pending;
    expect(cache.isReady(first)).toBe(true);
    expect(cache.isReady(second)).toBe(false);
  });

  it('GIVEN warm() THEN the full tree and every outcome are ready, each rendered once', async () => {
    // Only the cache is under test here; png.test.ts renders every one of these paths for real.
    const calls: string[] = [];
    const render = async (path: readonly OptionId[]) => {
      calls.push(path.join('/'));
      return Buffer.from(path.join('/'));
    };
    const cache = createTreePictureCache({ render });
    await cache.warm();
    await cache.warm();
    const expected = [[], ...outcomePaths()].map((path) => path.join('/'));
    expect([...calls].sort()).toEqual([...expected].sort());
    for (const path of [[], ...outcomePaths()]) expect(cache.isReady(path)).toBe(true);
  });

  it('GIVEN more paths than it may hold THEN it keeps the most recently used and renders an evicted one again', async () => {
    const renders: string[] = [];
    const cache = createTreePictureCache({
      maxEntries: 2,
      render: async (path) => {
        renders.push(path.join('/'));
        return Buffer.from(path.join('/'));
      },
    });
    await cache.get(first);
    await cache.get(second);
    await cache.get(first);
    await cache.get(third);
    expect(cache.size).toBe(2);
    expect(cache.isReady(first)).toBe(true);
    expect(cache.isReady(second)).toBe(false);
    await cache.get(second);
    expect(renders).toEqual([key(first), key(second), key(third), key(second)]);
  });

  it('GIVEN a render that fails THEN the error reaches the caller and the next request tries again', async () => {
    let attempts = 0;
    const cache = createTreePictureCache({
      render: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('renderer unavailable');
        return Buffer.from('png');
      },
    });
    await expect(cache.get(first)).rejects.toThrow('renderer unavailable');
    expect(cache.isReady(first)).toBe(false);
    await expect(cache.get(first)).resolves.toEqual(Buffer.from('png'));
    expect(attempts).toBe(2);
  });

  it('GIVEN a nonsense size limit THEN it refuses with a clear message', () => {
    expect(() => createTreePictureCache({ maxEntries: 0, render: countingRenderer().render })).toThrow(/maxEntries/);
  });
});
