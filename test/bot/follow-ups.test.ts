import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGuideLabel } from '../../src/discord/bot-text.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { noGuideYet } from '../../src/core/ui-text.ts';
import type { RenderedMessage, UserActor } from '../../src/local-discord/index.ts';
import { expectCleanServer, firstText, guideTo, registerGlobally, startWorld, textOf, type World } from './harness.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld();
  // Global too, so /concurrency also works in a DM with the bot.
  await registerGlobally(world);
});
afterAll(async () => world.close());
afterEach(() => expectCleanServer(world.discord));


/** Sends a message and returns the bot's reply to it. */
async function replyTo(actor: UserActor, channelId: string, text: string, options: Parameters<UserActor['sendMessage']>[2] = {}): Promise<RenderedMessage> {
  const sent = await actor.sendMessage(channelId, text, options);
  const reply = await actor.waitForBotMessage({ channelId, after: sent.id });
  expect(reply.reference).toBe(sent.id);
  expect(reply.allowedMentions?.parse).toEqual([]);
  expect(reply.allowedMentions?.repliedUser).toBe(false);
  return reply;
}

describe("GIVEN Alice's public guide that ended in asyncio", () => {
  let guide: RenderedMessage;
  beforeAll(async () => {
    guide = await guideTo(world.alice.actor, world.channelId, ['io', 'asyncio']);
  });

  // A guide is an interaction response: without the Message Content intent a reply to it reaches the
  // bot only with an explicit mention (Discord does not count the reply's ping), so these replies mention it.
  it('THEN replying "@Bot why?" to it explains her own answers', async () => {
    const reply = await replyTo(world.alice.actor, world.channelId, 'why?', { replyTo: guide.id, mentionBot: true });
    expect(textOf(reply)).toContain(optionKnowledge('io').label);
    expect(textOf(reply)).toContain(optionKnowledge('asyncio').label);
    expect(textOf(reply)).toContain(knowledge.outcomes.asyncio.api);
  });

  it('THEN replying "@Bot why not ProcessPoolExecutor" compares with it', async () => {
    const reply = await replyTo(world.alice.actor, world.channelId, 'why not ProcessPoolExecutor', { replyTo: guide.id, mentionBot: true });
    expect(textOf(reply)).toContain(`Why not \`${knowledge.outcomes.processPoolExecutor.shortName}\`?`);
  });

  it('THEN "@Bot why?" without a reply finds her latest guide in the channel', async () => {
    const reply = await replyTo(world.alice.actor, world.channelId, 'Why', { mentionBot: true });
    expect(textOf(reply)).toContain(knowledge.outcomes.asyncio.api);
    expect(textOf(reply)).toContain(optionKnowledge('asyncio').label);
  });

  it('THEN "why not" naming nothing the guide knows gets the list of names, and nothing typed is echoed', async () => {
    const reply = await replyTo(world.alice.actor, world.channelId, 'why not @everyone pandas?', { replyTo: guide.id, mentionBot: true });
    expect(textOf(reply)).toContain(knowledge.outcomes.threadPool.shortName);
    expect(textOf(reply)).not.toContain('@everyone');
    expect(textOf(reply)).not.toContain('pandas');
  });

  it('THEN a plain "why?" without the Message Content intent is not answered, while the next mention is', async () => {
    const plain = await world.alice.actor.sendMessage(world.channelId, 'why?');
    const mention = await world.alice.actor.sendMessage(world.channelId, 'why?', { mentionBot: true });
    const next = await world.alice.actor.waitForBotMessage({ channelId: world.channelId, after: plain.id });
    expect(next.reference).toBe(mention.id);
  });

  it('THEN ordinary chat that mentions the bot is ignored', async () => {
    const chat = await world.alice.actor.sendMessage(world.channelId, 'thanks, that helped!', { mentionBot: true });
    const mention = await world.alice.actor.sendMessage(world.channelId, 'why?', { mentionBot: true });
    const next = await world.alice.actor.waitForBotMessage({ channelId: world.channelId, after: chat.id });
    expect(next.reference).toBe(mention.id);
  });
});

describe('GIVEN a guide still at a question', () => {
  it('THEN "@Bot why?" explains that question and "@Bot why not X" says what X still needs', async () => {
    const guide = await guideTo(world.bob.actor, world.channelId, ['cpu', 'pythonCode']);
    const why = await replyTo(world.bob.actor, world.channelId, 'why?', { replyTo: guide.id, mentionBot: true });
    expect(textOf(why)).toContain(knowledge.questions.workers.whyAsked);
    const whyNot = await replyTo(world.bob.actor, world.channelId, 'why not multiprocessing.Pool?', { replyTo: guide.id, mentionBot: true });
    expect(textOf(whyNot)).toContain(optionKnowledge('pool').label);
    expect(textOf(whyNot)).toContain(optionKnowledge('map').label);
  });
});

describe('GIVEN a member with no guide', () => {
  it('THEN "@Bot why?" gets a short pointer to /concurrency with a button that starts one', async () => {
    const carol = world.discord.createUser('carol');
    world.discord.addMember(world.guildId, carol.id);
    const actor = world.discord.as(carol);
    const reply = await replyTo(actor, world.channelId, 'why?', { mentionBot: true });
    expect(firstText(reply)).toBe(noGuideYet);
    const started = await actor.clickButton(reply.id, { label: startGuideLabel });
    expect(started.id).toBe(reply.id);
    expect(textOf(started)).toContain(knowledge.questions.workload.prompt);
  });

  it("THEN replying \"@Bot why?\" to someone else's guide does not explain theirs", async () => {
    const dave = world.discord.createUser('dave');
    world.discord.addMember(world.guildId, dave.id);
    const alicesGuide = await guideTo(world.alice.actor, world.channelId, ['cpu', 'pythonCode', 'class']);
    const reply = await replyTo(world.discord.as(dave), world.channelId, 'why?', { replyTo: alicesGuide.id, mentionBot: true });
    expect(firstText(reply)).toBe(noGuideYet);
  });
});

describe('GIVEN a DM with the bot', () => {
  it('THEN "why?" with no guide there gets the pointer, and after /concurrency in the DM it explains the guide', async () => {
    const actor = world.bob.actor;
    const dm = actor.dmChannelId();
    const pointer = await replyTo(actor, dm, 'why?');
    expect(firstText(pointer)).toBe(noGuideYet);
    await guideTo(actor, dm, ['cpu', 'pythonCode', 'pool', 'map']);
    const why = await replyTo(actor, dm, 'why?');
    expect(textOf(why)).toContain(knowledge.outcomes.pool.api);
  });
});
