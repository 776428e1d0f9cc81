import { DriverError } from '../errors.ts';
import type { ExternalAppsTarget, GuildOptions, PrivateChannel } from '../install-types.ts';
import { memberKey, memberOverwriteKey } from '../permissions.ts';
import type { BotIdentity, Channel, Guild, User } from '../types.ts';
import type { StoredChannel, StoredGuild, StoredUser, World } from '../world.ts';

/** Discord's cap on a group DM's recipients. */
const GROUP_DM_MAX_USERS = 10;

export interface WorldBuilderDeps {
  readonly world: World;
  readonly bot: BotIdentity;
  readonly newId: () => string;
  readonly now: () => number;
  /** The app supports the User Install installation context. */
  readonly userInstall: boolean;
}

/** What a test or the playground sets up before users act: servers, channels, users, installs, DMs, permissions. */
export function worldBuilder(deps: WorldBuilderDeps) {
  const { world, bot } = deps;
  let guildCount = 0;

  const requireGuild = (guildId: string): StoredGuild => {
    const guild = world.guilds.get(guildId);
    if (guild === undefined) throw new DriverError(`unknown guild ${guildId}; create it with createGuild first`);
    return guild;
  };
  const requireUser = (userId: string): StoredUser => {
    const user = world.users.get(userId);
    if (user === undefined || user.bot) throw new DriverError(`unknown user ${userId}; create it with createUser first`);
    return user;
  };
  const privateChannel = (type: 1 | 3, userIds: readonly string[], name: string): PrivateChannel => {
    const id = deps.newId();
    world.addChannel({ id, name, type, userIds: [...userIds] });
    return { id, type, userIds: [...userIds], name };
  };

  return {
    createGuild(name?: string, options: GuildOptions = {}): Guild {
      guildCount += 1;
      const withBot = options.withBot !== false;
      const guild: StoredGuild = {
        id: deps.newId(),
        name: name ?? `Guild ${guildCount}`,
        // A server the bot never joined is someone else's; no user of the tests owns one.
        ownerId: withBot ? bot.userId : deps.newId(),
        channelIds: [],
        memberIds: new Set(withBot ? [bot.userId] : []),
        joinedAt: deps.now(),
        useExternalApps: options.useExternalApps !== false,
      };
      world.addGuild(guild);
      return { id: guild.id, name: guild.name };
    },

    createChannel(guildId: string, name = 'general'): Channel {
      const guild = requireGuild(guildId);
      const id = deps.newId();
      world.addChannel({ id, guildId: guild.id, name, type: 0 });
      return { id, guildId: guild.id, name };
    },

    createUser(username: string): User {
      if (typeof username !== 'string' || username.length < 2 || username.length > 32) throw new DriverError(`a username is 2-32 characters, got ${JSON.stringify(username)}`);
      const user = { id: deps.newId(), username, bot: false };
      world.addUser(user);
      return { id: user.id, username };
    },

    addMember(guildId: string, userId: string): void {
      const guild = requireGuild(guildId);
      if (userId === bot.userId) throw new DriverError('the bot joins a server when it is created (createGuild), not through addMember');
      requireUser(userId);
      world.addMember(guild, userId);
    },

    installForUser(userId: string): void {
      requireUser(userId);
      if (!deps.userInstall) throw new DriverError('the app does not support user installs (startLocalDiscord({ userInstall: false })); the Discord client offers no "Add to My Apps"');
      world.userInstalls.add(userId);
    },

    uninstallForUser(userId: string): void {
      requireUser(userId);
      world.userInstalls.delete(userId);
    },

    createDm(userId: string, otherUserId: string): PrivateChannel {
      requireUser(userId);
      requireUser(otherUserId);
      if (userId === otherUserId) throw new DriverError('a DM is between two different users');
      return privateChannel(1, [userId, otherUserId], '');
    },

    createGroupDm(userIds: readonly string[], name = ''): PrivateChannel {
      for (const userId of userIds) requireUser(userId);
      const distinct = [...new Set(userIds)];
      if (distinct.length < 2 || distinct.length > GROUP_DM_MAX_USERS) throw new DriverError(`a group DM has 2-${GROUP_DM_MAX_USERS} different users, got ${distinct.length}`);
      return privateChannel(3, distinct, name);
    },

    setManageMessages(guildId: string, userId: string, allowed: boolean): void {
      requireGuild(guildId);
      requireUser(userId);
      if (allowed) world.withoutManageMessages.delete(memberKey(guildId, userId));
      else world.withoutManageMessages.add(memberKey(guildId, userId));
    },

    setUseExternalApps(target: ExternalAppsTarget, allowed: boolean): void {
      if ('guildId' in target) {
        requireGuild(target.guildId).useExternalApps = allowed;
        return;
      }
      const channel: StoredChannel | undefined = world.channels.get(target.channelId);
      if (channel?.guildId === undefined) throw new DriverError(`permission overwrites exist only on server channels; ${target.channelId} is not one`);
      if (target.userId === undefined) {
        world.externalAppsOverwrites.set(channel.id, allowed);
        return;
      }
      requireUser(target.userId);
      world.externalAppsOverwrites.set(memberOverwriteKey(channel.id, target.userId), allowed);
    },
  };
}
