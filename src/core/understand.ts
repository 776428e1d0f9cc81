import type { OutcomeId } from '../../machines/questions.ts';
import { TOPIC_IDS, topicKnowledge, type TopicId } from './knowledge/topics.ts';

/**
 * What a member asked in their own words, after reading it; nothing here knows where the member
 * is in the guide (answer-question.ts does that).
 */
export type FollowUpQuestion =
  | { readonly kind: 'why' }
  | { readonly kind: 'why-not'; readonly outcome: OutcomeId }
  | { readonly kind: 'compare'; readonly outcomes: readonly [OutcomeId, OutcomeId] }
  | { readonly kind: 'topic'; readonly topic: TopicId }
  /** Nothing the bot can answer; `unknownName` is what followed "why not" when it named no API. */
  | { readonly kind: 'unclear'; readonly unknownName?: string };

export interface UnderstoodText {
  readonly question: FollowUpQuestion;
  /**
   * The text is phrased as a question ("why …", "what about …", a question mark), so a message
   * that merely mentions threads in passing is not taken for one.
   */
  readonly asked: boolean;
}

// The names people use for each outcome, lower case, as whole words or phrases. A name typed as
// one word ("ThreadPool") is the class; "a thread pool" in words is taken for the executor,
// which the docs recommend for thread pools.
const OUTCOME_NAMES: ReadonlyArray<readonly [string, OutcomeId]> = [
  ...(['asyncio', 'async', 'await', 'async/await', 'async await', 'coroutine', 'coroutines', 'event loop', 'taskgroup', 'aiohttp'] as const).map((name) => [name, 'asyncio'] as const),
  ...(['thread', 'threads', 'threading', 'threading.thread', 'thread class', 'plain threads', 'a thread'] as const).map((name) => [name, 'thread'] as const),
  ...(['threadpool', 'multiprocessing.pool.threadpool', 'multiprocessing.dummy', 'mp.pool.threadpool'] as const).map((name) => [name, 'threadPool'] as const),
  ...(['threadpoolexecutor', 'concurrent.futures.threadpoolexecutor', 'tpe', 'thread pool', 'thread pool executor', 'thread executor', 'a thread pool'] as const).map(
    (name) => [name, 'threadPoolExecutor'] as const,
  ),
  ...(['process', 'processes', 'multiprocessing', 'multiprocessing.process', 'mp.process', 'process class', 'subprocesses'] as const).map((name) => [name, 'process'] as const),
  ...(['pool', 'mp.pool', 'multiprocessing.pool', 'multiprocessing.pool.pool', 'process pool', 'processpool', 'pool.map'] as const).map((name) => [name, 'pool'] as const),
  ...(['processpoolexecutor', 'concurrent.futures.processpoolexecutor', 'ppe', 'process pool executor', 'process executor'] as const).map(
    (name) => [name, 'processPoolExecutor'] as const,
  ),
];

const MENTION = /<@[!&]?\d{1,20}>/g;
const LONGEST_NAME_WORDS = 4;

function clean(text: string): string {
  return text
    .replace(MENTION, ' ')
    .replace(/[`*~"“”‘’]/g, ' ')
    .replace(/\(\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words, keeping the dots, underscores, dashes and plus signs that API names and "3.14t" contain. */
function wordsOf(text: string): string[] {
  return text
    .split(/[\s,;:!?()[\]{}<>=]+/)
    .map((word) => word.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter((word) => word !== '');
}

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * How many typing slips a one-word name forgives: none below `shortest` letters, where a slip
 * turns one everyday word into another ("locks" and "looks").
 */
function slipsAllowed(name: string, shortest: number): number {
  if (name.length < shortest) return 0;
  return name.length >= 9 ? 2 : 1;
}

interface Found<T> {
  readonly value: T;
  /** Where in the words it starts, and how many words it spans. */
  readonly at: number;
  readonly span: number;
}

/**
 * Every name of `names` in the words, longest first where two overlap, each word used once. A
 * one-word name also matches a word a slip or two away (`asynico`, `multiprocesing`).
 */
function findNames<T>(words: readonly string[], names: ReadonlyArray<readonly [string, T]>, shortestWithSlips: number): Found<T>[] {
  const byPhrase = new Map(names.map(([name, value]) => [name, value] as const));
  const oneWordNames = names.filter(([name]) => !name.includes(' '));
  const used = new Set<number>();
  const found: Found<T>[] = [];
  for (let span = LONGEST_NAME_WORDS; span >= 1; span--) {
    for (let at = 0; at + span <= words.length; at++) {
      if (Array.from({ length: span }, (_, k) => at + k).some((index) => used.has(index))) continue;
      const phrase = words.slice(at, at + span).join(' ');
      let value = byPhrase.get(phrase);
      if (value === undefined && span === 1) {
        value = oneWordNames.find(([name]) => {
          const slips = slipsAllowed(name, shortestWithSlips);
          return slips > 0 && editDistance(phrase, name, slips) <= slips;
        })?.[1];
      }
      if (value === undefined) continue;
      found.push({ value, at, span });
      for (let k = 0; k < span; k++) used.add(at + k);
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

const TOPIC_NAMES: ReadonlyArray<readonly [string, TopicId]> = TOPIC_IDS.flatMap((topic) => topicKnowledge[topic].names.map((name) => [name, topic] as const));

const WHY_ALONE = /^(?:(?:but|so|and|ok|okay|hm+|hmm)\s+)?(?:why|how come|explain|reasons?|why so|why this|why that|why this one|why that one|why is that|why did you pick that|why did you choose that|what is the reason|what's the reason|explain please|please explain|explain why)(?:\s+(?:please|pls|exactly))?$/;
const WHY_NOT = /^why\s+not\b\s*(.*)$/i;
const QUESTION_START = /^(?:why|what|how|is|isn't|are|should|shouldn't|can|could|would|wouldn't|does|do|which|when|vs)\b/;

/**
 * Reads a typed question: "why?", "why not X?", "what about X?", "X instead?", "X vs Y?", "is X ok
 * for this?", and the topics the bot knows (worker count, pickling, start methods, Ctrl-C and
 * shutdown, the `__main__` guard, the GIL, free-threading, subinterpreters). Case, markdown, a
 * mention of the bot and small typos do not matter. Never throws.
 *
 * @example understandFollowUp('<@1> Why not asyncio?').question // { kind: 'why-not', outcome: 'asyncio' }
 * @example understandFollowUp('TPE vs mp.Pool?').question // { kind: 'compare', outcomes: ['threadPoolExecutor', 'pool'] }
 */
export function understandFollowUp(text: string): UnderstoodText {
  const cleaned = clean(text);
  // The unknown name of "why not Celery?" is quoted back as typed, so only matching is lower case.
  const typed = cleaned.replace(/[?!.…\s]+$/, '');
  const bare = typed.toLowerCase();
  const asked = /\?\s*$/.test(cleaned) || QUESTION_START.test(bare);
  const words = wordsOf(bare);
  // Topic names include everyday words (lock, exit, hang), so only the long ones forgive typos.
  const topics = findNames(words, TOPIC_NAMES, 7);
  const outcomeWords = words.filter((_, index) => !topics.some((topic) => index >= topic.at && index < topic.at + topic.span));
  const outcomes = [...new Set(findNames(outcomeWords, OUTCOME_NAMES, 5).map((found) => found.value))];

  const [first, second] = outcomes;
  if (first !== undefined && second !== undefined) return { question: { kind: 'compare', outcomes: [first, second] }, asked };
  const topic = [...topics].sort((a, b) => b.span - a.span)[0];
  if (topic !== undefined) return { question: { kind: 'topic', topic: topic.value }, asked };
  if (first !== undefined) return { question: { kind: 'why-not', outcome: first }, asked };
  if (WHY_ALONE.test(bare)) return { question: { kind: 'why' }, asked: true };
  const named = WHY_NOT.exec(typed)?.[1]?.trim();
  if (named !== undefined && named !== '') return { question: { kind: 'unclear', unknownName: named }, asked: true };
  return { question: { kind: 'unclear' }, asked };
}
