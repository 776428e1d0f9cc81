import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { askForm, buttonLabels as ui } from '../../src/core/ui-text.ts';
import { expectCleanServer, guideTo, headingOf, startWorld, textOf, TRANSPORTS, type World } from './harness.ts';

// What members use to ask in their own words without the gateway: the Ask button's form and the
// message command. Both must work the same whether interactions come over the gateway or over HTTP.
describe.each(TRANSPORTS)('Interactions over the %s', (transport) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ transport });
  });
  afterAll(async () => world.close());
  afterEach(() => expectCleanServer(world.discord));

  describe('GIVEN the Ask button', () => {
    it('THEN on a private guide it opens a form, and "why not threads?" is answered about threads, seen only by its owner', async () => {
      const alice = world.alice.actor;
      let guide = await alice.runSlashCommand(world.channelId, 'concurrency', { private: true });
      for (const option of ['io', 'asyncio'] as const) guide = await alice.clickButton(guide.id, { label: optionKnowledge(option).label });
      expect(guide.ephemeral).toBe(true);
      const form = await alice.openModal(guide.id, { label: ui.ask });
      expect(form.title).toBe(askForm.title);
      expect(form.fields.map((field) => field.label)).toEqual([askForm.label]);
      const answer = await form.submit({ [form.fields[0]?.customId ?? '']: 'why not threads?' });
      expect(answer.ephemeral).toBe(true);
      expect(answer.ephemeralFor).toBe(world.alice.user.id);
      expect(textOf(answer)).toContain(`Why not \`${knowledge.outcomes.thread.shortName}\`?`);
      expect(textOf(answer)).toContain(optionKnowledge('asyncio').label);
    });

    it('THEN on a question step it answers a topic, and on a public guide the owner\'s answer is public', async () => {
      const bob = world.bob.actor;
      const guide = await guideTo(bob, world.channelId, ['cpu']);
      const form = await bob.openModal(guide.id, { label: ui.ask });
      const answer = await form.submit({ [form.fields[0]?.customId ?? '']: 'what about free-threading?' });
      expect(answer.ephemeral).toBe(false);
      expect(textOf(answer)).toContain('free-threaded build');
    });
  });

  describe('GIVEN "Ask the concurrency guide" on a member\'s message', () => {
    it('THEN a public guide starts with the IO answer read from the message, saying which words it read, and both members can drive it', async () => {
      const question = await world.bob.actor.sendMessage(world.channelId, 'my scraper downloads 500 URLs with requests, threads or processes?');
      const guide = await world.alice.actor.runMessageCommand(question.id, 'Ask the concurrency guide');
      expect(guide.ephemeral).toBe(false);
      expect(textOf(guide)).toContain('“downloads”');
      expect(textOf(guide)).toContain(optionKnowledge('io').label);
      expect(textOf(guide)).toContain(knowledge.questions.workers.prompt);
      const byAuthor = await world.bob.actor.clickButton(guide.id, { label: optionKnowledge('pool').label });
      expect(byAuthor.id).toBe(guide.id);
      const byAsker = await world.alice.actor.clickButton(guide.id, { label: optionKnowledge('adhoc').label });
      expect(byAsker.id).toBe(guide.id);
      expect(headingOf(byAsker)).toContain(knowledge.outcomes.threadPoolExecutor.api);
    });

    it('THEN a message that decides nothing starts at step 1', async () => {
      const hello = await world.bob.actor.sendMessage(world.channelId, 'hello everyone');
      const guide = await world.alice.actor.runMessageCommand(hello.id, 'Ask the concurrency guide');
      expect(textOf(guide)).toContain(knowledge.questions.workload.prompt);
    });
  });
});
