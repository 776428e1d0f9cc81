import type { Clock } from './clock.ts';
import type { ExternalAppsTarget, GuildOptions, PrivateChannel } from './install-types.ts';

/** A guild created by a test or the playground. */
export interface Guild {
  readonly id: string;
  readonly name: string;
}

/** A guild text channel. */
export interface Channel {
  readonly id: string;
  readonly guildId: string;
  readonly name: string;
}

/** A human user who can act through the driver. */
export interface User {
  readonly id: string;
  readonly username: string;
}

export interface BotIdentity {
  readonly token: string;
  readonly applicationId: string;
  readonly userId: string;
  readonly username: string;
  /**
   * The app's Ed25519 public key as the developer portal shows it (64 hex digits): what an app that
   * receives interactions over HTTP checks each request's signature with.
   */
  readonly publicKey: string;
}

export type ButtonStyleName = 'primary' | 'secondary' | 'success' | 'danger' | 'link' | 'premium';

export interface RenderedButton {
  readonly type: 'button';
  readonly label?: string;
  readonly style: ButtonStyleName;
  readonly customId?: string;
  readonly url?: string;
  readonly disabled: boolean;
  readonly emoji?: string;
}

export interface RenderedSelectOption {
  readonly label: string;
  readonly value: string;
  readonly description?: string;
}

export interface RenderedSelect {
  readonly type: 'select';
  readonly customId: string;
  readonly placeholder?: string;
  readonly options: readonly RenderedSelectOption[];
  readonly minValues: number;
  readonly maxValues: number;
  readonly disabled: boolean;
}

export type RenderedComponent = RenderedButton | RenderedSelect;

export interface RenderedEmbedField {
  readonly name: string;
  readonly value: string;
  readonly inline: boolean;
}

export interface RenderedEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly url?: string;
  readonly color?: number;
  readonly fields: readonly RenderedEmbedField[];
  readonly footer?: string;
  readonly image?: string;
  readonly thumbnail?: string;
  readonly author?: string;
}

export interface RenderedAttachment {
  /** Stays the same while an edit keeps the attachment; a new upload gets a new id. */
  readonly id: string;
  readonly filename: string;
  readonly contentType?: string;
  /** The alt text screen readers announce. */
  readonly description?: string;
  readonly size: number;
  readonly data: Buffer;
}

/** Which mentions a message was allowed to ping, as the author asked. */
export interface RenderedAllowedMentions {
  readonly parse: readonly string[];
  readonly users: readonly string[];
  readonly roles: readonly string[];
  readonly repliedUser: boolean;
}

/** A message as a user would see it in the Discord client. */
/** A picture of a media gallery or a thumbnail: its url as the bot gave it (`attachment://name` for an upload) and its alt text. */
export interface RenderedMedia {
  readonly url: string;
  readonly description?: string;
  readonly spoiler: boolean;
}

export type RenderedThumbnail = { readonly type: 'thumbnail' } & RenderedMedia;

/** One piece of a Components V2 message as a user sees it, in the order the message lays them out. */
export type RenderedLayoutComponent =
  | { readonly type: 'container'; readonly accentColor?: number; readonly spoiler: boolean; readonly components: readonly RenderedLayoutComponent[] }
  | { readonly type: 'textDisplay'; readonly content: string }
  | { readonly type: 'section'; readonly texts: readonly string[]; readonly accessory: RenderedButton | RenderedThumbnail }
  | { readonly type: 'mediaGallery'; readonly items: readonly RenderedMedia[] }
  | { readonly type: 'file'; readonly url: string; readonly spoiler: boolean }
  | { readonly type: 'separator'; readonly divider: boolean; readonly spacing: 'small' | 'large' }
  | { readonly type: 'actionRow'; readonly components: readonly RenderedComponent[] };

export interface RenderedMessage {
  readonly id: string;
  readonly channelId: string;
  readonly authorId: string;
  readonly content: string;
  readonly embeds: readonly RenderedEmbed[];
  /** Action rows, each a list of components; for a Components V2 message, its rows of controls wherever the layout puts them. */
  readonly components: readonly (readonly RenderedComponent[])[];
  /** A Components V2 message's layout, in order; empty for a classic message. */
  readonly layout: readonly RenderedLayoutComponent[];
  readonly attachments: readonly RenderedAttachment[];
  readonly ephemeral: boolean;
  readonly ephemeralFor?: string;
  /** True while a deferred response shows "Bot is thinking...". */
  readonly loading: boolean;
  readonly reference?: string;
  /** Ids of the users the message mentions. */
  readonly mentions: readonly string[];
  readonly allowedMentions?: RenderedAllowedMentions;
  readonly createdAt: number;
  readonly editedAt?: number;
}

/** One REST request the bot made, as the server answered it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path after `/api/v10`, decoded, e.g. `/webhooks/1/abc/messages/@original`. */
  readonly route: string;
  readonly body: unknown;
  readonly status: number;
  readonly at: number;
}

/** A request the server refused because Discord would refuse it too. */
export interface Violation {
  readonly method: string;
  readonly route: string;
  readonly status: number;
  /** Discord's JSON error code (e.g. 50035), or 0 for plain HTTP errors. */
  readonly code: number;
  readonly message: string;
  /** Discord's nested form errors, when there are any. */
  readonly errors?: unknown;
}

export type ChangeEvent =
  | { readonly type: 'messageCreated'; readonly channelId: string; readonly message: RenderedMessage }
  | { readonly type: 'messageUpdated'; readonly channelId: string; readonly message: RenderedMessage }
  | { readonly type: 'messageDeleted'; readonly channelId: string; readonly messageId: string };

export interface LocalDiscordOptions {
  /**
   * Whether the MESSAGE_CONTENT privileged intent is enabled for the app, as the portal switch is on
   * Discord (default false). Without it IDENTIFY asking for the intent closes with 4014, and REST
   * answers empty the content of messages the bot may not read, as gateway events do.
   */
  readonly messageContent?: boolean;
  readonly guildMembers?: boolean;
  readonly guildPresences?: boolean;
  /** The shard count `/gateway/bot` recommends; default 1. */
  readonly shards?: number;
  /**
   * The app's daily IDENTIFY budget (`session_start_limit.total`, default 1000). Each READY uses one;
   * `/gateway/bot` reports what is left, and once none is, IDENTIFY is refused with 4004, as Discord
   * then resets the token.
   */
  readonly sessionStartLimit?: number;
  readonly clock?: Clock;
  /** Default 41250, as Discord sends. */
  readonly heartbeatIntervalMs?: number;
  /** Default 0 (an ephemeral port); the host is always 127.0.0.1. */
  readonly port?: number;
  /**
   * Keep every REST request in `requests` (default true). Long runs such as benchmarks turn it off
   * so memory stays flat; violations and internal errors are recorded either way.
   */
  readonly recordRequests?: boolean;
  /**
   * How long an interaction's token works and the server keeps the interaction; Discord's 15
   * minutes by default. Long runs shorten it so finished interactions are let go sooner.
   */
  readonly interactionTokenLifetimeMs?: number;
  /**
   * Check message and interaction-response bodies against Discord's OpenAPI schemas (default true).
   * Discord's documented limits are enforced either way. A benchmark may turn the schema checks
   * off: on Discord they run on Discord's machines, here they would take CPU from the bot measured.
   */
  readonly schemaChecks?: boolean;
  /**
   * Called with an interaction's id just before its INTERACTION_CREATE is written to the bot's
   * socket, so a benchmark can time the bot alone: from here to the bot's answer. An error it
   * throws is kept in `internalErrors`.
   */
  readonly onInteractionSent?: (interactionId: string) => void;
  /**
   * Whether the app supports the User Install installation context (the portal's Installation
   * page), default true: the portal enables it for new apps. Without it `installForUser` is refused
   * and a global command declaring USER_INSTALL is refused at registration.
   */
  readonly userInstall?: boolean;
}

export type SlashOptionValue = string | number | boolean;

export interface WaitOptions {
  /** Real milliseconds to wait for the bot before giving up; default 5000. */
  readonly timeoutMs?: number;
}

export type ButtonChoice = { readonly label: string } | { readonly customId: string };

/** A component interaction as a stale or modified client could send it; see UserActor.sendComponentInteraction. */
export interface ForgedComponent {
  readonly customId: string;
  /** 2 button, 3 string select, 5 user, 6 role, 7 mentionable, 8 channel select. */
  readonly componentType: number;
  /** Selected values, for select menus. */
  readonly values?: readonly string[];
}

export interface SelectChoice {
  readonly customId?: string;
  readonly values: readonly string[];
}

export interface SendMessageOptions {
  /** Id of the message this one replies to. */
  readonly replyTo?: string;
  /** Prefix the content with a mention of the bot. */
  readonly mentionBot?: boolean;
  /** Whether a reply pings the replied-to author (Discord's client does by default). */
  readonly pingRepliedAuthor?: boolean;
}

/** One text input of a modal, as the user sees it. */
export interface ModalField {
  /** The Label's text (or, in the deprecated action-row form, the input's own label). */
  readonly label: string;
  readonly customId: string;
  readonly style: 'short' | 'paragraph';
  readonly placeholder?: string;
  /** True unless the bot set `required: false`. */
  readonly required: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** The bot's prefilled value; submitted as is unless the user types another. */
  readonly value?: string;
  /** The Label's description, when it has one. */
  readonly description?: string;
}

/** A modal the bot opened (interaction callback type 9), as the user sees it until they submit or close it. */
export interface OpenedModal {
  readonly customId: string;
  readonly title: string;
  /** Its text inputs, in order. */
  readonly fields: readonly ModalField[];
  /**
   * Submits the modal with `values` by input custom id (an input left out keeps its prefilled
   * value, or stays empty) and resolves with the bot's answer, as clickButton does. Values that
   * break the modal's rules (required, min/max length, one line for a short input) are refused
   * with a DriverError and nothing is sent, as the Discord client would not send them. A modal is
   * submitted once; only when the bot's answer failed ("This interaction failed") may it be
   * submitted again, as the Discord client keeps it open then.
   */
  submit(values: Readonly<Record<string, string>>, opts?: WaitOptions): Promise<RenderedMessage>;
  /** Closes the modal without submitting it: the bot is told nothing. */
  close(): void;
}

/** What a click brought: a message (the answer, or the clicked message updated) or a modal. */
export type ButtonAnswer = { readonly kind: 'message'; readonly message: RenderedMessage } | { readonly kind: 'modal'; readonly modal: OpenedModal };

/** A user of the local server, acting as they would in the Discord client. */
export interface UserActor {
  readonly user: User;
  /** Runs a slash command and resolves with the bot's answer; a DriverError when the bot opens a modal instead (see openModalFromCommand). */
  runSlashCommand(channelId: string, name: string, options?: Readonly<Record<string, SlashOptionValue>>, opts?: WaitOptions): Promise<RenderedMessage>;
  /** Runs a slash command whose answer is a modal, and resolves with the modal; a DriverError when the bot answers otherwise. */
  openModalFromCommand(channelId: string, name: string, options?: Readonly<Record<string, SlashOptionValue>>, opts?: WaitOptions): Promise<OpenedModal>;
  /**
   * Runs the message context-menu command `name` (Apps in the message's menu) on a message the
   * user sees, and resolves with the bot's answer; a DriverError when no such message command is
   * registered where the message is, or when the bot opens a modal instead.
   */
  runMessageCommand(messageId: string, name: string, opts?: WaitOptions): Promise<RenderedMessage>;
  /** Runs a message command whose answer is a modal, and resolves with the modal. */
  openModalFromMessageCommand(messageId: string, name: string, opts?: WaitOptions): Promise<OpenedModal>;
  /** Clicks a button and resolves with the bot's answer; a DriverError when the bot opens a modal instead (see openModal). */
  clickButton(messageId: string, which: ButtonChoice, opts?: WaitOptions): Promise<RenderedMessage>;
  /**
   * Clicks a button whose answer removes the message it sits on (the bot acknowledges the click and
   * deletes the message, through the click's token or the channel), and resolves
   * once it is gone; a DriverError saying what came instead otherwise. The other click calls refuse
   * such an answer with a DriverError naming this one.
   */
  clickButtonToDelete(messageId: string, which: ButtonChoice, opts?: WaitOptions): Promise<void>;
  /** Clicks a button whose answer is a modal, and resolves with the modal; a DriverError saying what came instead otherwise. */
  openModal(messageId: string, which: ButtonChoice, opts?: WaitOptions): Promise<OpenedModal>;
  /** Clicks a button and resolves with whichever answer the bot gives, a message or a modal (for a caller that cannot know, like the playground page). */
  pressButton(messageId: string, which: ButtonChoice, opts?: WaitOptions): Promise<ButtonAnswer>;
  selectOption(messageId: string, which: SelectChoice, opts?: WaitOptions): Promise<RenderedMessage>;
  /**
   * Sends a component interaction on a message without checking that the message shows that
   * component, as a client holding an old version of the message or a forged request would; for
   * robustness tests. Resolves with what the user then sees, like clickButton.
   */
  sendComponentInteraction(messageId: string, component: ForgedComponent, opts?: WaitOptions): Promise<RenderedMessage>;
  sendMessage(channelId: string, content: string, opts?: SendMessageOptions): Promise<RenderedMessage>;
  sendDm(content: string): Promise<RenderedMessage>;
  dmChannelId(): string;
  waitForBotMessage(opts?: { readonly channelId?: string; readonly timeoutMs?: number; readonly after?: string }): Promise<RenderedMessage>;
  view(channelId: string): readonly RenderedMessage[];
}

export interface RateLimitFault {
  readonly retryAfterMs?: number;
  /** Only requests whose route contains this text; by default the next request of any route. */
  readonly route?: string;
}

export interface ServerErrorFault {
  readonly status?: number;
  readonly route?: string;
}

export interface Faults {
  /** The next matching REST request gets a 429 with `retry_after`. */
  rateLimitNext(opts?: RateLimitFault): void;
  /** The next matching REST request gets a 5xx (default 500). */
  serverErrorNext(opts?: ServerErrorFault): void;
  /** Cuts the shard's socket without a close frame; the session stays resumable. */
  dropGateway(shard?: number): void;
  /** Sends RECONNECT (op 7). */
  sendReconnect(shard?: number): void;
  /** Sends INVALID_SESSION (op 9); when not resumable the session is forgotten. */
  sendInvalidSession(resumable: boolean, shard?: number): void;
  /** Closes the shard's socket with a close code, as Discord ends a session (4004 after a token reset, say). */
  closeGateway(code: number, shard?: number): void;
}

export interface RegisteredCommandOption {
  readonly name: string;
  readonly description: string;
  /** Discord's option type number: 3 string, 4 integer, 5 boolean, 10 number, ... */
  readonly type: number;
  readonly required: boolean;
  readonly choices: readonly { readonly name: string; readonly value: string | number }[];
}

/** A slash command the bot registered, as the Discord client offers it to users. */
export interface RegisteredCommand {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Absent for global commands. */
  readonly guildId?: string;
  readonly options: readonly RegisteredCommandOption[];
}

/** The running local server and what tests and the playground can do with it. */
export interface LocalDiscord {
  readonly apiBaseUrl: string;
  readonly gatewayUrl: string;
  readonly bot: BotIdentity;
  readonly clock: Clock;
  readonly requests: readonly RecordedRequest[];
  readonly violations: readonly Violation[];
  /** Errors of the server itself, and errors thrown by `onChange` listeners; tests assert it stays empty. */
  readonly internalErrors: readonly unknown[];
  /** A server; by default it added the bot (`{ withBot: false }` for one that did not). */
  createGuild(name?: string, options?: GuildOptions): Guild;
  createChannel(guildId: string, name?: string): Channel;
  createUser(username: string): User;
  /** Adds a user to a server; the bot joins a server only through createGuild. */
  addMember(guildId: string, userId: string): void;
  /**
   * The user installs the app to their account (User Install): its commands that declare
   * USER_INSTALL then reach them everywhere, also where the bot is not. A DriverError when the app
   * does not support user installs (`userInstall: false`).
   */
  installForUser(userId: string): void;
  /** The user removes the app from their account. */
  uninstallForUser(userId: string): void;
  /** A DM between two users, which the bot is not in. */
  createDm(userId: string, otherUserId: string): PrivateChannel;
  /** A group DM of 2-10 users (the first one owns it), which the bot is not in. */
  createGroupDm(userIds: readonly string[], name?: string): PrivateChannel;
  /**
   * Allows or denies USE_EXTERNAL_APPS: where a member lacks it in a server that did not add the
   * bot, every response and follow-up of the app there comes out ephemeral.
   */
  setUseExternalApps(target: ExternalAppsTarget, allowed: boolean): void;
  /**
   * Gives or takes a member's MANAGE_MESSAGES in a server (every member holds it unless taken), so a
   * test can tell a moderator from an ordinary member.
   */
  setManageMessages(guildId: string, userId: string, allowed: boolean): void;
  as(user: User): UserActor;
  waitForBotReady(options?: { readonly timeoutMs?: number; readonly shard?: number }): Promise<void>;
  messages(channelId: string, viewerId?: string): readonly RenderedMessage[];
  /** The slash commands users can run in that guild (its own and the global ones), or the global ones. */
  registeredCommands(guildId?: string): readonly RegisteredCommand[];
  onChange(listener: (event: ChangeEvent) => void): () => void;
  /**
   * Sets the app's Interactions Endpoint URL, as in the developer portal: from then on interactions
   * are POSTed there, signed with the key in `bot.publicKey`, and no longer sent over the gateway.
   * Several URLs stand for replicas behind a load balancer: interactions go to each in turn, and one
   * that refuses connections is skipped. As the portal does on saving, each URL must answer a signed
   * PING with PONG and a badly signed one with 401, or nothing changes and a DriverError says why.
   * An empty list goes back to the gateway.
   */
  setInteractionsEndpoint(urls: readonly string[]): Promise<void>;
  /**
   * Drops a message from the server's memory without a MESSAGE_DELETE (the bot is not told), so a
   * long run can let go of finished conversations. False when no such message is kept.
   */
  forgetMessage(messageId: string): boolean;
  readonly faults: Faults;
  close(): Promise<void>;
}
