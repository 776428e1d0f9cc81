import { DiscordjsErrorCodes, Events, GatewayCloseCodes, Status, type Client, type Interaction, type Message } from 'discord.js';
import type { DiscordSettings } from '../config/config.ts';
import type { Logger } from '../logger.ts';
import type { BotActivity } from './activity.ts';
import { createClickDeduper, createDoubleClickFilter } from './click-dedupe.ts';
import { createBotClient, type BotClientSettings } from './client.ts';
import { explainFatalCloseCode } from './gateway-failures.ts';
import { gatewayAnswers, readGatewayInteraction } from './gateway-interaction.ts';
import { handleInteraction } from './interaction-handler.ts';
import { handleMessage } from './message-handler.ts';
import type { PathPictures } from './pictures.ts';

/** What the bot needs beyond the Discord settings. */
export interface BotOptions {
  readonly logger: Logger;
  /** Called once if Discord refuses the bot for good after it started (bad token, intents...). */
  readonly onFatal?: (reason: string) => void;
  /** Pictures of the tree for outcome messages; without it outcomes carry no picture. */
  readonly pictures?: PathPictures;
  /** Told of every interaction and follow-up the bot handles, e.g. to count them for metrics. */
  readonly activity?: BotActivity;
  /** Extra gateway options, e.g. a no-op identify throttler in tests. */
  readonly ws?: BotClientSettings['ws'];
}

export type BotConfig = DiscordSettings & { readonly shards?: 'auto' | number };

/** A running bot. */
export interface RunningBot {
  readonly client: Client;
  /** Each gateway shard of this process, and whether it is connected and ready for interactions. */
  shards(): readonly { readonly id: number; readonly connected: boolean }[];
  /** Closes the gateway connection; safe to call twice. */
  stop(): Promise<void>;
}

const CANNOT_READ_NOTICE_WINDOW_MS = 24 * 60 * 60 * 1000;

function shardOptions(shards: BotConfig['shards']) {
  if (shards === undefined || shards === 1) return {};
  if (shards === 'auto') return { shards: 'auto' as const };
  return { shards: Array.from({ length: shards }, (_, index) => index), shardCount: shards };
}

/**
 * Logs in and resolves once the bot is ready to answer. Rejects with a one-line reason when
 * Discord refuses the token or an intent while starting.
 *
 * @example const bot = await startBot({ ...config.discord, shards: 1 }, { logger }); await bot.stop();
 */
export async function startBot(config: BotConfig, options: BotOptions): Promise<RunningBot> {
  const { logger } = options;
  const client = createBotClient({
    apiUrl: config.apiUrl,
    messageContent: config.messageContent,
    ...shardOptions(config.shards),
    ...(options.ws === undefined ? {} : { ws: options.ws }),
  });
  const dedupe = createDoubleClickFilter();
  // A member who replies to a guide Discord hides the text of hears how to ask once a day per guide message.
  const toldCannotRead = createClickDeduper({ windowMs: CANNOT_READ_NOTICE_WINDOW_MS, maxEntries: 10_000 });
  const deps = { logger, dedupe, pictures: options.pictures, messageContent: config.messageContent, toldCannotRead, activity: options.activity };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
  };

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    // Autocomplete is not repliable, and the guide offers none; nothing to answer.
    if (!interaction.isRepliable()) return;
    void handleInteraction(readGatewayInteraction(interaction), gatewayAnswers(interaction), deps);
  });
  client.on(Events.MessageCreate, (message: Message) => void handleMessage(message, deps));
  client.on(Events.Error, (error) => logger.error({ err: error.message }, 'client error'));
  client.on(Events.ShardError, (error, shardId) => logger.warn({ shardId, err: error.message }, 'shard error'));

  let failStart: ((reason: Error) => void) | undefined;
  let refusal: string | undefined;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const reason = explainFatalCloseCode(event.code);
    if (reason === undefined) return;
    logger.error({ shardId, code: event.code }, 'gateway refused the bot');
    refusal ??= reason;
    if (failStart !== undefined) failStart(new Error(reason));
    else if (!stopped) options.onFatal?.(reason);
  });

  const ready = new Promise<void>((resolve, reject) => {
    failStart = reject;
    client.once(Events.ClientReady, () => resolve());
  });
  // Observed below; this keeps a refusal during login from counting as unhandled meanwhile.
  ready.catch(() => undefined);
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await stop();
    throw startFailure(error, refusal);
  } finally {
    failStart = undefined;
  }
  logger.info({ shards: client.ws.shards.size, guilds: client.guilds.cache.size }, 'ready');
  const shards = () => [...client.ws.shards.values()].map((shard) => ({ id: shard.id, connected: !stopped && shard.status === Status.Ready }));
  return { client, shards, stop };
}

// What @discordjs/ws rejects the login with when the gateway closes for good while connecting.
const GATEWAY_REFUSALS: Readonly<Record<string, number>> = {
  'Authentication failed': GatewayCloseCodes.AuthenticationFailed,
  'Used disallowed intents': GatewayCloseCodes.DisallowedIntents,
  'Used invalid intents': GatewayCloseCodes.InvalidIntents,
  'Invalid shard': GatewayCloseCodes.InvalidShard,
  'Sharding is required': GatewayCloseCodes.ShardingRequired,
  'Used an invalid API version': GatewayCloseCodes.InvalidAPIVersion,
};

/** A failed start as one line a bot owner can act on, whichever way discord.js reported it. */
function startFailure(error: unknown, refusal: string | undefined): unknown {
  if (refusal !== undefined) return new Error(refusal);
  if (!(error instanceof Error)) return error;
  // REST answers 401 before the gateway is even tried; discord.js reports it as TokenInvalid.
  const code = 'code' in error && error.code === DiscordjsErrorCodes.TokenInvalid ? GatewayCloseCodes.AuthenticationFailed : GATEWAY_REFUSALS[error.message];
  const reason = code === undefined ? undefined : explainFatalCloseCode(code);
  return reason === undefined ? error : new Error(reason);
}
