import { contextOf } from '../installations.ts';
import type { InteractionInit } from '../interactions.ts';
import { appPermissions, memberPermissions, responsesForcedEphemeral } from '../permissions.ts';
import type { AuthorizingOwners, StoredChannel, World } from '../world.ts';

/** The part of an interaction that depends on where it happens and who acts: context, owners, permissions. */
export type InteractionPlace = Pick<InteractionInit, 'channelId' | 'guildId' | 'userId' | 'context' | 'owners' | 'forceEphemeral' | 'memberPermissions' | 'appPermissions'>;

/**
 * Where an interaction happens, as its payload and the routes answering it need to know, fixed
 * when the user acts: a later permission change does not reach an interaction already sent.
 */
export function interactionPlace(world: World, botUserId: string, channel: StoredChannel, userId: string, owners: AuthorizingOwners): InteractionPlace {
  return {
    channelId: channel.id,
    ...(channel.guildId === undefined ? {} : { guildId: channel.guildId }),
    userId,
    context: contextOf(channel),
    owners,
    forceEphemeral: responsesForcedEphemeral(world, botUserId, channel, userId),
    memberPermissions: (channel.guildId === undefined ? 0n : memberPermissions(world, channel, userId)).toString(),
    appPermissions: appPermissions(world, botUserId, channel, userId).toString(),
  };
}
