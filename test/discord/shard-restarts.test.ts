import { describe, expect, it } from 'vitest';
import { MAX_RESTART_DELAY_MS, mayRestart, restartDelayMs } from '../../src/discord/shard-restarts.ts';

describe('restartDelayMs', () => {
  it('GIVEN deaths in a row THEN each pause doubles from the spawn delay, up to five minutes', () => {
    expect([1, 2, 3, 4].map((failures) => restartDelayMs(failures, 5_500, 0))).toEqual([5_500, 11_000, 22_000, 44_000]);
    expect(restartDelayMs(30, 5_500, 0)).toBe(MAX_RESTART_DELAY_MS);
  });

  it('GIVEN shards that died together THEN the jitter spreads them by up to half the pause, never below the spawn delay', () => {
    expect(restartDelayMs(1, 5_500, 1)).toBe(8_250);
    expect(restartDelayMs(2, 5_500, 0.5)).toBe(13_750);
    for (const random of [0, 0.3, 0.99]) expect(restartDelayMs(1, 5_500, random)).toBeGreaterThanOrEqual(5_500);
  });
});

describe('mayRestart', () => {
  it('GIVEN more IDENTIFYs left than a full restart of this host needs THEN a dead shard may come back; otherwise not', () => {
    expect(mayRestart({ remaining: 3 }, 2)).toBe(true);
    expect(mayRestart({ remaining: 2 }, 2)).toBe(false);
    expect(mayRestart({ remaining: 0 }, 1)).toBe(false);
  });
});
