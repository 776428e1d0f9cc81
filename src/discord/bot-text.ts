/*
 * Words only the Discord bot says, next to the shared frame in src/core/ui-text.ts: notices above a
 * guide, the fresh-start button, and answers to typed follow-ups that fit no guide.
 */
import { guideCommand } from '../core/ui-text.ts';

/**
 * The commands as Discord lists them: the slash command's description and its option's (each at
 * most 100 characters), and the name of the message command under Apps in a message's menu (at
 * most 32).
 */
export const commandTexts = {
  description: 'Find the right Python concurrency API in a few questions, and see why.',
  privateOption: 'Only you see the guide (default: everyone in the channel).',
  askAboutMessage: 'Ask the concurrency guide',
} as const;

/**
 * Above a guide that had to be private: the server lets apps its members added answer only the
 * member who asked. Said once, on the guide's first message.
 */
export const forcedPrivate =
  'This server shows answers from apps its members added only to the member who asked, so this guide is private to you, and it cannot be shared here.';

/** The answer to Share (an older button) where Discord would keep the post private anyway. */
export const cannotShareHere = 'This server shows answers from apps its members added only to the member who asked, so nothing can be shared to this channel.';

/** The button under a public guide that deletes it. */
export const dismissLabel = 'Dismiss';

/** Said, privately, to someone who presses Dismiss on a guide that is not theirs. */
export const notYoursToDismiss = 'Only the member this guide is for, or a moderator, can dismiss it.';

/** The button that opens the rest of an outcome's caveats, when they do not all fit beside it. */
export const moreCaveatsLabel = 'More to watch out for';

/** The button that starts a fresh guide under a stale or pointer message. */
export const startGuideLabel = 'Start a new guide';

/**
 * The line above a result someone shared to the channel; `mention` is a Discord user mention,
 * which the bot always sends with pings disabled.
 *
 * @example sharedBy('<@42>') // "<@42> shared their result."
 */
export function sharedBy(mention: string): string {
  return `${mention} shared their result.`;
}

/** Why a menu choice was refused: it named no other outcome. */
export const badChoice = 'That choice does not fit this result any more. Here is a fresh start instead.';

/**
 * The one answer to a reply Discord delivered without its text: how to ask in a way that reaches
 * the bot. `mention` is the bot's own mention, e.g. `<@123>`.
 *
 * @example cannotReadReplies('<@1>') // "I can't read replies to my guides in this server. …"
 */
export function cannotReadReplies(mention: string): string {
  return (
    "I can't read replies to my guides in this server. Press **Ask** below, or mention me with your " +
    `question, for example: ${mention} why not asyncio?`
  );
}

/** The command-line name of the bot's one command, for a command it does not know. */
export const unknownCommand = `I only know ${guideCommand}.`;

/** When something broke on the bot's side; the user can simply try again. */
export const internalProblem = 'Something went wrong on my side. Please try again.';


/**
 * The line above a guide started about someone's message: what was read from it and which answer
 * each clue gave, and how to change them. `mention` is the author's mention, sent without a ping.
 *
 * @example readFromMessage('<@42>', [{ words: ['downloads'], answer: 'Waiting on IO (IO-bound)' }])
 */
export function readFromMessage(mention: string, read: readonly { readonly words: readonly string[]; readonly answer: string }[]): string {
  const clues = read.map(({ words, answer }) => `${words.map((word) => `“${word}”`).join(', ')}: **${answer}**`).join('; ');
  return `A guide for ${mention}'s question. From the message I read ${clues}. Press Back to change the last of these, or Start over.`;
}
