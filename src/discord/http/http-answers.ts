import { InteractionResponseType, MessageFlags, Routes, type REST } from 'discord.js';
import { wireMessage, type InteractionAnswers, type OutgoingMessage } from '../answers.ts';
import { NO_PINGS_JSON } from '../no-pings.ts';

/*
 * Answers to an interaction that came as an HTTP POST. An answer that completes the interaction
 * (a message, an update, a form) goes back in the HTTP response itself, saving a round trip. A
 * deferral goes through the callback route first and the POST then gets 202, as Discord's docs
 * ask, so that Discord has it before the edits and follow-ups that come through the interaction's
 * webhook.
 */

/** What the endpoint writes back to Discord's POST. */
export type EndpointReply =
  | { readonly status: 200; readonly json: unknown }
  | { readonly status: 200; readonly form: FormData }
  | { readonly status: 202 };

export interface HttpAnswerTarget {
  readonly interactionId: string;
  readonly applicationId: string;
  readonly token: string;
  /** Writes the HTTP response; rejects when it was already written, or the POST is gone. */
  readonly respond: (reply: EndpointReply) => Promise<void>;
  /** discord.js's REST client; interaction routes need no bot token. */
  readonly rest: REST;
}

/**
 * A message body in Discord's JSON with the no-ping policy, and its files. An edit (an update, or
 * the edit after a deferral) also clears the content and embeds an old classic guide had, as Discord
 * asks of an edit that turns a message into Components V2; a new message simply has none.
 */
function messageJson(outgoing: OutgoingMessage, options: { readonly ephemeral?: boolean; readonly edit?: boolean } = {}) {
  const { body, files } = wireMessage(outgoing);
  const flags = body.flags | (options.ephemeral === true ? MessageFlags.Ephemeral : 0);
  return { body: { ...body, ...(options.edit === true ? { content: null, embeds: [] } : {}), flags, allowed_mentions: NO_PINGS_JSON }, files };
}

/** A callback body as the HTTP response carries it: JSON, or multipart when files ride along. */
function callbackReply(type: InteractionResponseType, outgoing: OutgoingMessage, options: { readonly ephemeral?: boolean; readonly edit?: boolean }): EndpointReply {
  const { body, files } = messageJson(outgoing, options);
  const callback = { type, data: body };
  if (files.length === 0) return { status: 200, json: callback };
  const form = new FormData();
  form.append('payload_json', JSON.stringify(callback));
  files.forEach((file, index) => {
    // A view of the same bytes, as Blob takes them; no copy.
    const bytes = new Uint8Array(file.data.buffer as ArrayBuffer, file.data.byteOffset, file.data.byteLength);
    form.append(`files[${index}]`, new Blob([bytes], { type: file.contentType }), file.name);
  });
  return { status: 200, form };
}

/** The handler's answers for one interaction received over HTTP. */
export function httpAnswers(target: HttpAnswerTarget): InteractionAnswers {
  let started = false;
  let acknowledged = false;
  const first = async (send: () => Promise<void>) => {
    if (started) throw new Error('the interaction was already answered once');
    started = true;
    try {
      await send();
      acknowledged = true;
    } catch (error) {
      // Never sent: the handler may still answer (an apology) as a first response.
      started = false;
      throw error;
    }
  };
  const defer = (type: InteractionResponseType, ephemeral: boolean) =>
    first(async () => {
      await target.rest.post(Routes.interactionCallback(target.interactionId, target.token), { body: { type, ...(ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}) }, auth: false });
      // Discord has the deferral: a POST it gave up on or already answered changes nothing for the member.
      await target.respond({ status: 202 }).catch(() => undefined);
    });
  return {
    get acknowledged() {
      return acknowledged;
    },
    reply: (outgoing, ephemeral) => first(() => target.respond(callbackReply(InteractionResponseType.ChannelMessageWithSource, outgoing, { ephemeral }))),
    update: (outgoing) => first(() => target.respond(callbackReply(InteractionResponseType.UpdateMessage, outgoing, { edit: true }))),
    showModal: (modal) => first(() => target.respond({ status: 200, json: { type: InteractionResponseType.Modal, data: modal } })),
    deferReply: (ephemeral) => defer(InteractionResponseType.DeferredChannelMessageWithSource, ephemeral),
    deferUpdate: () => defer(InteractionResponseType.DeferredMessageUpdate, false),
    editReply: async (outgoing) => {
      const { body, files } = messageJson(outgoing, { edit: true });
      await target.rest.patch(Routes.webhookMessage(target.applicationId, target.token), { body, files: [...files], auth: false });
    },
    deleteReply: async () => {
      await target.rest.delete(Routes.webhookMessage(target.applicationId, target.token), { auth: false });
    },
    followUp: async (outgoing, ephemeral) => {
      const { body, files } = messageJson(outgoing, { ephemeral });
      await target.rest.post(Routes.webhook(target.applicationId, target.token), { body, files: [...files], auth: false });
    },
  };
}
