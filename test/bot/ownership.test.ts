import { REST, Routes } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeGuideId, GUIDE_ID_VERSION } from '../../src/core/guide-id.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { buttonLabels as ui, sharedToChannel, staleButton, strangersCopy } from '../../src/core/ui-text.ts';
import { startGuideLabel } from '../../src/discord/bot-text.ts';
import type { RenderedMessage } from '../../src/local-discord/index.ts';
import { buttonLabels, expectCleanServer, firstText, headingOf, startWorld, textOf, TRANSPORTS, type World } from './harness.ts';

describe.each(TRANSPORTS)('Interactions over the %s', (transport) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ transport });
  });
  afterAll(async () => world.close());
  afterEach(() => expectCleanServer(world.discord));

  const label = (option: Parameters<typeof optionKnowledge>[0]) => ({ label: optionKnowledge(option).label });

  /** What a member sees of a message: its text and its components. */
  const looksOf = (message: RenderedMessage | undefined) => ({ text: message && textOf(message), components: message?.components });

  describe('GIVEN a private guide', () => {
    it('THEN only its owner sees it, and Share to channel posts the result publicly once, without pinging anyone', async () => {
      const alice = world.alice.actor;
      let guide = await alice.runSlashCommand(world.channelId, 'concurrency', { private: true });
      expect(guide.ephemeralFor).toBe(world.alice.user.id);
      expect(world.bob.actor.view(world.channelId).some((m) => m.id === guide.id)).toBe(false);
      for (const option of ['cpu', 'pythonCode', 'pool', 'map'] as const) guide = await alice.clickButton(guide.id, label(option));
      expect(guide.ephemeral).toBe(true);
      expect(buttonLabels(guide)).toContain(ui.share);
      const before = looksOf(guide);

      const shared = await alice.clickButton(guide.id, { label: ui.share });
      expect(shared.id).not.toBe(guide.id);
      expect(shared.ephemeral).toBe(false);
      expect(headingOf(shared)).toContain(knowledge.outcomes.pool.api);
      expect(textOf(shared)).toContain(`<@${world.alice.user.id}>`);
      expect(shared.allowedMentions?.parse).toEqual([]);
      expect(shared.allowedMentions?.users).toEqual([]);
      expect(buttonLabels(shared)).not.toContain(ui.share);
      expect(world.bob.actor.view(world.channelId).some((m) => m.id === shared.id)).toBe(true);

      // Then the private message says so and no longer offers the button, so the result is posted once.
      const privateGuide = () => world.alice.actor.view(world.channelId).find((m) => m.id === guide.id);
      await until(() => firstText(privateGuide()) === sharedToChannel);
      expect(headingOf(privateGuide())).toContain(knowledge.outcomes.pool.api);
      expect(buttonLabels(privateGuide()!)).not.toContain(ui.share);
      expect(looksOf(privateGuide())).not.toEqual(before);
      expect(world.bob.actor.view(world.channelId).filter((m) => headingOf(m)?.includes(knowledge.outcomes.pool.api) === true)).toHaveLength(1);
    });
  });

  describe("GIVEN someone presses the buttons of another member's guide", () => {
    it("THEN they get their own private copy at the same step, and the owner's message does not change", async () => {
      const guide = await world.alice.actor.runSlashCommand(world.channelId, 'concurrency');
      const atStep2 = await world.alice.actor.clickButton(guide.id, label('io'));
      const before = looksOf(atStep2);

      const copy = await world.bob.actor.clickButton(guide.id, label('asyncio'));
      expect(copy.id).not.toBe(guide.id);
      expect(copy.ephemeralFor).toBe(world.bob.user.id);
      expect(firstText(copy)).toBe(strangersCopy);
      expect(textOf(copy)).toContain(knowledge.questions.ioModel.prompt);
      expect(looksOf(world.alice.actor.view(world.channelId).find((m) => m.id === guide.id))).toEqual(before);

      // The copy is Bob's to drive.
      const bobsOutcome = await world.bob.actor.clickButton(copy.id, label('asyncio'));
      expect(bobsOutcome.id).toBe(copy.id);
      expect(headingOf(bobsOutcome)).toContain(knowledge.outcomes.asyncio.api);
      expect(looksOf(world.alice.actor.view(world.channelId).find((m) => m.id === guide.id))).toEqual(before);
    });
  });

  describe('GIVEN buttons whose ids are forged, cut short or from an older version of the tree', () => {
    it('THEN each click gets a clear private message and a fresh start that works', async () => {
      const alice = world.alice.user.id;
      const valid = encodeGuideId({ owner: alice, path: ['io'], action: { kind: 'answer', option: 'threads' } });
      const badIds = [
        'hello',
        valid.slice(0, -5),
        valid.replace(`/${GUIDE_ID_VERSION}/`, '/old0/'),
        encodeGuideId({ owner: alice, path: ['io'], action: { kind: 'back' } }).replace('/b/', '/zz/'),
        `guide/${GUIDE_ID_VERSION}/${alice}/-/answer-nonsense`,
      ];
      // Posted by the bot's token as an older or tampered release of the bot might have left them.
      const rest = new REST({ api: world.discord.apiBaseUrl }).setToken(world.discord.bot.token);
      const posted = (await rest.post(Routes.channelMessages(world.channelId), {
        body: {
          content: 'An old guide',
          components: [{ type: 1, components: badIds.map((custom_id, index) => ({ type: 2, style: 2, label: `Old ${index}`, custom_id })) }],
          allowed_mentions: { parse: [] },
        },
      })) as { id: string };

      for (const [index] of badIds.entries()) {
        const answer = await world.alice.actor.clickButton(posted.id, { label: `Old ${index}` });
        expect(answer.ephemeralFor).toBe(alice);
        expect(firstText(answer)).toBe(staleButton);
        const fresh = await world.alice.actor.clickButton(answer.id, { label: startGuideLabel });
        expect(fresh.id).toBe(answer.id);
        expect(textOf(fresh)).toContain(knowledge.questions.workload.prompt);
      }
    });
  });

  describe('GIVEN a guide posted in the old layout (an embed and rows of buttons) before the bot moved to Components V2', () => {
    it('THEN a click on it still works, and turns that message into the new layout', async () => {
      const alice = world.alice.user.id;
      // As the bot's classic release left a guide at step 2: an embed, the option buttons in a row.
      const rest = new REST({ api: world.discord.apiBaseUrl }).setToken(world.discord.bot.token);
      const old = (await rest.post(Routes.channelMessages(world.channelId), {
        body: {
          content: '',
          embeds: [{ title: knowledge.questions.ioModel.title, description: knowledge.questions.ioModel.prompt }],
          components: [{ type: 1, components: (['asyncio', 'threads'] as const).map((option) => ({ type: 2, style: 1, label: optionKnowledge(option).label, custom_id: encodeGuideId({ owner: alice, path: ['io'], action: { kind: 'answer', option } }) })) }],
          allowed_mentions: { parse: [] },
        },
      })) as { id: string };
      const answered = await world.alice.actor.clickButton(old.id, label('asyncio'));
      expect(answered.id).toBe(old.id);
      expect(answered.embeds).toEqual([]);
      expect(answered.content).toBe('');
      expect(headingOf(answered)).toContain(knowledge.outcomes.asyncio.api);
      // From then on it is a V2 message like any other guide.
      const why = await world.alice.actor.clickButton(old.id, { label: ui.why });
      expect(headingOf(why)).toContain(knowledge.outcomes.asyncio.api);
    });
  });

  describe('GIVEN the bot restarts between two clicks of one guide', () => {
    it('THEN the second click carries on from where the first left off', async () => {
      const guide = await world.alice.actor.runSlashCommand(world.channelId, 'concurrency');
      await world.alice.actor.clickButton(guide.id, label('cpu'));
      await world.alice.actor.clickButton(guide.id, label('pythonCode'));
      await world.restartBot();
      const next = await world.alice.actor.clickButton(guide.id, label('pool'));
      expect(textOf(next)).toContain(knowledge.questions.poolApi.prompt);
      const done = await world.alice.actor.clickButton(guide.id, label('adhoc'));
      expect(headingOf(done)).toContain(knowledge.outcomes.processPoolExecutor.api);
    });
  });

  describe('GIVEN a double click', () => {
    it('THEN neither click fails and the message is updated once', async () => {
      const guide = await world.alice.actor.runSlashCommand(world.channelId, 'concurrency');
      const updates: string[] = [];
      const unsubscribe = world.discord.onChange((change) => {
        if (change.type === 'messageUpdated' && change.message.id === guide.id) updates.push(change.message.id);
      });
      const logged = () => world.logs.filter((line) => line['msg'] === 'interaction' && line['kind'] === 'button').map((line) => line['outcome']);
      const before = logged().length;
      // The repeat is acknowledged without an edit, which the driver keeps waiting for, so the answers are read from the bot's log.
      for (let click = 0; click < 2; click += 1) void world.alice.actor.clickButton(guide.id, label('io'), { timeoutMs: 3000 }).catch(() => undefined);
      await until(() => logged().length === before + 2);
      unsubscribe();
      // One update and one silent acknowledgement, both accepted (a refused one would be a violation).
      expect(logged().slice(before).sort()).toEqual(['repeat', 'updated']);
      expect(updates).toHaveLength(1);
      const seen = world.alice.actor.view(world.channelId).filter((message) => message.id === guide.id);
      expect(seen).toHaveLength(1);
      expect(textOf(seen[0]!)).toContain(knowledge.questions.ioModel.prompt);
    });
  });

  /** Resolves once `condition` holds; fails the test if it never does. */
  async function until(condition: () => boolean, attempts = 200): Promise<void> {
    for (let attempt = 0; attempt < attempts && !condition(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(condition()).toBe(true);
  }

  describe('GIVEN the logs of everything above', () => {
    it('THEN each interaction is one line with its kind, outcome and latency, and no token or typed text', () => {
      const lines = world.logs.filter((line) => line['msg'] === 'interaction');
      expect(lines.length).toBeGreaterThan(10);
      for (const line of lines) {
        expect(['command', 'button', 'select']).toContain(line['kind']);
        expect(typeof line['outcome']).toBe('string');
        expect(typeof line['latencyMs']).toBe('number');
      }
      expect(lines.map((line) => line['outcome'])).toEqual(expect.arrayContaining(['started', 'updated', 'private-copy', 'shared', 'repeat', 'stale:old-version', 'stale:not-ours']));
      expect(world.rawLogs()).not.toContain(world.discord.bot.token);
      expect(world.rawLogs()).not.toContain('An old guide');
    });
  });
});
