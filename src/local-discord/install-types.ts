/** How a test sets up a server: whether it added the bot, and what @everyone may do. */
export interface GuildOptions {
  /**
   * Whether the server installs the app, adding its bot (default true). Without it the bot hears
   * nothing from the server and cannot reach its channels; its members reach the app only through
   * their own installation (`installForUser`).
   */
  readonly withBot?: boolean;
  /** Whether @everyone holds USE_EXTERNAL_APPS (1 << 50), as Discord's default role does (default true). */
  readonly useExternalApps?: boolean;
}

/** A DM between two users (type 1) or a group DM (type 3); the bot is never in it. */
export interface PrivateChannel {
  readonly id: string;
  readonly type: 1 | 3;
  /** Its users; for a group DM the owner first. */
  readonly userIds: readonly string[];
  /** A group DM's name; empty for a DM. */
  readonly name: string;
}

/**
 * Where a USE_EXTERNAL_APPS setting applies, as Discord computes permissions: @everyone's role in a
 * server (`guildId`), @everyone's overwrite on a channel (`channelId`), or one member's overwrite
 * on a channel (`channelId` and `userId`), each later one winning.
 */
export type ExternalAppsTarget = { readonly guildId: string } | { readonly channelId: string; readonly userId?: string };
