import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import { msUntilDeferDeadline, respondInTime, snowflakeTime } from './ack-deadline.ts';
import { clickKey, type ClickDeduper } from './click-dedupe.ts';
import { COMMAND_NAME, PRIVATE_OPTION } from './commands.ts';
import { PICTURE_FILENAME, type PathPictures } from './pictures.ts';
import { truncate } from './limits.ts';
import { renderGuide, renderProblem, renderStale, type GuideMessage } from './render.ts';
import { planClick, planNewGuide } from './router.ts';

/** What the interaction handler needs; nothing in here is per-guide state. */
export interface InteractionDeps {
  readonly logger: Logger;
  readonly dedupe: ClickDeduper;
  readonly pictures: PathPictures | undefined;
}

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

// Nobody may be pinged by anything the bot posts, whatever a text contains.
const NO_PINGS = { parse: [] } as const;

/**
 * Answers one interaction and logs one line: its kind, how long it took, what was done.
 * Never logs message text, ids of users or tokens.
 */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const started = Date.now();
  const kind = interaction.isChatInputCommand() ? 'command' : interaction.isButton() ? 'button' : interaction.isStringSelectMenu() ? 'select' : 'other';
  let outcome: string;
  try {
    if (interaction.isChatInputCommand()) outcome = await handleCommand(interaction, deps);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) outcome = await handleClick(interaction, deps);
    else outcome = 'ignored';
  } catch (error) {
    outcome = 'error';
    deps.logger.error({ kind, err: error instanceof Error ? error.message : String(error) }, 'interaction failed');
    await apologise(interaction);
  }
  deps.logger.info({ kind, outcome, latencyMs: Date.now() - started, ageMs: Date.now() - snowflakeTime(interaction.id) }, 'interaction');
}

async function handleCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<string> {
  if (interaction.commandName !== COMMAND_NAME) {
    await interaction.reply({ ...toReply(renderProblem('unknown-command')), flags: MessageFlags.Ephemeral });
    return 'unknown-command';
  }
  const isPrivate = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  const page = planNewGuide(interaction.user.id, isPrivate);
  await sendReply(interaction, renderGuide(page), isPrivate, deps);
  return isPrivate ? 'started-private' : 'started';
}

async function handleClick(interaction: ComponentInteraction, deps: InteractionDeps): Promise<string> {
  // The edit time tells which rendering of the message was clicked: a real second click on an updated message is new.
  const seen = `${interaction.message.id}@${interaction.message.editedTimestamp ?? 0}`;
  if (deps.dedupe.isRepeat(clickKey(interaction.user.id, seen, interaction.customId))) {
    // Acknowledged without a change, so the second click neither fails nor updates twice.
    await interaction.deferUpdate();
    return 'repeat';
  }
  const plan = planClick({
    customId: interaction.customId,
    values: interaction.isStringSelectMenu() ? interaction.values : [],
    clickerId: interaction.user.id,
    onPrivateMessage: interaction.message.flags.has(MessageFlags.Ephemeral),
  });
  switch (plan.kind) {
    case 'update':
      await sendUpdate(interaction, renderGuide(plan.page), deps);
      return 'updated';
    case 'private-copy':
      await sendReply(interaction, renderGuide(plan.page), true, deps);
      return 'private-copy';
    case 'share':
      await sendReply(interaction, renderGuide(plan.page), false, deps);
      return 'shared';
    case 'stale':
      await interaction.reply({ ...toReply(renderStale(plan.reason, plan.clickerId)), flags: MessageFlags.Ephemeral });
      return `stale:${plan.reason}`;
  }
}

/** Message options common to every kind of answer. */
function toReply(message: GuideMessage) {
  return { embeds: message.embeds, components: message.components, allowedMentions: NO_PINGS, ...(message.content === undefined ? {} : { content: message.content }) };
}

/** A rendered picture and its description for screen readers. */
interface Picture {
  readonly png: Buffer;
  readonly description: string | undefined;
}

// Discord's limit on an attachment's description.
const ATTACHMENT_DESCRIPTION_MAX = 1024;

/** The message with its picture attached and shown as the first embed's image; no picture, no stale image. */
function withPicture(message: GuideMessage, picture: Picture | undefined) {
  if (picture === undefined) return { ...toReply(message), files: [] };
  const [first, ...rest] = message.embeds;
  const embeds = first === undefined ? [] : [{ ...first, image: { url: `attachment://${PICTURE_FILENAME}` } }, ...rest];
  const description = picture.description === undefined ? {} : { description: truncate(picture.description, ATTACHMENT_DESCRIPTION_MAX) };
  return { ...toReply(message), embeds, files: [{ attachment: picture.png, name: PICTURE_FILENAME, ...description }] };
}

/** How to get an outcome message's picture (undefined if there is none, or it failed), and whether that is quick. */
function pictureOf(message: GuideMessage, deps: InteractionDeps): { ready: boolean; get: () => Promise<Picture | undefined> } {
  const path = message.picturePath;
  const pictures = deps.pictures;
  if (path === undefined || pictures === undefined) return { ready: true, get: async () => undefined };
  return {
    ready: pictures.isReady(path),
    get: () =>
      pictures.get(path).then(
        (png) => ({ png, description: pictures.describe?.(path) }),
        (error: unknown) => {
          deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'picture failed; sending without it');
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

async function sendUpdate(interaction: ComponentInteraction, message: GuideMessage, deps: InteractionDeps): Promise<void> {
  const picture = pictureOf(message, deps);
  await respondInTime({
    work: picture.get,
    respond: async (buffer) => void (await interaction.update(withPicture(message, buffer) satisfies InteractionUpdateOptions)),
    defer: async () => void (await interaction.deferUpdate()),
    respondAfterDefer: async (buffer) => void (await interaction.editReply(withPicture(message, buffer) satisfies InteractionEditReplyOptions)),
    deferAfterMs: deferAfter(interaction, picture.ready),
  });
}

async function sendReply(
  interaction: ComponentInteraction | ChatInputCommandInteraction,
  message: GuideMessage,
  ephemeral: boolean,
  deps: InteractionDeps,
): Promise<void> {
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  const picture = pictureOf(message, deps);
  await respondInTime({
    work: picture.get,
    respond: async (buffer) =>
      void (await interaction.reply({ ...withPicture(message, buffer), ...(flags === undefined ? {} : { flags }) } satisfies InteractionReplyOptions)),
    defer: async () => void (await interaction.deferReply(flags === undefined ? {} : { flags })),
    respondAfterDefer: async (buffer) => void (await interaction.editReply(withPicture(message, buffer))),
    deferAfterMs: deferAfter(interaction, picture.ready),
  });
}

/** Tells the user something went wrong, if the interaction can still be answered at all. */
async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const apology = { ...toReply(renderProblem('internal')), flags: MessageFlags.Ephemeral } as const;
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(apology);
    else await interaction.reply(apology);
  } catch {
    // The interaction expired or Discord is unreachable: nothing more can be said to this user.
  }
}
