import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from 'discord.js';
import { OUTCOME_IDS, type OptionId, type OutcomeId } from '../../machines/questions.ts';
import * as botText from './bot-text.ts';
import { notSureSides } from '../core/explain.ts';
import { encodeGuideId, type GuideAction } from '../core/guide-id.ts';
import type { GuideStep } from '../core/guide.ts';
import { knowledge, optionKnowledge } from '../core/knowledge/index.ts';
import * as ui from '../core/ui-text.ts';
import { pathOf, whyNotTarget, type GuidePage } from './guide-page.ts';
import { LIMITS } from '../core/discord-limits.ts';
import { fitEmbed, truncate } from './limits.ts';
import type { StaleReason } from './router.ts';
import { explainOutcomeEmbed, explainQuestionEmbed, explainWhyNotEmbed } from './render-explanations.ts';

/** A message the bot sends: plain data, so it can be checked without Discord. */
export interface GuideMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** When set, the adapter attaches the tree's picture for this path as the first embed's image. */
  readonly picturePath?: readonly OptionId[];
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

// Blurple for questions, green for a recommendation: a quick visual cue of where the guide is.
const QUESTION_COLOUR = 0x5865f2;
const OUTCOME_COLOUR = 0x57f287;

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

/** "Step 2 of 3" and the answers so far, e.g. "Waiting on IO → Many short tasks". */
function progressLines(step: Extract<GuideStep, { kind: 'question' }>): string {
  const sofar = step.answers.map((answer) => optionKnowledge(answer.option).label).join(' → ');
  return `**${ui.stepLine(step.stepNumber, step.totalSteps, step.totalIsExact)}**${sofar === '' ? '' : `\n${ui.headings.yourAnswers}: ${sofar}`}`;
}

function questionEmbed(page: GuidePage, step: Extract<GuideStep, { kind: 'question' }>): APIEmbed {
  const question = knowledge.questions[step.question];
  const options = step.options.map((option) => `**${optionKnowledge(option).label}**: ${optionKnowledge(option).description}`);
  const embed: APIEmbed = {
    color: QUESTION_COLOUR,
    title: question.title,
    description: [progressLines(step), question.prompt, options.join('\n')].join('\n\n'),
  };
  if (page.view === 'not-sure') {
    embed.fields = [
      ...notSureSides(step).map((side) => ({
        name: ui.examplesOf(side.label),
        value: side.examples.map((example) => `• ${example}`).join('\n'),
      })),
      { name: ui.headings.notSureTest, value: question.notSure.test },
    ];
  }
  return fitEmbed(embed);
}

function questionRows(page: GuidePage, step: Extract<GuideStep, { kind: 'question' }>): Row[] {
  const options = step.options.map((option) =>
    button(optionKnowledge(option).label, idFor(page, { kind: 'answer', option }), ButtonStyle.Primary),
  );
  const help = [
    button(ui.buttonLabels.notSure, idFor(page, { kind: 'not-sure' }), page.view === 'not-sure' ? ButtonStyle.Success : ButtonStyle.Secondary),
    button(ui.buttonLabels.whyAsked, idFor(page, { kind: 'why-question' }), page.view === 'why-question' ? ButtonStyle.Success : ButtonStyle.Secondary),
    // At the first step there is nothing to go back to; the button stays, greyed out, so the layout does not jump.
    button(ui.buttonLabels.back, idFor(page, { kind: 'back' }), ButtonStyle.Secondary, step.answers.length === 0),
    button(ui.buttonLabels.startOver, idFor(page, { kind: 'restart' }), ButtonStyle.Danger),
    button(ui.buttonLabels.ask, idFor(page, { kind: 'ask' })),
  ];
  return [row(...options), row(...help)];
}

/** Bullet lines packed into as few fields as the 1024-character field limit allows. */
function bulletFields(name: string, items: readonly string[]): NonNullable<APIEmbed['fields']> {
  const fields: { name: string; value: string }[] = [];
  for (const item of items.map((text) => truncate(`• ${text}`, LIMITS.fieldValue))) {
    const last = fields.at(-1);
    if (last !== undefined && last.value.length + 1 + item.length <= LIMITS.fieldValue) last.value = `${last.value}\n${item}`;
    else fields.push({ name: fields.length === 0 ? name : `${name} (more)`, value: item });
  }
  return fields;
}

function outcomeEmbed(step: Extract<GuideStep, { kind: 'outcome' }>): APIEmbed {
  const outcome = knowledge.outcomes[step.outcome];
  const reasons = step.answers.map((answer) => ui.because(optionKnowledge(answer.option).reason));
  const sketch = `**${ui.headings.sketch}**\n\`\`\`py\n${outcome.sketch.trimEnd()}\n\`\`\``;
  return fitEmbed({
    color: OUTCOME_COLOUR,
    title: ui.recommendationTitle(outcome.api),
    description: [outcome.summary, reasons.join('\n'), sketch].join('\n\n'),
    fields: bulletFields(ui.headings.watchOut, outcome.caveats),
  });
}

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

function outcomeRows(page: GuidePage, step: Extract<GuideStep, { kind: 'outcome' }>): Row[] {
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
    button(ui.buttonLabels.back, idFor(page, { kind: 'back' })),
    button(ui.buttonLabels.startOver, idFor(page, { kind: 'restart' }), ButtonStyle.Danger),
    button(ui.buttonLabels.ask, idFor(page, { kind: 'ask' })),
    ...(page.private && page.notice !== 'posted' ? [button(ui.buttonLabels.share, idFor(page, { kind: 'share' }), ButtonStyle.Success)] : []),
  ];
  return [...(links.length > 0 ? [row(...links)] : []), row(whyNot), row(...actions)];
}

function noticeOf(page: GuidePage): string | undefined {
  if (page.readFromMessage !== undefined) {
    const read = page.readFromMessage.map((answer) => ({ words: answer.evidence, answer: optionKnowledge(answer.option).label }));
    return botText.readFromMessage(`<@${page.owner}>`, read);
  }
  if (page.notice === 'private-copy') return ui.strangersCopy;
  if (page.notice === 'shared') return botText.sharedBy(`<@${page.owner}>`);
  if (page.notice === 'posted') return ui.sharedToChannel;
  return undefined;
}

/**
 * Draws a guide message: the step, the question or the recommendation, the explanation the
 * view asks for, and buttons whose custom ids carry everything the next click needs.
 *
 * @example renderGuide(planNewGuide('42', false)).components[0] // the option buttons of step 1
 */
export function renderGuide(page: GuidePage): GuideMessage {
  const notice = noticeOf(page);
  const content = notice === undefined ? {} : { content: notice };
  const step = page.step;
  const path = pathOf(step);
  if (step.kind === 'question') {
    const explanation = page.view === 'why-question' ? explainQuestionEmbed(path) : undefined;
    const embeds = [questionEmbed(page, step), ...(explanation === undefined ? [] : [explanation])];
    return { ...content, embeds, components: questionRows(page, step) };
  }
  const target = whyNotTarget(page.view);
  // The explanation replaces the full recommendation, so the message stays well within 6000 characters.
  const explanation = page.view === 'why' ? explainOutcomeEmbed(path) : target === undefined ? undefined : explainWhyNotEmbed(path, target);
  // Titled like the recommendation, so the message still says what was recommended while it explains.
  const embeds = [explanation === undefined ? outcomeEmbed(step) : fitEmbed({ ...explanation, title: ui.recommendationTitle(knowledge.outcomes[step.outcome].api) })];
  return { ...content, embeds, components: outcomeRows(page, step), picturePath: path };
}

/** A fresh start for whoever pressed a button that can no longer be trusted. */
export function renderStale(reason: StaleReason, clickerId: string): GuideMessage {
  const start = encodeGuideId({ owner: clickerId, path: [], action: { kind: 'start' } });
  return {
    content: reason === 'bad-choice' ? botText.badChoice : ui.staleButton,
    embeds: [],
    components: [row(button(botText.startGuideLabel, start, ButtonStyle.Primary))],
  };
}

/** Problems that are not about a guide: a command the bot does not know, or a failure on its side. */
export function renderProblem(problem: 'unknown-command' | 'internal'): GuideMessage {
  return { content: problem === 'unknown-command' ? botText.unknownCommand : botText.internalProblem, embeds: [], components: [] };
}
