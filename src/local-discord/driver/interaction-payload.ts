import { apiChannel, apiMember, apiUser } from '../api-objects.ts';
import type { InteractionRecord } from '../interactions.ts';
import type { JsonRecord } from '../rules/json.ts';
import type { BotIdentity } from '../types.ts';
import type { StoredUser, World } from '../world.ts';

/** Discord's default upload limit, sent with every interaction. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

/**
 * The INTERACTION_CREATE payload, with every field discord.js 14 needs to build its interaction
 * (`entitlements` and `authorizing_integration_owners` among them, or it drops the event).
 * `context`, `authorizing_integration_owners`, `member.permissions` and `app_permissions` come
 * from where the interaction happened (see installations.ts and permissions.ts); a server the bot
 * is not in still gets `guild_id` and `member`, as Discord sends them.
 * `message` is the component's message (or, for a modal submit, the message whose component opened
 * the modal), already gated for the receiving session. A message context-menu command carries its
 * target in `data.resolved.messages`, ungated (see message-content.ts).
 */
export function interactionPayload(world: World, bot: BotIdentity, interaction: InteractionRecord, user: StoredUser, data: JsonRecord, message?: JsonRecord): JsonRecord {
  const { init } = interaction;
  const channel = world.channels.get(init.channelId);
  const guild = init.guildId === undefined ? undefined : world.guilds.get(init.guildId);
  const where: JsonRecord =
    guild === undefined
      ? { user: apiUser(user) }
      : {
          guild_id: guild.id,
          guild: { id: guild.id, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member: { ...apiMember(user, guild), permissions: init.memberPermissions },
        };
  return {
    id: interaction.id,
    application_id: bot.applicationId,
    type: init.type,
    data,
    ...where,
    context: init.context,
    authorizing_integration_owners: init.owners,
    ...(channel === undefined ? {} : { channel: apiChannel(channel, world, user.id), channel_id: channel.id }),
    token: interaction.token,
    version: 1,
    app_permissions: init.appPermissions,
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    ...(message === undefined ? {} : { message }),
  };
}
