import {
  AttachmentBuilder,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type JSONEncodable,
  type MessageContextMenuCommandInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import { msUntilDeferDeadline, respondInTime } from './ack-deadline.ts';
import { truncate } from './limits.ts';
import { pictureFilename, type PathPictures } from './pictures.ts';
import type { GuideMessage } from './render.ts';
import { LIMITS } from '../core/discord-limits.ts';

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
    ...(message.content === undefined ? {} : { content: message.content }),
  };
}

/** A rendered picture, the name it is attached under, and its description for screen readers (within Discord's limit). */
interface Picture {
  readonly png: Buffer;
  readonly filename: string;
  readonly description: string | undefined;
}


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
  // `attachments: []` keeps only the files sent now, so an earlier answer's picture is dropped.
  if (picture === undefined) return { ...messageOptions(message), files: [], attachments: [] };
  const file = new AttachmentBuilder(picture.png, { name: picture.filename, ...altText(picture) });
  return { ...messageOptions(showing(message, picture.filename)), files: [file], attachments: [] };
}

type AnyGuideInteraction = ComponentInteraction | ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

/** Gets an outcome message's picture: undefined if it has none, or getting it failed (the message goes without). */
function pictureOf(message: GuideMessage, pictures: PathPictures | undefined, logger: Logger): () => Promise<Picture | undefined> {
  const path = message.picturePath;
  if (path === undefined || pictures === undefined) return async () => undefined;
  return () =>
    pictures.get(path).then(
      (png) => {
        const description = pictures.describe?.(path);
        return { png, filename: pictureFilename(path), description: description === undefined ? undefined : truncate(description, LIMITS.attachmentDescription) };
      },
      (error: unknown) => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'picture failed; sending without it');
        return undefined;
      },
    );
}

/** Pictures are read from files and are quick; the deadline timer guards against a slow disk or a busy bot. */
function deferAfter(interaction: Interaction): number {
  return msUntilDeferDeadline(interaction.id, Date.now());
}

/** Updates the clicked message in place (type 7), deferring when the picture is slow. */
export async function sendUpdate(interaction: ComponentInteraction, message: GuideMessage, pictures: PathPictures | undefined, logger: Logger): Promise<void> {
  await respondInTime({
    work: pictureOf(message, pictures, logger),
    respond: async (picture) => void (await interaction.update(withPicture(message, picture))),
    defer: async () => void (await interaction.deferUpdate()),
    respondAfterDefer: async (buffer) => void (await interaction.editReply(withPicture(message, buffer))),
    deferAfterMs: deferAfter(interaction),
  });
}

/** Answers with a new message, public or ephemeral, deferring when the picture is slow. */
export async function sendReply(
  interaction: AnyGuideInteraction,
  message: GuideMessage,
  ephemeral: boolean,
  pictures: PathPictures | undefined,
  logger: Logger,
): Promise<void> {
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  await respondInTime({
    work: pictureOf(message, pictures, logger),
    respond: async (picture) => void (await interaction.reply({ ...withPicture(message, picture), ...(flags === undefined ? {} : { flags }) })),
    defer: async () => void (await interaction.deferReply(flags === undefined ? {} : { flags })),
    respondAfterDefer: async (buffer) => void (await interaction.editReply(withPicture(message, buffer))),
    deferAfterMs: deferAfter(interaction),
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
  const picture = await pictureOf(publicMessage, pictures, logger)();
  await interaction.followUp(withPicture(publicMessage, picture));
  await interaction.editReply(withPicture(privateMessage, picture));
}
