import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { recommendedShardCount } from '../../src/discord/sharding.ts';
import { shardOf, startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';
import { expectCleanServer, textOf } from '../bot/harness.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { startBotChild, type BotChild } from '../support/bot-child.ts';

const SHARDS = 2;

describe('SHARDS=auto with a server that recommends two shards', () => {
  let discord: LocalDiscord;
  let manager: BotChild | undefined;
  const guildsByShard = new Map<number, string>();

  beforeAll(async () => {
    discord = await startLocalDiscord({ shards: SHARDS });
    // Guild ids carry their creation time, which decides their shard: make guilds until both shards have one.
    for (let attempt = 0; attempt < 500 && guildsByShard.size < SHARDS; attempt += 1) {
      const guild = discord.createGuild(`Guild ${attempt}`);
      const shard = shardOf(guild.id, SHARDS);
      if (!guildsByShard.has(shard)) guildsByShard.set(shard, guild.id);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const registered = await registerCommands({ token: discord.bot.token, applicationId: discord.bot.applicationId, guildId: undefined, apiUrl: discord.apiBaseUrl });
    if (!registered.ok) throw new Error(registered.error);
  });
  afterAll(async () => {
    await manager?.kill('SIGKILL');
    await discord.close();
  });
  afterEach(() => expectCleanServer(discord));

  it('GIVEN guilds on both shards THEN a shard process per shard connects, guides work in every guild, and SIGTERM stops them all', async () => {
    expect([...guildsByShard.keys()].sort()).toEqual([0, 1]);
    manager = startBotChild(discord, { SHARDS: 'auto', SHARD_SPAWN_DELAY_MS: '200' }, 'all shards ready');
    await manager.ready;
    await discord.waitForBotReady({ timeoutMs: 30_000 });
    for (const [shard, guildId] of guildsByShard) {
      const channel = discord.createChannel(guildId, `shard-${shard}`);
      const user = discord.createUser(`member-of-shard-${shard}`);
      discord.addMember(guildId, user.id);
      const actor = discord.as(user);
      const start = await actor.runSlashCommand(channel.id, 'concurrency', {}, { timeoutMs: 10_000 });
      const next = await actor.clickButton(start.id, { label: optionKnowledge('io').label }, { timeoutMs: 10_000 });
      expect(textOf(next)).toContain(knowledge.questions.ioModel.prompt);
    }
    const shardLines = manager.output().split('\n').filter((line) => line.includes('"msg":"shard starting"'));
    expect(shardLines).toHaveLength(SHARDS);
    await manager.kill('SIGTERM');
    expect(await manager.exited).toBe(0);
  }, 120_000);
});

describe('asking how many shards to run', () => {
  const answering = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status });

  it('GIVEN the API recommends 3 THEN the count is 3', async () => {
    expect(await recommendedShardCount('http://api.test', 'token', answering(200, { shards: 3 }))).toBe(3);
  });

  it('GIVEN a refused token, an error status or no count THEN a one-line reason says what to do', async () => {
    await expect(recommendedShardCount('http://api.test', 'token', answering(401, {}))).rejects.toThrow(/refused the token/);
    await expect(recommendedShardCount('http://api.test', 'token', answering(502, {}))).rejects.toThrow(/SHARDS to a number/);
    await expect(recommendedShardCount('http://api.test', 'token', answering(200, { shards: 0 }))).rejects.toThrow(/without a shard count/);
  });

  it('GIVEN the API cannot be reached THEN the reason names it', async () => {
    const unreachable: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(recommendedShardCount('http://api.test', 'token', unreachable)).rejects.toThrow(/could not ask http:\/\/api.test/);
  });
});
