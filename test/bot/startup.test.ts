import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/discord/bot.ts';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';
import { createLogger } from '../../src/logger.ts';

let discord: LocalDiscord;
let guildId: string;
let target: Parameters<typeof registerCommands>[0];
beforeAll(async () => {
  discord = await startLocalDiscord();
  guildId = discord.createGuild('Startup tests').id;
  target = { token: discord.bot.token, applicationId: discord.bot.applicationId, guildId, apiUrl: discord.apiBaseUrl };
});
afterAll(async () => discord.close());

const FAKE_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.abcdef.ghijklmnopqrstuvwxyz0123456789';
const silent = createLogger('silent');
const noThrottle = { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as never;

/** Violations this test expects the server to have seen, e.g. the 401 of a refused token; anything else fails. */
function expectOnlyViolations(statuses: number[], from: number): void {
  expect(discord.violations.slice(from).map((violation) => violation.status)).toEqual(statuses);
  expect(discord.internalErrors).toEqual([]);
}

describe('registering the command', () => {
  it('GIVEN a server id, registered twice THEN the server holds exactly the slash command and the message command', async () => {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await registerCommands(target);
      expect(result).toEqual({ ok: true, value: { names: ['/concurrency', '"Ask the concurrency guide" (message menu, under Apps)'], scope: 'guild' } });
    }
    const rest = new REST({ api: discord.apiBaseUrl }).setToken(discord.bot.token);
    const commands = (await rest.get(Routes.applicationGuildCommands(discord.bot.applicationId, guildId))) as { name: string; contexts?: number[] }[];
    expect(commands.map((command) => command.name)).toEqual(['concurrency', 'Ask the concurrency guide']);
    expect(discord.violations).toEqual([]);
  });

  it('GIVEN no server id THEN it is registered globally, usable in servers, DMs with the bot, and other DMs and group DMs', async () => {
    const result = await registerCommands({ ...target, guildId: undefined });
    expect(result.ok && result.value.scope).toBe('global');
    const rest = new REST({ api: discord.apiBaseUrl }).setToken(discord.bot.token);
    const [command] = (await rest.get(Routes.applicationCommands(discord.bot.applicationId))) as { contexts?: number[] }[];
    expect(command?.contexts?.sort()).toEqual([0, 1, 2]);
    expect(discord.violations).toEqual([]);
  });

  it('GIVEN a token Discord refuses THEN one line says so, without the token', async () => {
    const before = discord.violations.length;
    const result = await registerCommands({ ...target, token: FAKE_TOKEN });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('refused the token');
    expect(result.error).not.toContain('\n');
    expect(result.error).not.toContain(FAKE_TOKEN);
    expectOnlyViolations([401], before);
  });

  it('GIVEN an address where nothing listens THEN one line names it', async () => {
    const result = await registerCommands({ ...target, apiUrl: 'http://127.0.0.1:9/api' });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('Could not reach http://127.0.0.1:9/api') });
  });
});

describe('starting the bot', () => {
  it('GIVEN a token Discord refuses THEN start fails with the plain reason', async () => {
    const before = discord.violations.length;
    const settings = { ...target, token: FAKE_TOKEN, messageContent: false };
    await expect(startBot(settings, { logger: silent, ws: noThrottle })).rejects.toThrow(/refused the token \(close code 4004\)/);
    expectOnlyViolations([401], before);
  });

  it('GIVEN the Message Content intent is requested but not enabled for the app THEN start fails naming close code 4014', async () => {
    const before = discord.violations.length;
    const settings = { ...target, messageContent: true };
    await expect(startBot(settings, { logger: silent, ws: noThrottle })).rejects.toThrow(/Message Content intent \(close code 4014\)/);
    expect(discord.violations.slice(before).every((violation) => violation.status !== 400)).toBe(true);
    expect(discord.internalErrors).toEqual([]);
  });

  it('GIVEN good settings THEN it starts, and stop() is safe to call twice', async () => {
    const bot = await startBot({ ...target, messageContent: false }, { logger: silent, ws: noThrottle });
    await discord.waitForBotReady();
    expect(bot.client.isReady()).toBe(true);
    await bot.stop();
    await bot.stop();
    expect(bot.client.isReady()).toBe(false);
  });
});
