import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import type { GuideMessage } from './render.ts';

/*
 * How the handler answers an interaction, whichever way it arrived. The gateway bot carries each
 * call through discord.js's interaction methods; the HTTP endpoint answers the first in the HTTP
 * response and the rest through the interaction's webhook. Deciding what to say happens once, in
 * interaction-handler.ts; the transports only carry it.
 */

/** A picture to attach, the name it is attached under, and its description for screen readers. */
export interface Picture {
  readonly png: Buffer;
  readonly filename: string;
  readonly description: string | undefined;
}

/** A guide message and the picture its first embed shows, if any. */
export interface OutgoingMessage {
  readonly message: GuideMessage;
  readonly picture?: Picture | undefined;
}

/** One interaction's ways to answer; the first call must come within Discord's 3 s. */
export interface InteractionAnswers {
  /** Whether a first response (answer, deferral or form) has been sent. */
  readonly acknowledged: boolean;
  /** A new message, public or visible only to the member (callback type 4). */
  reply(outgoing: OutgoingMessage, ephemeral: boolean): Promise<void>;
  /** Replaces the clicked message (type 7). */
  update(outgoing: OutgoingMessage): Promise<void>;
  /** "Thinking…" now, the message later through {@link editReply} (type 5). */
  deferReply(ephemeral: boolean): Promise<void>;
  /** Acknowledges a click without changing its message yet (type 6). */
  deferUpdate(): Promise<void>;
  /** Edits the response, or after {@link deferUpdate} the clicked message. */
  editReply(outgoing: OutgoingMessage): Promise<void>;
  /** One more message after the first response. */
  followUp(outgoing: OutgoingMessage, ephemeral: boolean): Promise<void>;
  /** Opens a form (type 9). */
  showModal(modal: APIModalInteractionResponseCallbackData): Promise<void>;
}

/** An attachment as Discord's API takes it: the file part and its entry in `attachments`. */
export interface WireFile {
  readonly name: string;
  readonly data: Buffer;
  /** The pictures are PNGs, the only files the bot sends. */
  readonly contentType: 'image/png';
  readonly description?: string;
}

/** A message body in Discord's API shape (snake_case keys), with the files that ride along. */
export interface WireMessage {
  readonly body: {
    readonly content?: string;
    readonly embeds: GuideMessage['embeds'];
    readonly components: GuideMessage['components'];
    readonly attachments: readonly { readonly id: string; readonly filename: string; readonly description?: string }[];
  };
  readonly files: readonly WireFile[];
}

/**
 * The message as Discord's API takes it: with a picture, the picture attached and shown as the
 * first embed's image; without, `attachments: []`, so an earlier answer's picture is dropped.
 *
 * Every update that shows the picture uploads it again and names only that upload, so the previous
 * copy goes. Keeping the earlier upload by id would save the bytes, but Discord hides a file an
 * embed shows from the message's attachments, and an edit that keeps it has been reported to show
 * it twice, inside and below the embed.
 */
export function wireMessage({ message, picture }: OutgoingMessage): WireMessage {
  const content = message.content === undefined ? {} : { content: message.content };
  if (picture === undefined) return { body: { ...content, embeds: message.embeds, components: message.components, attachments: [] }, files: [] };
  const description = picture.description === undefined ? {} : { description: picture.description };
  const [first, ...rest] = message.embeds;
  const embeds = first === undefined ? [] : [{ ...first, image: { url: `attachment://${picture.filename}` } }, ...rest];
  return {
    body: { ...content, embeds, components: message.components, attachments: [{ id: '0', filename: picture.filename, ...description }] },
    files: [{ name: picture.filename, data: picture.png, contentType: 'image/png', ...description }],
  };
}
