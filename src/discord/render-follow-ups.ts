import { ButtonStyle } from 'discord.js';
import type { OptionId } from '../../machines/questions.ts';
import type { FollowUpAnswer } from '../core/answer-question.ts';
import { renderFollowUpAnswer } from '../core/answer-question.ts';
import * as botText from './bot-text.ts';
import { encodeGuideId } from '../core/guide-id.ts';
import * as ui from '../core/ui-text.ts';
import { truncate } from './limits.ts';
import { LIMITS } from '../core/discord-limits.ts';
import { button, EXPLANATION_ACCENT, row, type GuideMessage } from './render.ts';

function askButton(asker: string, path: readonly OptionId[]) {
  return button(ui.buttonLabels.ask, encodeGuideId({ owner: asker, path, action: { kind: 'ask' } }));
}

/**
 * The answer to a question typed in a message, a mention or the Ask form, about the guide at
 * `path`, with an Ask button for the next question.
 */
export function renderTypedAnswer(answer: FollowUpAnswer, asker: string, path: readonly OptionId[]): GuideMessage {
  // Yellow marks an explanation, as the Why? button's answers are marked; the answer is well within a message's 4,000 characters.
  return { accent: EXPLANATION_ACCENT, texts: [truncate(renderFollowUpAnswer(answer), LIMITS.messageText)], rows: [row(askButton(asker, path))] };
}

/**
 * For a reply the bot could not read (Discord withholds its text): how to ask instead, once, with
 * an Ask button for the guide that was replied to.
 */
export function renderHowToAsk(asker: string, path: readonly OptionId[], botMention: string): GuideMessage {
  return { texts: [botText.cannotReadReplies(botMention)], rows: [row(askButton(asker, path))] };
}

/** For someone who asks with no guide: how to start one, and a button that does. */
export function renderNoGuide(authorId: string): GuideMessage {
  const start = encodeGuideId({ owner: authorId, path: [], action: { kind: 'start' } });
  return { texts: [ui.noGuideYet], rows: [row(button(botText.startGuideLabel, start, ButtonStyle.Primary))] };
}
