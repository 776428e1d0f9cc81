import { Writable } from 'node:stream';
import { expect } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { startBot, type RunningBot } from '../../src/discord/bot.ts';
import type { PathPictures } from '../../src/discord/pictures.ts';
import { registerCommands } from '../../src/discord/register-commands.ts';
import { ENDPOINT_PATH, startHttpBot } from '../../src/discord/http/index.ts';
import { startLocalDiscord, type Clock, type LocalDiscord, type RenderedMessage, type User, type UserActor } from '../../src/local-discord/index.ts';
import type { LogLevel } from '../../src/config/config.ts';
import { createLogger } from '../../src/logger.ts';
import { optionKnowledge } from '../../src/core/knowledge/index.ts';

/** A 1x1 PNG: enough for Discord to accept an image, without the cost of drawing the tree. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Pictures drawn instantly; records which paths were asked for. */
export function tinyPictures(): PathPictures & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    get: async (path: readonly OptionId[]) => {
      asked.push(path.join('>'));
      return TINY_PNG;
    },
    describe: (path) => `The tree, with ${path.length} answers highlighted.`,
  };
}

/** A bot the harness started: its gateway client when it has one, and how to stop it. */
interface Launched {
  readonly gateway: RunningBot | undefined;
  stop(): Promise<void>;
}

export interface Person {
  readonly user: User;
  readonly actor: UserActor;
}

export interface World {
  readonly discord: LocalDiscord;
  readonly guildId: string;
  readonly channelId: string;
  readonly alice: Person;
  readonly bob: Person;
  /** Every log line the bot wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** The raw log text, to check nothing secret or typed by a user leaks into it. */
  rawLogs(): string;
  /** The gateway bot; throws for a bot on the HTTP endpoint, which has no gateway client. */
  bot(): RunningBot;
  /** Stops the bot and starts a fresh process-equivalent: new client, no memory of the old one. */
  restartBot(): Promise<void>;
  close(): Promise<void>;
}

export interface WorldOptions {
  readonly messageContent?: boolean;
  readonly pictures?: PathPictures;
  /** The local server's clock, which also dates interaction ids; real time by default. */
  readonly clock?: Clock;
  /** The bot's log level; debug by default, so tests see the line every interaction logs there. */
  readonly logLevel?: LogLevel;
  /**
   * How interactions reach the bot: over the gateway (the default), or POSTed to its HTTP
   * interactions endpoint, which the local server is then set to use as the portal would be.
   */
  readonly transport?: Transport;
}

export type Transport = 'gateway' | 'http';
/** Both ways the bot can receive interactions, for tests that must hold for each. */
export const TRANSPORTS: readonly Transport[] = ['gateway', 'http'];

/** A local Discord with one server, one channel, two members, the command registered and the bot logged in. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const messageContent = options.messageContent ?? false;
  const discord = await startLocalDiscord({ messageContent, ...(options.clock === undefined ? {} : { clock: options.clock }) });
  const guild = discord.createGuild('Python help');
  const channel = discord.createChannel(guild.id, 'concurrency');
  const person = (name: string): Person => {
    const user = discord.createUser(name);
    discord.addMember(guild.id, user.id);
    return { user, actor: discord.as(user) };
  };
  const alice = person('alice');
  const bob = person('bob');
  const settings = { token: discord.bot.token, applicationId: discord.bot.applicationId, guildId: guild.id, apiUrl: discord.apiBaseUrl, messageContent };
  const registered = await registerCommands(settings);
  if (!registered.ok) throw new Error(registered.error);

  let raw = '';
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger(options.logLevel ?? 'debug', stream);
  const pictures = options.pictures ?? tinyPictures();
  const launchGateway = async (): Promise<Launched> => {
    const running = await startBot(
      { ...settings, shards: 1 },
      {
        logger,
        pictures,
        // Discord makes a bot wait 5 s between identifies; the local server does not, so neither need tests.
        ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } as never,
      },
    );
    await discord.waitForBotReady();
    return { gateway: running, stop: running.stop };
  };
  // The same port on a restart, as a process restarted behind the same URL keeps it.
  let port = 0;
  const launchHttp = async (): Promise<Launched> => {
    const running = await startHttpBot({ publicKey: discord.bot.publicKey, port, host: '127.0.0.1', applicationId: settings.applicationId, apiUrl: settings.apiUrl }, { logger, pictures });
    if (port === 0) {
      port = running.port;
      await discord.setInteractionsEndpoint([`http://127.0.0.1:${port}${ENDPOINT_PATH}`]);
    }
    return { gateway: undefined, stop: running.stop };
  };
  const launch = options.transport === 'http' ? launchHttp : launchGateway;
  let bot = await launch();
  return {
    discord,
    guildId: guild.id,
    channelId: channel.id,
    alice,
    bob,
    logs,
    rawLogs: () => raw,
    bot: () => {
      if (bot.gateway === undefined) throw new Error('an HTTP endpoint bot has no gateway client');
      return bot.gateway;
    },
    async restartBot() {
      await bot.stop();
      bot = await launch();
    },
    async close() {
      await bot.stop();
      await discord.close();
    },
  };
}

/** What every end-to-end test checks last: Discord would have accepted every request, and the server had no bug. */
export function expectCleanServer(discord: LocalDiscord): void {
  expect(discord.violations).toEqual([]);
  expect(discord.internalErrors).toEqual([]);
}

/** The labels of a message's buttons, row by row flattened. */
export function buttonLabels(message: RenderedMessage): string[] {
  return message.components.flat().flatMap((component) => (component.type === 'button' && component.label !== undefined ? [component.label] : []));
}

/** The values a message's select menu offers. */
export function selectValues(message: RenderedMessage): string[] {
  return message.components.flat().flatMap((component) => (component.type === 'select' ? component.options.map((option) => option.value) : []));
}

/** The text displays of a Components V2 layout, wherever they sit, in order. */
export function layoutTexts(layout: RenderedMessage['layout']): string[] {
  return layout.flatMap((component) => {
    if (component.type === 'textDisplay') return [component.content];
    if (component.type === 'section') return [...component.texts];
    if (component.type === 'container') return layoutTexts(component.components);
    return [];
  });
}

/** All the text a user reads in a message: content, embeds (titles, descriptions, fields) and a V2 layout's text displays. */
export function textOf(message: RenderedMessage): string {
  return [
    message.content,
    ...message.embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? '', ...embed.fields.flatMap((field) => [field.name, field.value]), embed.footer ?? '']),
    ...layoutTexts(message.layout),
  ].join('\n');
}

/** The first text a V2 message shows: the note above a guide, or a short answer's whole text. */
export function firstText(message: RenderedMessage | undefined): string | undefined {
  return message === undefined ? undefined : layoutTexts(message.layout)[0];
}

/** The heading a V2 guide message opens with (its first `## ` line), e.g. "Recommended: asyncio". */
export function headingOf(message: RenderedMessage | undefined): string | undefined {
  for (const text of layoutTexts(message?.layout ?? [])) {
    const heading = text.split('\n').find((line) => line.startsWith('## '));
    if (heading !== undefined) return heading.slice(3);
  }
  return undefined;
}

/** The pictures of a V2 message's media galleries: the file each shows and its alt text. */
export function galleryPictures(message: RenderedMessage): { url: string; description?: string }[] {
  const walk = (layout: RenderedMessage['layout']): { url: string; description?: string }[] =>
    layout.flatMap((component) => {
      if (component.type === 'mediaGallery') return component.items.map((item) => ({ url: item.url, ...(item.description === undefined ? {} : { description: item.description }) }));
      if (component.type === 'container') return walk(component.components);
      return [];
    });
  return walk(message.layout);
}

/** Registers the commands globally too, so /concurrency also works in a DM with the bot. */
export async function registerGlobally(world: World): Promise<void> {
  const { token, applicationId } = world.discord.bot;
  const global = await registerCommands({ token, applicationId, guildId: undefined, apiUrl: world.discord.apiBaseUrl });
  expect(global.ok).toBe(true);
}

/** Starts a guide in a channel and clicks the given answers; resolves with the guide message as it ends. */
export async function guideTo(actor: UserActor, channelId: string, path: readonly OptionId[]): Promise<RenderedMessage> {
  let message = await actor.runSlashCommand(channelId, 'concurrency');
  for (const option of path) message = await actor.clickButton(message.id, { label: optionKnowledge(option).label });
  return message;
}
