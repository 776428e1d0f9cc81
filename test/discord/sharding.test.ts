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

/** The log lines of a manager and its shards that carry `msg`, parsed. */
function lines(child: BotChild, msg: string): Record<string, unknown>[] {
  return child
    .output()
    .split('\n')
    .filter((line) => line.includes(`"msg":"${msg}"`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('shard processes that die', () => {
  let discord: LocalDiscord;
  const managers: BotChild[] = [];
  afterEach(async () => {
    await Promise.all(managers.splice(0).map((manager) => manager.kill('SIGKILL')));
    expectCleanServer(discord);
    await discord.close();
  });

  const startManager = async (options: { sessionStartLimit?: number; env?: Record<string, string> }) => {
    discord = await startLocalDiscord({ shards: 2, ...(options.sessionStartLimit === undefined ? {} : { sessionStartLimit: options.sessionStartLimit }) });
    const manager = startBotChild(discord, { SHARDS: '2', SHARD_SPAWN_DELAY_MS: '200', ...options.env }, 'all shards ready');
    managers.push(manager);
    await manager.ready;
    return manager;
  };
  const pidOf = (manager: BotChild, shardId: number) => lines(manager, 'shard process started').filter((line) => line['shardId'] === shardId).map((line) => line['pid'] as number);

  it('GIVEN a shard killed THEN the manager starts it again after a pause of at least the spawn delay, and it logs in anew', async () => {
    const manager = await startManager({});
    const [firstPid] = pidOf(manager, 1);
    expect(firstPid).toBeGreaterThan(0);
    process.kill(firstPid as number, 'SIGKILL');
    await expect.poll(() => pidOf(manager, 1).length, { timeout: 15_000 }).toBe(2);
    const [pause] = lines(manager, 'shard process exited; starting it again after a pause');
    expect(pause).toMatchObject({ shardId: 1, failuresInARow: 1 });
    expect(pause?.['delayMs']).toBeGreaterThanOrEqual(200);
    // The new process logs in anew (a log line of the killed one may never have left it, so the server is asked).
    await discord.waitForBotReady({ shard: 1, timeoutMs: 15_000 });
    expect(pidOf(manager, 0)).toHaveLength(1);
  }, 60_000);

  it('GIVEN the day\'s IDENTIFY budget down to what a full restart needs THEN a dead shard stays down, one error line says why, and the other shard carries on', async () => {
    // Three IDENTIFYs a day: the two shards use two, and one left is not more than the two a restart of both needs.
    const manager = await startManager({ sessionStartLimit: 3 });
    const [pid] = pidOf(manager, 0);
    process.kill(pid as number, 'SIGKILL');
    await expect.poll(() => lines(manager, 'not restarting shards any more: 1 of the day\'s 3 IDENTIFYs are left, just what starting this host\'s 2 shards once more needs; using them up would make Discord reset the token. Find why shards die, then restart the bot').length, { timeout: 15_000 }).toBe(1);
    expect(pidOf(manager, 0)).toHaveLength(1);
    await discord.waitForBotReady({ shard: 1, timeoutMs: 5_000 });
  }, 60_000);

  it('GIVEN SHARDS=4 and SHARD_IDS=1,3 THEN this host starts only shards 1 and 3', async () => {
    discord = await startLocalDiscord({ shards: 4 });
    const manager = startBotChild(discord, { SHARDS: '4', SHARD_IDS: '1,3', SHARD_SPAWN_DELAY_MS: '200' }, 'all shards ready');
    managers.push(manager);
    await manager.ready;
    expect(lines(manager, 'shard starting').map((line) => line['shardId'])).toEqual([1, 3]);
    expect(lines(manager, 'all shards ready')[0]).toMatchObject({ shards: 4, shardIds: [1, 3] });
    await discord.waitForBotReady({ shard: 3, timeoutMs: 5_000 });
  }, 60_000);
});
