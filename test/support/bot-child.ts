import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { startLocalDiscord, type LocalDiscord, type UserActor } from '../../src/local-discord/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The real bot as built (`dist/main.js`, as `npm start` runs it) in its own process, pointed at a local server. */
export interface BotChild {
  /** Resolves when the bot logs the ready line (`readyMessage`); rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** Starts `dist/main.js`; `readyMessage` is the log message that means it is up (a manager logs its own). */
export function startBotChild(discord: LocalDiscord, env: Readonly<Record<string, string>> = {}, readyMessage = 'ready'): BotChild {
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      DISCORD_TOKEN: discord.bot.token,
      DISCORD_APPLICATION_ID: discord.bot.applicationId,
      DISCORD_API_URL: discord.apiBaseUrl,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`"msg":"${readyMessage}"`)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the bot exited with ${code} before it was ready:\n${output}`)));
  });
  ready.catch(() => undefined);
  return {
    ready,
    exited,
    output: () => output,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** A local Discord with one server, one channel and one member, alice, and the bot's commands registered there, for a bot started as a process. */
export async function startServerForChild(): Promise<{ discord: LocalDiscord; channelId: string; alice: UserActor }> {
  const discord = await startLocalDiscord();
  const guild = discord.createGuild('Python help');
  const channelId = discord.createChannel(guild.id, 'concurrency').id;
  const user = discord.createUser('alice');
  discord.addMember(guild.id, user.id);
  const registered = await registerCommands({ token: discord.bot.token, applicationId: discord.bot.applicationId, guildId: guild.id, apiUrl: discord.apiBaseUrl });
  if (!registered.ok) throw new Error(registered.error);
  return { discord, channelId, alice: discord.as(user) };
}

/** `count` different ports nothing listens on right now (each held open until all are chosen, so none repeats). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))));
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  return ports;
}

/**
 * Starts the bot on `count` free ports. Between choosing a port and the bot binding it, another process
 * on the machine (a parallel test's outgoing connection) may take it; that start fails with EADDRINUSE
 * and is tried again with new ports, at most three times, so the race never fails a test.
 */
export async function startBotChildOnFreePorts(
  discord: LocalDiscord,
  count: number,
  envFor: (ports: readonly number[]) => Readonly<Record<string, string>>,
  readyMessage = 'ready',
): Promise<{ child: BotChild; ports: readonly number[] }> {
  for (let attempt = 1; ; attempt += 1) {
    const ports = await freePorts(count);
    const child = startBotChild(discord, envFor(ports), readyMessage);
    try {
      await child.ready;
      return { child, ports };
    } catch (error) {
      if (attempt === 3 || !child.output().includes('EADDRINUSE')) throw error;
    }
  }
}

/** One sample's value from Prometheus text, 0 when the series does not exist yet. */
export function metricSample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
