import type { StoredChannel, StoredGuild, World } from './world.ts';

/*
 * Where the app is installed, and so what the bot can reach. A server installs the app by adding
 * its bot (GUILD_INSTALL); a user installs it to their account (USER_INSTALL) and can then use its
 * commands anywhere, also where the bot is not: a server without it, a DM between two users, a
 * group DM. There the bot hears and reaches nothing but the interactions themselves.
 */

/** Interaction context types: where an interaction happens. */
export const InteractionContext = { Guild: 0, BotDm: 1, PrivateChannel: 2 } as const;
export type InteractionContextType = (typeof InteractionContext)[keyof typeof InteractionContext];

/** Application integration types: how the app was installed. */
export const IntegrationType = { GuildInstall: 0, UserInstall: 1 } as const;

/** The interaction context of a channel: a server, the DM with the bot, or any other DM or group DM. */
export function contextOf(channel: StoredChannel): InteractionContextType {
  if (channel.guildId !== undefined) return InteractionContext.Guild;
  return isBotDm(channel) ? InteractionContext.BotDm : InteractionContext.PrivateChannel;
}

/** The DM between a user and the bot (the only DM whose recipient the server records alone). */
export function isBotDm(channel: StoredChannel): boolean {
  return channel.type === 1 && channel.recipientId !== undefined;
}

/** Whether the server installed the app: its bot is a member. */
export function botInGuild(guild: StoredGuild | undefined, botUserId: string): boolean {
  return guild?.memberIds.has(botUserId) === true;
}

/**
 * Whether the bot can read and post in a channel with its token: a channel of a server that added
 * it, or its own DM. Everywhere else its REST calls get 50001 and its gateway hears nothing.
 */
export function botCanAccess(world: World, botUserId: string, channel: StoredChannel): boolean {
  if (channel.guildId !== undefined) return botInGuild(world.guilds.get(channel.guildId), botUserId);
  return isBotDm(channel);
}

/** Whether the user shares a server with the bot: what makes a server-installed app's commands reach the bot's DM. */
export function sharesGuildWithBot(world: World, botUserId: string, userId: string): boolean {
  for (const guild of world.guilds.values()) if (guild.memberIds.has(userId) && guild.memberIds.has(botUserId)) return true;
  return false;
}

/** The installations that reach a user in a channel, whatever the command. */
export interface InstallationsHere {
  /** The server's installation applies (GUILD in a server with the bot, BOT_DM with a shared server). */
  readonly guild: boolean;
  /** The user installed the app to their account. */
  readonly user: boolean;
}

export function installationsHere(world: World, botUserId: string, channel: StoredChannel, userId: string): InstallationsHere {
  const context = contextOf(channel);
  const guild =
    context === InteractionContext.Guild
      ? botInGuild(world.guilds.get(channel.guildId ?? ''), botUserId)
      : context === InteractionContext.BotDm && sharesGuildWithBot(world, botUserId, userId);
  return { guild, user: world.userInstalls.has(userId) };
}

/**
 * The `authorizing_integration_owners` of an interaction: a key for each installation that applies
 * here and that the command supports (`integrationTypes`), with the guild id (`"0"` in the bot's DM)
 * or the installing user's id.
 */
export function authorizingOwners(installs: InstallationsHere, channel: StoredChannel, userId: string, integrationTypes: readonly number[]) {
  return {
    ...(installs.guild && integrationTypes.includes(IntegrationType.GuildInstall) ? { '0': channel.guildId ?? '0' } : {}),
    ...(installs.user && integrationTypes.includes(IntegrationType.UserInstall) ? { '1': userId } : {}),
  };
}

/**
 * The owners of a click or a modal submit on a message the bot posted itself, not in answer to an
 * interaction: the server's installation (`"0"` in its DM). A message that answered an interaction
 * passes that interaction's owners on instead; the caller looks those up first.
 */
export function ownersOfPlace(channel: StoredChannel) {
  return { '0': channel.guildId ?? '0' };
}
