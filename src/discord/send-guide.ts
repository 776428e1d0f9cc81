import type { Logger } from '../logger.ts';
import { msUntilDeferDeadline, respondInTime } from './ack-deadline.ts';
import type { InteractionAnswers, OutgoingMessage, Picture } from './answers.ts';
import { truncate } from './limits.ts';
import { pictureFilename, type PathPictures } from './pictures.ts';
import type { GuideMessage } from './render.ts';
import { LIMITS } from '../core/discord-limits.ts';

/*
 * Sending a rendered guide message as an interaction's answer: the picture attached when there is
 * one, and a deferral in time when getting it is slow. Transport-neutral: it speaks only through
 * InteractionAnswers.
 */

/** Where the answer goes and what it needs: the interaction's id dates the 3 s deadline. */
export interface GuideAnswerContext {
  readonly interactionId: string;
  readonly answers: InteractionAnswers;
  readonly pictures: PathPictures | undefined;
  readonly logger: Logger;
}

/** The message with its picture, when it shows one and getting it worked (otherwise the message goes without). */
function pictureOf(message: GuideMessage, pictures: PathPictures | undefined, logger: Logger): () => Promise<OutgoingMessage> {
  const path = message.picturePath;
  if (path === undefined || pictures === undefined) return async () => ({ message });
  return () =>
    pictures.get(path).then(
      (png): OutgoingMessage => {
        const description = pictures.describe?.(path);
        const picture: Picture = { png, filename: pictureFilename(path), description: description === undefined ? undefined : truncate(description, LIMITS.attachmentDescription) };
        return { message, picture };
      },
      (error: unknown): OutgoingMessage => {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'picture failed; sending without it');
        return { message };
      },
    );
}

/** Pictures are read from files and are quick; the deadline timer guards against a slow disk or a busy bot. */
function deferAfter(context: GuideAnswerContext): number {
  return msUntilDeferDeadline(context.interactionId, Date.now());
}

/** Updates the clicked message in place (type 7), deferring when the picture is slow. */
export async function sendUpdate(context: GuideAnswerContext, message: GuideMessage): Promise<void> {
  const { answers } = context;
  await respondInTime({
    work: pictureOf(message, context.pictures, context.logger),
    respond: (outgoing) => answers.update(outgoing),
    defer: () => answers.deferUpdate(),
    respondAfterDefer: (outgoing) => answers.editReply(outgoing),
    deferAfterMs: deferAfter(context),
  });
}

/** Answers with a new message, public or ephemeral, deferring when the picture is slow. */
export async function sendReply(context: GuideAnswerContext, message: GuideMessage, ephemeral: boolean): Promise<void> {
  const { answers } = context;
  await respondInTime({
    work: pictureOf(message, context.pictures, context.logger),
    respond: (outgoing) => answers.reply(outgoing, ephemeral),
    defer: () => answers.deferReply(ephemeral),
    respondAfterDefer: (outgoing) => answers.editReply(outgoing),
    deferAfterMs: deferAfter(context),
  });
}

/**
 * Shares a private result: acknowledges the click, posts the public copy as a follow-up, then
 * turns the private message's Share button into a "posted" line, so a second press cannot post
 * the result twice.
 */
export async function sendShare(context: GuideAnswerContext, publicMessage: GuideMessage, privateMessage: GuideMessage): Promise<void> {
  const { answers } = context;
  await answers.deferUpdate();
  const shared = await pictureOf(publicMessage, context.pictures, context.logger)();
  await answers.followUp(shared, false);
  await answers.editReply({ message: privateMessage, picture: shared.picture });
}
