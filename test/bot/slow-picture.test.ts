import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import type { OptionId } from '../../machines/questions.ts';
import type { PathPictures } from '../../src/discord/pictures.ts';
import type { LocalDiscord } from '../../src/local-discord/index.ts';
import { expectCleanServer, headingOf, startWorld, TINY_PNG, TRANSPORTS, type World } from './harness.ts';

/**
 * Pictures that finish only once Discord has recorded the bot's deferral: the bot must acknowledge before the work ends, or the click would fail.
 */
function picturesAfterDeferral(discord: () => LocalDiscord): PathPictures & { rendered: string[] } {
  const rendered: string[] = [];
  // An interaction answer Discord received since the picture was asked for is a deferral (5: reply later, 6: update later).
  const deferredSince = (from: number) =>
    discord()
      .requests.slice(from)
      .some((r) => r.route.endsWith('/callback') && [5, 6].includes((r.body as { type: number }).type));
  return {
    rendered,
    async get(path: readonly OptionId[]) {
      const from = discord().requests.length;
      for (let attempt = 0; attempt < 300 && !deferredSince(from); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      if (!deferredSince(from)) throw new Error('the bot never deferred');
      rendered.push(path.join('>'));
      return TINY_PNG;
    },
  };
}

// Over HTTP a deferral goes through the callback route too (then 202), so the same record shows it.
describe.each(TRANSPORTS)('Interactions over the %s', (transport) => {
  let world: World;
  let pictures: ReturnType<typeof picturesAfterDeferral>;
  beforeAll(async () => {
    pictures = picturesAfterDeferral(() => world.discord);
    world = await startWorld({ pictures, transport });
  });
  afterAll(async () => world.close());
  afterEach(() => expectCleanServer(world.discord));

  const callbackTypes = (from: number) =>
    world.discord.requests
      .slice(from)
      .filter((r) => r.route.endsWith('/callback'))
      .map((r) => (r.body as { type: number }).type);

  describe('GIVEN a picture that takes longer than Discord waits for an answer', () => {
    it("THEN the owner's last click is deferred before the deadline and the outcome arrives with its picture", async () => {
      const alice = world.alice.actor;
      let guide = await alice.runSlashCommand(world.channelId, 'concurrency');
      guide = await alice.clickButton(guide.id, { label: optionKnowledge('cpu').label });
      guide = await alice.clickButton(guide.id, { label: optionKnowledge('pythonCode').label });
      const from = world.discord.requests.length;
      const outcome = await alice.clickButton(guide.id, { label: optionKnowledge('class').label });
      expect(outcome.id).toBe(guide.id);
      expect(outcome.loading).toBe(false);
      expect(headingOf(outcome)).toContain(knowledge.outcomes.process.api);
      expect(outcome.attachments.map((a) => a.filename)).toEqual(['decision-path-cpu-pythonCode-class.png']);
      expect(callbackTypes(from)).toEqual([6]);
      expect(pictures.rendered).toEqual(['cpu>pythonCode>class']);
    });

    it("THEN a stranger's private copy of an outcome is deferred as a private reply, then filled in", async () => {
      const alice = world.alice.actor;
      let guide = await alice.runSlashCommand(world.channelId, 'concurrency');
      for (const option of ['io', 'asyncio'] as const) guide = await alice.clickButton(guide.id, { label: optionKnowledge(option).label });
      const from = world.discord.requests.length;
      const copy = await world.bob.actor.clickButton(guide.id, { label: 'Why?' });
      expect(copy.ephemeralFor).toBe(world.bob.user.id);
      expect(copy.loading).toBe(false);
      expect(headingOf(copy)).toContain(knowledge.outcomes.asyncio.api);
      expect(copy.attachments).toHaveLength(1);
      expect(callbackTypes(from)).toEqual([5]);
    });
  });
});
