import { apiChannel, apiGuildCreate, apiMember, apiMessage } from '../api-objects.ts';
import { botCanAccess, botInGuild } from '../installations.ts';
import { gatewayReader } from '../message-content.ts';
import type { BotIdentity } from '../types.ts';
import type { StoredMessage, World, WorldEvent } from '../world.ts';
import type { Gateway } from './gateway.ts';
import { hasIntent, Intents } from './intents.ts';

/**
 * Turns changes in the world into the dispatches Discord would send the bot: GUILD_CREATE,
 * CHANNEL_CREATE, GUILD_MEMBER_ADD and the MESSAGE_* events, each only with its intent, and only
 * from where the bot is: nothing from a server without it, a DM between users or a group DM.
 */
export function forwardWorldEvents(world: World, gateway: Gateway, bot: BotIdentity, origin: () => string): () => void {
  return world.subscribe((event: WorldEvent) => {
    switch (event.type) {
      case 'guildCreated':
        if (!botInGuild(event.guild, bot.userId)) return;
        gateway.deliver(event.guild.id, () => ({ t: 'GUILD_CREATE', d: apiGuildCreate(event.guild, world) }));
        return;
      case 'channelCreated':
        if (!botCanAccess(world, bot.userId, event.channel)) return;
        gateway.deliver(event.channel.guildId, (session) => (hasIntent(session.intents, Intents.Guilds) ? { t: 'CHANNEL_CREATE', d: apiChannel(event.channel, world) } : undefined));
        return;
      case 'memberAdded': {
        const user = world.users.get(event.userId);
        if (user === undefined || !botInGuild(event.guild, bot.userId)) return;
        gateway.deliver(event.guild.id, (session) =>
          hasIntent(session.intents, Intents.GuildMembers) ? { t: 'GUILD_MEMBER_ADD', d: { ...apiMember(user, event.guild), guild_id: event.guild.id } } : undefined,
        );
        return;
      }
      case 'messageCreated':
      case 'messageUpdated':
      case 'messageDeleted':
        forwardMessage(world, gateway, bot, origin, event.type, event.message);
    }
  });
}

const EVENT_NAMES = { messageCreated: 'MESSAGE_CREATE', messageUpdated: 'MESSAGE_UPDATE', messageDeleted: 'MESSAGE_DELETE' } as const;

function forwardMessage(world: World, gateway: Gateway, bot: BotIdentity, origin: () => string, type: keyof typeof EVENT_NAMES, message: StoredMessage): void {
  // Ephemeral messages exist only in their user's client; the bot's gateway never hears of them.
  if (message.ephemeralFor !== undefined) return;
  const channel = world.channels.get(message.channelId);
  if (channel === undefined || !botCanAccess(world, bot.userId, channel)) return;
  const intent = message.guildId === undefined ? Intents.DirectMessages : Intents.GuildMessages;
  gateway.deliver(message.guildId, (session) => {
    if (!hasIntent(session.intents, intent)) return undefined;
    if (type === 'messageDeleted') {
      return { t: EVENT_NAMES[type], d: { id: message.id, channel_id: message.channelId, ...(message.guildId === undefined ? {} : { guild_id: message.guildId }) } };
    }
    // Content is gated by the intents this session identified with.
    const reader = gatewayReader(bot.userId, hasIntent(session.intents, Intents.MessageContent));
    // The gateway adds channel_type; discord.js needs it to build a DM channel it has not cached.
    return { t: EVENT_NAMES[type], d: { ...apiMessage(message, world, origin(), reader), channel_type: channel.type } };
  });
}
