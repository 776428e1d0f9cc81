import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { shardOf, startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';
import { createLogger } from '../../src/logger.ts';
import { expectCleanServer, textOf, tinyPictures } from './harness.ts';

const SHARDS = 2;
let discord: LocalDiscord;
let bot: RunningBot;
/** One guild (and channel) on each shard. */
const channels: { shard: number; guildId: string; channelId: string }[] = [];

beforeAll(async () => {
  discord = await startLocalDiscord({ shards: SHARDS });
  for (let attempt = 0; channels.length < SHARDS && attempt < 100; attempt += 1) {
    const guild = discord.createGuild(`Guild ${attempt}`);
    const shard = shardOf(guild.id, SHARDS);
    if (channels.some((entry) => entry.shard === shard)) {
      // The shard comes from the id's timestamp bits: guilds made within one millisecond share it.
      await new Promise((resolve) => setTimeout(resolve, 2));
      continue;
    }
    channels.push({ shard, guildId: guild.id, channelId: discord.createChannel(guild.id, 'help').id });
  }
  expect(channels).toHaveLength(SHARDS);
  const settings = { token: discord.bot.token, applicationId: discord.bot.applicationId, guildId: undefined, apiUrl: discord.apiBaseUrl, messageContent: false };
  expect((await registerCommands(settings)).ok).toBe(true);
  bot = await startBot(
    { ...settings, shards: SHARDS },
    { logger: createLogger('silent'), pictures: tinyPictures(), ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as never },
  );
  for (let shard = 0; shard < SHARDS; shard += 1) await discord.waitForBotReady({ shard });
});
afterAll(async () => {
  await bot.stop();
  await discord.close();
});

describe('GIVEN the bot runs two shards', () => {
  it('THEN a guide works in a server on each shard', async () => {
    for (const { guildId, channelId } of channels) {
      const user = discord.createUser(`member-${guildId}`);
      discord.addMember(guildId, user.id);
      const actor = discord.as(user);
      let guide = await actor.runSlashCommand(channelId, 'concurrency');
      for (const option of ['cpu', 'pythonCode', 'pool', 'map'] as const) guide = await actor.clickButton(guide.id, { label: optionKnowledge(option).label });
      expect(textOf(guide)).toContain(knowledge.outcomes.pool.api);
    }
    expectCleanServer(discord);
  });
});
