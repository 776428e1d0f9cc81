import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError, startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';
import { bareClient, connect, type Session } from './harness.ts';

describe('login and ready', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('GIVEN a guild with a channel WHEN a bare discord.js client logs in THEN it is ready and has cached the guild and channel', async () => {
    let guildId = '';
    let channelId = '';
    session = await connect({}, {}, (discord) => {
      const guild = discord.createGuild('Home');
      guildId = guild.id;
      channelId = discord.createChannel(guild.id, 'lobby').id;
    });
    const { client, discord } = session;
    expect(client.user?.id).toBe(discord.bot.userId);
    expect(client.application?.id).toBe(discord.bot.applicationId);
    expect(client.guilds.cache.get(guildId)?.name).toBe('Home');
    expect(client.channels.cache.get(channelId)?.isTextBased()).toBe(true);
    expect(discord.requests.map((request) => `${request.method} ${request.route}`)).toEqual(['GET /gateway/bot']);
    expect(discord.violations).toEqual([]);
    expect(discord.internalErrors).toEqual([]);
  });

  it('GIVEN a ready bot WHEN a guild is created later THEN the client receives it', async () => {
    session = await connect();
    const created = new Promise<string>((resolve) => session?.client.once(Events.GuildCreate, (guild) => resolve(guild.name)));
    session.discord.createGuild('Late guild');
    expect(await created).toBe('Late guild');
  });
});

describe('gateway refusals', () => {
  let discord: LocalDiscord | undefined;
  afterEach(async () => {
    await discord?.close();
    discord = undefined;
  });

  it('GIVEN a wrong token WHEN the client logs in THEN the REST call is refused with 401 and login fails', async () => {
    discord = await startLocalDiscord();
    const client = bareClient(discord);
    await expect(client.login('not-the-token')).rejects.toThrow(/token/i);
    await client.destroy();
    expect(discord.violations.map((violation) => violation.status)).toContain(401);
  });

  it('GIVEN MESSAGE_CONTENT not enabled WHEN the client identifies with it THEN the gateway closes with 4014', async () => {
    discord = await startLocalDiscord({ messageContent: false });
    const client = bareClient(discord, { intents: ['Guilds', 'MessageContent'] });
    await expect(client.login(discord.bot.token)).rejects.toThrow();
    await client.destroy();
    expect(discord.violations.map((violation) => violation.code)).toContain(4014);
  });

  it('GIVEN no bot connected WHEN a test injects a gateway fault THEN it is told to log the bot in first', async () => {
    discord = await startLocalDiscord();
    expect(() => discord?.faults.dropGateway()).toThrow(DriverError);
    expect(() => discord?.faults.rateLimitNext({ retryAfterMs: -5 })).toThrow(RangeError);
  });

  it('GIVEN MESSAGE_CONTENT enabled WHEN the client identifies with it THEN it is ready', async () => {
    discord = await startLocalDiscord({ messageContent: true });
    const client = bareClient(discord, { intents: ['Guilds', 'MessageContent'] });
    await client.login(discord.bot.token);
    await discord.waitForBotReady();
    await client.destroy();
    expect(discord.violations).toEqual([]);
  });
});
