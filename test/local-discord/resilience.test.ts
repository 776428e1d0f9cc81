import { Events, type Message } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, shardOf, type LocalDiscord } from '../../src/local-discord/index.ts';
import { botSays, connect, guildWithUser, nextEvent, type Session } from './harness.ts';

describe('gateway resilience', () => {
  let session: Session;
  afterEach(async () => {
    expect(session.discord.violations).toEqual([]);
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  it('GIVEN a dropped socket WHEN a user writes while the bot is away THEN the bot resumes and gets the missed message', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const resumed = nextEvent(session.client, Events.ShardResume);
    const received = nextEvent<[Message]>(session.client, Events.MessageCreate);
    session.discord.faults.dropGateway();
    const sent = await actor.sendMessage(channel.id, 'are you there?', { mentionBot: true });
    await resumed;
    const [message] = await received;
    expect(message.id).toBe(sent.id);
    expect(session.discord.requests.filter((request) => request.route === '/gateway/bot')).toHaveLength(1);
  });

  it('GIVEN a message dispatched in the same turn as a drop WHEN the bot resumes THEN the message is replayed, not lost with the unsent write', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const resumed = nextEvent(session.client, Events.ShardResume);
    const received = nextEvent<[Message]>(session.client, Events.MessageCreate);
    const sending = actor.sendMessage(channel.id, 'caught in the drop', { mentionBot: true });
    session.discord.faults.dropGateway();
    const sent = await sending;
    await resumed;
    const [message] = await received;
    expect(message.id).toBe(sent.id);
  });

  it('GIVEN a RECONNECT WHEN the client reconnects THEN it resumes the same session', async () => {
    session = await connect();
    const resumed = nextEvent(session.client, Events.ShardResume);
    session.discord.faults.sendReconnect();
    await resumed;
    await session.discord.waitForBotReady();
  });

  it('GIVEN a resumable INVALID_SESSION WHEN the client resumes THEN events keep flowing', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const resumed = nextEvent(session.client, Events.ShardResume);
    session.discord.faults.sendInvalidSession(true);
    await resumed;
    const received = nextEvent<[Message]>(session.client, Events.MessageCreate);
    await actor.sendMessage(channel.id, 'still there?', { mentionBot: true });
    expect((await received)[0].content).toContain('still there?');
  });

  it('GIVEN a non-resumable INVALID_SESSION WHEN the client identifies again THEN it is ready with its guilds', async () => {
    session = await connect();
    const { channel, actor } = guildWithUser(session.discord);
    const readyAgain = nextEvent(session.client, Events.ShardReady);
    session.discord.faults.sendInvalidSession(false);
    await readyAgain;
    await session.discord.waitForBotReady();
    const received = nextEvent<[Message]>(session.client, Events.MessageCreate);
    await actor.sendMessage(channel.id, 'hello again', { mentionBot: true });
    expect((await received)[0].content).toContain('hello again');
  });
});

describe('two shards', () => {
  let session: Session;
  afterEach(async () => {
    expect(session.discord.violations).toEqual([]);
    await session.close();
  });

  /** Guild ids carry their creation millisecond, so stepping the clock puts guilds on both shards. */
  function guildsOnBothShards(discord: LocalDiscord, step: () => void) {
    const guilds = [discord.createGuild('even')];
    step();
    guilds.push(discord.createGuild('odd'));
    return guilds;
  }

  it('GIVEN /gateway/bot recommending 2 shards WHEN the client logs in THEN each guild lives on shard (id >> 22) % 2 and interactions reach it there', async () => {
    const clock = createManualClock();
    let guilds: { id: string; name: string }[] = [];
    session = await connect({ shards: 2, clock }, { shards: 'auto' }, (discord) => {
      guilds = guildsOnBothShards(discord, () => clock.advance(1));
    });
    expect(new Set(guilds.map((guild) => shardOf(guild.id, 2)))).toEqual(new Set([0, 1]));
    for (const guild of guilds) expect(session.client.guilds.cache.get(guild.id)?.shardId).toBe(shardOf(guild.id, 2));
    await session.discord.waitForBotReady({ shard: 1 });

    const guild = guilds.find((candidate) => shardOf(candidate.id, 2) === 1);
    const channel = session.discord.createChannel(guild?.id ?? '');
    const user = session.discord.createUser('ken');
    session.discord.addMember(guild?.id ?? '', user.id);
    await session.client.application?.commands.set([{ name: 'where', description: 'Which shard?' }], guild?.id ?? '');
    session.client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) interaction.reply(`shard ${interaction.guild?.shardId}`).catch(() => undefined);
    });
    expect((await session.discord.as(user).runSlashCommand(channel.id, 'where')).content).toBe('shard 1');
  });
});

describe('REST faults honoured by discord.js', () => {
  let session: Session;
  afterEach(async () => {
    expect(session.discord.violations).toEqual([]);
    await session.close();
  });

  it('GIVEN an injected 429 WHEN the bot sends a message THEN discord.js waits retry_after and the message is sent once', async () => {
    session = await connect();
    const { channel } = guildWithUser(session.discord);
    const limited = new Promise<number>((resolve) => session.client.rest.once('rateLimited', (info) => resolve(info.retryAfter)));
    session.discord.faults.rateLimitNext({ retryAfterMs: 300, route: `/channels/${channel.id}/messages` });
    await botSays(session.client, channel.id, 'after the wait');
    expect(await limited).toBeGreaterThanOrEqual(300);
    const statuses = session.discord.requests.filter((request) => request.route === `/channels/${channel.id}/messages`).map((request) => request.status);
    expect(statuses).toEqual([429, 200]);
    expect(session.discord.messages(channel.id).map((message) => message.content)).toEqual(['after the wait']);
  });

  it('GIVEN an injected 500 WHEN the bot sends a message THEN discord.js retries and the message is sent once', async () => {
    session = await connect();
    const { channel } = guildWithUser(session.discord);
    session.discord.faults.serverErrorNext({ route: `/channels/${channel.id}/messages` });
    await botSays(session.client, channel.id, 'after the retry');
    const statuses = session.discord.requests.filter((request) => request.route === `/channels/${channel.id}/messages`).map((request) => request.status);
    expect(statuses).toEqual([500, 200]);
    expect(session.discord.messages(channel.id).map((message) => message.content)).toEqual(['after the retry']);
  });

  it('GIVEN an injected 429 on the interaction callback WHEN the bot replies inside the window THEN the reply still lands', async () => {
    session = await connect();
    const { guild, channel, actor } = guildWithUser(session.discord);
    await session.client.application?.commands.set([{ name: 'ping', description: 'Ping' }], guild.id);
    session.client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) interaction.reply('pong').catch(() => undefined);
    });
    session.discord.faults.rateLimitNext({ retryAfterMs: 100, route: '/callback' });
    expect((await actor.runSlashCommand(channel.id, 'ping')).content).toBe('pong');
    expect(session.discord.requests.filter((request) => request.route.endsWith('/callback')).map((request) => request.status)).toEqual([429, 204]);
  });
});
