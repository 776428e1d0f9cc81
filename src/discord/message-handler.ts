import { ChannelType, type Message } from 'discord.js';
import type { Logger } from '../logger.ts';
import { findGuideFor } from './find-guide-in-channel.ts';
import { OUTCOME_IDS } from '../../machines/questions.ts';
import { knowledge } from '../core/knowledge/index.ts';
import { buildOutcomeAliases, parseFollowUp, type FollowUp } from './follow-ups.ts';
import { renderFollowUp, renderNoGuide } from './render-follow-ups.ts';

/** What the message handler needs. */
export interface MessageDeps {
  readonly logger: Logger;
  /** The privileged Message Content intent is on: plain messages in channels carry their text. */
  readonly messageContent: boolean;
}

// People type an outcome as the bot shows it, e.g. "why not multiprocessing.Pool?", so its names count too.
const OUTCOME_ALIASES = buildOutcomeAliases(
  OUTCOME_IDS.flatMap((outcome) => [
    [knowledge.outcomes[outcome].api, outcome],
    [knowledge.outcomes[outcome].shortName, outcome],
  ] as const),
);

/** How a message reached the bot; a plain channel message is only read with the privileged intent. */
type Addressing = 'dm' | 'mention' | 'reply' | 'plain';

async function addressingOf(message: Message, botUserId: string): Promise<{ addressing: Addressing; repliedTo: Message | undefined }> {
  const repliedTo = message.reference?.messageId === undefined ? undefined : await message.fetchReference().catch(() => undefined);
  if (message.channel.type === ChannelType.DM) return { addressing: 'dm', repliedTo };
  if (repliedTo?.author.id === botUserId) return { addressing: 'reply', repliedTo };
  if (message.mentions.users.has(botUserId)) return { addressing: 'mention', repliedTo };
  return { addressing: 'plain', repliedTo };
}

/**
 * Answers "why?" and "why not X?" typed by a person: in a reply to a guide, with a mention, in a
 * DM, or (with the privileged intent) plainly in the channel. Logs one line per answered
 * message, never its text.
 */
export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  const botUserId = message.client.user.id;
  if (message.author.bot || message.author.id === botUserId) return;
  // Quick reject before any request: ordinary chat is none of the bot's business.
  const followUp = parseFollowUp(message.content, OUTCOME_ALIASES);
  if (followUp === null) return;
  const started = Date.now();
  let outcome: string;
  try {
    const { addressing, repliedTo } = await addressingOf(message, botUserId);
    if (addressing === 'plain' && (!deps.messageContent || followUp.kind === 'why-not-unknown')) return;
    outcome = await answer(message, followUp, repliedTo, botUserId);
    outcome = `${addressing}:${outcome}`;
  } catch (error) {
    outcome = 'error';
    deps.logger.error({ kind: 'message', err: error instanceof Error ? error.message : String(error) }, 'follow-up failed');
  }
  deps.logger.info({ kind: 'message', outcome, latencyMs: Date.now() - started }, 'follow-up');
}

async function answer(message: Message, followUp: FollowUp, repliedTo: Message | undefined, botUserId: string): Promise<string> {
  const guide = await findGuideFor(message, repliedTo, botUserId);
  const reply = guide === undefined ? renderNoGuide(message.author.id) : renderFollowUp(guide, followUp);
  await message.reply({
    ...(reply.content === undefined ? {} : { content: reply.content }),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
  });
  return guide === undefined ? 'no-guide' : followUp.kind;
}
