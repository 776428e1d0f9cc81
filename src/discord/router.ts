import { isOutcomeId, type OptionId } from '../../machines/questions.ts';
import type { GuideEvent } from '../../machines/concurrency-guide.ts';
import { answerTypedQuestion, type FollowUpAnswer } from '../core/answer-question.ts';
import { decodeGuideId, encodeGuideId, type GuideAction, type GuideIdError } from '../core/guide-id.ts';
import { applyEvent, describeStep, replayAnswers, startGuide, type GuideSnapshot, type GuideStep } from '../core/guide.ts';
import { readTaskAnswers } from '../core/read-task.ts';
import { plainViewOf, type GuidePage, type GuideView } from './guide-page.ts';

/** A click on a guide component, reduced to what the router needs. */
export interface GuideClick {
  readonly customId: string;
  /** The chosen values of a select menu; empty for a button. */
  readonly values: readonly string[];
  readonly clickerId: string;
  /** Whether the clicked message is ephemeral. */
  readonly onPrivateMessage: boolean;
  /** Whether the clicker may manage messages where the guide is (a moderator); false where the bot cannot tell. */
  readonly clickerManagesMessages?: boolean;
  /** False where Discord shows every answer only to the member, so Share could post nothing. */
  readonly canPostPublicly?: boolean;
}

/** Why a click cannot move a guide: a bad or outdated id, or a select value that names no other outcome. */
export type StaleReason = GuideIdError['kind'] | 'bad-choice';

/** What to do with a click; the adapter maps each kind to one Discord response. */
export type ClickPlan =
  /** The owner moved their guide: update the same message. */
  | { readonly kind: 'update'; readonly page: GuidePage }
  /** Someone else clicked: an ephemeral copy they own, at the same step, the owner's message untouched. */
  | { readonly kind: 'private-copy'; readonly page: GuidePage }
  /** The owner shares a private result: a public post, and the private message saying it was posted. */
  | { readonly kind: 'share'; readonly page: GuidePage; readonly privatePage: GuidePage }
  /** Dismiss, by the owner or a moderator: delete the guide message. */
  | { readonly kind: 'dismiss' }
  /** Dismiss pressed by someone who may not: a private note, the guide untouched. */
  | { readonly kind: 'not-yours-to-dismiss' }
  /** Share where Discord would keep the post private anyway: a note saying so. */
  | { readonly kind: 'cannot-share-here' }
  /** The Ask button: open the question form, whose id carries the guide for whoever clicked. */
  | { readonly kind: 'ask'; readonly formId: string }
  /** The id cannot be trusted or is outdated: an ephemeral note with a fresh start for the clicker. */
  | { readonly kind: 'stale'; readonly reason: StaleReason; readonly clickerId: string };

/**
 * A new guide for the slash command; private when asked, or when Discord will show answers only to
 * the member anyway, which the guide then says once.
 */
export function planNewGuide(userId: string, isPrivate: boolean, answersOnlyPrivate = false): GuidePage {
  const forced = answersOnlyPrivate && !isPrivate;
  return { owner: userId, step: describeStep(startGuide()), view: 'question', private: isPrivate || answersOnlyPrivate, ...(answersOnlyPrivate ? { shareable: false } : {}), ...(forced ? { notice: 'forced-private' as const } : {}) };
}

/**
 * A public guide about someone's message, started by another member (or by its author): owned by
 * the author, driven by both, with the answers the message already makes clear given.
 *
 * @example planGuideAboutMessage({ text: 'my scraper downloads 500 URLs', authorId, invokerId }) // step 2, answers ['io']
 */
export function planGuideAboutMessage(about: { readonly text: string; readonly authorId: string; readonly invokerId: string; readonly answersOnlyPrivate?: boolean }): GuidePage {
  const read = readTaskAnswers(about.text);
  const replayed = replayAnswers(read.map((answer) => answer.option));
  const snapshot = replayed.ok ? replayed.value : startGuide();
  const step = describeStep(snapshot);
  return {
    owner: about.authorId,
    ...(about.invokerId === about.authorId ? {} : { coOwner: about.invokerId }),
    step,
    view: plainViewOf(step),
    private: about.answersOnlyPrivate === true,
    ...(about.answersOnlyPrivate === true ? { shareable: false, notice: 'forced-private' as const } : {}),
    ...(read.length === 0 ? {} : { readFromMessage: read }),
  };
}

/**
 * Decides what a click does. Everything comes from the custom id and the click itself: the path
 * is replayed through the machine, so no session state is needed and a restart loses nothing.
 *
 * @example planClick({ customId, values: [], clickerId: owner, onPrivateMessage: false }) // { kind: 'update', page }
 */
export function planClick(click: GuideClick): ClickPlan {
  const decoded = decodeGuideId(click.customId);
  if (!decoded.ok) return { kind: 'stale', reason: decoded.error.kind, clickerId: click.clickerId };
  // The decoder has replayed the path and checked that the action fits the step it ends at.
  const { owner, coOwner, path, action, snapshot: current, step } = decoded.value;
  const owners = coOwner === undefined ? { owner } : { owner, coOwner };

  // Anyone may ask about a guide they can see; the answer is theirs, so the form carries their id.
  if (action.kind === 'ask') return { kind: 'ask', formId: encodeGuideId({ owner: click.clickerId, path, action: { kind: 'asked' } }) };
  // A form's id on a button was not written by the guide.
  if (action.kind === 'asked') return { kind: 'stale', reason: 'bad-action', clickerId: click.clickerId };

  const ownsGuide = owner === click.clickerId || coOwner === click.clickerId;
  if (action.kind === 'dismiss') return ownsGuide || click.clickerManagesMessages === true ? { kind: 'dismiss' } : { kind: 'not-yours-to-dismiss' };

  if (!ownsGuide) {
    return { kind: 'private-copy', page: { owner: click.clickerId, step, view: plainViewOf(step), private: true, notice: 'private-copy', ...(click.canPostPublicly === false ? { shareable: false } : {}) } };
  }

  if (action.kind === 'share') {
    if (click.canPostPublicly === false) return { kind: 'cannot-share-here' };
    return {
      kind: 'share',
      page: { owner: click.clickerId, step, view: 'outcome', private: false, notice: 'shared' },
      privatePage: { owner: click.clickerId, step, view: 'outcome', private: true, notice: 'posted' },
    };
  }

  const moved = move(current, step, action, click.values);
  if (moved === undefined) return { kind: 'stale', reason: 'bad-choice', clickerId: click.clickerId };
  const page: GuidePage = { ...owners, step: describeStep(moved.snapshot), view: moved.view, private: click.onPrivateMessage, ...(click.canPostPublicly === false ? { shareable: false } : {}) };
  return { kind: 'update', page };
}

/**
 * The snapshot and view after an action that the decoder has already found to fit the step;
 * undefined only when the select menu's value names no other outcome.
 */
function move(current: GuideSnapshot, step: GuideStep, action: GuideAction, values: readonly string[]): { snapshot: GuideSnapshot; view: GuideView } | undefined {
  const navigate = (event: GuideEvent) => {
    const snapshot = applyEvent(current, event);
    return { snapshot, view: plainViewOf(describeStep(snapshot)) };
  };
  switch (action.kind) {
    case 'answer':
      return navigate({ type: 'answer', option: action.option });
    case 'back':
      return navigate({ type: 'nav.back' });
    case 'restart':
    case 'start':
      return { snapshot: startGuide(), view: 'question' };
    case 'not-sure':
    case 'why-question':
    case 'why':
    case 'caveats':
      return { snapshot: current, view: action.kind };
    case 'why-not': {
      // The chosen outcome comes from the click, not the id, so it is checked here.
      const other = values[0];
      if (step.kind !== 'outcome' || values.length !== 1 || other === undefined || !isOutcomeId(other) || other === step.outcome) return undefined;
      return { snapshot: current, view: `why-not:${other}` };
    }
    case 'share':
    case 'dismiss':
    case 'ask':
    case 'asked':
      return undefined;
  }
}

/** A submitted Ask form, reduced to what the router needs. */
export interface AskSubmit {
  readonly customId: string;
  readonly text: string;
  readonly askerId: string;
}

/** What to do with a submitted question: answer it about the guide the form carries, or refuse the form. */
export type AskPlan =
  | { readonly kind: 'answer'; readonly owner: string; readonly path: readonly OptionId[]; readonly answer: FollowUpAnswer }
  | { readonly kind: 'stale'; readonly reason: StaleReason; readonly clickerId: string };

/**
 * Answers a question typed into the Ask form. The form's id is checked as strictly as a button's:
 * it must be an Ask form of the current tree made for the member who submits it.
 *
 * @example planAsk({ customId, text: 'why not asyncio?', askerId }) // { kind: 'answer', answer: { kind: 'why-not', … } }
 */
export function planAsk(submit: AskSubmit): AskPlan {
  const decoded = decodeGuideId(submit.customId);
  if (!decoded.ok) return { kind: 'stale', reason: decoded.error.kind, clickerId: submit.askerId };
  const { owner, path, action } = decoded.value;
  if (action.kind !== 'asked' || owner !== submit.askerId) return { kind: 'stale', reason: 'bad-action', clickerId: submit.askerId };
  const answered = answerTypedQuestion(submit.text, path);
  if (!answered.ok) return { kind: 'stale', reason: 'bad-path', clickerId: submit.askerId };
  return { kind: 'answer', owner, path, answer: answered.value.answer };
}
