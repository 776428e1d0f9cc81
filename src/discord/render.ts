import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from 'discord.js';
import { OUTCOME_FAMILY, OUTCOME_IDS, type OptionId, type OutcomeFamily, type OutcomeId } from '../../machines/questions.ts';
import * as botText from './bot-text.ts';
import { notSureSides } from '../core/explain.ts';
import { encodeGuideId, type GuideAction } from '../core/guide-id.ts';
import type { GuideStep } from '../core/guide.ts';
import { knowledge, optionKnowledge } from '../core/knowledge/index.ts';
import * as ui from '../core/ui-text.ts';
import { pathOf, whyNotTarget, type GuidePage } from './guide-page.ts';
import { LIMITS } from '../core/discord-limits.ts';
import { truncate } from './limits.ts';
import type { StaleReason } from './router.ts';
import { explainOutcomeText, explainQuestionText, explainWhyNotText } from './render-explanations.ts';

/**
 * A message the bot sends, as plain data so it can be checked without Discord. Every message is a
 * Components V2 message (answers.ts lays it out): one container with an accent colour, the texts
 * top to bottom, the tree's picture when there is one, then the rows of controls.
 */
export interface GuideMessage {
  /** The container's accent bar: a family of answer, a question, an explanation; none for a plain note. */
  readonly accent?: number;
  /** Markdown, one text display each, within Discord's 4,000 characters for the whole message. */
  readonly texts: readonly string[];
  /** When set, the message shows the tree's picture for this path under the texts. */
  readonly picturePath?: readonly OptionId[];
  readonly rows: readonly Row[];
}

export type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

// Blurple for a question, one colour per family of recommendation, yellow for an explanation.
const QUESTION_ACCENT = 0x5865f2;
const FAMILY_ACCENT: { readonly [F in OutcomeFamily]: number } = { asyncio: 0x57f287, threads: 0x3ba5e0, processes: 0xeb459e };
export const EXPLANATION_ACCENT = 0xfee75c;

export function row(...components: APIComponentInMessageActionRow[]): Row {
  return { type: ComponentType.ActionRow, components };
}

type ActionStyle = ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger;

export function button(label: string, customId: string, style: ActionStyle = ButtonStyle.Secondary, disabled = false): APIButtonComponent {
  return { type: ComponentType.Button, style, label: truncate(label, LIMITS.buttonLabel), custom_id: customId, disabled };
}

function idFor(page: GuidePage, action: GuideAction): string {
  return encodeGuideId({ owner: page.owner, ...(page.coOwner === undefined ? {} : { coOwner: page.coOwner }), path: pathOf(page.step), action });
}

const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`).join('\n');

/** "Step 2 of 3" and the answers so far, e.g. "Waiting on IO → Many short tasks", as small print. */
function progressLines(step: Extract<GuideStep, { kind: 'question' }>): string {
  const sofar = step.answers.map((answer) => optionKnowledge(answer.option).label).join(' → ');
  return `-# ${ui.stepLine(step.stepNumber, step.totalSteps, step.totalIsExact)}${sofar === '' ? '' : ` · ${ui.headings.yourAnswers}: ${sofar}`}`;
}

function questionTexts(page: GuidePage, step: Extract<GuideStep, { kind: 'question' }>): string[] {
  const question = knowledge.questions[step.question];
  const options = bullets(step.options.map((option) => `**${optionKnowledge(option).label}**: ${optionKnowledge(option).description}`));
  const texts = [`## ${question.title}\n${progressLines(step)}`, `${question.prompt}\n\n${options}`];
  if (page.view === 'not-sure') {
    const sides = notSureSides(step).map((side) => `### ${ui.examplesOf(side.label)}\n${bullets(side.examples)}`);
    texts.push([...sides, `### ${ui.headings.notSureTest}\n${question.notSure.test}`].join('\n'));
  }
  if (page.view === 'why-question') {
    const explanation = explainQuestionText(pathOf(step));
    if (explanation !== undefined) texts.push(explanation);
  }
  return texts;
}

function questionRows(page: GuidePage, step: Extract<GuideStep, { kind: 'question' }>): Row[] {
  const options = step.options.map((option) => button(optionKnowledge(option).label, idFor(page, { kind: 'answer', option }), ButtonStyle.Primary));
  const help = [
    button(ui.buttonLabels.notSure, idFor(page, { kind: 'not-sure' }), page.view === 'not-sure' ? ButtonStyle.Success : ButtonStyle.Secondary),
    button(ui.buttonLabels.whyAsked, idFor(page, { kind: 'why-question' }), page.view === 'why-question' ? ButtonStyle.Success : ButtonStyle.Secondary),
    // At the first step there is nothing to go back to; the button stays, greyed out, so the layout does not jump.
    button(ui.buttonLabels.back, idFor(page, { kind: 'back' }), ButtonStyle.Secondary, step.answers.length === 0),
    button(ui.buttonLabels.startOver, idFor(page, { kind: 'restart' }), ButtonStyle.Danger),
    button(ui.buttonLabels.ask, idFor(page, { kind: 'ask' })),
  ];
  return [row(...options), row(...help), ...(page.private ? [] : [row(dismissButton(page))])];
}

function dismissButton(page: GuidePage): APIButtonComponent {
  return button(botText.dismissLabel, idFor(page, { kind: 'dismiss' }));
}

/** The caveats under their heading, as many as `room` characters hold; how many were left out. */
function caveatsText(caveats: readonly string[], room: number): { text: string; left: number } {
  let text = `### ${ui.headings.watchOut}`;
  let shown = 0;
  for (const caveat of caveats) {
    const next = `${text}\n- ${caveat}`;
    if (next.length > room) break;
    text = next;
    shown += 1;
  }
  return { text, left: caveats.length - shown };
}

/**
 * An outcome: the recommendation, the member's reasons, the sketch on its own (one tap copies a
 * fenced block), and what to watch out for. Caveats that would take the message past Discord's
 * 4,000 characters wait behind a button rather than being cut.
 */
function outcomeTexts(step: Extract<GuideStep, { kind: 'outcome' }>): { texts: string[]; caveatsLeft: number } {
  const outcome = knowledge.outcomes[step.outcome];
  const reasons = bullets(step.answers.map((answer) => ui.because(optionKnowledge(answer.option).reason)));
  const texts = [`## ${ui.recommendationTitle(outcome.api)}\n${outcome.summary}`, `${reasons}\n### ${ui.headings.sketch}`, `\`\`\`py\n${outcome.sketch.trimEnd()}\n\`\`\``];
  // Room for a note above the guide is kept, so every page of the same outcome fits alike.
  const used = texts.reduce((sum, text) => sum + text.length, 0) + NOTICE_ROOM;
  const caveats = caveatsText(outcome.caveats, LIMITS.messageText - used);
  return { texts: [...texts, caveats.text], caveatsLeft: caveats.left };
}

/** The longest note a guide carries above it (a guide read from a member's message), with room to spare. */
const NOTICE_ROOM = 600;

/** One "Why not …?" choice; the full API name goes under the short one only when it says more. */
function whyNotOption(outcome: OutcomeId, chosen: boolean): APISelectMenuOption {
  const { shortName, api } = knowledge.outcomes[outcome];
  return {
    label: truncate(shortName, LIMITS.selectOptionLabel),
    value: outcome,
    ...(api === shortName ? {} : { description: truncate(api, LIMITS.selectOptionDescription) }),
    default: chosen,
  };
}

function outcomeRows(page: GuidePage, step: Extract<GuideStep, { kind: 'outcome' }>, caveatsLeft: number): Row[] {
  const outcome = knowledge.outcomes[step.outcome];
  const links: APIButtonComponent[] = outcome.links
    .slice(0, LIMITS.rowComponents)
    .map((link) => ({ type: ComponentType.Button, style: ButtonStyle.Link, label: truncate(link.label, LIMITS.buttonLabel), url: link.url }));
  const others = OUTCOME_IDS.filter((other) => other !== step.outcome);
  const whyNot: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: idFor(page, { kind: 'why-not' }),
    placeholder: ui.whyNotPlaceholder,
    min_values: 1,
    max_values: 1,
    options: others.map((other: OutcomeId) => whyNotOption(other, whyNotTarget(page.view) === other)),
  };
  const actions = [
    button(ui.buttonLabels.why, idFor(page, { kind: 'why' }), page.view === 'why' ? ButtonStyle.Success : ButtonStyle.Primary),
    ...(caveatsLeft > 0 || page.view === 'caveats' ? [button(botText.moreCaveatsLabel, idFor(page, { kind: 'caveats' }), page.view === 'caveats' ? ButtonStyle.Success : ButtonStyle.Secondary)] : []),
    button(ui.buttonLabels.back, idFor(page, { kind: 'back' })),
    button(ui.buttonLabels.startOver, idFor(page, { kind: 'restart' }), ButtonStyle.Danger),
    button(ui.buttonLabels.ask, idFor(page, { kind: 'ask' })),
  ];
  // A private guide offers Share (until it is shared); a public one, Dismiss. Both sit in a row of their own.
  const last = page.private ? (page.notice === 'posted' || page.shareable === false ? [] : [button(ui.buttonLabels.share, idFor(page, { kind: 'share' }), ButtonStyle.Success)]) : [dismissButton(page)];
  return [...(links.length > 0 ? [row(...links)] : []), row(whyNot), row(...actions), ...(last.length > 0 ? [row(...last)] : [])];
}

function noticeOf(page: GuidePage): string | undefined {
  const lines: string[] = [];
  if (page.notice === 'forced-private') lines.push(botText.forcedPrivate);
  if (page.readFromMessage !== undefined) {
    const read = page.readFromMessage.map((answer) => ({ words: answer.evidence, answer: optionKnowledge(answer.option).label }));
    lines.push(botText.readFromMessage(`<@${page.owner}>`, read));
  }
  if (page.notice === 'private-copy') lines.push(ui.strangersCopy);
  if (page.notice === 'shared') lines.push(botText.sharedBy(`<@${page.owner}>`));
  if (page.notice === 'posted') lines.push(ui.sharedToChannel);
  return lines.length === 0 ? undefined : lines.join('\n');
}

/**
 * Draws a guide message: the step, the question or the recommendation, the explanation the
 * view asks for, and buttons whose custom ids carry everything the next click needs.
 *
 * @example renderGuide(planNewGuide('42', false)).rows[0] // the option buttons of step 1
 */
export function renderGuide(page: GuidePage): GuideMessage {
  const notice = noticeOf(page);
  const above = notice === undefined ? [] : [truncate(notice, NOTICE_ROOM)];
  const step = page.step;
  if (step.kind === 'question') return { accent: QUESTION_ACCENT, texts: [...above, ...questionTexts(page, step)], rows: questionRows(page, step) };
  const outcome = knowledge.outcomes[step.outcome];
  const accent = FAMILY_ACCENT[OUTCOME_FAMILY[step.outcome]];
  const full = outcomeTexts(step);
  const rows = outcomeRows(page, step, full.caveatsLeft);
  const path = pathOf(step);
  // An explanation replaces the recommendation's body, under the same heading, so the message still says what was recommended.
  const heading = `## ${ui.recommendationTitle(outcome.api)}`;
  const target = whyNotTarget(page.view);
  const explanation = page.view === 'why' ? explainOutcomeText(path) : target === undefined ? undefined : explainWhyNotText(path, target);
  const texts = page.view === 'caveats' ? [heading, bullets(outcome.caveats)] : explanation === undefined ? full.texts : [heading, explanation];
  return { accent, texts: [...above, ...texts], rows, picturePath: path };
}

/** A fresh start for whoever pressed a button that can no longer be trusted. */
export function renderStale(reason: StaleReason, clickerId: string): GuideMessage {
  const start = encodeGuideId({ owner: clickerId, path: [], action: { kind: 'start' } });
  return { texts: [reason === 'bad-choice' ? botText.badChoice : ui.staleButton], rows: [row(button(botText.startGuideLabel, start, ButtonStyle.Primary))] };
}

/** Problems that are not about a guide: a command the bot does not know, a failure on its side, a Dismiss that is not the clicker's. */
export function renderProblem(problem: 'unknown-command' | 'internal' | 'not-yours-to-dismiss' | 'cannot-share-here'): GuideMessage {
  const text = { 'unknown-command': botText.unknownCommand, internal: botText.internalProblem, 'not-yours-to-dismiss': botText.notYoursToDismiss, 'cannot-share-here': botText.cannotShareHere }[problem];
  return { texts: [text], rows: [] };
}
