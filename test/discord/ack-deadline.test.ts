import { SnowflakeUtil } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isPastAnswering, msUntilDeferDeadline, respondInTime, snowflakeTime, type Schedule } from '../../src/discord/ack-deadline.ts';

function manualSchedule() {
  const pending: Array<{ callback: () => void; cancelled: boolean }> = [];
  const schedule: Schedule = (callback) => {
    const entry = { callback, cancelled: false };
    pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const fire = () => pending.filter((entry) => !entry.cancelled).forEach((entry) => entry.callback());
  return { schedule, fire };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('snowflakeTime', () => {
  it('GIVEN a snowflake made by discord.js at a known time THEN that time is read back', () => {
    const at = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
    expect(snowflakeTime(SnowflakeUtil.generate({ timestamp: at }).toString())).toBe(at);
  });
});

describe('msUntilDeferDeadline', () => {
  const created = Date.UTC(2026, 0, 1);
  const id = SnowflakeUtil.generate({ timestamp: created }).toString();

  it('GIVEN a fresh interaction THEN the bot may work until the window minus the margin', () => {
    expect(msUntilDeferDeadline(id, created + 100, 1000)).toBe(1900);
  });

  it('GIVEN an interaction that arrived late THEN the bot defers at once', () => {
    expect(msUntilDeferDeadline(id, created + 2500, 1000)).toBe(0);
  });
});

describe('isPastAnswering', () => {
  const created = Date.UTC(2026, 0, 1);
  const id = SnowflakeUtil.generate({ timestamp: created }).toString();

  it('GIVEN a click still inside Discord\'s 3 s, or just past it within the clock-skew allowance THEN it is still answered', () => {
    expect(isPastAnswering(id, created + 100)).toBe(false);
    expect(isPastAnswering(id, created + 3500)).toBe(false);
  });

  it('GIVEN a click the bot reaches more than 4 s after Discord received it THEN it is past answering', () => {
    expect(isPastAnswering(id, created + 4001)).toBe(true);
  });
});

describe('respondInTime', () => {
  it('GIVEN work that finishes before the timer THEN the bot answers directly and never defers', async () => {
    const time = manualSchedule();
    const calls: string[] = [];
    const path = await respondInTime({
      work: async () => 'page',
      respond: async (page) => void calls.push(`respond ${page}`),
      defer: async () => void calls.push('defer'),
      respondAfterDefer: async (page) => void calls.push(`edit ${page}`),
      deferAfterMs: 500,
      schedule: time.schedule,
    });
    time.fire();
    expect(path).toBe('direct');
    expect(calls).toEqual(['respond page']);
  });

  it('GIVEN work still running when the timer fires THEN the bot defers, then edits in the result', async () => {
    const time = manualSchedule();
    const work = deferred<string>();
    const calls: string[] = [];
    const done = respondInTime({
      work: () => work.promise,
      respond: async (page) => void calls.push(`respond ${page}`),
      defer: async () => void calls.push('defer'),
      respondAfterDefer: async (page) => void calls.push(`edit ${page}`),
      deferAfterMs: 500,
      schedule: time.schedule,
    });
    time.fire();
    work.resolve('picture');
    expect(await done).toBe('deferred');
    expect(calls).toEqual(['defer', 'edit picture']);
  });

  it('GIVEN no time left THEN the bot defers before starting the work', async () => {
    const calls: string[] = [];
    await respondInTime({
      work: async () => void calls.push('work'),
      respond: async () => void calls.push('respond'),
      defer: async () => void calls.push('defer'),
      respondAfterDefer: async () => void calls.push('edit'),
      deferAfterMs: 0,
    });
    expect(calls).toEqual(['defer', 'work', 'edit']);
  });

  it('GIVEN work that fails THEN the failure reaches the caller and nothing is sent', async () => {
    const calls: string[] = [];
    const time = manualSchedule();
    await expect(
      respondInTime({
        work: async () => {
          throw new Error('render failed');
        },
        respond: async () => void calls.push('respond'),
        defer: async () => void calls.push('defer'),
        respondAfterDefer: async () => void calls.push('edit'),
        deferAfterMs: 500,
        schedule: time.schedule,
      }),
    ).rejects.toThrow('render failed');
    time.fire();
    expect(calls).toEqual([]);
  });
});
