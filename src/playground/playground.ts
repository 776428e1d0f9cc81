import type { Logger } from 'pino';
import { startLocalDiscord, type LocalDiscord, type User } from '../local-discord/index.ts';
import { loadClientAssets } from './client-assets.ts';
import { startPageServer, type PageServer } from './page-server.ts';
import { summarizeCommands, summarizeMessageCommands } from './registered-commands.ts';
import type { CommandSummary } from './common/command-hints.ts';

/** What the bot is told, exactly the settings it would get for Discord itself. */
export interface PlaygroundBotSettings {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly apiUrl: string;
  readonly messageContent: boolean;
}

/**
 * The bot as the playground runs it: its own command registration and its own start function,
 * passed in so this module depends on neither (and tests can stand in for them).
 */
export interface PlaygroundBot {
  register(settings: PlaygroundBotSettings): Promise<void>;
  start(settings: PlaygroundBotSettings): Promise<{ stop(): Promise<void> }>;
}

export interface PlaygroundOptions {
  readonly port: number;
  readonly logger: Logger;
  readonly bot: PlaygroundBot;
  /** The folder `npm run build` bundles the page into (page.js and app.css). */
  readonly page: URL;
  /**
   * Whether the local app has the privileged Message Content intent, and the bot asks for it.
   * Off by default, like a new Discord app: the bot then reads only DMs, messages that mention it and
   * replies that ping its ordinary messages, exactly as on Discord.
   */
  readonly messageContent?: boolean;
}

export interface RunningPlayground {
  /** The page, e.g. http://127.0.0.1:3000 */
  readonly url: string;
  readonly server: LocalDiscord;
  readonly channelId: string;
  readonly users: { readonly you: User; readonly stranger: User };
  /** Stops the page, the bot and the local server; safe to call twice. */
  stop(): Promise<void>;
}

export const PLAYGROUND_GUILD = 'Playground';
export const PLAYGROUND_CHANNEL = 'python-help';
export const PLAYGROUND_USERS = { you: 'you', stranger: 'a stranger' } as const;

/**
 * Starts the local Discord-compatible server with a guild, a channel and two people, connects the
 * bot to it as it would connect to Discord, and serves the channel page.
 *
 * @example const playground = await startPlaygroundWith({ port: 3000, logger, bot }); console.log(playground.url)
 */
export async function startPlaygroundWith(options: PlaygroundOptions): Promise<RunningPlayground> {
  const assets = await loadClientAssets(options.page);
  const messageContent = options.messageContent === true;
  const server = await startLocalDiscord({ messageContent });
  const cleanup: (() => Promise<void>)[] = [() => server.close()];
  const stopAll = async (): Promise<void> => {
    for (const step of cleanup.splice(0).reverse()) {
      await step().catch((error: unknown) => options.logger.warn({ err: error }, 'playground stop step failed'));
    }
  };
  try {
    const guild = server.createGuild(PLAYGROUND_GUILD);
    const channel = server.createChannel(guild.id, PLAYGROUND_CHANNEL);
    const you = server.createUser(PLAYGROUND_USERS.you);
    const stranger = server.createUser(PLAYGROUND_USERS.stranger);
    for (const user of [you, stranger]) server.addMember(guild.id, user.id);

    const settings: PlaygroundBotSettings = {
      token: server.bot.token,
      applicationId: server.bot.applicationId,
      guildId: guild.id,
      apiUrl: server.apiBaseUrl,
      messageContent,
    };
    await options.bot.register(settings);
    const { commands, messageCommands } = await registeredCommands(settings);
    const bot = await options.bot.start(settings);
    cleanup.push(() => bot.stop());
    await server.waitForBotReady({ timeoutMs: 15_000 });

    const page = await listenOrExplain(options.port, () =>
      startPageServer({
        backend: server,
        guildName: guild.name,
        commands,
        messageCommands,
        channel: { id: channel.id, name: channel.name },
        users: [you, stranger],
        assets,
        logger: options.logger,
        port: options.port,
      }),
    );
    cleanup.push(() => page.close());
    return { url: page.url, server, channelId: channel.id, users: { you, stranger }, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Reads back what the bot registered in the guild and globally, through the same REST API: slash
 * commands for the composer's suggestions, message commands for the Apps menu on each message.
 */
async function registeredCommands(settings: PlaygroundBotSettings): Promise<{ commands: CommandSummary[]; messageCommands: string[] }> {
  const base = `${settings.apiUrl}/v10/applications/${settings.applicationId}`;
  const read = async (url: string): Promise<unknown[]> => {
    const response = await fetch(url, { headers: { authorization: `Bot ${settings.token}` } });
    const json: unknown = response.ok ? await response.json() : [];
    return Array.isArray(json) ? json : [];
  };
  const all = [...(await read(`${base}/guilds/${settings.guildId}/commands`)), ...(await read(`${base}/commands`))];
  return { commands: summarizeCommands(all), messageCommands: [...new Set(summarizeMessageCommands(all))] };
}

async function listenOrExplain(port: number, start: () => Promise<PageServer>): Promise<PageServer> {
  try {
    return await start();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is already in use: stop the program using it, or choose another port, e.g. PORT=${port + 1} npm start.`);
    }
    throw error;
  }
}
