import { isOutcomeId, OUTCOME_IDS, type OutcomeId } from '../../machines/questions.ts';

/** A typed follow-up the bot answers; anything else a person types is none of its business. */
export type FollowUp =
  | { readonly kind: 'why' }
  | { readonly kind: 'why-not'; readonly outcome: OutcomeId }
  /** "why not X?" where X names none of the seven outcomes: worth a hint, never a guess. */
  | { readonly kind: 'why-not-unknown' };

// Words people use for an outcome besides its own name; keys are already normalised.
const EXTRA_ALIASES: Readonly<Record<string, OutcomeId>> = {
  async: 'asyncio',
  asyncawait: 'asyncio',
  coroutine: 'asyncio',
  coroutines: 'asyncio',
  thread: 'thread',
  threads: 'thread',
  threading: 'thread',
  threadingthread: 'thread',
  threadclass: 'thread',
  process: 'process',
  processes: 'process',
  multiprocessing: 'process',
  multiprocessingprocess: 'process',
  processclass: 'process',
  pool: 'pool',
  processpool: 'pool',
  multiprocessingpool: 'pool',
  multiprocessingpoolpool: 'pool',
  threadpool: 'threadPool',
  multiprocessingpoolthreadpool: 'threadPool',
  threadpoolexecutor: 'threadPoolExecutor',
  threadexecutor: 'threadPoolExecutor',
  processpoolexecutor: 'processPoolExecutor',
  processexecutor: 'processPoolExecutor',
};

const MENTION = /<@!?\d{1,20}>/g;
const WHY_ALONE = /^why\s*[?!.]*$/;
const WHY_NOT = /^why\s+not\b\s*(.*)$/;
const FILLER_WORDS = /^(?:use|using|just|simply|the|a|an|plain)\s+/;
const TRAILING_FILLER = /\s+(?:instead|then|here|though|rather)$/;

function normalise(name: string): string {
  return name.toLowerCase().replace(/\(\)/g, '').replace(/[^a-z0-9]/g, '');
}

/**
 * Names a user might type for an outcome, normalised: its id, the last part of a dotted API name,
 * the full dotted name and the common words above. `extraNames` lets callers add the knowledge
 * module's api and short names without this module depending on the texts.
 */
export function buildOutcomeAliases(extraNames: ReadonlyArray<readonly [string, OutcomeId]> = []): ReadonlyMap<string, OutcomeId> {
  const aliases = new Map<string, OutcomeId>();
  for (const outcome of OUTCOME_IDS) aliases.set(normalise(outcome), outcome);
  for (const [alias, outcome] of Object.entries(EXTRA_ALIASES)) aliases.set(alias, outcome);
  for (const [name, outcome] of extraNames) {
    aliases.set(normalise(name), outcome);
    const lastPart = name.split('.').at(-1);
    if (lastPart !== undefined) aliases.set(normalise(lastPart), outcome);
  }
  return aliases;
}

const DEFAULT_ALIASES = buildOutcomeAliases();

/** The outcome a typed name refers to, or undefined when it names none (or more than one). */
export function resolveOutcomeName(name: string, aliases: ReadonlyMap<string, OutcomeId> = DEFAULT_ALIASES): OutcomeId | undefined {
  let cleaned = name.trim().toLowerCase().replace(/[`*_~]/g, '').replace(/[?!.]+$/, '').trim();
  for (let previous = ''; previous !== cleaned; ) {
    previous = cleaned;
    cleaned = cleaned.replace(FILLER_WORDS, '').replace(TRAILING_FILLER, '').replace(/[?!.]+$/, '').trim();
  }
  const key = normalise(cleaned);
  if (key === '') return undefined;
  const found = aliases.get(key);
  return found !== undefined && isOutcomeId(found) ? found : undefined;
}

/**
 * Reads a typed message as a "why?" follow-up, tolerant of case, punctuation, markdown and
 * mentions of the bot; anything that is not a follow-up is null, so ordinary chat is ignored.
 *
 * @example parseFollowUp('<@123> Why not asyncio?') // { kind: 'why-not', outcome: 'asyncio' }
 */
export function parseFollowUp(text: string, aliases: ReadonlyMap<string, OutcomeId> = DEFAULT_ALIASES): FollowUp | null {
  const cleaned = text.replace(MENTION, ' ').replace(/[`*_~]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (WHY_ALONE.test(cleaned)) return { kind: 'why' };
  const named = WHY_NOT.exec(cleaned)?.[1];
  if (named === undefined) return null;
  const outcome = resolveOutcomeName(named, aliases);
  return outcome === undefined ? { kind: 'why-not-unknown' } : { kind: 'why-not', outcome };
}
