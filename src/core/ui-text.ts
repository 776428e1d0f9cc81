/*
 * The fixed words of the interface, shared by the terminal and Discord adapters. Domain
 * knowledge (questions, outcomes, reasons) lives in ./knowledge; this file only holds the
 * frame around it, so both adapters say the same thing in the same words.
 */

/** The slash command that starts a guide, as a user types it. */
export const guideCommand = '/concurrency';

/** Labels of the guide's buttons; each fits a Discord button (at most 80 characters). */
export const buttonLabels = {
  notSure: 'Not sure?',
  whyAsked: 'Why this question?',
  back: 'Back',
  startOver: 'Start over',
  why: 'Why?',
  share: 'Share to channel',
  ask: 'Ask',
} as const;

/** The form the Ask button opens; each text fits Discord's modal limits (`LIMITS.modalTitle` and the text input's). */
export const askForm = {
  title: 'Ask the concurrency guide',
  label: 'What would you like to know?',
  placeholder: 'e.g. why not asyncio? how many workers?',
} as const;

/** Placeholder of the menu that lists the other outcomes. */
export const whyNotPlaceholder = 'Why not …?';

/** Opening words of every reason in a "why?" answer. */
export const becauseYouSaid = 'Because you said';

/**
 * One line of a "why?" answer, from a reason written to follow "Because you said".
 *
 * @example because('your task mostly computes, it needs processes.')
 * // "Because you said your task mostly computes, it needs processes."
 */
export function because(reason: string): string {
  return `${becauseYouSaid} ${reason}`;
}

/**
 * Where the user is on their path. While an answer can still shorten it, the total is a ceiling,
 * so the count never seems to shrink after an answer.
 *
 * @example stepLine(2, 4) // "Step 2 of 4"
 * @example stepLine(1, 4, false) // "Step 1 of up to 4"
 */
export function stepLine(stepNumber: number, totalSteps: number, totalIsExact = true): string {
  return `Step ${stepNumber} of ${totalIsExact ? '' : 'up to '}${totalSteps}`;
}

/**
 * Heading of an outcome.
 *
 * @example recommendationTitle('asyncio') // "Recommended: asyncio"
 */
export function recommendationTitle(api: string): string {
  return `Recommended: ${api}`;
}

/**
 * Heading of a "why not?" answer.
 *
 * @example whyNotTitle('ThreadPool') // "Why not ThreadPool?"
 */
export function whyNotTitle(shortName: string): string {
  return `Why not ${shortName}?`;
}

/** Headings of the parts of a question's help and of an outcome. */
export const headings = {
  whyThisAnswer: 'Why this answer',
  watchOut: 'Watch out for',
  readMore: 'Read more',
  sketch: 'A sketch to start from',
  notSureTest: 'A quick test',
  yourAnswers: 'Your answers',
} as const;

/**
 * Heading over the examples of one option in the "Not sure?" help.
 *
 * @example examplesOf('Many short tasks') // "Sounds like "Many short tasks""
 */
export function examplesOf(optionLabel: string): string {
  return `Sounds like "${optionLabel}"`;
}

/** Shown when a button from an older or unknown guide is pressed. */
export const staleButton =
  `This button belongs to a guide that has moved on or no longer exists. Type ${guideCommand} to start a fresh one.`;

/** Shown, privately, to someone who presses a button on another person's guide. */
export const strangersCopy = 'That guide belongs to someone else, so here is your own private copy at the same step.';

/** Shown to someone who asks for an explanation with no guide running. */
export const noGuideYet = `You have no guide running. Type ${guideCommand} to start one.`;

/** Confirms, privately, that a recommendation was posted to the channel. */
export const sharedToChannel = 'Posted to the channel.';

/** Heading drawn at the top of the decision-tree picture. */
export const treePictureHeading = 'Which Python concurrency API fits your task?';

/**
 * The honest answer to a typed question the guide cannot answer, with questions it can.
 *
 * @example cannotAnswer(['"why?"', '"why not asyncio?"']) // "I can't answer that one. I can answer questions like …"
 */
export function cannotAnswer(examples: readonly string[]): string {
  return `I can't answer that one. I can answer questions like ${examples.join(', ')}.`;
}

/**
 * When "why not …" names no API the guide knows. What was typed is not repeated: the bot never
 * echoes a member's words into a channel.
 *
 * @example unknownApi(['asyncio', 'ThreadPool']) // "That is not one of the APIs I compare: asyncio, ThreadPool."
 */
export function unknownApi(apis: readonly string[]): string {
  return `That is not one of the APIs I compare: ${apis.join(', ')}.`;
}
