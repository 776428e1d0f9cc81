import { ComponentType, type APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OutcomeId } from '../../machines/questions.ts';
import { decodeGuideId } from '../../src/core/guide-id.ts';
import { knowledge } from '../../src/core/knowledge/index.ts';
import { treeNodes } from '../../src/core/tree.ts';
import { buttonLabels, stepLine, strangersCopy } from '../../src/core/ui-text.ts';
import type { GuidePage, GuideView } from '../../src/discord/guide-page.ts';
import { LIMITS } from '../../src/core/discord-limits.ts';
import { embedLength } from '../../src/discord/limits.ts';
import { renderGuide, renderStale, type GuideMessage } from '../../src/discord/render.ts';

const OWNER = '12345678901234567890';

function viewsOf(page: Omit<GuidePage, 'view'>): GuideView[] {
  if (page.step.kind === 'question') return ['question', 'not-sure', 'why-question'];
  const outcome = page.step.outcome;
  return ['outcome', 'why', ...OUTCOME_IDS.filter((other) => other !== outcome).map((other) => `why-not:${other}` as const)];
}

const pages: GuidePage[] = treeNodes().flatMap(({ step }) =>
  [false, true].flatMap((isPrivate) => viewsOf({ owner: OWNER, step, private: isPrivate }).map((view) => ({ owner: OWNER, step, view, private: isPrivate }))),
);

function customIds(message: GuideMessage): string[] {
  return message.components.flatMap((row) => row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : [])));
}

function buttonLabelsOf(message: GuideMessage): string[] {
  return message.components.flatMap((row) => row.components.flatMap((c) => (c.type === ComponentType.Button && 'label' in c && c.label !== undefined ? [c.label] : [])));
}

function checkEmbedLimits(embed: APIEmbed) {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
  for (const field of embed.fields ?? []) expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
}

describe('renderGuide on every step and view', () => {
  it('GIVEN any page THEN the message fits every Discord limit', () => {
    for (const page of pages) {
      const message = renderGuide(page);
      message.embeds.forEach(checkEmbedLimits);
      expect(message.components.length).toBeLessThanOrEqual(LIMITS.rows);
      for (const row of message.components) expect(row.components.length).toBeLessThanOrEqual(LIMITS.rowComponents);
      for (const label of buttonLabelsOf(message)) expect(label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      const ids = customIds(message);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    }
  });

  it('GIVEN any page THEN every enabled component id decodes to this owner at this step', () => {
    // Private pages carry every component a public one does, and Share besides.
    for (const page of pages.filter((p) => p.private)) {
      const message = renderGuide(page);
      const path = page.step.answers.map((answer) => answer.option);
      for (const row of message.components) {
        for (const component of row.components) {
          if (!('custom_id' in component) || ('disabled' in component && component.disabled === true)) continue;
          const decoded = decodeGuideId(component.custom_id);
          expect(decoded.ok && { owner: decoded.value.owner, path: decoded.value.path }).toEqual({ owner: OWNER, path });
        }
      }
    }
  });

  it('GIVEN a question THEN it shows the step line, the prompt, and one button per option plus the four helpers', () => {
    for (const page of pages.filter((p) => p.step.kind === 'question')) {
      if (page.step.kind !== 'question') continue;
      const message = renderGuide(page);
      const question = knowledge.questions[page.step.question];
      expect(message.embeds[0]?.description).toContain(stepLine(page.step.stepNumber, page.step.totalSteps, page.step.totalIsExact));
      expect(message.embeds[0]?.description).toContain(question.prompt);
      const labels = buttonLabelsOf(message);
      for (const option of page.step.options) expect(labels).toContain((question.options as Record<string, { label: string }>)[option]?.label);
      expect(labels).toEqual(expect.arrayContaining([buttonLabels.notSure, buttonLabels.whyAsked, buttonLabels.back, buttonLabels.startOver]));
    }
  });

  it('GIVEN the first step THEN Back is shown greyed out; GIVEN a later step THEN it works', () => {
    const questions = pages.filter((p) => p.view === 'question');
    const first = questions.find((p) => p.step.answers.length === 0);
    const second = questions.find((p) => p.step.answers.length === 1);
    const backOf = (message: GuideMessage) =>
      message.components.flatMap((r) => r.components).find((c) => c.type === ComponentType.Button && 'label' in c && c.label === buttonLabels.back);
    expect(backOf(renderGuide(first!))).toMatchObject({ disabled: true });
    expect(backOf(renderGuide(second!))).toMatchObject({ disabled: false });
  });

  it('GIVEN an outcome THEN it names the API, shows the sketch as Python, a menu of the six others, and Share only when private', () => {
    for (const page of pages.filter((p) => p.view === 'outcome')) {
      if (page.step.kind !== 'outcome') continue;
      const message = renderGuide(page);
      const mine = page.step.outcome;
      const outcome = knowledge.outcomes[mine];
      expect(message.embeds[0]?.title).toContain(outcome.api);
      expect(message.embeds[0]?.description).toContain('```py\n');
      const select = message.components.flatMap((r) => r.components).find((c) => c.type === ComponentType.StringSelect);
      expect(select && 'options' in select && select.options.map((o) => o.value).sort()).toEqual(OUTCOME_IDS.filter((o) => o !== mine).sort());
      // Under each short name, the full API name when it says more, and no grey line repeating the label.
      for (const option of select && 'options' in select ? select.options : []) {
        const other = knowledge.outcomes[option.value as OutcomeId];
        expect(option.label).toBe(other.shortName);
        expect(option.description).toBe(other.api === other.shortName ? undefined : other.api);
      }
      expect(buttonLabelsOf(message).includes(buttonLabels.share)).toBe(page.private);
      expect(message.picturePath).toEqual(page.step.answers.map((a) => a.option));
    }
  });

  it('GIVEN an outcome explained (Why? or Why not …?) THEN the message still names the recommendation', () => {
    for (const page of pages.filter((p) => p.step.kind === 'outcome' && p.view !== 'outcome')) {
      if (page.step.kind !== 'outcome') continue;
      const [embed] = renderGuide(page).embeds;
      expect(embed?.title).toContain(knowledge.outcomes[page.step.outcome].api);
      expect(embed?.description?.length).toBeGreaterThan(0);
    }
  });

  it('GIVEN a stranger’s copy THEN a line says so above the guide', () => {
    const page = pages[0]!;
    expect(renderGuide({ ...page, notice: 'private-copy' }).content).toBe(strangersCopy);
  });
});

describe('renderStale', () => {
  it('GIVEN a bad click THEN the clicker gets a message and a start button they own', () => {
    const message = renderStale('malformed', OWNER);
    expect(message.content?.length).toBeGreaterThan(0);
    const [id] = customIds(message);
    const decoded = decodeGuideId(id ?? '');
    expect(decoded.ok && { owner: decoded.value.owner, path: decoded.value.path, action: decoded.value.action }).toEqual({ owner: OWNER, path: [], action: { kind: 'start' } });
  });
});
