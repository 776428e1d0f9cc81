import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  ModalInteractionCallbackRequestSchema,
  PongInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
  type SpecSchema,
} from 'discord-api-spec/zod';
import { apiMessage } from '../api-objects.ts';
import { apiErrors } from '../errors.ts';
import { CommandType, InteractionType, USER_INSTALL_FOLLOW_UP_LIMIT, type InteractionInit, type InteractionRecord } from '../interactions.ts';
import { INTERACTION_MESSAGE_FLAGS, MessageFlags, messageProblems } from '../rules/message-rules.ts';
import { modalProblems } from '../rules/modal-rules.ts';
import { asNumber, asRecord, type JsonRecord } from '../rules/json.ts';
import type { StoredMessage } from '../world.ts';
import type { UploadedFile } from './request-body.ts';
import { composeMessage, planEdit, validateMessageBody } from './compose.ts';
import { json, noContent, type RestContext, type RestRequest, type RestResponse, type Route } from './route.ts';

const Callback = { Pong: 1, ChannelMessage: 4, DeferredChannelMessage: 5, DeferredUpdate: 6, UpdateMessage: 7, Autocomplete: 8, Modal: 9 } as const;

const CALLBACK_SCHEMAS: Readonly<Record<number, SpecSchema>> = {
  [Callback.Pong]: PongInteractionCallbackRequestSchema,
  [Callback.ChannelMessage]: CreateMessageInteractionCallbackRequestSchema,
  [Callback.DeferredChannelMessage]: CreateMessageInteractionCallbackRequestSchema,
  [Callback.DeferredUpdate]: UpdateMessageInteractionCallbackRequestSchema,
  [Callback.UpdateMessage]: UpdateMessageInteractionCallbackRequestSchema,
  [Callback.Autocomplete]: ApplicationCommandAutocompleteCallbackRequestSchema,
  [Callback.Modal]: ModalInteractionCallbackRequestSchema,
};

const byInteraction = (params: Readonly<Record<string, string>>) => `interaction:${params['interactionId'] ?? ''}`;
const byWebhook = (params: Readonly<Record<string, string>>) => `webhook:${params['token'] ?? ''}`;

/** The first response to an interaction through the callback route. */
function respond(context: RestContext, request: RestRequest): RestResponse {
  const interaction = context.interactions.find(request.params['interactionId'] ?? '', request.params['token'] ?? '');
  if (interaction === undefined) throw apiErrors.unknownInteraction();
  const message = answerInteraction(context, interaction, request.body, request.files);
  if (request.query.get('with_response') !== 'true') return noContent();
  // answerInteraction accepted the body, so its type is known.
  const type = asNumber(asRecord(request.body)?.['type']);
  return json({
    interaction: { id: interaction.id, type: interaction.init.type, response_message_id: message?.id, response_message_loading: message === undefined ? false : (message.flags & MessageFlags.Loading) !== 0, response_message_ephemeral: message === undefined ? false : (message.flags & MessageFlags.Ephemeral) !== 0 },
    ...(message === undefined ? (type === Callback.Modal ? { resource: { type } } : {}) : { resource: { type, message: apiMessage(message, context.world, context.origin(), context.reader) } }),
  });
}

/**
 * Applies an interaction's first response, however it came: through the callback route, or as the
 * body of the answer to an HTTP-delivered interaction. Discord's 3 s window, one acknowledgement,
 * types by kind. Returns the message the response made or updated, if any; throws the ApiError
 * Discord would answer.
 */
export function answerInteraction(context: RestContext, interaction: InteractionRecord, rawBody: unknown, files: readonly UploadedFile[]): StoredMessage | undefined {
  // An acknowledged interaction stays known: a late second answer is "already acknowledged".
  if (interaction.acknowledged) throw apiErrors.alreadyAcknowledged();
  if (interaction.ackWindowClosed()) throw apiErrors.unknownInteraction();
  const body = asRecord(rawBody);
  const type = asNumber(body?.['type']);
  const schema = type === undefined ? undefined : CALLBACK_SCHEMAS[type];
  if (body === undefined || type === undefined || schema === undefined) {
    throw apiErrors.invalidFormBody([{ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of (${Object.keys(CALLBACK_SCHEMAS).join(', ')}).` }]);
  }
  const data = asRecord(body['data']) ?? {};
  const carriesMessage = type === Callback.ChannelMessage || type === Callback.UpdateMessage;
  // UPDATE_MESSAGE edits the clicked message, under the rules of an edit.
  const edited = type === Callback.UpdateMessage && interaction.init.sourceMessageId !== undefined ? context.world.message(interaction.init.sourceMessageId) : undefined;
  const documented = carriesMessage ? messageProblems(data, INTERACTION_MESSAGE_FLAGS, edited) : type === Callback.Modal ? modalProblems(data) : [];
  const problems = [...context.checkSpec(schema, body), ...documented.map((problem) => ({ ...problem, path: ['data', ...problem.path] }))];
  if (problems.length > 0) throw apiErrors.invalidFormBody(problems);
  return applyCallback(context, interaction, type, data, files);
}

function applyCallback(context: RestContext, interaction: InteractionRecord, type: number, data: JsonRecord, files: readonly UploadedFile[]): StoredMessage | undefined {
  switch (type) {
    case Callback.ChannelMessage:
    case Callback.DeferredChannelMessage: {
      const deferred = type === Callback.DeferredChannelMessage;
      if (deferred) checkDeferralData(data);
      const message = responseMessage(context, interaction, data, files, deferred ? MessageFlags.Loading : 0);
      interaction.acknowledge(type, message.id);
      context.world.addMessage(message);
      if (!deferred) interaction.markAnswered(message.id);
      return message;
    }
    case Callback.DeferredUpdate:
    case Callback.UpdateMessage: {
      // A component's message, or the message whose component opened the modal being submitted.
      if (!interaction.canUpdateSource) {
        throw apiErrors.invalidFormBody([
          { path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Response type ${type} is only valid for message component interactions and for submits of modals they opened.` },
        ]);
      }
      const source = interaction.init.sourceMessageId === undefined ? undefined : context.world.message(interaction.init.sourceMessageId);
      if (source === undefined) throw apiErrors.unknownMessage();
      if (type === Callback.UpdateMessage) {
        const edit = planEdit(context, source, data, files);
        interaction.acknowledge(type, source.id);
        context.world.updateMessage(source, edit.apply);
        interaction.markAnswered(source.id);
      } else {
        interaction.acknowledge(type, source.id);
      }
      return source;
    }
    case Callback.Modal:
      // A modal answers a command or a component; the submit of a modal gets a message, never another modal.
      if (interaction.init.type === InteractionType.ModalSubmit) {
        throw apiErrors.invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'A modal cannot be the response to a modal submit.' }]);
      }
      interaction.acknowledge(type, undefined);
      interaction.markModalShown(data);
      return undefined;
    default:
      throw apiErrors.invalidFormBody([{ path: ['type'], code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: `Response type ${type} is not valid for this interaction.` }]);
  }
}

/** Discord documents that a deferral carries only the EPHEMERAL flag. */
function checkDeferralData(data: JsonRecord): void {
  const extra = Object.keys(data).filter((key) => key !== 'flags' && data[key] !== undefined && data[key] !== null);
  const flags = asNumber(data['flags']) ?? 0;
  const problems = [
    ...extra.map((key) => ({ path: ['data', key], code: 'INTERACTION_DEFERRAL_FIELD_NOT_ALLOWED', message: 'A deferred response carries only the EPHEMERAL flag.' })),
    ...((flags & ~MessageFlags.Ephemeral) !== 0 ? [{ path: ['data', 'flags'], code: 'MESSAGE_FLAGS_INVALID', message: 'Only the EPHEMERAL flag may be set on a deferred response.' }] : []),
  ];
  if (problems.length > 0) throw apiErrors.invalidFormBody(problems);
}

/**
 * A response or follow-up message. Where the member lacks USE_EXTERNAL_APPS in a server that did
 * not install the app, Discord makes it ephemeral whatever flags the bot sent.
 */
function responseMessage(context: RestContext, interaction: InteractionRecord, data: JsonRecord, files: readonly UploadedFile[], extraFlags: number): StoredMessage {
  const channel = context.world.channels.get(interaction.init.channelId);
  if (channel === undefined) throw apiErrors.unknownChannel();
  const forced = interaction.init.forceEphemeral ? MessageFlags.Ephemeral : 0;
  const ephemeral = (((asNumber(data['flags']) ?? 0) | forced) & MessageFlags.Ephemeral) !== 0;
  const { message_reference: _ignored, ...body } = data;
  return composeMessage(context, {
    channel,
    authorId: context.bot.userId,
    type: responseMessageType(interaction.init),
    body,
    files,
    extraFlags: extraFlags | forced,
    webhookId: context.bot.applicationId,
    interaction: {
      id: interaction.id,
      type: interaction.init.type,
      userId: interaction.init.userId,
      owners: interaction.init.owners,
      ...(interaction.init.commandName === undefined ? {} : { commandName: interaction.init.commandName }),
      ...(interaction.init.targetMessageId === undefined ? {} : { targetMessageId: interaction.init.targetMessageId }),
    },
    ...(ephemeral ? { ephemeralFor: interaction.init.userId } : {}),
  });
}

/** Message types of responses: 20 to a slash command, 23 to a context-menu command, 0 to components and modal submits. */
function responseMessageType(init: InteractionInit): number {
  if (init.type !== InteractionType.ApplicationCommand) return 0;
  return init.commandType === CommandType.Message || init.commandType === CommandType.User ? 23 : 20;
}

/** The interaction behind a webhook route, refused as Discord does once the token expired. */
function webhookInteraction(context: RestContext, request: RestRequest): InteractionRecord {
  if (request.params['appId'] !== context.bot.applicationId) throw apiErrors.unknownWebhook();
  const interaction = context.interactions.findByToken(request.params['token'] ?? '');
  if (interaction === undefined || interaction.tokenExpired() || interaction.failed) throw apiErrors.invalidWebhookToken();
  return interaction;
}

function targetMessage(context: RestContext, interaction: InteractionRecord, messageId: string): StoredMessage {
  const id = messageId === '@original' ? interaction.originalMessageId : messageId;
  const message = id === undefined ? undefined : context.world.message(id);
  if (message === undefined || !belongsTo(message, interaction)) throw apiErrors.unknownMessage();
  return message;
}

/** A token reaches its original response (or the component's message) and its own follow-ups. */
function belongsTo(message: StoredMessage, interaction: InteractionRecord): boolean {
  return message.id === interaction.originalMessageId || message.interaction?.id === interaction.id;
}

function editThroughToken(context: RestContext, request: RestRequest): RestResponse {
  const interaction = webhookInteraction(context, request);
  const message = targetMessage(context, interaction, request.params['messageId'] ?? '');
  const body = validateMessageBody(context.checkSpec, IncomingWebhookUpdateRequestPartialSchema, request.body, INTERACTION_MESSAGE_FLAGS, message);
  const edit = planEdit(context, message, body, request.files);
  context.world.updateMessage(message, edit.apply);
  if (message.id === interaction.originalMessageId) interaction.markAnswered(message.id);
  return json(apiMessage(message, context.world, context.origin(), context.reader));
}

function followUp(context: RestContext, request: RestRequest): RestResponse {
  const interaction = webhookInteraction(context, request);
  if (!interaction.acknowledged) throw apiErrors.unknownWebhook();
  const body = validateMessageBody(context.checkSpec, IncomingWebhookRequestPartialSchema, request.body, INTERACTION_MESSAGE_FLAGS);
  const original = interaction.originalMessageId === undefined ? undefined : context.world.message(interaction.originalMessageId);
  // Discord documents that the first follow-up after a deferral edits the "thinking..." message.
  if (original !== undefined && interaction.responseType === Callback.DeferredChannelMessage && (original.flags & MessageFlags.Loading) !== 0) {
    const edit = planEdit(context, original, body, request.files);
    context.world.updateMessage(original, edit.apply);
    interaction.markAnswered(original.id);
    return json(apiMessage(original, context.world, context.origin(), context.reader));
  }
  // Only new messages count; the deferral's edit above and edits through the token do not.
  if (interaction.userInstallOnly && interaction.followUps >= USER_INSTALL_FOLLOW_UP_LIMIT) throw apiErrors.followUpLimit();
  const message = responseMessage(context, interaction, body, request.files, 0);
  context.world.addMessage(message);
  interaction.followUps += 1;
  interaction.markAnswered(message.id);
  return json(apiMessage(message, context.world, context.origin(), context.reader));
}

/** The routes a bot reaches with an interaction's id and token, without its bot token. */
export const interactionRoutes: readonly Route[] = [
  { method: 'POST', path: '/interactions/:interactionId/:token/callback', auth: false, bucket: byInteraction, handle: respond },
  {
    method: 'GET',
    path: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    bucket: byWebhook,
    handle(context, request) {
      const interaction = webhookInteraction(context, request);
      return json(apiMessage(targetMessage(context, interaction, request.params['messageId'] ?? ''), context.world, context.origin(), context.reader));
    },
  },
  { method: 'PATCH', path: '/webhooks/:appId/:token/messages/:messageId', auth: false, bucket: byWebhook, handle: editThroughToken },
  {
    method: 'DELETE',
    path: '/webhooks/:appId/:token/messages/:messageId',
    auth: false,
    bucket: byWebhook,
    handle(context, request) {
      const interaction = webhookInteraction(context, request);
      context.world.deleteMessage(targetMessage(context, interaction, request.params['messageId'] ?? ''));
      return noContent();
    },
  },
  { method: 'POST', path: '/webhooks/:appId/:token', auth: false, bucket: byWebhook, handle: followUp },
];
