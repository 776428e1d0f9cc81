import { CreatePrivateChannelRequestSchema, MessageCreateRequestSchema, MessageEditRequestPartialSchema } from 'discord-api-spec/zod';
import { apiChannel, apiMessage } from '../api-objects.ts';
import { ApiError, apiErrors } from '../errors.ts';
import { botCanAccess } from '../installations.ts';
import { CHANNEL_MESSAGE_FLAGS } from '../rules/message-rules.ts';
import { asRecord, asString } from '../rules/json.ts';
import { isSnowflake } from '../snowflake.ts';
import type { StoredChannel, StoredMessage } from '../world.ts';
import { composeMessage, planEdit, validateMessageBody } from './compose.ts';
import { json, noContent, type RestContext, type Route } from './route.ts';

const byChannel = (kind: string) => (params: Readonly<Record<string, string>>) => `${kind}:${params['channelId'] ?? ''}`;

/**
 * A channel the bot may use with its token. Where only a user installed the app (a server without
 * the bot, a DM between users, a group DM) it has no access: 403 50001, whatever the route.
 */
function channelFor(context: RestContext, channelId: string | undefined): StoredChannel {
  const channel = channelId === undefined ? undefined : context.world.channels.get(channelId);
  if (channel === undefined) throw apiErrors.unknownChannel();
  if (!botCanAccess(context.world, context.bot.userId, channel)) throw apiErrors.missingAccess();
  return channel;
}

/** A message the bot can see: in that channel and not someone's ephemeral message. */
function visibleMessage(context: RestContext, channel: StoredChannel, messageId: string | undefined): StoredMessage {
  const message = messageId === undefined ? undefined : context.world.message(messageId);
  if (message === undefined || message.channelId !== channel.id || message.ephemeralFor !== undefined) throw apiErrors.unknownMessage();
  return message;
}

const toApi = (context: RestContext, message: StoredMessage) => apiMessage(message, context.world, context.origin(), context.reader);

/** Channel and message routes a bot calls with its token. */
export const channelRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/channels/:channelId',
    auth: true,
    bucket: byChannel('channel'),
    handle: (context, request) => json(apiChannel(channelFor(context, request.params['channelId']), context.world)),
  },
  {
    method: 'POST',
    path: '/channels/:channelId/messages',
    auth: true,
    bucket: byChannel('create-message'),
    handle(context, request) {
      const channel = channelFor(context, request.params['channelId']);
      const body = validateMessageBody(context.checkSpec, MessageCreateRequestSchema, request.body, CHANNEL_MESSAGE_FLAGS);
      const message = composeMessage(context, { channel, authorId: context.bot.userId, type: 0, body, files: request.files });
      context.world.addMessage(message);
      return json(toApi(context, message));
    },
  },
  {
    method: 'GET',
    path: '/channels/:channelId/messages',
    auth: true,
    bucket: byChannel('messages'),
    handle(context, request) {
      const channel = channelFor(context, request.params['channelId']);
      const limitText = request.query.get('limit') ?? '50';
      const limit = Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
        throw apiErrors.invalidFormBody([{ path: ['limit'], code: 'NUMBER_TYPE_MAX', message: 'Must be between 1 and 100.' }]);
      }
      const before = request.query.get('before');
      const after = request.query.get('after');
      for (const [name, value] of [['before', before], ['after', after]] as const) {
        if (value !== null && !isSnowflake(value)) throw apiErrors.invalidFormBody([{ path: [name], code: 'NUMBER_TYPE_COERCE', message: `Value "${value}" is not snowflake.` }]);
      }
      const visible = context.world.channelMessages(channel.id).filter((message) => message.ephemeralFor === undefined);
      const filtered = visible.filter((message) => (before === null || BigInt(message.id) < BigInt(before)) && (after === null || BigInt(message.id) > BigInt(after)));
      const page = after === null ? filtered.slice(-limit) : filtered.slice(0, limit);
      return json(page.reverse().map((message) => toApi(context, message)));
    },
  },
  {
    method: 'GET',
    path: '/channels/:channelId/messages/:messageId',
    auth: true,
    bucket: byChannel('messages'),
    handle(context, request) {
      const channel = channelFor(context, request.params['channelId']);
      return json(toApi(context, visibleMessage(context, channel, request.params['messageId'])));
    },
  },
  {
    method: 'PATCH',
    path: '/channels/:channelId/messages/:messageId',
    auth: true,
    bucket: byChannel('edit-message'),
    handle(context, request) {
      const channel = channelFor(context, request.params['channelId']);
      const message = visibleMessage(context, channel, request.params['messageId']);
      if (message.authorId !== context.bot.userId || message.webhookId !== undefined) throw apiErrors.cannotEditOthers();
      const body = validateMessageBody(context.checkSpec, MessageEditRequestPartialSchema, request.body, CHANNEL_MESSAGE_FLAGS, message);
      const edit = planEdit(context, message, body, request.files);
      context.world.updateMessage(message, edit.apply);
      return json(toApi(context, message));
    },
  },
  {
    method: 'DELETE',
    path: '/channels/:channelId/messages/:messageId',
    auth: true,
    bucket: byChannel('delete-message'),
    handle(context, request) {
      const channel = channelFor(context, request.params['channelId']);
      context.world.deleteMessage(visibleMessage(context, channel, request.params['messageId']));
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/channels/:channelId/typing',
    auth: true,
    bucket: byChannel('typing'),
    handle(context, request) {
      channelFor(context, request.params['channelId']);
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/users/@me/channels',
    auth: true,
    bucket: () => 'create-dm',
    handle(context, request) {
      const problems = context.checkSpec(CreatePrivateChannelRequestSchema, request.body ?? {});
      if (problems.length > 0) throw apiErrors.invalidFormBody(problems);
      const recipientId = asString(asRecord(request.body)?.['recipient_id']);
      const user = recipientId === undefined ? undefined : context.world.users.get(recipientId);
      if (user === undefined || user.bot) {
        throw new ApiError(400, 50035, 'Invalid Form Body', { recipient_id: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'Unknown user' }] } });
      }
      const channel = context.world.dmChannelOf(user.id) ?? openDm(context, user.id);
      return json(apiChannel(channel, context.world));
    },
  },
];

/** Creates the DM channel between a user and the bot, the first time either side needs it. */
export function openDm(context: Pick<RestContext, 'world' | 'newId'>, userId: string): StoredChannel {
  const existing = context.world.dmChannelOf(userId);
  if (existing !== undefined) return existing;
  const channel: StoredChannel = { id: context.newId(), name: 'dm', type: 1, recipientId: userId };
  context.world.addChannel(channel);
  return channel;
}
