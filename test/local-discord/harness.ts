import { Client, DiscordAPIError, Events, GatewayIntentBits, Partials, Routes, type ClientOptions, type Message } from 'discord.js';
import { startLocalDiscord, type LocalDiscord, type LocalDiscordOptions } from '../../src/local-discord/index.ts';
import { expect } from 'vitest';

export const baseIntents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** A bare discord.js client pointed at the local server; identifies without the 5 s throttle. */
export function bareClient(discord: LocalDiscord, options: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: baseIntents,
    partials: [Partials.Channel],
    rest: { api: discord.apiBaseUrl },
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
    ...options,
  });
}

export interface Session {
  readonly discord: LocalDiscord;
  readonly client: Client;
  close(): Promise<void>;
}

/** Starts a server, logs a bare client in, and waits until every shard is ready. */
export async function connect(serverOptions: LocalDiscordOptions = {}, clientOptions: Partial<ClientOptions> = {}, before?: (discord: LocalDiscord) => void): Promise<Session> {
  const discord = await startLocalDiscord(serverOptions);
  before?.(discord);
  const client = bareClient(discord, clientOptions);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.bot.token);
  await ready;
  await discord.waitForBotReady();
  return {
    discord,
    client,
    async close() {
      await client.destroy();
      await discord.close();
    },
  };
}

/** A guild with one channel and one member, ready for a user's story. */
export function guildWithUser(discord: LocalDiscord, username = 'ada') {
  const guild = discord.createGuild('Test guild');
  const channel = discord.createChannel(guild.id, 'general');
  const user = discord.createUser(username);
  discord.addMember(guild.id, user.id);
  return { guild, channel, user, actor: discord.as(user) };
}

/** Resolves with the next event of that name that `where` accepts, or rejects after `timeoutMs` real ms. */
export function nextEvent<T extends unknown[]>(client: Client, event: string, timeoutMs = 5_000, where: (...args: T) => boolean = () => true): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const listener = (...args: unknown[]) => {
      if (!where(...(args as T))) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args as T);
    };
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(event, listener);
  });
}

export interface Dispatch {
  readonly t: string;
  readonly d: unknown;
}

/** Every dispatch the client receives, exactly as the server sent it. */
export function recordDispatches(client: Client): Dispatch[] {
  const seen: Dispatch[] = [];
  client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
    if (typeof packet.t === 'string') seen.push({ t: packet.t, d: packet.d });
  });
  return seen;
}

/** The bot posts in a channel through discord.js, as any bot code would. */
export async function botSays(client: Client, channelId: string, content: string): Promise<Message> {
  const channel = await client.channels.fetch(channelId);
  if (channel === null || !channel.isSendable()) throw new Error(`channel ${channelId} is not sendable`);
  return channel.send(content);
}

/** Every test ends with the server's own verdict (no rule broken, no internal error), then closes its session. */
export async function endSession(session: Session | undefined): Promise<void> {
  // A test that expected a violation checks and closes its own session.
  if (session === undefined) return;
  expect(session.discord.violations).toEqual([]);
  expect(session.discord.internalErrors).toEqual([]);
  await session.close();
}

/** Answers an interaction by its callback route directly, with any body, as a misbehaving bot might. */
export const callback = (session: Session, interaction: { id: string; token: string }, body: unknown) =>
  session.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false });

/** Resolves with the error Discord answered; fails the test if the request was accepted. */
export const refusal = (promise: Promise<unknown>): Promise<DiscordAPIError> =>
  promise.then(
    () => {
      throw new Error('expected Discord to refuse the request');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(DiscordAPIError);
      return error as DiscordAPIError;
    },
  );

/** Where a registry-level test's interactions happen: a server that added the bot, all permissions. */
export const aGuildPlace = { guildId: '5', context: 0, owners: { '0': '5' }, forceEphemeral: false, memberPermissions: '0', appPermissions: '0' } as const;
