import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManualClock, DISCORD_EPOCH, isSnowflake, shardOf, snowflakeTime } from '../../src/local-discord/index.ts';
import { createSnowflakeFactory } from '../../src/local-discord/snowflake.ts';

describe('snowflakes', () => {
  it('GIVEN any time after the Discord epoch WHEN an id is made THEN it encodes that time and is a valid snowflake', () => {
    fc.assert(
      fc.property(fc.integer({ min: DISCORD_EPOCH, max: DISCORD_EPOCH + 2 ** 41 - 1 }), (time) => {
        const id = createSnowflakeFactory(() => time)();
        expect(isSnowflake(id)).toBe(true);
        expect(snowflakeTime(id)).toBe(time);
      }),
    );
  });

  it('GIVEN many ids in one millisecond WHEN they are made THEN they are unique and increasing', () => {
    const next = createSnowflakeFactory(() => DISCORD_EPOCH + 1_000);
    const ids = Array.from({ length: 5_000 }, next).map(BigInt);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, index) => index === 0 || id > (ids[index - 1] ?? 0n))).toBe(true);
  });

  it('GIVEN a clock that steps back WHEN ids are made THEN they still increase', () => {
    const times = [DISCORD_EPOCH + 500, DISCORD_EPOCH + 100];
    const next = createSnowflakeFactory(() => times.shift() ?? DISCORD_EPOCH);
    const first = BigInt(next());
    expect(BigInt(next()) > first).toBe(true);
  });

  it('GIVEN text that is not an unsigned 64-bit number WHEN checked THEN it is not a snowflake', () => {
    for (const value of ['', 'abc', '-1', '18446744073709551616', 12, null]) expect(isSnowflake(value)).toBe(false);
    expect(isSnowflake('18446744073709551615')).toBe(true);
  });

  it('GIVEN any guild id and shard count WHEN the shard is computed THEN it follows (id >> 22) % count', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.integer({ min: 1, max: 64 }), (id, count) => {
        const shard = shardOf(id.toString(), count);
        expect(shard).toBe(Number((id >> 22n) % BigInt(count)));
        expect(shard).toBeLessThan(count);
      }),
    );
    expect(() => shardOf('1', 0)).toThrow(RangeError);
  });
});

describe('manual clock', () => {
  it('GIVEN timers WHEN time advances THEN due ones run in due order, each seeing its own time', () => {
    const clock = createManualClock(1_000);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10);
    const cancelled = clock.setTimeout(() => seen.push('never'), 5);
    clock.clearTimeout(cancelled);
    clock.setTimeout(() => seen.push('later'), 100);
    clock.advance(20);
    expect(seen).toEqual(['a@1010', 'b@1020']);
    expect(clock.now()).toBe(1_020);
  });

  it('GIVEN a timer that schedules another inside the step WHEN time advances THEN both run', () => {
    const clock = createManualClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => clock.setTimeout(() => seen.push(clock.now()), 5), 5);
    clock.advance(10);
    expect(seen).toEqual([10]);
  });

  it('GIVEN a negative step WHEN advancing THEN it is refused', () => {
    expect(() => createManualClock().advance(-1)).toThrow(RangeError);
  });
});
