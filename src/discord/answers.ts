import { ComponentType, MessageFlags, SeparatorSpacingSize, type APIComponentInContainer, type APIContainerComponent, type APIMessageTopLevelComponent, type APIModalInteractionResponseCallbackData } from 'discord.js';
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

/** A guide message and the picture it shows, if any. */
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
  /** Deletes the response, or after {@link deferUpdate} the clicked message. */
  deleteReply(): Promise<void>;
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
    /** IS_COMPONENTS_V2; a transport adds EPHEMERAL where it applies. */
    readonly flags: number;
    readonly components: readonly APIMessageTopLevelComponent[];
    readonly attachments: readonly { readonly id: string; readonly filename: string; readonly description?: string }[];
  };
  readonly files: readonly WireFile[];
}

/**
 * The message as Discord's API takes it: one container with the texts, the picture in a media
 * gallery (attached, with its alt text) when there is one, then the controls under a divider.
 * Without a picture, `attachments: []` drops an earlier answer's picture from an edited message.
 */
export function wireMessage({ message, picture }: OutgoingMessage): WireMessage {
  const texts: APIComponentInContainer[] = message.texts.map((content) => ({ type: ComponentType.TextDisplay, content }));
  const description = picture?.description === undefined ? {} : { description: picture.description };
  const gallery: APIComponentInContainer[] = picture === undefined ? [] : [{ type: ComponentType.MediaGallery, items: [{ media: { url: `attachment://${picture.filename}` }, ...description }] }];
  const controls: APIComponentInContainer[] = message.rows.length === 0 ? [] : [{ type: ComponentType.Separator, divider: true, spacing: SeparatorSpacingSize.Small }, ...message.rows];
  const container: APIContainerComponent = {
    type: ComponentType.Container,
    ...(message.accent === undefined ? {} : { accent_color: message.accent }),
    components: [...texts, ...gallery, ...controls],
  };
  return {
    body: {
      flags: MessageFlags.IsComponentsV2,
      components: [container],
      attachments: picture === undefined ? [] : [{ id: '0', filename: picture.filename, ...description }],
    },
    files: picture === undefined ? [] : [{ name: picture.filename, data: picture.png, contentType: 'image/png', ...description }],
  };
}
