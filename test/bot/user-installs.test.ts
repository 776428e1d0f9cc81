import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { buttonLabels as ui, sharedToChannel } from '../../src/core/ui-text.ts';
import { dismissLabel, forcedPrivate, notYoursToDismiss } from '../../src/discord/bot-text.ts';
import type { OptionId } from '../../machines/questions.ts';
import type { RenderedMessage, UserActor } from '../../src/local-discord/index.ts';
import { buttonLabels, expectCleanServer, firstText, headingOf, registerGlobally, startWorld, TRANSPORTS, type World } from './harness.ts';

/*
 * A member who installed the app to their own account uses it where the bot is not: a server that
 * never added it, and a group DM. Everything goes through the interaction's token (the local server
 * answers 403 to any channel read or post there, and records it), so the guide, Share and Dismiss
 * must work without one.
 */
describe.each(TRANSPORTS)('Interactions over the %s', (transport) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ transport });
    await registerGlobally(world);
    world.discord.installForUser(world.alice.user.id);
  });
  afterAll(async () => world.close());
  afterEach(() => expectCleanServer(world.discord));

  const path: readonly OptionId[] = ['io', 'asyncio'];
  async function walk(actor: UserActor, channelId: string, isPrivate: boolean): Promise<RenderedMessage> {
    let message = await actor.runSlashCommand(channelId, 'concurrency', isPrivate ? { private: true } : {});
    for (const option of path) message = await actor.clickButton(message.id, { label: optionKnowledge(option).label });
    return message;
  }

  /** Shares a private outcome and returns the public post. */
  async function shareAndCheck(actor: UserActor, guide: RenderedMessage, channelId: string): Promise<RenderedMessage> {
    const shared = await actor.clickButton(guide.id, { label: ui.share });
    expect(shared.ephemeral).toBe(false);
    expect(headingOf(shared)).toContain(knowledge.outcomes.asyncio.api);
    expect(buttonLabels(shared)).toContain(dismissLabel);
    const privateGuide = () => actor.view(channelId).find((message) => message.id === guide.id);
    await expect.poll(() => firstText(privateGuide())).toBe(sharedToChannel);
    return shared;
  }

  it('GIVEN a server that never added the bot WHEN the member who installed it walks a private guide THEN it works, Share posts the result, and its owner dismisses it', async () => {
    const server = world.discord.createGuild('Elsewhere', { withBot: false });
    const channel = world.discord.createChannel(server.id, 'help');
    world.discord.addMember(server.id, world.alice.user.id);
    const outcome = await walk(world.alice.actor, channel.id, true);
    expect(headingOf(outcome)).toContain(knowledge.outcomes.asyncio.api);
    const shared = await shareAndCheck(world.alice.actor, outcome, channel.id);
    await world.alice.actor.clickButtonToDelete(shared.id, { label: dismissLabel });
    expect(world.alice.actor.view(channel.id).some((message) => message.id === shared.id)).toBe(false);
  });

  it('GIVEN a group DM WHEN the member walks a guide and shares it THEN the friend sees the post; a friend who presses Dismiss is told it is not theirs; the owner dismisses it', async () => {
    const friend = world.discord.createUser('friend');
    const group = world.discord.createGroupDm([world.alice.user.id, friend.id], 'pair');
    const outcome = await walk(world.alice.actor, group.id, true);
    const shared = await shareAndCheck(world.alice.actor, outcome, group.id);
    const friendActor = world.discord.as(friend);
    expect(friendActor.view(group.id).some((message) => message.id === shared.id)).toBe(true);
    // In a DM no one manages messages: only the guide's own member may dismiss it.
    const refusal = await friendActor.clickButton(shared.id, { label: dismissLabel });
    expect(refusal.ephemeralFor).toBe(friend.id);
    expect(firstText(refusal)).toBe(notYoursToDismiss);
    await world.alice.actor.clickButtonToDelete(shared.id, { label: dismissLabel });
    expect(friendActor.view(group.id).some((message) => message.id === shared.id)).toBe(false);
  });

  it('GIVEN a server that denies members\' own apps public answers ("Use External Apps") THEN the guide comes out private, says so once, and offers no Share', async () => {
    const strict = world.discord.createGuild('Strict', { withBot: false, useExternalApps: false });
    const channel = world.discord.createChannel(strict.id, 'help');
    world.discord.addMember(strict.id, world.alice.user.id);
    const start = await world.alice.actor.runSlashCommand(channel.id, 'concurrency');
    expect(start.ephemeral).toBe(true);
    expect(firstText(start)).toBe(forcedPrivate);
    let message = start;
    for (const option of path) message = await world.alice.actor.clickButton(message.id, { label: optionKnowledge(option).label });
    expect(message.ephemeral).toBe(true);
    expect(firstText(message)).not.toBe(forcedPrivate);
    expect(buttonLabels(message)).not.toContain(ui.share);
  });
});

describe('Dismiss in a server with the bot', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world.close());
  afterEach(() => expectCleanServer(world.discord));

  it('GIVEN a public guide THEN a member who may not manage messages is told it is not theirs, and a moderator dismisses it', async () => {
    const guide = await world.alice.actor.runSlashCommand(world.channelId, 'concurrency');
    world.discord.setManageMessages(world.guildId, world.bob.user.id, false);
    const refusal = await world.bob.actor.clickButton(guide.id, { label: dismissLabel });
    expect(refusal.ephemeralFor).toBe(world.bob.user.id);
    expect(firstText(refusal)).toBe(notYoursToDismiss);
    expect(world.alice.actor.view(world.channelId).some((message) => message.id === guide.id)).toBe(true);
    const moderator = world.discord.createUser('moderator');
    world.discord.addMember(world.guildId, moderator.id);
    await world.discord.as(moderator).clickButtonToDelete(guide.id, { label: dismissLabel });
    expect(world.alice.actor.view(world.channelId).some((message) => message.id === guide.id)).toBe(false);
  });

  it('GIVEN a private guide THEN it has no Dismiss (Discord lets its member dismiss it)', async () => {
    const guide = await world.alice.actor.runSlashCommand(world.channelId, 'concurrency', { private: true });
    expect(buttonLabels(guide)).not.toContain(dismissLabel);
  });
});
