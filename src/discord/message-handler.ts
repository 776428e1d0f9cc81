import { ChannelType, type Message } from 'discord.js';
import { answerTypedQuestion } from '../core/answer-question.ts';
import { understandFollowUp, type FollowUpQuestion } from '../core/understand.ts';
import type { Logger } from '../logger.ts';
import type { BotActivity, FollowUpResult } from './activity.ts';
import type { ClickDeduper } from './click-dedupe.ts';
import { findGuideFor, guideShownBy } from './find-guide-in-channel.ts';
import { renderHowToAsk, renderNoGuide, renderTypedAnswer } from './render-follow-ups.ts';
import type { GuideMessage } from './render.ts';
import { discordJsMessage } from './discordjs-message.ts';

/** What the message handler needs. */
export interface MessageDeps {
  readonly logger: Logger;
  /** The privileged Message Content intent is on: plain messages in channels carry their text. */
  readonly messageContent: boolean;
  /**
   * Remembers whom the bot already told that it cannot read their replies, per guide message, so
   * a member hears it once; bounded, and forgotten on restart, which only means one more notice.
   */
  readonly toldCannotRead: ClickDeduper;
  readonly activity?: BotActivity | undefined;
}

/** How a message reached the bot: only some ways carry text without the privileged intent. */
type Addressing = 'dm' | 'mention' | 'reply' | 'plain';

function mentionsBotInText(text: string, botUserId: string): boolean {
  return text.includes(`<@${botUserId}>`) || text.includes(`<@!${botUserId}>`);
}

/** A remark in a busy channel is answered only when it is plainly a question about one's guide. */
function worthAnsweringUnaddressed(question: FollowUpQuestion, asked: boolean): boolean {
  return asked && (question.kind === 'why' || question.kind === 'why-not' || question.kind === 'compare');
}

/**
 * Whether a message could be for the bot, judged without any request. A message with no text is
 * only worth a look as a reply in a server without the intent: Discord may have withheld the text
 * of a reply to a guide. A DM or a message under the intent that has no text simply has none.
 */
function mightBeForTheBot(text: string, where: { isDm: boolean; isReply: boolean; mentioned: boolean }, messageContent: boolean): boolean {
  if (text.trim() === '') return where.isReply && !where.isDm && !messageContent;
  if (where.isDm || where.mentioned || where.isReply) return true;
  const { question, asked } = understandFollowUp(text);
  return messageContent && worthAnsweringUnaddressed(question, asked);
}

/**
 * Answers questions typed to the bot (in a DM, with a mention, in a reply to the bot's ordinary
 * message, or, with the privileged intent, plainly in a channel) about the author's guide. A reply
 * to a guide that arrives without its text (Discord withholds it without the intent) gets one
 * note on how to ask instead. Logs one line per answered message, never its text.
 */
export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  const botUserId = message.client.user.id;
  if (message.author.bot || message.author.id === botUserId) return;
  const text = message.content;
  const isDm = message.channel.type === ChannelType.DM;
  const isReply = message.reference?.messageId !== undefined;
  const mentioned = mentionsBotInText(text, botUserId);
  // Quick reject before any request: ordinary chat is none of the bot's business.
  if (!mightBeForTheBot(text, { isDm, isReply, mentioned }, deps.messageContent)) return;
  const started = Date.now();
  let outcome: string;
  try {
    outcome = await respond(message, text, deps, { isDm, mentioned, botUserId });
  } catch (error) {
    outcome = 'error';
    deps.logger.error({ kind: 'message', err: error instanceof Error ? error.message : String(error) }, 'follow-up failed');
  }
  if (outcome === 'ignored') return;
  const latencyMs = Date.now() - started;
  deps.activity?.followUp(followUpResult(outcome), latencyMs);
  deps.logger.info({ kind: 'message', outcome, latencyMs }, 'follow-up');
}

/** How a follow-up's logged outcome (`mention:why-not`, `dm:no-guide`, `unreadable:told`, …) counts. */
function followUpResult(outcome: string): FollowUpResult {
  if (outcome === 'error') return 'error';
  return /:(decline|no-guide)$|^unreadable:/.test(outcome) ? 'declined' : 'answered';
}

interface Addressed {
  readonly isDm: boolean;
  readonly mentioned: boolean;
  readonly botUserId: string;
}

async function respond(message: Message, text: string, deps: MessageDeps, where: Addressed): Promise<string> {
  const repliedTo = message.reference?.messageId === undefined ? undefined : await message.fetchReference().catch(() => undefined);
  const toBot = repliedTo?.author.id === where.botUserId;
  if (text.trim() === '') return toBot && repliedTo !== undefined ? explainUnreadable(message, repliedTo, deps, where.botUserId) : 'ignored';

  const addressing: Addressing = where.isDm ? 'dm' : where.mentioned ? 'mention' : toBot ? 'reply' : 'plain';
  const { question, asked } = understandFollowUp(text);
  if (addressing === 'plain' && !(deps.messageContent && worthAnsweringUnaddressed(question, asked))) return 'ignored';
  // "@Bot thanks!" is no question: a decline would only be noise.
  if (question.kind === 'unclear' && !asked) return 'ignored';

  const guide = await findGuideFor(message, repliedTo, where.botUserId);
  if (guide === undefined) {
    await send(message, renderNoGuide(message.author.id));
    return `${addressing}:no-guide`;
  }
  const answered = answerTypedQuestion(text, guide.path);
  if (!answered.ok) {
    await send(message, renderNoGuide(message.author.id));
    return `${addressing}:no-guide`;
  }
  await send(message, renderTypedAnswer(answered.value.answer, message.author.id, guide.path));
  return `${addressing}:${answered.value.answer.kind}`;
}

/** A reply to a guide that Discord delivered without its text: say how to ask, once per member and guide message. */
async function explainUnreadable(message: Message, repliedTo: Message, deps: MessageDeps, botUserId: string): Promise<string> {
  const guide = guideShownBy(repliedTo, botUserId);
  if (guide === undefined) return 'ignored';
  if (deps.toldCannotRead.isRepeat(`${message.author.id}:${repliedTo.id}`)) return 'unreadable:already-told';
  await send(message, renderHowToAsk(message.author.id, guide.path, `<@${botUserId}>`));
  return 'unreadable:told';
}

async function send(message: Message, reply: GuideMessage): Promise<void> {
  await message.reply({ ...discordJsMessage({ message: reply }), failIfNotExists: false });
}
