/** How the open-loop schedule went: arrivals started and how late the generator started them. */
export interface ArrivalReport {
  readonly launched: number;
  /** Worst delay between an arrival's due time and its start; large values mean the generator itself lagged. */
  readonly maxLagMs: number;
}

const TICK_MS = 5;

/**
 * How many arrivals are due after `elapsedMs` at a fixed rate, never more than `total`.
 * @example arrivalsDue(200, 1_000, 1_000) // 200
 */
export function arrivalsDue(ratePerSecond: number, elapsedMs: number, total: number): number {
  if (elapsedMs <= 0) return 0;
  return Math.min(total, Math.floor((ratePerSecond * elapsedMs) / 1000) + 1);
}

/**
 * Starts `launch(i)` at a fixed arrival rate for `durationMs`, whatever the earlier arrivals are
 * doing (open loop: a slow bot gets a queue, as it would from real members), then waits for
 * every arrival to finish. `launch` must not reject.
 */
export async function runArrivals(ratePerSecond: number, durationMs: number, launch: (index: number) => Promise<void>): Promise<ArrivalReport> {
  if (!(ratePerSecond > 0) || !(durationMs > 0)) throw new RangeError(`rate and duration must be positive, got ${ratePerSecond}/s for ${durationMs} ms`);
  const total = Math.max(1, Math.round((ratePerSecond * durationMs) / 1000));
  const running: Promise<void>[] = [];
  const start = performance.now();
  let maxLagMs = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = arrivalsDue(ratePerSecond, now - start, total);
      while (running.length < due) {
        const index = running.length;
        maxLagMs = Math.max(maxLagMs, now - (start + (index * 1000) / ratePerSecond));
        running.push(launch(index));
      }
      if (running.length >= total) resolve();
      else setTimeout(tick, TICK_MS);
    };
    tick();
  });
  await Promise.all(running);
  return { launched: running.length, maxLagMs };
}
