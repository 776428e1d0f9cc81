import type { OptionOf, OutcomeFamily, OutcomeId, QuestionId } from '../../../machines/questions.ts';

/** A page worth reading next. Every url is https. */
export interface Link {
  readonly label: string;
  readonly url: string;
}

/** What the user sees for one option of a question. */
export interface OptionKnowledge {
  /** Button text: short, at most 80 characters. */
  readonly label: string;
  /** One line saying what choosing this option means. */
  readonly description: string;
  /** Why this answer leads where it leads, phrased so it can follow "Because you said ...". */
  readonly reason: string;
}

/**
 * Examples of tasks that fit one option. A question met on the way to threads and on the way to
 * processes gives each its own list, so nobody on the IO path reads CPU-bound examples.
 */
export type OptionExamples = readonly string[] | { readonly [F in Exclude<OutcomeFamily, 'asyncio'>]: readonly string[] };

/** Everything the bot can say about one question. */
export interface QuestionKnowledge<Q extends QuestionId = QuestionId> {
  /** A short title for the step, e.g. "What limits your task?". */
  readonly title: string;
  /** The question as asked. */
  readonly prompt: string;
  readonly options: { readonly [O in OptionOf<Q>]: OptionKnowledge };
  /** "Not sure?": concrete examples of each side, and a plain test the user can apply. */
  readonly notSure: {
    readonly examples: { readonly [O in OptionOf<Q>]: OptionExamples };
    readonly test: string;
  };
  /** "Why this question?": why it matters. */
  readonly whyAsked: string;
}

/** Everything the bot can say about one recommendation. */
export interface OutcomeKnowledge {
  /** The API, as a Python programmer would write it, e.g. `concurrent.futures.ThreadPoolExecutor`. */
  readonly api: string;
  /** A short name for buttons and menus, e.g. "ThreadPoolExecutor". */
  readonly shortName: string;
  /** One paragraph: what it is and why it fits. */
  readonly summary: string;
  /** A Python sketch that runs as is, at most 22 lines. */
  readonly sketch: string;
  /** Things that can change the answer (free-threading, start methods, the __main__ guard...). */
  readonly caveats: readonly string[];
  /** docs.python.org first, then guides: never none, since every answer points to its reference. */
  readonly links: readonly [Link, ...Link[]];
}

/** The whole knowledge base; mapped types make the compiler check it is complete. */
export interface Knowledge {
  readonly questions: { readonly [Q in QuestionId]: QuestionKnowledge<Q> };
  readonly outcomes: { readonly [O in OutcomeId]: OutcomeKnowledge };
}
