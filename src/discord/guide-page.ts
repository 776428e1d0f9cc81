import type { OptionId, OutcomeId } from '../../machines/questions.ts';
import type { GuideStep } from '../core/guide.ts';
import type { ReadAnswer } from '../core/read-task.ts';

/**
 * What a guide message shows besides its step: the plain question or outcome, or one of the
 * explanations a button opens in the same message.
 */
export type GuideView = 'question' | 'not-sure' | 'why-question' | 'outcome' | 'why' | 'caveats' | `why-not:${OutcomeId}`;

/** Why a message carries a line above the guide: a stranger's copy, a public share, the private guide just shared, or a guide Discord keeps private. */
export type PageNotice = 'private-copy' | 'shared' | 'posted' | 'forced-private';

/** Everything needed to draw one guide message; render.ts turns it into a Discord payload. */
export interface GuidePage {
  /** The user whose clicks move this guide. */
  readonly owner: string;
  /** A second member whose clicks move it too: who started it about the owner's message. */
  readonly coOwner?: string;
  /** Answers read from the owner's message when the guide was started about it, shown once. */
  readonly readFromMessage?: readonly ReadAnswer[];
  readonly step: GuideStep;
  readonly view: GuideView;
  /** An ephemeral guide: only its owner sees it, so it offers "Share to channel" (not right after a share, nor where `shareable` is false). */
  readonly private: boolean;
  /** False where Discord shows every answer only to the member: Share could post nothing there. */
  readonly shareable?: boolean;
  readonly notice?: PageNotice;
}

/** The options the user chose so far: the path a custom id carries. */
export function pathOf(step: GuideStep): OptionId[] {
  return step.answers.map((answer) => answer.option);
}

/** The view a step shows when nothing more specific was asked for. */
export function plainViewOf(step: GuideStep): GuideView {
  return step.kind === 'question' ? 'question' : 'outcome';
}

/** The outcome a `why-not:<id>` view compares against, if it is one. */
export function whyNotTarget(view: GuideView): OutcomeId | undefined {
  return view.startsWith('why-not:') ? (view.slice('why-not:'.length) as OutcomeId) : undefined;
}
