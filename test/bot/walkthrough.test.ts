import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OptionId } from '../../machines/questions.ts';
import { knowledge, notSureExamples, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { buttonLabels as ui, stepLine } from '../../src/core/ui-text.ts';
import type { RenderedMessage } from '../../src/local-discord/index.ts';
import { describeTreePicture, storedPictures } from '../../src/picture/index.ts';
import { DECISION_TABLE, tableFamilyAfter, tablePrefixes, tableProgressAt } from '../support/decision-table.ts';
import { buttonLabels, expectCleanServer, galleryPictures, headingOf, layoutTexts, selectValues, startWorld, textOf, TRANSPORTS, type World } from './harness.ts';

// The committed pictures, as the bot reads them: the outcome messages must carry a genuine PNG.
const pictures = storedPictures(new URL('../../assets/pictures/', import.meta.url));
describe.each(TRANSPORTS)('Interactions over the %s', (transport) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ transport, pictures: { get: pictures.get, describe: describeTreePicture } });
  });
  afterAll(async () => world.close());
  afterEach(() => expectCleanServer(world.discord));

  const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  async function startGuide(): Promise<RenderedMessage> {
    return world.alice.actor.runSlashCommand(world.channelId, 'concurrency');
  }

  async function answer(message: RenderedMessage, option: OptionId): Promise<RenderedMessage> {
    return world.alice.actor.clickButton(message.id, { label: optionKnowledge(option).label });
  }

  async function walk(path: readonly OptionId[]): Promise<RenderedMessage> {
    let message = await startGuide();
    for (const option of path) message = await answer(message, option);
    return message;
  }

  function questionAfter(path: readonly OptionId[]) {
    const next = DECISION_TABLE.find(([answers]) => answers.length > path.length && path.every((option, index) => answers[index] === option));
    const option = next?.[0][path.length];
    if (option === undefined) throw new Error(`no question after ${path.join(',')}`);
    const question = Object.values(knowledge.questions).find((q) => option in q.options);
    if (question === undefined) throw new Error(`no question offers ${option}`);
    return question;
  }

  describe('GIVEN a member who answers by clicking, from /concurrency', () => {
    it.each(DECISION_TABLE.map(([answers, outcome, api]) => ({ answers, outcome, api })))(
      'THEN the answers $answers end in $api, with the reasons, a sketch, a picture, Why? and every Why not …?',
      async ({ answers, outcome, api }) => {
        const message = await walk(answers);
        // A Components V2 message: the recommendation as its heading, the sketch a text display of its own.
        expect(message.embeds).toEqual([]);
        expect(headingOf(message)).toContain(api);
        expect(layoutTexts(message.layout).some((text) => text.startsWith('```py\n') && text.endsWith('```'))).toBe(true);
        const picture = `decision-path-${answers.join('-')}.png`;
        expect(galleryPictures(message).map((shown) => shown.url)).toEqual([`attachment://${picture}`]);
        expect(message.attachments.map((a) => a.filename)).toEqual([picture]);
        expect(message.attachments[0]?.data.subarray(0, 8)).toEqual(PNG_SIGNATURE);
        // Alt text for screen readers: the path in words, ending at the recommendation.
        for (const option of answers) expect(galleryPictures(message)[0]?.description).toContain(optionKnowledge(option).label);
        for (const option of answers) expect(textOf(message)).toContain(optionKnowledge(option).reason);
        expect(selectValues(message).sort()).toEqual(OUTCOME_IDS.filter((other) => other !== outcome).sort());
        expect(buttonLabels(message)).not.toContain(ui.share);

        const why = await world.alice.actor.clickButton(message.id, { label: ui.why });
        expect(why.id).toBe(message.id);
        for (const option of answers) expect(textOf(why)).toContain(optionKnowledge(option).label);
        // The same picture stays in view, as the only attachment.
        expect(galleryPictures(why).map((shown) => shown.url)).toEqual([`attachment://${picture}`]);
        expect(why.attachments.map((a) => a.filename)).toEqual([picture]);

        for (const other of OUTCOME_IDS.filter((o) => o !== outcome)) {
          const whyNot = await world.alice.actor.selectOption(message.id, { values: [other] });
          expect(whyNot.id).toBe(message.id);
          expect(textOf(whyNot)).toContain(`Why not \`${knowledge.outcomes[other].shortName}\`?`);
          expect(whyNot.attachments.map((a) => a.filename)).toEqual([picture]);
        }
      },
    );
  });

  describe('GIVEN a guide at any step', () => {
    const questionSteps = tablePrefixes().filter((prefix) => !DECISION_TABLE.some(([answers]) => answers.join() === prefix.join()));
    const answeredSteps = tablePrefixes().filter((prefix) => prefix.length > 0);

    it.each(answeredSteps.map((path) => ({ path })))('THEN Back from $path returns to the previous question and Start over to step 1', async ({ path }) => {
      const message = await walk(path);
      const back = await world.alice.actor.clickButton(message.id, { label: ui.back });
      expect(textOf(back)).toContain(questionAfter(path.slice(0, -1)).prompt);
      const progress = tableProgressAt(path.slice(0, -1));
      expect(textOf(back)).toContain(stepLine(progress.stepNumber, progress.most, progress.fewest === progress.most));
      const again = await answer(back, path.at(-1)!);
      expect(textOf(again)).toBe(textOf(message));
      const restarted = await world.alice.actor.clickButton(message.id, { label: ui.startOver });
      expect(textOf(restarted)).toContain(knowledge.questions.workload.prompt);
      expect(textOf(restarted)).toContain('Step 1 of up to 5');
      expect(restarted.attachments).toEqual([]);
    });

    it.each(questionSteps.map((path) => ({ path })))('THEN at $path Not sure? and Why this question? explain it and keep the options', async ({ path }) => {
      const message = await walk(path);
      const question = questionAfter(path);
      const optionLabels = Object.values(question.options).map((option) => option.label);
      const notSure = await world.alice.actor.clickButton(message.id, { label: ui.notSure });
      expect(textOf(notSure)).toContain(question.notSure.test);
      for (const option of Object.keys(question.options) as OptionId[]) {
        expect(textOf(notSure)).toContain(notSureExamples(option, tableFamilyAfter(path))[0]);
      }
      expect(buttonLabels(notSure)).toEqual(expect.arrayContaining(optionLabels));
      const whyAsked = await world.alice.actor.clickButton(message.id, { label: ui.whyAsked });
      expect(textOf(whyAsked)).toContain(question.whyAsked);
      expect(buttonLabels(whyAsked)).toEqual(expect.arrayContaining(optionLabels));
    });
  });
});
