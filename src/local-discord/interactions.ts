import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from './clock.ts';
import { InteractionFailedError } from './errors.ts';

/** Discord invalidates an interaction that gets no first response within 3 s. */
export const ACK_WINDOW_MS = 3_000;
/** An interaction token works for follow-ups and edits for 15 minutes. */
export const TOKEN_LIFETIME_MS = 15 * 60 * 1_000;

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3 } as const;

export interface InteractionInit {
  readonly id: string;
  readonly type: 2 | 3;
  readonly channelId: string;
  readonly guildId?: string;
  readonly userId: string;
  /** The message whose component was used. */
  readonly sourceMessageId?: string;
  readonly commandName?: string;
}

/** One interaction's life: waiting for the first response, then its token's 15 minutes. */
export class InteractionRecord {
  readonly token: string;
  readonly createdAt: number;
  acknowledged = false;
  /** The 3 s window passed with no response. */
  failed = false;
  responseType: number | undefined;
  /** The response message (types 4, 5) or the component's message (types 6, 7). */
  originalMessageId: string | undefined;
  /** Set once the user sees the bot's complete answer (not just a "thinking..." placeholder). */
  answered = false;
  readonly answer: Promise<string>;
  private settle!: { resolve: (messageId: string) => void; reject: (error: Error) => void };
  private readonly ackTimer: TimerHandle;
  private readonly expiryTimer: TimerHandle;

  constructor(
    readonly init: InteractionInit,
    private readonly clock: Clock,
    private readonly tokenLifetimeMs: number = TOKEN_LIFETIME_MS,
  ) {
    this.createdAt = clock.now();
    // Two random UUIDs: as unguessable as Discord's tokens need to be here, and Node draws them from a pool.
    this.token = Buffer.from(`interaction:${init.id}:${randomUUID()}${randomUUID()}`).toString('base64url');
    this.answer = new Promise<string>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Tests that do not await the answer must not see an unhandled rejection.
    this.answer.catch(() => undefined);
    this.ackTimer = clock.setTimeout(() => this.expireIfUnacknowledged(), ACK_WINDOW_MS);
    this.expiryTimer = clock.setTimeout(() => this.fail(new InteractionFailedError(this.id, `the bot acknowledged but never answered before the token expired (${tokenLifetimeMs} ms)`)), tokenLifetimeMs);
  }

  get id(): string {
    return this.init.id;
  }

  get isComponent(): boolean {
    return this.init.type === InteractionType.MessageComponent;
  }

  /** The initial response came too late, or never. */
  ackWindowClosed(): boolean {
    return this.failed || this.clock.now() - this.createdAt > ACK_WINDOW_MS;
  }

  tokenExpired(): boolean {
    return this.clock.now() - this.createdAt >= this.tokenLifetimeMs;
  }

  acknowledge(responseType: number, originalMessageId: string | undefined): void {
    this.acknowledged = true;
    this.responseType = responseType;
    this.originalMessageId = originalMessageId;
    this.clock.clearTimeout(this.ackTimer);
  }

  /** The user now sees the bot's answer in this message. */
  markAnswered(messageId: string): void {
    if (this.answered) return;
    this.answered = true;
    this.clock.clearTimeout(this.expiryTimer);
    this.settle.resolve(messageId);
  }

  /** The response is something the driver cannot show as a message (e.g. a modal). */
  fail(error: Error): void {
    if (this.answered) return;
    this.answered = true;
    this.clock.clearTimeout(this.ackTimer);
    this.clock.clearTimeout(this.expiryTimer);
    this.settle.reject(error);
  }

  private expireIfUnacknowledged(): void {
    if (this.acknowledged) return;
    this.failed = true;
    this.fail(new InteractionFailedError(this.id, `the bot did not respond within ${ACK_WINDOW_MS} ms`));
  }
}

/** Every interaction the server created, by id and by token. */
export class InteractionRegistry {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  /** `tokenLifetimeMs` is Discord's 15 minutes unless a long run asks for less. */
  constructor(
    private readonly clock: Clock,
    private readonly tokenLifetimeMs: number = TOKEN_LIFETIME_MS,
  ) {}

  create(init: InteractionInit): InteractionRecord {
    const record = new InteractionRecord(init, this.clock, this.tokenLifetimeMs);
    this.byId.set(record.id, record);
    this.byToken.set(record.token, record);
    // Past its token's life an interaction answers every request as unknown, so it can be let go.
    this.clock.setTimeout(() => {
      this.byId.delete(record.id);
      this.byToken.delete(record.token);
    }, this.tokenLifetimeMs);
    return record;
  }

  find(id: string, token: string): InteractionRecord | undefined {
    const record = this.byId.get(id);
    return record?.token === token ? record : undefined;
  }

  findByToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }

  /** How many interactions are still kept (for long runs that watch memory). */
  get size(): number {
    return this.byId.size;
  }
}
