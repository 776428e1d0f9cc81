import { describe, expect, it } from 'vitest';
import type { ProbeSample } from '../../bench/probe-protocol.ts';
import { sampleAfterCollection } from '../../bench/subject.ts';

const MiB = 1024 * 1024;

/** A bot whose RSS, read after a collection, goes through the given values in MiB, then stays at the last. */
function botReading(rssMiB: readonly number[]) {
  const asked: boolean[] = [];
  let read = 0;
  const sample = async (options: { gc?: boolean } = {}): Promise<ProbeSample> => {
    asked.push(options.gc === true);
    const rss = rssMiB[Math.min(read, rssMiB.length - 1)]! * MiB;
    read += 1;
    return { id: read, cpuMicros: 0, rssBytes: rss, heapUsedBytes: 0, heapTotalBytes: 0, externalBytes: 0, loop: { activeMs: 0, idleMs: 0 }, loopDelay: { count: 0, resolutionMs: 10, p50Ms: Number.NaN, p99Ms: Number.NaN, maxMs: Number.NaN } };
  };
  return { sample, asked };
}

describe('memory after a collection', () => {
  it('GIVEN RSS that falls for a moment after gc() THEN the reading waits until it stops falling', async () => {
    const bot = botReading([265, 247, 246.9, 246.9]);
    expect((await sampleAfterCollection(bot, 1)).rssBytes).toBe(246.9 * MiB);
    // Only the first asks for a collection: the later readings must not collect again.
    expect(bot.asked).toEqual([true, false, false]);
  });

  it('GIVEN RSS that does not fall THEN the reading after gc() stands, read once more', async () => {
    const bot = botReading([140, 140.5]);
    expect((await sampleAfterCollection(bot, 1)).rssBytes).toBe(140.5 * MiB);
    expect(bot.asked).toEqual([true, false]);
  });

  it('GIVEN RSS that keeps falling THEN the reading gives up after twenty polls', async () => {
    const bot = botReading(Array.from({ length: 40 }, (_, index) => 300 - 2 * index));
    expect((await sampleAfterCollection(bot, 1)).rssBytes).toBe(260 * MiB);
    expect(bot.asked).toHaveLength(21);
  });
});
