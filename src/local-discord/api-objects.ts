import { isBotDm } from './installations.ts';
import { canReadContent, withoutContent, type ContentReader } from './message-content.ts';
import { MEMBER_PERMISSIONS, USE_EXTERNAL_APPS } from './permissions.ts';
import type { JsonRecord } from './rules/json.ts';
import type { StoredChannel, StoredGuild, StoredMessage, StoredUser, World } from './world.ts';

const iso = (time: number) => new Date(time).toISOString();

/** A user object as Discord sends it. */
export function apiUser(user: StoredUser): JsonRecord {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.bot ? null : user.username, avatar: null, bot: user.bot, system: false, public_flags: 0, flags: 0 };
}

export function apiMember(user: StoredUser, guild: StoredGuild): JsonRecord {
  return { user: apiUser(user), nick: null, avatar: null, roles: [], joined_at: iso(guild.joinedAt), premium_since: null, deaf: false, mute: false, flags: 0, pending: false };
}

/**
 * A channel object. A DM or group DM lists its recipients as `viewerId` sees them: everyone in it
 * but the viewer (for the bot's DM, the user).
 */
export function apiChannel(channel: StoredChannel, world: World, viewerId?: string): JsonRecord {
  if (channel.type !== 0) {
    const ids = isBotDm(channel) ? [channel.recipientId ?? ''] : (channel.userIds ?? []).filter((id) => id !== viewerId);
    const recipients = ids.flatMap((id) => {
      const user = world.users.get(id);
      return user === undefined ? [] : [apiUser(user)];
    });
    const common = { id: channel.id, type: channel.type, last_message_id: lastMessageId(channel, world), recipients, flags: 0 };
    return channel.type === 3 ? { ...common, name: channel.name, icon: null, owner_id: channel.userIds?.[0] ?? null } : common;
  }
  return {
    id: channel.id,
    type: 0,
    guild_id: channel.guildId,
    name: channel.name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: lastMessageId(channel, world),
    flags: 0,
  };
}

function lastMessageId(channel: StoredChannel, world: World): string | null {
  return world.channelMessages(channel.id).at(-1)?.id ?? null;
}

/** The full GUILD_CREATE payload: channels must be in it, or discord.js drops their messages. */
export function apiGuildCreate(guild: StoredGuild, world: World): JsonRecord {
  const members = [...guild.memberIds].flatMap((id) => {
    const user = world.users.get(id);
    return user === undefined ? [] : [apiMember(user, guild)];
  });
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: everyonePermissions(guild), managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    stickers: [],
    joined_at: iso(guild.joinedAt),
    large: false,
    unavailable: false,
    member_count: guild.memberIds.size,
    voice_states: [],
    members,
    channels: guild.channelIds.flatMap((id) => {
      const channel = world.channels.get(id);
      return channel === undefined ? [] : [apiChannel(channel, world)];
    }),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

function everyonePermissions(guild: StoredGuild): string {
  return (guild.useExternalApps ? MEMBER_PERMISSIONS : MEMBER_PERMISSIONS & ~USE_EXTERNAL_APPS).toString();
}

/**
 * A message object as Discord returns and dispatches it to `reader`: without access to its content
 * (see canReadContent) the content fields are empty, and so are those of `referenced_message`,
 * which is judged on its own.
 */
export function apiMessage(message: StoredMessage, world: World, baseUrl: string, reader: ContentReader): JsonRecord {
  return messageObject(message, world, baseUrl, reader, true);
}

/**
 * The target of a message context-menu command, for `data.resolved.messages`: Discord delivers it
 * with its content, embeds, attachments and components whatever the app's intents (the documented
 * exception). The message it replies to is still judged on its own.
 */
export function apiTargetMessage(message: StoredMessage, world: World, baseUrl: string, reader: ContentReader): JsonRecord {
  return fullMessageObject(message, world, baseUrl, reader, true);
}

function messageObject(message: StoredMessage, world: World, baseUrl: string, reader: ContentReader, withReferenced: boolean): JsonRecord {
  const full = fullMessageObject(message, world, baseUrl, reader, withReferenced);
  const channel = world.channels.get(message.channelId);
  return canReadContent(message, reader, channel !== undefined && isBotDm(channel)) ? full : withoutContent(full);
}

function fullMessageObject(message: StoredMessage, world: World, baseUrl: string, reader: ContentReader, withReferenced: boolean): JsonRecord {
  const author = world.users.get(message.authorId) ?? { id: message.authorId, username: 'unknown', bot: false };
  const guild = message.guildId === undefined ? undefined : world.guilds.get(message.guildId);
  const referenced = message.reference === undefined ? undefined : world.message(message.reference);
  return {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    ...(message.guildId === undefined ? {} : { guild_id: message.guildId }),
    author: apiUser(author),
    ...(guild === undefined || message.webhookId !== undefined ? {} : { member: memberWithoutUser(author, guild) }),
    content: message.content,
    timestamp: iso(message.createdAt),
    edited_timestamp: message.editedAt === undefined ? null : iso(message.editedAt),
    tts: false,
    mention_everyone: false,
    mentions: message.mentions.flatMap((id) => {
      const user = world.users.get(id);
      return user === undefined ? [] : [apiUser(user)];
    }),
    mention_roles: [],
    mention_channels: [],
    attachments: message.attachments.map((attachment) => ({
      id: attachment.id,
      filename: attachment.filename,
      size: attachment.data.length,
      url: `${baseUrl}/attachments/${message.channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`,
      proxy_url: `${baseUrl}/attachments/${message.channelId}/${attachment.id}/${encodeURIComponent(attachment.filename)}`,
      ...(attachment.contentType === undefined ? {} : { content_type: attachment.contentType }),
      ...(attachment.description === undefined ? {} : { description: attachment.description }),
    })),
    embeds: message.embeds.map((embed) => ({ type: 'rich', ...embed })),
    components: message.components,
    reactions: [],
    pinned: false,
    flags: message.flags,
    ...(message.webhookId === undefined ? {} : { webhook_id: message.webhookId, application_id: message.webhookId }),
    ...(message.reference === undefined
      ? {}
      : {
          message_reference: { type: 0, message_id: message.reference, channel_id: message.channelId, ...(message.guildId === undefined ? {} : { guild_id: message.guildId }) },
          ...(withReferenced ? { referenced_message: referenced === undefined ? null : messageObject(referenced, world, baseUrl, reader, false) } : {}),
        }),
    ...(message.interaction === undefined
      ? {}
      : {
          interaction_metadata: {
            id: message.interaction.id,
            type: message.interaction.type,
            user: apiUser(world.users.get(message.interaction.userId) ?? { id: message.interaction.userId, username: 'unknown', bot: false }),
            authorizing_integration_owners: message.interaction.owners,
            ...(message.interaction.targetMessageId === undefined ? {} : { target_message_id: message.interaction.targetMessageId }),
          },
        }),
  };
}

function memberWithoutUser(user: StoredUser, guild: StoredGuild): JsonRecord {
  const { user: _user, ...member } = apiMember(user, guild);
  return member;
}
