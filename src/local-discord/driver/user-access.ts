import { DriverError } from '../errors.ts';
import type { InteractionsEndpoint } from '../interactions-endpoint.ts';
import type { RestContext } from '../rest/route.ts';
import type { User } from '../types.ts';
import type { StoredChannel, StoredMessage } from '../world.ts';

/** What a simulated user reaches: the part of the REST routes' context that acting as a member needs. */
export type DriverDeps = Pick<RestContext, 'world' | 'interactions' | 'gateway' | 'bot' | 'newId' | 'now' | 'origin' | 'reader'> & {
  /** Where interactions go instead of the gateway once the app has an Interactions Endpoint URL. */
  readonly endpoint: InteractionsEndpoint;
};

/** Whether a user can see a message: everyone sees ordinary ones, only their user an ephemeral one. */
export function visibleTo(message: StoredMessage, viewerId: string | undefined): boolean {
  return message.ephemeralFor === undefined || message.ephemeralFor === viewerId;
}

/**
 * What a user can reach in the Discord client: channels of servers they are in, their DM with the
 * bot, DMs and group DMs they are in; messages there that are not someone else's ephemeral ones.
 * Anything else is a DriverError, as no user could act there.
 */
export function userAccess(deps: Pick<DriverDeps, 'world'>, user: User) {
  const channelFor = (channelId: string): StoredChannel => {
    const channel = deps.world.channels.get(channelId);
    if (channel === undefined) throw new DriverError(`unknown channel ${channelId}`);
    if (channel.guildId !== undefined && !deps.world.guilds.get(channel.guildId)?.memberIds.has(user.id)) {
      throw new DriverError(`${user.username} is not a member of the guild of channel ${channelId}; call addMember first`);
    }
    if (channel.type === 1 && channel.recipientId !== undefined && channel.recipientId !== user.id) throw new DriverError(`channel ${channelId} is another user's DM`);
    if (channel.userIds !== undefined && !channel.userIds.includes(user.id)) throw new DriverError(`${user.username} is not in the ${channel.type === 3 ? 'group DM' : 'DM'} ${channelId}`);
    return channel;
  };

  const visibleMessage = (messageId: string): StoredMessage => {
    const message = deps.world.message(messageId);
    if (message === undefined || !visibleTo(message, user.id)) throw new DriverError(`${user.username} cannot see a message ${messageId}`);
    channelFor(message.channelId);
    return message;
  };

  return { channelFor, visibleMessage };
}
