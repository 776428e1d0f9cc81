/** An opaque timer returned by `Clock.setTimeout`, only good for `Clock.clearTimeout`. */
export type TimerHandle = unknown;

/**
 * Where the server reads time: the interaction windows (3 s, 15 min) and snowflake timestamps.
 * Tests inject a manual clock to cross those windows without waiting.
 * @example const clock = createManualClock(); clock.advance(3_001);
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** A clock whose time moves only when `advance` is called. */
export interface ManualClock extends Clock {
  /** Moves time forward, running every timer that falls due, in order of due time. */
  advance(ms: number): void;
}

/** Real time; its timers never keep the process alive on their own. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return timer;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

interface PendingTimer {
  readonly id: number;
  readonly dueAt: number;
  readonly callback: () => void;
}

/**
 * A clock for tests. It starts at `start` (by default the real time now, because discord.js
 * compares snowflake times with `Date.now()`), and moves only through `advance`.
 * @example const clock = createManualClock(); startLocalDiscord({ clock });
 */
export function createManualClock(start: number = Date.now()): ManualClock {
  let now = start;
  let nextId = 1;
  let pending: PendingTimer[] = [];

  return {
    now: () => now,
    setTimeout(callback, delayMs) {
      const timer: PendingTimer = { id: nextId++, dueAt: now + Math.max(0, delayMs), callback };
      pending.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      pending = pending.filter((timer) => timer !== handle);
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance needs a finite, non-negative number of ms, got ${ms}`);
      const target = now + ms;
      for (;;) {
        const due = pending.filter((timer) => timer.dueAt <= target).sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
        if (due === undefined) break;
        pending = pending.filter((timer) => timer !== due);
        now = due.dueAt;
        due.callback();
      }
      now = target;
    },
  };
}
