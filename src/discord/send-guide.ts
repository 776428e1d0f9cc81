import {
  InteractionResponseType,
  MessageFlags,
  Routes,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type JSONEncodable,
  type MessageContextMenuCommandInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import { msUntilDeferDeadline, respondInTime } from './ack-deadline.ts';
import { NO_PINGS, NO_PINGS_API } from './no-pings.ts';
import { truncate } from './limits.ts';
import { pictureFilename, type PathPictures } from './pictures.ts';
import type { GuideMessage } from './render.ts';
import { UploadBodyPool } from './upload-body.ts';

/*
 * Sending a rendered guide message as an interaction response: the picture attached when there
 * is one, and a deferral in time when drawing it may be slow.
 *
 * Every update that shows the picture uploads it again, and names only that upload in
 * `attachments`, so the previous copy is dropped. Keeping the earlier upload by id would save the
 * bytes, but Discord hides a file an embed shows from the message's attachments, and an edit that
 * keeps it has been reported to show it twice, inside and below the embed.
 */

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;


/**
 * The rendered data is already in Discord's API shape; handed over as plain objects, discord.js
 * would rebuild every embed and row through its builders (renaming each key) on every answer.
 */
function encoded<T>(data: T): JSONEncodable<T> {
  return { toJSON: () => data };
}

/** Message options common to every kind of answer. */
export function messageOptions(message: GuideMessage) {
  return {
    embeds: message.embeds.map(encoded),
    components: message.components.map(encoded),
    allowedMentions: NO_PINGS,
    ...(message.content === undefined ? {} : { content: message.content }),
  };
}

/** A rendered picture, the name it is attached under, and its description for screen readers (within Discord's limit). */
interface Picture {
  readonly png: Buffer;
  readonly filename: string;
  readonly description: string | undefined;
}

// Discord's limit on an attachment's description.
const ATTACHMENT_DESCRIPTION_MAX = 1024;

/** The message with its first embed showing the attachment of that name as its image. */
function showing(message: GuideMessage, filename: string): GuideMessage {
  const [first, ...rest] = message.embeds;
  return { ...message, embeds: first === undefined ? [] : [{ ...first, image: { url: `attachment://${filename}` } }, ...rest] };
}

/** The picture's description as an attachment field, when it has one; discord.js and the API both call it `description`. */
function altText(picture: Picture): { description?: string } {
  return picture.description === undefined ? {} : { description: picture.description };
}

/** The message with its picture attached and shown as the first embed's image; no picture, no stale image. */
function withPicture(message: GuideMessage, picture: Picture | undefined) {
  if (picture === undefined) return { ...messageOptions(message), files: [] };
  return { ...messageOptions(showing(message, picture.filename)), files: [{ attachment: picture.png, name: picture.filename, ...altText(picture) }] };
}

/** The message as Discord's API takes it; the rendered data is in that shape already. */
function apiMessageData(message: GuideMessage) {
  return { embeds: message.embeds, components: message.components, allowed_mentions: NO_PINGS_API, ...(message.content === undefined ? {} : { content: message.content }) };
}

type AnyGuideInteraction = ComponentInteraction | ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

// One per process, shared by every interaction: it holds buffers, never anything about a guide.
const uploadBodies = new UploadBodyPool();

/**
 * Answers (type 7 update, or type 4 new message) with the rendered message, already in the API's
 * shape, through discord.js's own REST client (so its rate-limit handling and retries apply), then
 * marks the interaction answered as discord.js would, so nothing later tries to answer it twice.
 * Going through interaction.update or reply would rebuild the same body through MessagePayload on
 * every click. A picture goes as one pre-assembled upload (see UploadBodyPool); without one,
 * `attachments: []` drops any picture an earlier answer left on the message.
 */
async function respondDirectly(
  interaction: AnyGuideInteraction,
  type: InteractionResponseType.UpdateMessage | InteractionResponseType.ChannelMessageWithSource,
  message: GuideMessage,
  picture: Picture | undefined,
  flags: number | undefined,
): Promise<void> {
  const route = Routes.interactionCallback(interaction.id, interaction.token);
  const flagsField = flags === undefined ? {} : { flags };
  if (picture === undefined) {
    await interaction.client.rest.post(route, { body: { type, data: { ...apiMessageData(message), attachments: [], ...flagsField } }, auth: false });
  } else {
    const data = { ...apiMessageData(showing(message, picture.filename)), attachments: [{ id: '0', filename: picture.filename, ...altText(picture) }], ...flagsField };
    const upload = uploadBodies.write({ type, data }, [{ name: picture.filename, contentType: 'image/png', data: picture.png }]);
    try {
      await interaction.client.rest.post(route, { body: upload.body, passThroughBody: true, headers: { 'Content-Type': upload.contentType }, auth: false });
    } finally {
      // Settled: discord.js retries inside post(), so nothing reads the body after this.
      upload.release();
    }
  }
  interaction.replied = true;
  interaction.ephemeral = flags !== undefined && (flags & MessageFlags.Ephemeral) !== 0;
}

/** How to get an outcome message's picture (undefined if there is none, or it failed), and whether that is quick. */
function pictureOf(message: GuideMessage, pictures: PathPictures | undefined, logger: Logger): { ready: boolean; get: () => Promise<Picture | undefined> } {
  const path = message.picturePath;
  if (path === undefined || pictures === undefined) return { ready: true, get: async () => undefined };
  return {
    ready: pictures.isReady(path),
    get: () =>
      pictures.get(path).then(
        (png) => {
          const description = pictures.describe?.(path);
          return { png, filename: pictureFilename(path), description: description === undefined ? undefined : truncate(description, ATTACHMENT_DESCRIPTION_MAX) };
        },
        (error: unknown) => {
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'picture failed; sending without it');
          return undefined;
        },
      ),
  };
}

/**
 * A first render is known to be slow and may hold the event loop, so the bot defers before
 * starting it; otherwise the timer only guards against the unexpected.
 */
function deferAfter(interaction: Interaction, pictureReady: boolean): number {
  return pictureReady ? msUntilDeferDeadline(interaction.id, Date.now()) : 0;
}

/** Updates the clicked message in place (type 7), deferring first when the picture is slow. */
export async function sendUpdate(interaction: ComponentInteraction, message: GuideMessage, pictures: PathPictures | undefined, logger: Logger): Promise<void> {
  const picture = pictureOf(message, pictures, logger);
  await respondInTime({
    work: picture.get,
    respond: (picture) => respondDirectly(interaction, InteractionResponseType.UpdateMessage, message, picture, undefined),
    defer: async () => void (await interaction.deferUpdate()),
    respondAfterDefer: async (buffer) => void (await interaction.editReply(withPicture(message, buffer) satisfies InteractionEditReplyOptions)),
    deferAfterMs: deferAfter(interaction, picture.ready),
  });
}

/** Answers with a new message, public or ephemeral, deferring first when the picture is slow. */
export async function sendReply(
  interaction: AnyGuideInteraction,
  message: GuideMessage,
  ephemeral: boolean,
  pictures: PathPictures | undefined,
  logger: Logger,
): Promise<void> {
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  const picture = pictureOf(message, pictures, logger);
  await respondInTime({
    work: picture.get,
    respond: (picture) => respondDirectly(interaction, InteractionResponseType.ChannelMessageWithSource, message, picture, flags),
    defer: async () => void (await interaction.deferReply(flags === undefined ? {} : { flags })),
    respondAfterDefer: async (buffer) => void (await interaction.editReply(withPicture(message, buffer))),
    deferAfterMs: deferAfter(interaction, picture.ready),
  });
}

/**
 * Shares a private result: acknowledges the click, posts the public copy as a follow-up, then
 * turns the private message's Share button into a "posted" line, so a second press cannot post
 * the result twice. A share is rare, so this takes discord.js's ordinary paths.
 */
export async function sendShare(
  interaction: ComponentInteraction,
  publicMessage: GuideMessage,
  privateMessage: GuideMessage,
  pictures: PathPictures | undefined,
  logger: Logger,
): Promise<void> {
  await interaction.deferUpdate();
  const picture = await pictureOf(publicMessage, pictures, logger).get();
  await interaction.followUp(withPicture(publicMessage, picture));
  await interaction.editReply(withPicture(privateMessage, picture));
}
