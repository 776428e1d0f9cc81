import { machineClockMs, type AnswerTime } from './probe-protocol.ts';

/**
 * When the local server wrote each interaction to the bot's socket, on the machine's clock; it
 * keeps them only between start() and take(), while a step measures.
 */
export class SentTimes {
  private times: Map<string, number> | undefined;

  start(): void {
    this.times = new Map();
  }

  /** For the server's onInteractionSent. */
  readonly record = (interactionId: string): void => {
    this.times?.set(interactionId, machineClockMs());
  };

  /** Stops keeping times and hands over those kept. */
  take(): ReadonlyMap<string, number> {
    const taken = this.times ?? new Map<string, number>();
    this.times = undefined;
    return taken;
  }
}

/**
 * The bot's turnaround for each interaction both sides timed: from the server writing it to the
 * bot's socket to the bot beginning its response, its queueing included. Interactions sent before
 * the server began keeping times are left out, and so is a second response to one interaction.
 * @example turnarounds(new Map([['1', 10]]), [['1', 14.5]]) // [4.5]
 */
export function turnarounds(sent: ReadonlyMap<string, number>, answered: readonly AnswerTime[]): number[] {
  const seen = new Set<string>();
  const times: number[] = [];
  for (const [interactionId, answeredAt] of answered) {
    const sentAt = sent.get(interactionId);
    if (sentAt === undefined || seen.has(interactionId)) continue;
    seen.add(interactionId);
    times.push(answeredAt - sentAt);
  }
  return times;
}
