import type { JsonRecord } from './rules/json.ts';

export interface StoredUser {
  readonly id: string;
  readonly username: string;
  readonly bot: boolean;
}

export interface StoredGuild {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly channelIds: string[];
  /** The bot's user is one of them when the server installed the app (added the bot). */
  readonly memberIds: Set<string>;
  readonly joinedAt: number;
  /** Whether @everyone holds USE_EXTERNAL_APPS (1 << 50), as Discord's default role does. */
  useExternalApps: boolean;
}

export interface StoredChannel {
  readonly id: string;
  /** Absent for DMs and group DMs. */
  readonly guildId?: string;
  readonly name: string;
  /** 0 guild text, 1 DM, 3 group DM. */
  readonly type: 0 | 1 | 3;
  /** The human side of a DM with the bot. */
  readonly recipientId?: string;
  /** The users of a DM between two users or of a group DM, owner first; the bot is never one of them. */
  readonly userIds?: readonly string[];
}

export interface StoredAttachment {
  readonly id: string;
  readonly filename: string;
  readonly contentType?: string;
  readonly description?: string;
  readonly data: Buffer;
}

/**
 * An interaction's `authorizing_integration_owners`: `"0"` (GUILD_INSTALL) holds the guild id, or
 * `"0"` in the bot's DM; `"1"` (USER_INSTALL) the id of the user who installed the app.
 */
export type AuthorizingOwners = Readonly<Partial<Record<'0' | '1', string>>>;

export interface InteractionMetadata {
  readonly id: string;
  readonly type: number;
  readonly userId: string;
  readonly commandName?: string;
  /** For a message command: the message it was run on. */
  readonly targetMessageId?: string;
  /** The installations the interaction was authorized by; a click on this message inherits them. */
  readonly owners: AuthorizingOwners;
}

/** A message as the server keeps it; edits replace its fields. */
export interface StoredMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId?: string;
  readonly authorId: string;
  /** 0 default, 19 reply, 20 slash-command response, 23 context-menu command response. */
  readonly type: number;
  readonly createdAt: number;
  content: string;
  embeds: readonly JsonRecord[];
  components: readonly JsonRecord[];
  attachments: readonly StoredAttachment[];
  flags: number;
  mentions: readonly string[];
  allowedMentions?: JsonRecord;
  reference?: string;
  /**
   * Set on a reply when the message it replies to was an interaction response or one of the app's
   * webhook messages; such a reply's ping does not let an app without MESSAGE_CONTENT read it.
   */
  readonly repliedToInteractionResponse?: boolean;
  editedAt?: number;
  /** Set for ephemeral messages: the only user who sees it. */
  ephemeralFor?: string;
  /** Interaction responses and follow-ups are sent through the app's webhook. */
  webhookId?: string;
  interaction?: InteractionMetadata;
}

export interface StoredCommand {
  readonly id: string;
  readonly guildId?: string;
  readonly version: string;
  readonly definition: JsonRecord;
  /** A global command's installation contexts: as registered, or the app's when it was saved. */
  readonly integrationTypes?: readonly number[];
}

export type WorldEvent =
  | { readonly type: 'guildCreated'; readonly guild: StoredGuild }
  | { readonly type: 'channelCreated'; readonly channel: StoredChannel }
  | { readonly type: 'memberAdded'; readonly guild: StoredGuild; readonly userId: string }
  | { readonly type: 'messageCreated'; readonly message: StoredMessage }
  | { readonly type: 'messageUpdated'; readonly message: StoredMessage }
  | { readonly type: 'messageDeleted'; readonly message: StoredMessage };

/** Everything the server knows: users, guilds, channels, messages and commands, all in memory. */
export class World {
  readonly users = new Map<string, StoredUser>();
  readonly guilds = new Map<string, StoredGuild>();
  readonly channels = new Map<string, StoredChannel>();
  readonly globalCommands: StoredCommand[] = [];
  readonly guildCommands = new Map<string, StoredCommand[]>();
  /** Users who installed the app to their account (User Install). */
  readonly userInstalls = new Set<string>();
  /**
   * USE_EXTERNAL_APPS overwrites: by channel id for @everyone, by `channelId/userId` for one member;
   * true allows, false denies.
   */
  readonly externalAppsOverwrites = new Map<string, boolean>();
  /** Members (`guildId/userId`) who may not manage messages: ordinary members, not moderators. */
  readonly withoutManageMessages = new Set<string>();
  private readonly messagesByChannel = new Map<string, StoredMessage[]>();
  private readonly messagesById = new Map<string, StoredMessage>();
  private readonly dmByUser = new Map<string, string>();
  private readonly listeners = new Set<(event: WorldEvent) => void>();

  /** `onListenerError` hears a listener's failure, so one broken listener cannot undo a change. */
  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  subscribe(listener: (event: WorldEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  addUser(user: StoredUser): void {
    this.users.set(user.id, user);
  }

  addGuild(guild: StoredGuild): void {
    this.guilds.set(guild.id, guild);
    this.emit({ type: 'guildCreated', guild });
  }

  addChannel(channel: StoredChannel): void {
    this.channels.set(channel.id, channel);
    this.messagesByChannel.set(channel.id, []);
    if (channel.guildId !== undefined) {
      this.guilds.get(channel.guildId)?.channelIds.push(channel.id);
      this.emit({ type: 'channelCreated', channel });
    }
    if (channel.recipientId !== undefined) this.dmByUser.set(channel.recipientId, channel.id);
  }

  addMember(guild: StoredGuild, userId: string): void {
    if (guild.memberIds.has(userId)) return;
    guild.memberIds.add(userId);
    this.emit({ type: 'memberAdded', guild, userId });
  }

  dmChannelOf(userId: string): StoredChannel | undefined {
    const id = this.dmByUser.get(userId);
    return id === undefined ? undefined : this.channels.get(id);
  }

  message(id: string): StoredMessage | undefined {
    return this.messagesById.get(id);
  }

  channelMessages(channelId: string): readonly StoredMessage[] {
    return this.messagesByChannel.get(channelId) ?? [];
  }

  addMessage(message: StoredMessage): void {
    const list = this.messagesByChannel.get(message.channelId);
    if (list === undefined) throw new Error(`no channel ${message.channelId} for message ${message.id}`);
    list.push(message);
    this.messagesById.set(message.id, message);
    this.emit({ type: 'messageCreated', message });
  }

  /** Applies an edit in place and tells listeners. */
  updateMessage(message: StoredMessage, change: (message: StoredMessage) => void): void {
    change(message);
    this.emit({ type: 'messageUpdated', message });
  }

  deleteMessage(message: StoredMessage): void {
    this.forgetMessage(message);
    this.emit({ type: 'messageDeleted', message });
  }

  /** Removes a message from memory without telling listeners. */
  forgetMessage(message: StoredMessage): void {
    const list = this.messagesByChannel.get(message.channelId);
    if (list !== undefined) {
      const index = list.indexOf(message);
      if (index >= 0) list.splice(index, 1);
    }
    this.messagesById.delete(message.id);
  }

  commandsFor(guildId: string | undefined): readonly StoredCommand[] {
    const guildSpecific = guildId === undefined ? [] : (this.guildCommands.get(guildId) ?? []);
    return [...guildSpecific, ...this.globalCommands];
  }

  private emit(event: WorldEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
