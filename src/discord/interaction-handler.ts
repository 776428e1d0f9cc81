import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import { isPastAnswering, snowflakeTime } from './ack-deadline.ts';
import { clickKey, type ClickDeduper } from './click-dedupe.ts';
import { COMMAND_NAME, PRIVATE_OPTION } from './commands.ts';
import type { PathPictures } from './pictures.ts';
import { renderGuide, renderProblem, renderStale } from './render.ts';
import { planClick, planNewGuide } from './router.ts';
import { messageOptions, sendReply, sendShare, sendUpdate } from './send-guide.ts';

/** What the interaction handler needs; nothing in here is per-guide state. */
export interface InteractionDeps {
  readonly logger: Logger;
  readonly dedupe: ClickDeduper;
  readonly pictures: PathPictures | undefined;
}

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** From this long on a member notices the wait, and the line is worth reading at the default level. */
export const SLOW_INTERACTION_MS = 1000;

/**
 * Answers one interaction and logs one line: its kind, how long it took, what was done; at debug
 * level, or at info when it was slow (one info line per click cost a few percent of the bot's CPU).
 * Never logs message text, ids of users or tokens.
 */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const started = Date.now();
  const kind = interaction.isChatInputCommand() ? 'command' : interaction.isButton() ? 'button' : interaction.isStringSelectMenu() ? 'select' : 'other';
  if (isPastAnswering(interaction.id, started)) {
    // Working on it would only spend the time the next, still answerable clicks need.
    deps.logger.warn({ kind, ageMs: started - snowflakeTime(interaction.id) }, 'interaction too old to answer; skipped');
    return;
  }
  let outcome: string;
  try {
    if (interaction.isChatInputCommand()) outcome = await handleCommand(interaction, deps);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) outcome = await handleClick(interaction, deps);
    else if (interaction.isMessageComponent()) outcome = await refuseUnknownComponent(interaction);
    else outcome = 'ignored';
  } catch (error) {
    outcome = 'error';
    deps.logger.error({ kind, err: error instanceof Error ? error.message : String(error) }, 'interaction failed');
    await apologise(interaction);
  }
  const finished = Date.now();
  const latencyMs = finished - started;
  const level = latencyMs >= SLOW_INTERACTION_MS ? 'info' : 'debug';
  if (deps.logger.isLevelEnabled(level)) deps.logger[level]({ kind, outcome, latencyMs, ageMs: finished - snowflakeTime(interaction.id) }, 'interaction');
}

async function handleCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<string> {
  if (interaction.commandName !== COMMAND_NAME) {
    await interaction.reply({ ...messageOptions(renderProblem('unknown-command')), flags: MessageFlags.Ephemeral });
    return 'unknown-command';
  }
  const isPrivate = interaction.options.getBoolean(PRIVATE_OPTION) ?? false;
  const page = planNewGuide(interaction.user.id, isPrivate);
  await sendReply(interaction, renderGuide(page), isPrivate, deps.pictures, deps.logger);
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
      await sendUpdate(interaction, renderGuide(plan.page), deps.pictures, deps.logger);
      return 'updated';
    case 'private-copy':
      await sendReply(interaction, renderGuide(plan.page), true, deps.pictures, deps.logger);
      return 'private-copy';
    case 'share':
      await sendShare(interaction, renderGuide(plan.page), renderGuide(plan.privatePage), deps.pictures, deps.logger);
      return 'shared';
    case 'stale':
      await interaction.reply({ ...messageOptions(renderStale(plan.reason, plan.clickerId)), flags: MessageFlags.Ephemeral });
      return `stale:${plan.reason}`;
  }
}

/**
 * The guide only ever sends buttons and string menus; any other component (a user or channel
 * menu from a forged or foreign message) still gets an answer, never "This interaction failed".
 */
async function refuseUnknownComponent(interaction: MessageComponentInteraction): Promise<string> {
  await interaction.reply({ ...messageOptions(renderStale('not-ours', interaction.user.id)), flags: MessageFlags.Ephemeral });
  return 'stale:unsupported-component';
}

/** Tells the user something went wrong, if the interaction can still be answered at all. */
async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const apology = { ...messageOptions(renderProblem('internal')), flags: MessageFlags.Ephemeral } as const;
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(apology);
    else await interaction.reply(apology);
  } catch {
    // The interaction expired or Discord is unreachable: nothing more can be said to this user.
  }
}
