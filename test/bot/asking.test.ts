import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cannotReadReplies } from '../../src/discord/bot-text.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { buttonLabels as ui } from '../../src/core/ui-text.ts';
import type { RenderedMessage } from '../../src/local-discord/index.ts';
import { buttonLabels as labelsOf, expectCleanServer, firstText, guideTo, registerGlobally, startWorld, textOf, type World } from './harness.ts';

// The bot as members meet it on the real Discord: no Message Content intent, so a reply to a guide
// (an interaction response) reaches it without its text unless the reply mentions it.
let world: World;
beforeAll(async () => {
  world = await startWorld({ messageContent: false });
  await registerGlobally(world);
});
afterAll(async () => world.close());
afterEach(() => expectCleanServer(world.discord));


/** Every message of the bot's in the channel after `afterId`, oldest first, once the bot has had time to answer. */
async function botMessagesAfter(channelId: string, afterId: string, marker: RenderedMessage): Promise<RenderedMessage[]> {
  // The marker is a mention the bot always answers; messages before its answer are those the bot sent for earlier ones.
  const markerAnswer = await world.alice.actor.waitForBotMessage({ channelId, after: marker.id });
  return world.discord
    .messages(channelId)
    .filter((message) => message.authorId === world.discord.bot.userId && BigInt(message.id) > BigInt(afterId) && BigInt(message.id) < BigInt(markerAnswer.id));
}

describe('GIVEN an outcome in a server channel and no Message Content intent', () => {
  let outcome: RenderedMessage;
  beforeAll(async () => {
    outcome = await guideTo(world.alice.actor, world.channelId, ['io', 'threads', 'class']);
  });

  it('THEN a plain reply "why?" to it gets one note on how to ask, with an Ask button, and a second reply gets nothing more', async () => {
    const first = await world.alice.actor.sendMessage(world.channelId, 'why?', { replyTo: outcome.id });
    const note = await world.alice.actor.waitForBotMessage({ channelId: world.channelId, after: first.id });
    expect(note.reference).toBe(first.id);
    expect(firstText(note)).toBe(cannotReadReplies(`<@${world.discord.bot.userId}>`));
    expect(labelsOf(note)).toContain(ui.ask);
    expect(note.allowedMentions?.parse).toEqual([]);

    await world.alice.actor.sendMessage(world.channelId, 'why though?', { replyTo: outcome.id });
    const marker = await world.alice.actor.sendMessage(world.channelId, 'why?', { mentionBot: true });
    expect(await botMessagesAfter(world.channelId, note.id, marker)).toEqual([]);
  });

  it('THEN a reply "@Bot why not asyncio?" is answered about asyncio, from her answers', async () => {
    const asked = await world.alice.actor.sendMessage(world.channelId, 'why not asyncio?', { replyTo: outcome.id, mentionBot: true });
    const answer = await world.alice.actor.waitForBotMessage({ channelId: world.channelId, after: asked.id });
    expect(answer.reference).toBe(asked.id);
    expect(textOf(answer)).toContain(`Why not \`${knowledge.outcomes.asyncio.shortName}\`?`);
    expect(textOf(answer)).toContain(optionKnowledge('threads').label);
  });

  it('THEN a plain message that is not a reply, and chat that mentions the bot without a question, get nothing', async () => {
    const plain = await world.alice.actor.sendMessage(world.channelId, 'why?');
    await world.alice.actor.sendMessage(world.channelId, 'thanks, that helped!', { mentionBot: true });
    const marker = await world.alice.actor.sendMessage(world.channelId, 'why?', { mentionBot: true });
    expect(await botMessagesAfter(world.channelId, plain.id, marker)).toEqual([]);
  });
});

describe('GIVEN a DM with the bot and no Message Content intent', () => {
  it('THEN "why?" and "how many workers?" there are read and answered about the DM guide', async () => {
    const actor = world.bob.actor;
    const dm = actor.dmChannelId();
    await guideTo(actor, dm, ['cpu', 'pythonCode', 'pool', 'map']);
    const why = await actor.sendMessage(dm, 'why?');
    const whyAnswer = await actor.waitForBotMessage({ channelId: dm, after: why.id });
    expect(textOf(whyAnswer)).toContain(knowledge.outcomes.pool.api);
    const workers = await actor.sendMessage(dm, 'how many workers?');
    const workersAnswer = await actor.waitForBotMessage({ channelId: dm, after: workers.id });
    expect(textOf(workersAnswer)).toContain('os.process_cpu_count()');
  });
});
