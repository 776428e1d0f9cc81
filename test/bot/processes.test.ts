import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';
import { expectCleanServer } from './harness.ts';

// Each child loads discord.js: a second or more on a busy machine, so only the wiring is checked here.
const SLOW = 90_000;
const ROOT = resolve(import.meta.dirname, '../..');
// An empty working directory, so no developer's .env is read by the child.
const EMPTY_DIR = mkdtempSync(join(tmpdir(), 'bot-process-'));

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a built script as npm's script does after its build step (`node dist/main.js`), so signals
 * reach the bot itself, not a wrapper; `onOutput` lets a test act on what it prints (e.g. stop it).
 */
function run(script: string, env: Record<string, string>, onOutput?: (stdout: string, stop: () => void) => void): Promise<Finished> {
  const child = spawn(process.execPath, [join(ROOT, script)], {
    cwd: EMPTY_DIR,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let stopped = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onOutput?.(stdout, () => {
      if (stopped) return;
      stopped = true;
      child.kill('SIGTERM');
    });
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

let discord: LocalDiscord;
let env: Record<string, string>;
beforeAll(async () => {
  discord = await startLocalDiscord();
  env = { DISCORD_TOKEN: discord.bot.token, DISCORD_APPLICATION_ID: discord.bot.applicationId, DISCORD_API_URL: discord.apiBaseUrl };
});
afterAll(async () => discord.close());

describe('npm run register', () => {
  it('GIVEN a server id THEN it registers there, says so in one line and exits 0', { timeout: SLOW }, async () => {
    const guildId = discord.createGuild('Process tests').id;
    const result = await run('dist/register.js', { ...env, DISCORD_GUILD_ID: guildId });
    expect(result).toEqual({ code: 0, stdout: `Registered /concurrency, "Ask the concurrency guide" (message menu, under Apps) in server ${guildId}.\n`, stderr: '' });
    expectCleanServer(discord);
  });
});

describe('npm start', () => {
  it('GIVEN bad settings THEN one line per problem, no stack trace, exit 2', { timeout: SLOW }, async () => {
    const result = await run('dist/main.js', { ...env, LOG_LEVEL: 'loud', DISCORD_GUILD_ID: 'my-server' });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(result.stderr).toContain('LOG_LEVEL');
    expect(result.stderr).toContain('DISCORD_GUILD_ID');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN a running bot THEN SIGTERM stops it cleanly with exit 0, and its logs hold no token', { timeout: SLOW }, async () => {
    const result = await run('dist/main.js', env, (stdout, stop) => {
      if (stdout.includes('"msg":"ready"')) stop();
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"stopping"');
    expect(result.stdout + result.stderr).not.toContain(discord.bot.token);
    expectCleanServer(discord);
  });

  it('GIVEN a running bot WHEN Discord ends its session for a bad token THEN it says why in one line and exits 1', { timeout: SLOW }, async () => {
    let closed = false;
    const result = await run('dist/main.js', env, (stdout) => {
      if (closed || !stdout.includes('"msg":"ready"')) return;
      closed = true;
      discord.faults.closeGateway(4004);
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Discord refused the token (close code 4004). Reset the token on the Bot page and update DISCORD_TOKEN.');
    expect(result.stdout + result.stderr).not.toContain(discord.bot.token);
  });
});
