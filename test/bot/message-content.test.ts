import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { expectCleanServer, startWorld, textOf, type World } from './harness.ts';

// The same bot, with the privileged Message Content intent enabled for the application and requested.
let world: World;
beforeAll(async () => {
  world = await startWorld({ messageContent: true });
});
afterAll(async () => world.close());
afterEach(() => expectCleanServer(world.discord));

describe('GIVEN the Message Content intent', () => {
  it('THEN a plain "why?" in the channel explains the author\'s latest guide there', async () => {
    const alice = world.alice.actor;
    let guide = await alice.runSlashCommand(world.channelId, 'concurrency');
    for (const option of ['io', 'threads', 'class'] as const) guide = await alice.clickButton(guide.id, { label: optionKnowledge(option).label });
    const asked = await alice.sendMessage(world.channelId, 'why?');
    const reply = await alice.waitForBotMessage({ channelId: world.channelId, after: asked.id });
    expect(reply.reference).toBe(asked.id);
    expect(textOf(reply)).toContain(knowledge.outcomes.thread.api);
    expect(textOf(reply)).toContain(optionKnowledge('class').label);
  });

  it('THEN plain chat, and a plain "why not" naming nothing known, are left alone', async () => {
    const alice = world.alice.actor;
    const chat = await alice.sendMessage(world.channelId, 'does anyone know why not pandas?');
    await alice.sendMessage(world.channelId, 'why not pandas?');
    const asked = await alice.sendMessage(world.channelId, 'why not asyncio?');
    const next = await alice.waitForBotMessage({ channelId: world.channelId, after: chat.id });
    expect(next.reference).toBe(asked.id);
    expect(textOf(next)).toContain(`Why not \`${knowledge.outcomes.asyncio.shortName}\`?`);
  });

  it('THEN a plain "why?" from someone with no guide gets the pointer', async () => {
    const asked = await world.bob.actor.sendMessage(world.channelId, 'Why?');
    const reply = await world.bob.actor.waitForBotMessage({ channelId: world.channelId, after: asked.id });
    expect(reply.reference).toBe(asked.id);
    expect(textOf(reply)).toContain('/concurrency');
  });
});
