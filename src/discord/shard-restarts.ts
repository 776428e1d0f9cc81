/*
 * When a shard process dies, when to start it again, and when to stop trying. Discord counts every
 * IDENTIFY against a daily budget and resets the token of an app that uses it up, so a crash loop
 * must slow down, and must end before it takes the whole bot down with it.
 */

/** A shard that stayed up this long had a crash, not a crash loop: its next pause starts short again. */
export const STABLE_AFTER_MS = 60_000;

/** The longest pause between two restarts of one shard. */
export const MAX_RESTART_DELAY_MS = 5 * 60_000;

/**
 * How long to wait before restarting a shard that has died `failuresInARow` times in a row:
 * `baseMs` doubled per failure, up to five minutes, plus up to half again at random so shards that
 * died together do not all IDENTIFY at once. Never less than `baseMs`, which keeps Discord's one
 * IDENTIFY per 5 s.
 *
 * @example restartDelayMs(3, 5500, 0) // 22000
 */
export function restartDelayMs(failuresInARow: number, baseMs: number, random: number): number {
  const doubled = Math.min(MAX_RESTART_DELAY_MS, baseMs * 2 ** Math.max(0, failuresInARow - 1));
  return Math.round(doubled + doubled * 0.5 * Math.min(1, Math.max(0, random)));
}

/**
 * Whether a restart may spend one of the day's IDENTIFYs: only while more are left than `reserve`,
 * the number it takes to start every shard of this host once more (after a deploy, say).
 *
 * @example mayRestart({ remaining: 3, total: 1000 }, 2) // true
 */
export function mayRestart(budget: { readonly remaining: number }, reserve: number): boolean {
  return budget.remaining > reserve;
}
