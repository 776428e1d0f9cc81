/**
 * What the composer at the bottom of the page turns typed text into. Shared by the browser (to
 * decide which request to send) and the tests; it knows nothing of the DOM or of Node.
 */
export type ComposerInput =
  | { readonly kind: 'command'; readonly name: string; readonly options: Readonly<Record<string, string | number | boolean>> }
  | { readonly kind: 'message'; readonly content: string; readonly mentionBot: boolean }
  | { readonly kind: 'invalid'; readonly problem: string };

/** Discord's limit on a message's content. */
export const MAX_MESSAGE_LENGTH = 2000;

const COMMAND_NAME = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}_-]{1,32}$/u;
const OPTION = /^([\p{Ll}\p{Lm}\p{Lo}\p{N}_-]{1,32}):(.*)$/u;

/**
 * Reads the composer's text as Discord's client would: `/name opt:value` runs a slash command,
 * a leading `@BotName` mentions the bot, anything else is a plain message.
 *
 * @example parseComposerInput('/concurrency private:true', 'Guide') // command with { private: true }
 */
export function parseComposerInput(text: string, botName: string): ComposerInput {
  const trimmed = text.trim();
  if (trimmed === '') return invalid('Type a message, or /concurrency to start a guide.');
  if (trimmed.startsWith('/')) return parseCommand(trimmed.slice(1));
  if (trimmed.length > MAX_MESSAGE_LENGTH) {
    return invalid(`Messages can be at most ${MAX_MESSAGE_LENGTH} characters long (this one has ${trimmed.length}).`);
  }
  const mention = `@${botName}`;
  if (botName !== '' && trimmed.toLowerCase().startsWith(mention.toLowerCase())) {
    const rest = trimmed.slice(mention.length);
    // "@Guidebook" is not a mention of "Guide": the name must end at a space or the end of the text.
    if (rest === '' || /^\s/.test(rest)) return { kind: 'message', content: rest.trim(), mentionBot: true };
  }
  return { kind: 'message', content: trimmed, mentionBot: false };
}

function parseCommand(body: string): ComposerInput {
  const [name = '', ...words] = body.split(/\s+/);
  if (!COMMAND_NAME.test(name)) {
    return invalid('A slash command looks like /concurrency (lower-case letters, digits, - or _).');
  }
  const options: Record<string, string | number | boolean> = {};
  for (const word of words) {
    const match = OPTION.exec(word);
    if (match === null || match[2] === '') {
      return invalid(`Options look like name:value, for example /${name} private:true ("${shorten(word)}" is not one).`);
    }
    const [, optionName = '', raw = ''] = match;
    if (optionName in options) return invalid(`The option ${optionName} is given twice.`);
    options[optionName] = optionValue(raw);
  }
  return { kind: 'command', name, options };
}

function optionValue(raw: string): string | number | boolean {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

function invalid(problem: string): ComposerInput {
  return { kind: 'invalid', problem };
}
