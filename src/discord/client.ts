import { Client, GatewayIntentBits, Options, Partials, type ClientOptions } from 'discord.js';
import { NO_PINGS } from './no-pings.ts';

/** What the bot needs to know to open a client; nothing here is read from the environment. */
export interface BotClientSettings {
  /** REST base, e.g. `https://discord.com/api` or a local Discord-compatible server's `/api`. */
  readonly apiUrl: string;
  /** Whether the privileged Message Content intent is enabled for the application. */
  readonly messageContent: boolean;
  /** Extra gateway options, e.g. a no-op identify throttler in tests, or shard ids under a ShardingManager. */
  readonly ws?: ClientOptions['ws'];
  readonly shards?: ClientOptions['shards'];
  readonly shardCount?: number;
}

/**
 * The intents the guide needs: guilds for interactions, guild and direct messages for typed
 * "why?" follow-ups (replies and mentions carry their content without the privileged intent).
 */
export function botIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  return messageContent ? [...intents, GatewayIntentBits.MessageContent] : intents;
}

/**
 * A discord.js client with small caches: the bot keeps no session state, so it only needs the
 * channels to receive messages in. No messages are cached: each guide edit arrives again as a
 * MESSAGE_UPDATE that a cached copy would have to be patched by, on every click, while the rare
 * typed reply can fetch the one message it refers to.
 */
export function createBotClient(settings: BotClientSettings): Client {
  return new Client({
    intents: botIntents(settings.messageContent),
    // DMs arrive for channels the bot has never cached.
    partials: [Partials.Channel],
    rest: { api: settings.apiUrl },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      UserManager: 200,
    }),
    // Every message, reply and interaction answer inherits this; none sets its own.
    allowedMentions: NO_PINGS,
    ...(settings.ws === undefined ? {} : { ws: settings.ws }),
    ...(settings.shards === undefined ? {} : { shards: settings.shards }),
    ...(settings.shardCount === undefined ? {} : { shardCount: settings.shardCount }),
  });
}
