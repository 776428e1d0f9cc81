import { ComponentType, type APIButtonComponent, type APIStringSelectComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OutcomeId } from '../../machines/questions.ts';
import { decodeGuideId } from '../../src/core/guide-id.ts';
import { knowledge } from '../../src/core/knowledge/index.ts';
import { treeNodes } from '../../src/core/tree.ts';
import { buttonLabels, recommendationTitle, stepLine, strangersCopy } from '../../src/core/ui-text.ts';
import { dismissLabel, forcedPrivate, moreCaveatsLabel } from '../../src/discord/bot-text.ts';
import { wireMessage } from '../../src/discord/answers.ts';
import type { GuidePage, GuideView } from '../../src/discord/guide-page.ts';
import { LIMITS } from '../../src/core/discord-limits.ts';
import { renderGuide, renderStale, type GuideMessage } from '../../src/discord/render.ts';
import { TINY_PNG } from '../bot/harness.ts';

const OWNER = '12345678901234567890';

function viewsOf(page: Omit<GuidePage, 'view'>): GuideView[] {
  if (page.step.kind === 'question') return ['question', 'not-sure', 'why-question'];
  const outcome = page.step.outcome;
  return ['outcome', 'why', 'caveats', ...OUTCOME_IDS.filter((other) => other !== outcome).map((other) => `why-not:${other}` as const)];
}

const pages: GuidePage[] = treeNodes().flatMap(({ step }) =>
  [false, true].flatMap((isPrivate) => viewsOf({ owner: OWNER, step, private: isPrivate }).map((view) => ({ owner: OWNER, step, view, private: isPrivate }))),
);

const controls = (message: GuideMessage) => message.rows.flatMap((row) => row.components);
const buttonsOf = (message: GuideMessage) => controls(message).filter((c): c is APIButtonComponent => c.type === ComponentType.Button);
const customIds = (message: GuideMessage) => controls(message).flatMap((c) => ('custom_id' in c ? [c.custom_id] : []));
const buttonLabelsOf = (message: GuideMessage) => buttonsOf(message).flatMap((b) => ('label' in b && b.label !== undefined ? [b.label] : []));
const textOf = (message: GuideMessage) => message.texts.join('\n');

/** Every component of a wire layout, nested ones and accessories included, as Discord counts them. */
function countComponents(components: readonly unknown[]): number {
  return components.reduce<number>((sum, component) => {
    const record = component as { components?: unknown[]; accessory?: unknown };
    return sum + 1 + (record.accessory === undefined ? 0 : 1) + countComponents(record.components ?? []);
  }, 0);
}

describe('renderGuide on every step and view', () => {
  it('GIVEN any page, with its picture THEN the message fits every Discord limit: 40 components, 4,000 characters of text, rows of 5, labels and ids', () => {
    for (const page of pages) {
      const message = renderGuide(page);
      const picture = message.picturePath === undefined ? undefined : { png: TINY_PNG, filename: 'tree.png', description: 'd'.repeat(LIMITS.attachmentDescription) };
      const { body } = wireMessage({ message, picture });
      expect(countComponents(body.components)).toBeLessThanOrEqual(LIMITS.messageComponents);
      // Room for the longest note above a guide is part of the budget; this page may carry none.
      expect(message.texts.reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(LIMITS.messageText);
      for (const row of message.rows) expect(row.components.length).toBeLessThanOrEqual(LIMITS.rowComponents);
      for (const label of buttonLabelsOf(message)) expect(label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      const ids = customIds(message);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    }
  });

  it('GIVEN any page THEN every enabled component id decodes to this owner at this step', () => {
    for (const page of pages) {
      const message = renderGuide(page);
      const path = page.step.answers.map((answer) => answer.option);
      for (const component of controls(message)) {
        if (!('custom_id' in component) || ('disabled' in component && component.disabled === true)) continue;
        const decoded = decodeGuideId(component.custom_id);
        expect(decoded.ok && { owner: decoded.value.owner, path: decoded.value.path }).toEqual({ owner: OWNER, path });
      }
    }
  });

  it('GIVEN a question THEN it shows its title, the step line, the prompt, and one button per option plus the helpers', () => {
    for (const page of pages.filter((p) => p.step.kind === 'question')) {
      if (page.step.kind !== 'question') continue;
      const message = renderGuide(page);
      const question = knowledge.questions[page.step.question];
      expect(message.texts[0]).toMatch(new RegExp(`^## ${question.title.replace(/[?()]/g, '\\$&')}`));
      expect(textOf(message)).toContain(stepLine(page.step.stepNumber, page.step.totalSteps, page.step.totalIsExact));
      expect(textOf(message)).toContain(question.prompt);
      const labels = buttonLabelsOf(message);
      for (const option of page.step.options) expect(labels).toContain((question.options as Record<string, { label: string }>)[option]?.label);
      expect(labels).toEqual(expect.arrayContaining([buttonLabels.notSure, buttonLabels.whyAsked, buttonLabels.back, buttonLabels.startOver, buttonLabels.ask]));
    }
  });

  it('GIVEN the first step THEN Back is shown greyed out; GIVEN a later step THEN it works', () => {
    const questions = pages.filter((p) => p.view === 'question');
    const first = questions.find((p) => p.step.answers.length === 0);
    const second = questions.find((p) => p.step.answers.length === 1);
    const backOf = (message: GuideMessage) => buttonsOf(message).find((b) => 'label' in b && b.label === buttonLabels.back);
    expect(backOf(renderGuide(first!))).toMatchObject({ disabled: true });
    expect(backOf(renderGuide(second!))).toMatchObject({ disabled: false });
  });

  it('GIVEN an outcome THEN it names the API, the sketch is a text display of its own holding one fenced py block, a menu of the six others, Share only when private and Dismiss only when public', () => {
    for (const page of pages.filter((p) => p.view === 'outcome')) {
      if (page.step.kind !== 'outcome') continue;
      const message = renderGuide(page);
      const mine = page.step.outcome;
      const outcome = knowledge.outcomes[mine];
      expect(message.texts[0]).toContain(`## ${recommendationTitle(outcome.api)}`);
      expect(message.texts).toContain(`\`\`\`py\n${outcome.sketch.trimEnd()}\n\`\`\``);
      const select = controls(message).find((c): c is APIStringSelectComponent => c.type === ComponentType.StringSelect);
      expect(select?.options.map((o) => o.value).sort()).toEqual(OUTCOME_IDS.filter((o) => o !== mine).sort());
      // Under each short name, the full API name when it says more, and no grey line repeating the label.
      for (const option of select?.options ?? []) {
        const other = knowledge.outcomes[option.value as OutcomeId];
        expect(option.label).toBe(other.shortName);
        expect(option.description).toBe(other.api === other.shortName ? undefined : other.api);
      }
      expect(buttonLabelsOf(message).includes(buttonLabels.share)).toBe(page.private);
      expect(buttonLabelsOf(message).includes(dismissLabel)).toBe(!page.private);
      expect(message.picturePath).toEqual(page.step.answers.map((a) => a.option));
    }
  });

  it('GIVEN an outcome whose caveats would pass 4,000 characters THEN those left out wait behind a button, and its view shows every one of them', () => {
    let behindButton = 0;
    for (const page of pages.filter((p) => p.view === 'outcome' && p.step.kind === 'outcome')) {
      if (page.step.kind !== 'outcome') continue;
      const caveats = knowledge.outcomes[page.step.outcome].caveats;
      const message = renderGuide(page);
      const shown = caveats.filter((caveat) => textOf(message).includes(caveat));
      const hasMore = buttonLabelsOf(message).includes(moreCaveatsLabel);
      // Nothing is cut: every caveat is either shown whole or behind the button.
      expect(hasMore).toBe(shown.length < caveats.length);
      if (hasMore) behindButton += 1;
      const all = renderGuide({ ...page, view: 'caveats' });
      for (const caveat of caveats) expect(textOf(all)).toContain(caveat);
    }
    // Some outcomes of today's knowledge need it; the test proves the button where it matters.
    expect(behindButton).toBeGreaterThan(0);
  });

  it('GIVEN an outcome explained (Why? or Why not …?) THEN the message still names the recommendation', () => {
    for (const page of pages.filter((p) => p.step.kind === 'outcome' && p.view !== 'outcome')) {
      if (page.step.kind !== 'outcome') continue;
      const message = renderGuide(page);
      expect(message.texts[0]).toContain(knowledge.outcomes[page.step.outcome].api);
      expect(message.texts.slice(1).join('').length).toBeGreaterThan(0);
    }
  });

  it('GIVEN a guide that Discord keeps private THEN it says so above the guide and offers no Share at the outcome', () => {
    const question = renderGuide({ ...pages[0]!, private: true, shareable: false, notice: 'forced-private' });
    expect(question.texts[0]).toBe(forcedPrivate);
    const outcome = pages.find((p) => p.view === 'outcome' && p.private)!;
    expect(buttonLabelsOf(renderGuide({ ...outcome, shareable: false }))).not.toContain(buttonLabels.share);
    expect(buttonLabelsOf(renderGuide(outcome))).toContain(buttonLabels.share);
  });

  it('GIVEN a stranger’s copy THEN a line says so above the guide', () => {
    const page = pages[0]!;
    expect(renderGuide({ ...page, notice: 'private-copy' }).texts[0]).toBe(strangersCopy);
  });

  it('GIVEN any page THEN the wire form is a Components V2 message: the flag, one container, and no content or embeds', () => {
    const { body } = wireMessage({ message: renderGuide(pages[0]!) });
    expect(body.flags & (1 << 15)).not.toBe(0);
    expect(body).not.toHaveProperty('content');
    expect(body).not.toHaveProperty('embeds');
    expect(body.components).toHaveLength(1);
    expect(body.components[0]?.type).toBe(ComponentType.Container);
  });
});

describe('renderStale', () => {
  it('GIVEN a bad click THEN the clicker gets a message and a start button they own', () => {
    const message = renderStale('malformed', OWNER);
    expect(textOf(message).length).toBeGreaterThan(0);
    const [id] = customIds(message);
    const decoded = decodeGuideId(id ?? '');
    expect(decoded.ok && { owner: decoded.value.owner, path: decoded.value.path, action: decoded.value.action }).toEqual({ owner: OWNER, path: [], action: { kind: 'start' } });
  });
});
