/** Settings for {@link createClickDeduper}; `now` is injectable so tests need no real time. */
export interface ClickDeduperOptions {
  /** How long a click counts as a repeat of the same click, e.g. 3000 ms. */
  readonly windowMs: number;
  /** Upper bound on remembered clicks, so a flood cannot grow memory. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

/** Remembers recent clicks and tells whether one repeats a click still in its window. */
export interface ClickDeduper {
  /** True if the same key was seen within the window; otherwise records it and returns false. */
  isRepeat(key: string): boolean;
  readonly size: number;
}

/** The identity of a click: one user pressing one component of one message. */
export function clickKey(userId: string, messageId: string, customId: string): string {
  return `${userId}:${messageId}:${customId}`;
}

/**
 * A bounded map from click key to the time it was first seen. A double click then produces
 * one update instead of two, or a 40060 "already acknowledged" for the second.
 *
 * @example const dedupe = createClickDeduper({ windowMs: 3000, maxEntries: 10_000 }); dedupe.isRepeat(key)
 */
export function createClickDeduper(options: ClickDeduperOptions): ClickDeduper {
  const now = options.now ?? Date.now;
  // A Map keeps insertion order, so the oldest entries are the first to evict.
  const seenAt = new Map<string, number>();

  function evictExpired(at: number): void {
    for (const [key, time] of seenAt) {
      if (at - time < options.windowMs) break;
      seenAt.delete(key);
    }
  }

  return {
    isRepeat(key) {
      const at = now();
      evictExpired(at);
      const previous = seenAt.get(key);
      if (previous !== undefined && at - previous < options.windowMs) return true;
      seenAt.delete(key);
      seenAt.set(key, at);
      while (seenAt.size > options.maxEntries) {
        const oldest = seenAt.keys().next().value;
        if (oldest === undefined) break;
        seenAt.delete(oldest);
      }
      return false;
    },
    get size() {
      return seenAt.size;
    },
  };
}

/** A repeated click inside this window is the same click (a double click, or a retry by the client). */
const DOUBLE_CLICK_WINDOW_MS = 3000;

/** The double-click filter every transport gives the interaction handler. */
export function createDoubleClickFilter(): ClickDeduper {
  return createClickDeduper({ windowMs: DOUBLE_CLICK_WINDOW_MS, maxEntries: 10_000 });
}
