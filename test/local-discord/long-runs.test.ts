import { DiscordAPIError, Events, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, startLocalDiscord } from '../../src/local-discord/index.ts';
import { InteractionRegistry } from '../../src/local-discord/interactions.ts';
import { aGuildPlace, botSays, connect, guildWithUser, endSession, type Session } from './harness.ts';

describe('options for long runs such as benchmarks', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await endSession(session);
    session = undefined;
  });

  it('GIVEN recordRequests false WHEN the bot calls REST THEN the request log stays empty and the calls still work', async () => {
    session = await connect({ recordRequests: false });
    const { channel, actor } = guildWithUser(session.discord);
    const said = await botSays(session.client, channel.id, 'hello');
    expect(actor.view(channel.id).map((message) => message.id)).toEqual([said.id]);
    expect(session.discord.requests).toEqual([]);
  });

  it('GIVEN the default WHEN the bot calls REST THEN every request is logged', async () => {
    session = await connect();
    const { channel } = guildWithUser(session.discord);
    await botSays(session.client, channel.id, 'hello');
    expect(session.discord.requests.some((request) => request.method === 'POST' && request.route === `/channels/${channel.id}/messages`)).toBe(true);
  });

  // Within every documented limit, but `tts` must be a boolean by Discord's OpenAPI schema.
  const schemaOnlyBody = { content: 'flag as text', tts: 'yes' };
  const post = (current: Session, channelId: string, body: unknown) => current.client.rest.post(Routes.channelMessages(channelId), { body });

  /** The request was refused with 50035, the one broken rule of the test, which then closes its own session. */
  async function expectOnlyRefusal(current: Session, request: Promise<unknown>): Promise<void> {
    await expect(request).rejects.toSatisfy((error) => error instanceof DiscordAPIError && error.code === 50035);
    expect(current.discord.violations.map((violation) => violation.code)).toEqual([50035]);
    await current.close();
    session = undefined;
  }

  it('GIVEN schemaChecks false WHEN a body breaks only the OpenAPI schema THEN it is accepted, while documented limits are still enforced', async () => {
    session = await connect({ schemaChecks: false });
    const { channel, actor } = guildWithUser(session.discord);
    await post(session, channel.id, schemaOnlyBody);
    expect(actor.view(channel.id).map((message) => message.content)).toEqual(['flag as text']);
    await expectOnlyRefusal(session, post(session, channel.id, { content: 'x'.repeat(2001) }));
  });

  it('GIVEN the default WHEN a body breaks the OpenAPI schema THEN it is refused with 50035', async () => {
    session = await connect();
    const { channel } = guildWithUser(session.discord);
    await expectOnlyRefusal(session, post(session, channel.id, schemaOnlyBody));
  });

  it('GIVEN a message WHEN it is forgotten THEN users no longer see it and the bot gets no MESSAGE_DELETE', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const kept = await botSays(session.client, channel.id, 'keep me');
    const dropped = await botSays(session.client, channel.id, 'forget me');
    let deletes = 0;
    session.client.on(Events.MessageDelete, () => (deletes += 1));
    expect(session.discord.forgetMessage(dropped.id)).toBe(true);
    expect(actor.view(channel.id).map((message) => message.id)).toEqual([kept.id]);
    // A later message round-trips through the gateway, so a MESSAGE_DELETE would have arrived by now.
    await botSays(session.client, channel.id, 'after');
    expect(deletes).toBe(0);
  });

  it('GIVEN an unknown message id WHEN it is forgotten THEN the answer is false and nothing changes', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    await botSays(session.client, channel.id, 'still here');
    expect(session.discord.forgetMessage('123456789012345678')).toBe(false);
    expect(actor.view(channel.id)).toHaveLength(1);
  });
});

describe('a shorter interaction token lifetime for long runs', () => {
  it('GIVEN a lifetime of 10 s WHEN 10 s pass THEN the token has expired and the interaction is let go', () => {
    const clock = createManualClock();
    const registry = new InteractionRegistry(clock, 10_000);
    const record = registry.create({ id: '1', type: 2, channelId: '2', userId: '3', ...aGuildPlace });
    clock.advance(9_999);
    expect(record.tokenExpired()).toBe(false);
    expect(registry.size).toBe(1);
    clock.advance(1);
    expect(record.tokenExpired()).toBe(true);
    expect(registry.size).toBe(0);
  });

  it('GIVEN a lifetime inside Discord\'s 3 s answer window THEN the server refuses to start, saying why', async () => {
    await expect(startLocalDiscord({ interactionTokenLifetimeMs: 3_000 })).rejects.toThrow(/longer than the 3000 ms answer window/);
  });
});
