import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { createTreePictureCache } from '../../src/picture/cache.ts';
import { renderTreePng } from '../../src/picture/png.ts';
import { outcomePaths } from '../../src/picture/tree.ts';
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

describe('createTreePictureCache', () => {
  it('GIVEN concurrent requests for one path THEN it renders once and every caller gets the same picture', async () => {
    const { calls, render } = countingRenderer();
    const cache = createTreePictureCache({ render });
    const pictures = await Promise.all([cache.get(['io', 'asyncio']), cache.get(['io', 'asyncio']), cache.get(['io', 'asyncio'])]);
    await cache.get(['io', 'asyncio']);
    expect(calls).toEqual(['io/asyncio']);
    expect(pictures[1]).toBe(pictures[0]);
    expect(pictures[2]).toBe(pictures[0]);
  });

  it('GIVEN a path THEN it is reported ready only once its picture is rendered', async () => {
    const cache = createTreePictureCache({ render: countingRenderer().render });
    expect(cache.isReady(['cpu', 'class'])).toBe(false);
    const pending = cache.get(['cpu', 'class']);
    expect(cache.isReady(['cpu', 'class'])).toBe(false);
    await pending;
    expect(cache.isReady(['cpu', 'class'])).toBe(true);
    expect(cache.isReady(['cpu', 'pool', 'map'])).toBe(false);
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
    await cache.get(['cpu', 'class']);
    await cache.get(['io', 'asyncio']);
    await cache.get(['cpu', 'class']);
    await cache.get(['io', 'threads', 'class']);
    expect(cache.size).toBe(2);
    expect(cache.isReady(['cpu', 'class'])).toBe(true);
    expect(cache.isReady(['io', 'asyncio'])).toBe(false);
    await cache.get(['io', 'asyncio']);
    expect(renders).toEqual(['cpu/class', 'io/asyncio', 'io/threads/class', 'io/asyncio']);
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
    await expect(cache.get(['cpu', 'class'])).rejects.toThrow('renderer unavailable');
    expect(cache.isReady(['cpu', 'class'])).toBe(false);
    await expect(cache.get(['cpu', 'class'])).resolves.toEqual(Buffer.from('png'));
    expect(attempts).toBe(2);
  });

  it('GIVEN a nonsense size limit THEN it refuses with a clear message', () => {
    expect(() => createTreePictureCache({ maxEntries: 0, render: countingRenderer().render })).toThrow(/maxEntries/);
  });
});
