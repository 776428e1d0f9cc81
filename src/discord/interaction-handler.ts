import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageComponentInteraction,
  type MessageContextMenuCommandInteraction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.ts';
import type { BotActivity } from './activity.ts';
import { isPastAnswering, snowflakeTime } from './ack-deadline.ts';
import { clickKey, type ClickDeduper } from './click-dedupe.ts';
import { ASK_ABOUT_MESSAGE, COMMAND_NAME, PRIVATE_OPTION } from './commands.ts';
import type { PathPictures } from './pictures.ts';
import { renderGuide, renderProblem, renderStale } from './render.ts';
import { askedText, askFormFor } from './ask-form.ts';
import { ownerOfGuideMessage } from './find-guide-in-channel.ts';
import { renderTypedAnswer } from './render-follow-ups.ts';
import { planAsk, planClick, planGuideAboutMessage, planNewGuide } from './router.ts';
import { messageOptions, sendReply, sendShare, sendUpdate } from './send-guide.ts';

/** What the interaction handler needs; nothing in here is per-guide state. */
export interface InteractionDeps {
  readonly logger: Logger;
  readonly dedupe: ClickDeduper;
  readonly pictures: PathPictures | undefined;
  readonly activity?: BotActivity | undefined;
}

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** From this long on a member notices the wait, and the line is worth reading at the default level. */
export const SLOW_INTERACTION_MS = 1000;

/** The interaction's kind, as log lines name it. */
function kindOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isMessageContextMenuCommand()) return 'message-command';
  if (interaction.isButton()) return 'button';
  if (interaction.isStringSelectMenu()) return 'select';
  if (interaction.isModalSubmit()) return 'modal';
  return 'other';
}

/**
 * Answers one interaction and logs one line: its kind, how long it took, what was done; at debug
 * level, or at info when it was slow (one info line per click cost a few percent of the bot's CPU).
 * Never logs message text, ids of users or tokens.
 */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const started = Date.now();
  const kind = kindOf(interaction);
  if (isPastAnswering(interaction.id, started)) {
    // Working on it would only spend the time the next, still answerable clicks need.
    deps.logger.warn({ kind, ageMs: started - snowflakeTime(interaction.id) }, 'interaction too old to answer; skipped');
    deps.activity?.interaction(kind, 'too-old', 0);
    return;
  }
  let outcome: string;
  try {
    if (interaction.isChatInputCommand()) outcome = await handleCommand(interaction, deps);
    else if (interaction.isMessageContextMenuCommand()) outcome = await handleAskAboutMessage(interaction, deps);
    else if (interaction.isButton() || interaction.isStringSelectMenu()) outcome = await handleClick(interaction, deps);
    else if (interaction.isModalSubmit()) outcome = await handleAsk(interaction);
    else if (interaction.isMessageComponent()) outcome = await refuseUnknownComponent(interaction);
    else outcome = 'ignored';
  } catch (error) {
    outcome = 'error';
    deps.logger.error({ kind, err: error instanceof Error ? error.message : String(error) }, 'interaction failed');
    await apologise(interaction);
  }
  const finished = Date.now();
  const latencyMs = finished - started;
  deps.activity?.interaction(kind, outcome, latencyMs);
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

/**
 * "Ask the concurrency guide" on a message: a public guide for the message's author, which the
 * member who asked may drive too, starting past the answers the message makes clear.
 */
async function handleAskAboutMessage(interaction: MessageContextMenuCommandInteraction, deps: InteractionDeps): Promise<string> {
  if (interaction.commandName !== ASK_ABOUT_MESSAGE) {
    await interaction.reply({ ...messageOptions(renderProblem('unknown-command')), flags: MessageFlags.Ephemeral });
    return 'unknown-command';
  }
  const target = interaction.targetMessage;
  // A guide for the bot itself would have no one to answer it; the member who asked drives it instead.
  const authorId = target.author.bot ? interaction.user.id : target.author.id;
  const page = planGuideAboutMessage({ text: target.content, authorId, invokerId: interaction.user.id });
  await sendReply(interaction, renderGuide(page), false, deps.pictures, deps.logger);
  return `guide-about-message:${page.step.answers.length}-read`;
}

async function handleClick(interaction: ComponentInteraction, deps: InteractionDeps): Promise<string> {
  const plan = planClick({
    customId: interaction.customId,
    values: interaction.isStringSelectMenu() ? interaction.values : [],
    clickerId: interaction.user.id,
    onPrivateMessage: interaction.message.flags.has(MessageFlags.Ephemeral),
  });
  // Opening the form twice changes nothing, and a member who closed it may well press Ask again at once.
  if (plan.kind === 'ask') {
    await interaction.showModal(askFormFor(plan.formId));
    return 'ask-form';
  }
  // The edit time tells which rendering of the message was clicked: a real second click on an updated message is new.
  const seen = `${interaction.message.id}@${interaction.message.editedTimestamp ?? 0}`;
  if (deps.dedupe.isRepeat(clickKey(interaction.user.id, seen, interaction.customId))) {
    // Acknowledged without a change, so the second click neither fails nor updates twice.
    await interaction.deferUpdate();
    return 'repeat';
  }
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
 * A question typed into the Ask form. The answer is a new message: private when the form was
 * opened from a private guide or from someone else's guide, public under one's own public guide.
 */
async function handleAsk(interaction: ModalSubmitInteraction): Promise<string> {
  const text = askedText(interaction);
  const plan = text === undefined ? undefined : planAsk({ customId: interaction.customId, text, askerId: interaction.user.id });
  if (plan === undefined || plan.kind === 'stale') {
    const reason = plan?.reason ?? 'malformed';
    await interaction.reply({ ...messageOptions(renderStale(reason, interaction.user.id)), flags: MessageFlags.Ephemeral });
    return `stale:${reason}`;
  }
  const onPrivateGuide = interaction.message?.flags.has(MessageFlags.Ephemeral) ?? true;
  const guideOwner = interaction.message === null ? undefined : ownerOfGuideMessage(interaction.message.components);
  const isPrivate = onPrivateGuide || guideOwner !== plan.owner;
  const reply = renderTypedAnswer(plan.answer, plan.owner, plan.path);
  await interaction.reply({ ...messageOptions(reply), ...(isPrivate ? { flags: MessageFlags.Ephemeral } : {}) });
  return `asked:${plan.answer.kind}${isPrivate ? ':private' : ''}`;
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
