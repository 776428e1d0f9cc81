/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** Discord answers "This interaction failed" when no acknowledgement arrives within this window. */
export const ACK_WINDOW_MS = 3000;

/** Room kept for the defer request itself to reach Discord after the timer fires. */
export const DEFER_MARGIN_MS = 1200;

/**
 * When a snowflake was created, in Unix milliseconds. An interaction's id says when Discord
 * received the click, so the bot's deadline does not depend on gateway lag or a slow event loop.
 *
 * @example snowflakeTime('175928847299117063') // 1462015105796
 */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}

// The bot's clock and Discord's may disagree a little; past the window by more than this, no answer can land.
const CLOCK_SKEW_ALLOWANCE_MS = 1000;

/**
 * Whether Discord has surely closed the interaction's answer window already, as happens when a burst
 * keeps the bot busy for seconds: the user has been told it failed, and any answer would fail too.
 */
export function isPastAnswering(interactionId: string, now: number): boolean {
  return now - snowflakeTime(interactionId) > ACK_WINDOW_MS + CLOCK_SKEW_ALLOWANCE_MS;
}

/** Milliseconds the bot may still work before it must defer; 0 means defer at once. */
export function msUntilDeferDeadline(interactionId: string, now: number, marginMs = DEFER_MARGIN_MS): number {
  const deadline = snowflakeTime(interactionId) + ACK_WINDOW_MS - marginMs;
  return Math.max(0, deadline - now);
}

/** Runs a callback after a delay; returns a function that cancels it. Injectable for tests. */
export type Schedule = (callback: () => void, delayMs: number) => () => void;

const realSchedule: Schedule = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};

/** The ways an adapter can answer one interaction, with or without a deferral first. */
export interface TimelyResponse<T> {
  /** The possibly slow part: building the reply, perhaps rendering a picture. */
  readonly work: () => Promise<T>;
  /** Answers directly (update or reply) when the work finished in time. */
  readonly respond: (result: T) => Promise<void>;
  /** Acknowledges now and answers later (deferUpdate or deferReply). */
  readonly defer: () => Promise<void>;
  /** Answers after a deferral (editReply). */
  readonly respondAfterDefer: (result: T) => Promise<void>;
  /** How long the work may take before deferring, from {@link msUntilDeferDeadline}. */
  readonly deferAfterMs: number;
  readonly schedule?: Schedule;
}

/**
 * Answers an interaction in one step when the work is quick, and defers before the deadline when
 * it is not, so a click is never left unacknowledged. Resolves to which path was taken.
 */
export async function respondInTime<T>(response: TimelyResponse<T>): Promise<'direct' | 'deferred'> {
  if (response.deferAfterMs <= 0) {
    // Known to be slow: acknowledge first, so work that holds the event loop cannot delay the deferral.
    await response.defer();
    await response.respondAfterDefer(await response.work());
    return 'deferred';
  }
  const schedule = response.schedule ?? realSchedule;
  let deferral: Promise<void> | undefined;
  const cancel = schedule(() => {
    deferral = response.defer();
    // Observed below; this keeps a failed deferral from being reported as unhandled meanwhile.
    deferral.catch(() => undefined);
  }, response.deferAfterMs);
  let result: T;
  try {
    result = await response.work();
  } finally {
    cancel();
  }
  if (deferral === undefined) {
    await response.respond(result);
    return 'direct';
  }
  await deferral;
  await response.respondAfterDefer(result);
  return 'deferred';
}
