import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from './clock.ts';
import { InteractionFailedError } from './errors.ts';
import type { InteractionContextType } from './installations.ts';
import type { JsonRecord } from './rules/json.ts';
import type { AuthorizingOwners } from './world.ts';

/** Discord invalidates an interaction that gets no first response within 3 s. */
export const ACK_WINDOW_MS = 3_000;
/** An interaction token works for follow-ups and edits for 15 minutes. */
export const TOKEN_LIFETIME_MS = 15 * 60 * 1_000;

export const InteractionType = { ApplicationCommand: 2, MessageComponent: 3, ModalSubmit: 5 } as const;
export type InteractionTypeNumber = (typeof InteractionType)[keyof typeof InteractionType];

/** Application command types: 1 slash (CHAT_INPUT), 2 user, 3 message context-menu command. */
export const CommandType = { ChatInput: 1, User: 2, Message: 3 } as const;

/** Documented: at most 5 follow-ups per interaction where only the user installed the app. */
export const USER_INSTALL_FOLLOW_UP_LIMIT = 5;

export interface InteractionInit {
  readonly id: string;
  readonly type: InteractionTypeNumber;
  readonly channelId: string;
  readonly guildId?: string;
  readonly userId: string;
  /**
   * The message whose component was used; for a modal submit, the message whose component opened
   * the modal (absent when a command opened it).
   */
  readonly sourceMessageId?: string;
  readonly commandName?: string;
  /** For application commands: 1 slash, 3 message command. */
  readonly commandType?: number;
  /** For a message command: the message it was run on. */
  readonly targetMessageId?: string;
  /** 0 a server, 1 the bot's DM, 2 any other DM or group DM. */
  readonly context: InteractionContextType;
  /** `authorizing_integration_owners`: the installations the interaction came through. */
  readonly owners: AuthorizingOwners;
  /** Where the member lacks USE_EXTERNAL_APPS in a server without the app: every response is ephemeral. */
  readonly forceEphemeral: boolean;
  /** `member.permissions` (in a server) and `app_permissions`, as decimal strings. */
  readonly memberPermissions: string;
  readonly appPermissions: string;
}

/**
 * What the user ends up seeing: a message (the response, or the component's message updated), or
 * a modal the bot opened with callback type 9.
 */
export type InteractionOutcome =
  | { readonly kind: 'message'; readonly messageId: string }
  | { readonly kind: 'modal'; readonly modal: JsonRecord }
  /** The bot acknowledged a click and deleted the message the component sat on. */
  | { readonly kind: 'deleted'; readonly messageId: string };

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
  /** Set once the user sees the bot's complete answer (not just a "thinking..." placeholder) or its modal. */
  answered = false;
  /** Follow-up messages created through the webhook so far. */
  followUps = 0;
  readonly answer: Promise<InteractionOutcome>;
  /** Resolves once the bot acknowledges the interaction; never, if it does not. */
  readonly acknowledgement: Promise<void>;
  private settle!: { resolve: (outcome: InteractionOutcome) => void; reject: (error: Error) => void };
  private settleAcknowledgement!: () => void;
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
    this.answer = new Promise<InteractionOutcome>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Tests that do not await the answer must not see an unhandled rejection.
    this.answer.catch(() => undefined);
    this.acknowledgement = new Promise<void>((resolve) => {
      this.settleAcknowledgement = resolve;
    });
    this.ackTimer = clock.setTimeout(() => this.expireIfUnacknowledged(), ACK_WINDOW_MS);
    this.expiryTimer = clock.setTimeout(() => this.fail(new InteractionFailedError(this.id, `the bot acknowledged but never answered before the token expired (${tokenLifetimeMs} ms)`)), tokenLifetimeMs);
  }

  get id(): string {
    return this.init.id;
  }

  /** Only the user's installation authorized it (the server did not install the app): the follow-up cap applies. */
  get userInstallOnly(): boolean {
    return this.init.owners['1'] !== undefined && this.init.owners['0'] === undefined;
  }

  get isComponent(): boolean {
    return this.init.type === InteractionType.MessageComponent;
  }

  /**
   * Whether callback types 6 and 7 (update the message) apply: to a component interaction, and to
   * the submit of a modal that a component opened; never to a command or a command's modal.
   */
  get canUpdateSource(): boolean {
    return (this.init.type === InteractionType.MessageComponent || this.init.type === InteractionType.ModalSubmit) && this.init.sourceMessageId !== undefined;
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
    this.settleAcknowledgement();
  }

  /** The user now sees the bot's answer in this message. */
  markAnswered(messageId: string): void {
    this.resolveWith({ kind: 'message', messageId });
  }

  /** The user now sees the modal the bot opened (callback type 9, already validated). */
  markModalShown(modal: JsonRecord): void {
    this.resolveWith({ kind: 'modal', modal });
  }

  /** The interaction failed as the user sees it ("This interaction failed"), or never got its answer. */
  fail(error: Error): void {
    if (this.answered) return;
    this.answered = true;
    this.clock.clearTimeout(this.ackTimer);
    this.clock.clearTimeout(this.expiryTimer);
    this.settle.reject(error);
  }

  private resolveWith(outcome: InteractionOutcome): void {
    if (this.answered) return;
    this.answered = true;
    this.clock.clearTimeout(this.expiryTimer);
    this.settle.resolve(outcome);
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
