import { botInGuild } from './installations.ts';
import type { StoredChannel, World } from './world.ts';

/*
 * The permissions the server models: USE_EXTERNAL_APPS, and MANAGE_MESSAGES per member. Discord documents it as letting
 * user-installed apps send public responses; without it users may still use their apps, but the
 * responses are ephemeral, and this only applies to apps the server did not also install. Every
 * other permission is granted: the server models no roles. Members hold every bit but
 * ADMINISTRATOR, which would bypass every overwrite and so could not lack USE_EXTERNAL_APPS.
 */

/** Every permission bit Discord defines up to USE_EXTERNAL_APPS (1 << 50). */
export const ALL_PERMISSIONS = (1n << 51n) - 1n;
export const USE_EXTERNAL_APPS = 1n << 50n;
const ADMINISTRATOR = 1n << 3n;
const MANAGE_MESSAGES = 1n << 13n;
/** What @everyone holds in a server here, USE_EXTERNAL_APPS included unless the server turned it off. */
export const MEMBER_PERMISSIONS = ALL_PERMISSIONS & ~ADMINISTRATOR;
/** What Discord documents `app_permissions` includes in DMs and group DMs with other users. */
export const PRIVATE_CHANNEL_APP_PERMISSIONS = (1n << 15n) | (1n << 14n) | (1n << 17n);

/** The key of a member's USE_EXTERNAL_APPS overwrite on a channel. */
export const memberOverwriteKey = (channelId: string, userId: string) => `${channelId}/${userId}`;

/**
 * Whether a member holds USE_EXTERNAL_APPS in a guild channel, in Discord's order: @everyone's base
 * permission, then the channel's @everyone overwrite, then the member's own overwrite. The owner holds every permission.
 */
export function holdsUseExternalApps(world: World, channel: StoredChannel, userId: string): boolean {
  const guild = channel.guildId === undefined ? undefined : world.guilds.get(channel.guildId);
  if (guild === undefined) return true;
  if (guild.ownerId === userId) return true;
  return world.externalAppsOverwrites.get(memberOverwriteKey(channel.id, userId)) ?? world.externalAppsOverwrites.get(channel.id) ?? guild.useExternalApps;
}

/** The key of a member of a server in `withoutManageMessages`. */
export const memberKey = (guildId: string, userId: string) => `${guildId}/${userId}`;

/** The permissions of a member in a guild channel, as `member.permissions` reports them. */
export function memberPermissions(world: World, channel: StoredChannel, userId: string): bigint {
  if (channel.guildId !== undefined && world.guilds.get(channel.guildId)?.ownerId === userId) return ALL_PERMISSIONS;
  const externalApps = holdsUseExternalApps(world, channel, userId) ? MEMBER_PERMISSIONS : MEMBER_PERMISSIONS & ~USE_EXTERNAL_APPS;
  const ordinary = channel.guildId !== undefined && world.withoutManageMessages.has(memberKey(channel.guildId, userId));
  return ordinary ? externalApps & ~MANAGE_MESSAGES : externalApps;
}

/**
 * `app_permissions`: the bot's own where the server installed the app (all of them) and in its DM;
 * where only the user installed it, the app acts with the member's permissions in a server, and
 * with what Discord documents for DMs and group DMs with other users.
 */
export function appPermissions(world: World, botUserId: string, channel: StoredChannel, userId: string): bigint {
  if (channel.guildId !== undefined) return botInGuild(world.guilds.get(channel.guildId), botUserId) ? ALL_PERMISSIONS : memberPermissions(world, channel, userId);
  return channel.type === 1 && channel.recipientId !== undefined ? ALL_PERMISSIONS : PRIVATE_CHANNEL_APP_PERMISSIONS;
}

/**
 * Whether every response and follow-up of an interaction comes out ephemeral: in a server that did
 * not install the app, where the member lacks USE_EXTERNAL_APPS.
 */
export function responsesForcedEphemeral(world: World, botUserId: string, channel: StoredChannel, userId: string): boolean {
  if (channel.guildId === undefined || botInGuild(world.guilds.get(channel.guildId), botUserId)) return false;
  return !holdsUseExternalApps(world, channel, userId);
}
