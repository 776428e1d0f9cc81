/**
 * What the bot reports of its work as it goes, for whoever watches it (the metrics endpoint).
 * Plain calls with the same words the log lines use; the bot never waits on them.
 */
export interface BotActivity {
  /** One interaction answered (or not): its kind, what was done, and how long answering took. */
  interaction(kind: string, outcome: string, latencyMs: number): void;
  /** One typed message the bot took up: answered, declined (no guide, no question it can answer, no text to read), or failed. */
  followUp(result: FollowUpResult, latencyMs: number): void;
}

export type FollowUpResult = 'answered' | 'declined' | 'error';
