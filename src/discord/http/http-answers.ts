import { Routes, type REST } from 'discord.js';
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

const Callback = { ChannelMessage: 4, DeferredChannelMessage: 5, DeferredUpdate: 6, UpdateMessage: 7, Modal: 9 } as const;
const EPHEMERAL = 1 << 6;

/** A message body in Discord's JSON with the no-ping policy, and its files. */
function messageJson(outgoing: OutgoingMessage, ephemeral = false) {
  const { body, files } = wireMessage(outgoing);
  return { body: { ...body, flags: body.flags | (ephemeral ? EPHEMERAL : 0), allowed_mentions: NO_PINGS_JSON }, files };
}

/** A callback body as the HTTP response carries it: JSON, or multipart when files ride along. */
function callbackReply(type: number, outgoing: OutgoingMessage, ephemeral = false): EndpointReply {
  const { body, files } = messageJson(outgoing, ephemeral);
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
  let acknowledged = false;
  const first = async (send: () => Promise<void>) => {
    if (acknowledged) throw new Error('the interaction was already acknowledged');
    acknowledged = true;
    await send();
  };
  const defer = (type: number, ephemeral: boolean) =>
    first(async () => {
      await target.rest.post(Routes.interactionCallback(target.interactionId, target.token), { body: { type, ...(ephemeral ? { data: { flags: EPHEMERAL } } : {}) }, auth: false });
      await target.respond({ status: 202 });
    });
  const webhookFiles = (files: ReturnType<typeof messageJson>['files']) => files.map((file) => ({ name: file.name, data: file.data, contentType: file.contentType }));
  return {
    get acknowledged() {
      return acknowledged;
    },
    reply: (outgoing, ephemeral) => first(() => target.respond(callbackReply(Callback.ChannelMessage, outgoing, ephemeral))),
    update: (outgoing) => first(() => target.respond(callbackReply(Callback.UpdateMessage, outgoing))),
    showModal: (modal) => first(() => target.respond({ status: 200, json: { type: Callback.Modal, data: modal } })),
    deferReply: (ephemeral) => defer(Callback.DeferredChannelMessage, ephemeral),
    deferUpdate: () => defer(Callback.DeferredUpdate, false),
    editReply: async (outgoing) => {
      const { body, files } = messageJson(outgoing);
      await target.rest.patch(Routes.webhookMessage(target.applicationId, target.token), { body, files: webhookFiles(files), auth: false });
    },
    deleteReply: async () => {
      await target.rest.delete(Routes.webhookMessage(target.applicationId, target.token), { auth: false });
    },
    followUp: async (outgoing, ephemeral) => {
      const { body, files } = messageJson(outgoing, ephemeral);
      await target.rest.post(Routes.webhook(target.applicationId, target.token), { body, files: webhookFiles(files), auth: false });
    },
  };
}
