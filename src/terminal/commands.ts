import { OUTCOME_IDS, type OutcomeId } from '../../machines/questions.ts';
import { knowledge } from '../core/knowledge/index.ts';

/** What a typed line asks for, before the session checks it makes sense where the user is. */
export type ChatCommand =
  | { readonly kind: 'choose'; readonly number: number }
  | { readonly kind: 'why' }
  | { readonly kind: 'why-not'; readonly outcome: OutcomeId }
  | { readonly kind: 'why-not-unknown'; readonly name: string }
  | { readonly kind: 'why-not-missing' }
  | { readonly kind: 'not-sure' }
  | { readonly kind: 'back' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'help' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unknown'; readonly text: string };

const WORDS: ReadonlyMap<string, ChatCommand> = new Map<string, ChatCommand>([
  ['why', { kind: 'why' }],
  ['why?', { kind: 'why' }],
  ['not sure', { kind: 'not-sure' }],
  ['unsure', { kind: 'not-sure' }],
  ['back', { kind: 'back' }],
  ['b', { kind: 'back' }],
  ['restart', { kind: 'restart' }],
  ['start over', { kind: 'restart' }],
  ['help', { kind: 'help' }],
  ['?', { kind: 'help' }],
  ['h', { kind: 'help' }],
  ['quit', { kind: 'quit' }],
  ['exit', { kind: 'quit' }],
  ['q', { kind: 'quit' }],
]);

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Finds an outcome by any of the names a user may type: its id, its short name or its
 * full API, in any case, with or without backticks.
 *
 * @example findOutcome('threadpoolexecutor') // 'threadPoolExecutor'
 */
export function findOutcome(name: string): OutcomeId | undefined {
  const wanted = normalise(name.replace(/[`?]/g, ''));
  return OUTCOME_IDS.find((outcome) => {
    const { shortName, api } = knowledge.outcomes[outcome];
    return [outcome, shortName, api].some((candidate) => candidate.toLowerCase() === wanted);
  });
}

/**
 * Reads one typed line. Never throws: anything unrecognised comes back as `unknown`.
 *
 * @example parseCommand(' Why not Pool ') // { kind: 'why-not', outcome: 'pool' }
 */
export function parseCommand(line: string): ChatCommand {
  const text = normalise(line);
  if (text === '') return { kind: 'empty' };
  if (/^\d{1,6}$/.test(text)) return { kind: 'choose', number: Number(text) };
  const word = WORDS.get(text);
  if (word !== undefined) return word;
  const whyNot = /^why not(?:\s+(.*))?$/.exec(text);
  if (whyNot !== null) {
    const name = whyNot[1]?.trim() ?? '';
    if (name === '' || name === '?') return { kind: 'why-not-missing' };
    const outcome = findOutcome(name);
    return outcome === undefined ? { kind: 'why-not-unknown', name: line.trim().slice('why not'.length).trim() } : { kind: 'why-not', outcome };
  }
  return { kind: 'unknown', text: line.trim() };
}
