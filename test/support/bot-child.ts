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

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** One sample's value from Prometheus text, 0 when the series does not exist yet. */
export function metricSample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}
