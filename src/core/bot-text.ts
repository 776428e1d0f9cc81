/*
 * Words only the Discord bot says, next to the shared frame in ./ui-text.ts: notices above a
 * guide, the fresh-start button, and answers to typed follow-ups that fit no guide.
 */
import { guideCommand } from './ui-text.ts';

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

/** When a "why not …?" names nothing the guide knows; lists what it can compare with. */
export function unknownWhyNot(names: readonly string[]): string {
  return `I can compare your result with: ${names.join(', ')}. Try, for example, "why not ${names[0] ?? 'asyncio'}?".`;
}

/** The command-line name of the bot's one command, for a command it does not know. */
export const unknownCommand = `I only know ${guideCommand}.`;

/** When something broke on the bot's side; the user can simply try again. */
export const internalProblem = 'Something went wrong on my side. Please try again.';

