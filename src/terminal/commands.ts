/** What a typed line asks for, before the session checks it makes sense where the user is. */
export type ChatCommand =
  | { readonly kind: 'choose'; readonly number: number }
  | { readonly kind: 'not-sure' }
  | { readonly kind: 'back' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'help' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'empty' }
  /** Anything else: an option's name, or a question for the guide ("why not threads?"). */
  | { readonly kind: 'text'; readonly text: string };

// The words for each of the terminal's own commands, short forms included.
const WORDS_FOR: readonly (readonly [ChatCommand, readonly string[]])[] = [
  [{ kind: 'not-sure' }, ['not sure', 'unsure']],
  [{ kind: 'back' }, ['back', 'b']],
  [{ kind: 'restart' }, ['restart', 'start over']],
  [{ kind: 'help' }, ['help', '?', 'h']],
  [{ kind: 'quit' }, ['quit', 'exit', 'q']],
];
const WORDS: ReadonlyMap<string, ChatCommand> = new Map(WORDS_FOR.flatMap(([command, words]) => words.map((word) => [word, command] as const)));

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Reads one typed line: the terminal's own commands, or text for the session to match against
 * the options and then to answer as a question. Never throws.
 *
 * @example parseCommand(' Back ') // { kind: 'back' }
 * @example parseCommand('why not Pool?') // { kind: 'text', text: 'why not Pool?' }
 */
export function parseCommand(line: string): ChatCommand {
  const text = normalise(line);
  if (text === '') return { kind: 'empty' };
  if (/^\d{1,6}$/.test(text)) return { kind: 'choose', number: Number(text) };
  return WORDS.get(text) ?? { kind: 'text', text: line.trim() };
}
