import type { Logger } from '../logger.ts';
import type { BotActivity } from './activity.ts';
import { isPastAnswering, snowflakeTime } from './ack-deadline.ts';
import type { InteractionAnswers } from './answers.ts';
import { clickKey, type ClickDeduper } from './click-dedupe.ts';
import { ASK_ABOUT_MESSAGE, COMMAND_NAME } from './commands.ts';
import { guideIn } from './find-guide.ts';
import type { InteractionInput } from './interaction-input.ts';
import { kindOf } from './interaction-input.ts';
import type { PathPictures } from './pictures.ts';
import { renderGuide, renderProblem, renderStale, type GuideMessage } from './render.ts';
import { askFormFor } from './ask-form.ts';
import { renderTypedAnswer } from './render-follow-ups.ts';
import { planAsk, planClick, planGuideAboutMessage, planNewGuide } from './router.ts';
import { sendReply, sendShare, sendUpdate, type GuideAnswerContext } from './send-guide.ts';

/** What the interaction handler needs; nothing in here is per-guide state. */
export interface InteractionDeps {
  readonly logger: Logger;
  readonly dedupe: ClickDeduper;
  readonly pictures: PathPictures | undefined;
  readonly activity?: BotActivity | undefined;
}

/** From this long on a member notices the wait, and the line is worth reading at the default level. */
export const SLOW_INTERACTION_MS = 1000;

type Input<K extends InteractionInput['kind']> = Extract<InteractionInput, { kind: K }>;

/**
 * Answers one interaction, however it arrived, and logs one line: its kind, how long it took, what
 * was done; at debug level, or at info when it was slow (one info line per click cost a few percent
 * of the bot's CPU). Never logs message text, ids of users or tokens.
 */
export async function handleInteraction(input: InteractionInput, answers: InteractionAnswers, deps: InteractionDeps): Promise<void> {
  const started = Date.now();
  const kind = kindOf(input);
  if (isPastAnswering(input.id, started)) {
    // Working on it would only spend the time the next, still answerable clicks need.
    deps.logger.warn({ kind, ageMs: started - snowflakeTime(input.id) }, 'interaction too old to answer; skipped');
    deps.activity?.interaction(kind, 'too-old', 0);
    return;
  }
  const context: GuideAnswerContext = { interactionId: input.id, answers, pictures: deps.pictures, logger: deps.logger };
  let outcome: string;
  try {
    outcome = await answer(input, context, deps);
  } catch (error) {
    outcome = 'error';
    deps.logger.error({ kind, err: error instanceof Error ? error.message : String(error) }, 'interaction failed');
    if (input.kind !== 'other') await apologise(answers);
  }
  const finished = Date.now();
  const latencyMs = finished - started;
  deps.activity?.interaction(kind, outcome, latencyMs);
  const level = latencyMs >= SLOW_INTERACTION_MS ? 'info' : 'debug';
  if (deps.logger.isLevelEnabled(level)) deps.logger[level]({ kind, outcome, latencyMs, ageMs: finished - snowflakeTime(input.id) }, 'interaction');
}

function answer(input: InteractionInput, context: GuideAnswerContext, deps: InteractionDeps): Promise<string> {
  switch (input.kind) {
    case 'command':
      return handleCommand(input, context);
    case 'message-command':
      return handleAskAboutMessage(input, context);
    case 'button':
    case 'select':
      return handleClick(input, context, deps);
    case 'modal':
      return handleAsk(input, context);
    case 'other-component':
      return refuseUnknownComponent(input, context);
    case 'other':
      return Promise.resolve('ignored');
  }
}

/** A note only the member sees. */
async function privateNote(context: GuideAnswerContext, message: GuideMessage): Promise<void> {
  await context.answers.reply({ message }, true);
}

async function handleCommand(input: Input<'command'>, context: GuideAnswerContext): Promise<string> {
  if (input.commandName !== COMMAND_NAME) {
    await privateNote(context, renderProblem('unknown-command'));
    return 'unknown-command';
  }
  const page = planNewGuide(input.userId, input.privateGuide, input.answersOnlyPrivate);
  await sendReply(context, renderGuide(page), page.private);
  return input.privateGuide ? 'started-private' : page.private ? 'started-forced-private' : 'started';
}

/**
 * "Ask the concurrency guide" on a message: a public guide for the message's author, which the
 * member who asked may drive too, starting past the answers the message makes clear.
 */
async function handleAskAboutMessage(input: Input<'message-command'>, context: GuideAnswerContext): Promise<string> {
  if (input.commandName !== ASK_ABOUT_MESSAGE) {
    await privateNote(context, renderProblem('unknown-command'));
    return 'unknown-command';
  }
  const { target } = input;
  // A guide for the bot itself would have no one to answer it; the member who asked drives it instead.
  const authorId = target.authorIsBot ? input.userId : target.authorId;
  const page = planGuideAboutMessage({ text: target.content, authorId, invokerId: input.userId, answersOnlyPrivate: input.answersOnlyPrivate });
  await sendReply(context, renderGuide(page), page.private);
  return `guide-about-message:${page.step.answers.length}-read`;
}

async function handleClick(input: Input<'button' | 'select'>, context: GuideAnswerContext, deps: InteractionDeps): Promise<string> {
  const plan = planClick({
    customId: input.customId,
    values: input.values,
    clickerId: input.userId,
    onPrivateMessage: input.message.ephemeral,
    clickerManagesMessages: input.managesMessages,
    canPostPublicly: !input.answersOnlyPrivate,
  });
  // Opening the form twice changes nothing, and a member who closed it may well press Ask again at once.
  if (plan.kind === 'ask') {
    await context.answers.showModal(askFormFor(plan.formId));
    return 'ask-form';
  }
  // The edit time tells which rendering of the message was clicked: a real second click on an updated message is new.
  const seen = `${input.message.id}@${input.message.editedAt}`;
  if (deps.dedupe.isRepeat(clickKey(input.userId, seen, input.customId))) {
    // Acknowledged without a change, so the second click neither fails nor updates twice.
    await context.answers.deferUpdate();
    return 'repeat';
  }
  switch (plan.kind) {
    case 'update':
      await sendUpdate(context, renderGuide(plan.page));
      return 'updated';
    case 'private-copy':
      await sendReply(context, renderGuide(plan.page), true);
      return 'private-copy';
    case 'share':
      await sendShare(context, renderGuide(plan.page), renderGuide(plan.privatePage));
      return 'shared';
    case 'dismiss':
      // Through the click's own token, so it works where the bot cannot see the channel too.
      await context.answers.deferUpdate();
      await context.answers.deleteReply();
      return 'dismissed';
    case 'not-yours-to-dismiss':
      await privateNote(context, renderProblem('not-yours-to-dismiss'));
      return 'dismiss-refused';
    case 'cannot-share-here':
      await privateNote(context, renderProblem('cannot-share-here'));
      return 'share-refused:private-only-here';
    case 'stale':
      await privateNote(context, renderStale(plan.reason, plan.clickerId));
      return `stale:${plan.reason}`;
  }
}

/**
 * A question typed into the Ask form. The answer is a new message: private when the form was
 * opened from a private guide or from someone else's guide, public under one's own public guide.
 */
async function handleAsk(input: Input<'modal'>, context: GuideAnswerContext): Promise<string> {
  const plan = input.question === undefined ? undefined : planAsk({ customId: input.customId, text: input.question, askerId: input.userId });
  if (plan === undefined || plan.kind === 'stale') {
    const reason = plan?.reason ?? 'malformed';
    await privateNote(context, renderStale(reason, input.userId));
    return `stale:${reason}`;
  }
  const onPrivateGuide = input.message?.ephemeral ?? true;
  const guideOwner = input.message === undefined ? undefined : guideIn(input.message.customIds)?.owner;
  const isPrivate = onPrivateGuide || guideOwner !== plan.owner || input.answersOnlyPrivate;
  await context.answers.reply({ message: renderTypedAnswer(plan.answer, plan.owner, plan.path) }, isPrivate);
  return `asked:${plan.answer.kind}${isPrivate ? ':private' : ''}`;
}

/**
 * The guide only ever sends buttons and string menus; any other component (a user or channel
 * menu from a forged or foreign message) still gets an answer, never "This interaction failed".
 */
async function refuseUnknownComponent(input: Input<'other-component'>, context: GuideAnswerContext): Promise<string> {
  await privateNote(context, renderStale('not-ours', input.userId));
  return 'stale:unsupported-component';
}

/** Tells the user something went wrong, if the interaction can still be answered at all. */
async function apologise(answers: InteractionAnswers): Promise<void> {
  const apology = { message: renderProblem('internal') };
  try {
    if (answers.acknowledged) await answers.followUp(apology, true);
    else await answers.reply(apology, true);
  } catch {
    // The interaction expired or Discord is unreachable: nothing more can be said to this user.
  }
}
