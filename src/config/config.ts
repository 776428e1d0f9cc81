import { err, ok, type Result } from '../core/result.ts';

// Checked by hand rather than with a schema library: the checks are a few regular expressions and
// ranges, and loading zod took about 65 ms of every start, before the bot could log in.

const SNOWFLAKE = /^\d{17,20}$/;
// Three dot-separated base64url parts; a leading "Bot " is a common paste from docs and is dropped.
const TOKEN_SHAPE = /^[\w-]{18,}\.[\w-]{4,}\.[\w-]{20,}$/;
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];

/** Reads one setting's text (never blank: blank means unset) into its value, or says what is wrong with it. */
type Reader<T> = (text: string) => Result<T, string>;

const matching =
  (pattern: RegExp, problem: string): Reader<string> =>
  (text) =>
    pattern.test(text.trim()) ? ok(text.trim()) : err(problem);

const booleanFlag: Reader<boolean> = (text) => {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return ok(true);
  return FALSE_WORDS.includes(word) ? ok(false) : err('must be true or false');
};

/** A whole number in a range; the text is read as JavaScript's Number() reads it (so ' 12 ' and '1e3' count). */
const wholeNumber =
  (min: number, max: number, problems: { notWhole: string; below: string; above: string }): Reader<number> =>
  (text) => {
    const value = Number(text);
    if (!Number.isFinite(value)) return err('must be a number');
    if (!Number.isInteger(value)) return err(problems.notWhole);
    if (value < min) return err(problems.below);
    return value > max ? err(problems.above) : ok(value);
  };

const token: Reader<string> = (text) => {
  const value = text.trim().replace(/^Bot\s+/i, '');
  return TOKEN_SHAPE.test(value) ? ok(value) : err('does not look like a bot token (three parts separated by dots; copy it again from the Bot page)');
};

const apiUrl: Reader<string> = (text) => {
  const value = text.trim();
  return /^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value) ? ok(value.replace(/\/+$/, '')) : err('must be an http(s) URL such as https://discord.com/api');
};

const logLevel: Reader<LogLevel> = (text) => {
  const value = text.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(value) ? ok(value as LogLevel) : err(`must be one of ${LOG_LEVELS.join(', ')}`);
};

const shardCount: Reader<'auto' | number> = (text) => {
  const value = text.trim().toLowerCase();
  if (value === 'auto') return ok('auto');
  return /^[1-9]\d{0,3}$/.test(value) ? ok(Number(value)) : err('must be auto or a whole number of shards');
};

const shardIds: Reader<number[]> = (text) => {
  const value = text.trim();
  if (!/^\d{1,4}(\s*,\s*\d{1,4})*$/.test(value)) return err('must be shard ids separated by commas, such as 0,1');
  const ids = value.split(',').map((id) => Number(id.trim()));
  return new Set(ids).size === ids.length ? ok(ids) : err('names a shard twice');
};

const publicKey: Reader<string> = (text) => {
  const value = text.trim().toLowerCase();
  return /^[0-9a-f]{64}$/.test(value) ? ok(value) : err('must be the 64 hex digits of the Public Key (Developer Portal > General Information)');
};

const MAX_PORT = 65535;
const port = wholeNumber(1, MAX_PORT, { notWhole: 'must be a whole number', below: `must be 1 to ${MAX_PORT}`, above: `must be 1 to ${MAX_PORT}` });

/** Every setting, in the order its problems are listed. */
const READERS = {
  DISCORD_TOKEN: token,
  DISCORD_APPLICATION_ID: matching(SNOWFLAKE, 'must be the numeric Application ID (17 to 20 digits)'),
  DISCORD_GUILD_ID: matching(SNOWFLAKE, 'must be a numeric server id (17 to 20 digits)'),
  DISCORD_API_URL: apiUrl,
  DISCORD_MESSAGE_CONTENT: booleanFlag,
  PLAYGROUND_MESSAGE_CONTENT: booleanFlag,
  LOG_LEVEL: logLevel,
  PORT: port,
  SHARDS: shardCount,
  SHARD_IDS: shardIds,
  DISCORD_PUBLIC_KEY: publicKey,
  INTERACTIONS_PORT: port,
  METRICS_PORT: port,
  SHARD_SPAWN_DELAY_MS: wholeNumber(0, 60_000, { notWhole: 'must be a whole number of milliseconds', below: 'must be 0 or more', above: 'must be at most 60000' }),
} as const;

type Values = { -readonly [Name in keyof typeof READERS]?: (typeof READERS)[Name] extends Reader<infer T> ? T : never };

/** Reads every setting; a blank one is unset. Each bad setting gives one line, `NAME what is wrong`. */
function readSettings(env: Readonly<Record<string, string | undefined>>): Result<Values, string[]> {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, read] of Object.entries(READERS) as [string, Reader<unknown>][]) {
    const text = env[name];
    if (text === undefined || text.trim() === '') continue;
    const result = read(text);
    if (result.ok) values[name] = result.value;
    else problems.push(`${name} ${result.error}`);
  }
  return problems.length === 0 ? ok(values as Values) : err(problems);
}

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Every setting the bot reads, by name. */
export const SETTING_NAMES: readonly string[] = Object.keys(READERS);

/** How to reach Discord, when a token is configured. */
export interface DiscordSettings {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string | undefined;
  readonly apiUrl: string;
  readonly messageContent: boolean;
}

/**
 * Receiving interactions as HTTP POSTs from Discord (its Interactions Endpoint URL) instead of over
 * the gateway. No token is needed for it: answers go through each interaction's own webhook.
 */
export interface HttpInteractionSettings {
  /** The app's public key, 64 hex digits, which Discord's signatures are checked with. */
  readonly publicKey: string;
  readonly port: number;
  readonly applicationId: string;
  readonly apiUrl: string;
}

/**
 * The whole, validated configuration. With DISCORD_PUBLIC_KEY and INTERACTIONS_PORT the app serves
 * the HTTP interactions endpoint; else with a token it connects to the gateway; else it runs the
 * offline playground.
 */
export interface Config {
  readonly discord: DiscordSettings | undefined;
  /** Set when interactions come to the HTTP endpoint; the gateway is then not used. */
  readonly http: HttpInteractionSettings | undefined;
  readonly logLevel: LogLevel;
  readonly port: number;
  readonly shards: 'auto' | number;
  /**
   * Milliseconds between starting one shard process and the next. Discord lets an app IDENTIFY once per
   * 5 seconds per bucket (more with a higher max_concurrency), so the default leaves half a second spare.
   */
  readonly shardSpawnDelayMs: number;
  /** The shards this host runs, out of `shards` in all (SHARD_IDS); all of them when unset. */
  readonly shardIds: readonly number[] | undefined;
  /** Serve /healthz and /metrics on this port (each shard process on this port plus its shard id); off when unset. */
  readonly metricsPort: number | undefined;
  /** The playground's app has the Message Content intent; off by default, like a new Discord app. */
  readonly playgroundMessageContent: boolean;
}

export const DEFAULT_API_URL = 'https://discord.com/api';
export const DEFAULT_SHARD_SPAWN_DELAY_MS = 5_500;

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== '';

/** Settings that only make sense together; each problem one line, naming where to find the value. */
function crossFieldProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const problems: string[] = [];
  if (isSet(env['DISCORD_TOKEN']) && !isSet(env['DISCORD_APPLICATION_ID'])) {
    problems.push('DISCORD_APPLICATION_ID is required when DISCORD_TOKEN is set (Developer Portal > General Information > Application ID)');
  }
  if (isSet(env['SHARD_IDS']) && !isSet(env['SHARDS'])) {
    problems.push('SHARD_IDS needs SHARDS, the number of shards across all hosts (SHARDS=4 with SHARD_IDS=0,1 on one host and 2,3 on another)');
  }
  const publicKey = isSet(env['DISCORD_PUBLIC_KEY']);
  const interactionsPort = isSet(env['INTERACTIONS_PORT']);
  if (publicKey !== interactionsPort) {
    problems.push(
      publicKey
        ? 'INTERACTIONS_PORT is required when DISCORD_PUBLIC_KEY is set (the port the interactions endpoint listens on)'
        : 'DISCORD_PUBLIC_KEY is required when INTERACTIONS_PORT is set (Developer Portal > General Information > Public Key)',
    );
  }
  if ((publicKey || interactionsPort) && !isSet(env['DISCORD_APPLICATION_ID'])) {
    problems.push('DISCORD_APPLICATION_ID is required for the interactions endpoint (Developer Portal > General Information > Application ID)');
  }
  if ((publicKey || interactionsPort) && (isSet(env['SHARDS']) || isSet(env['SHARD_IDS']))) {
    problems.push('SHARDS and SHARD_IDS are for the gateway; the interactions endpoint has no shards (run more replicas instead)');
  }
  const total = Number(env['SHARDS']);
  const ids = (env['SHARD_IDS'] ?? '').split(',').map((id) => Number(id.trim()));
  if (isSet(env['SHARD_IDS']) && Number.isInteger(total) && total > 0 && ids.some((id) => Number.isInteger(id) && id >= total)) {
    problems.push(`SHARD_IDS must name shards 0 to ${total - 1}, since SHARDS is ${total}`);
  }
  if (isSet(env['SHARD_IDS']) && env['SHARDS']?.trim().toLowerCase() === 'auto') {
    problems.push('SHARD_IDS needs a number in SHARDS, not auto: hosts that share the shards must agree on how many there are, and with auto each would ask Discord on its own');
  }
  problems.push(...metricsPortProblems(env, total, ids));
  return problems;
}

/**
 * The metrics port must not be the endpoint's, and under a shard manager each shard serves on
 * METRICS_PORT plus its id, which must still be a port.
 */
function metricsPortProblems(env: Readonly<Record<string, string | undefined>>, totalShards: number, shardIds: readonly number[]): string[] {
  const metrics = Number(env['METRICS_PORT']);
  if (!isSet(env['METRICS_PORT']) || !Number.isInteger(metrics)) return [];
  if (isSet(env['INTERACTIONS_PORT']) && Number(env['INTERACTIONS_PORT']) === metrics) {
    return ['METRICS_PORT must differ from INTERACTIONS_PORT: the endpoint and /metrics each need a port of their own'];
  }
  const highestShard = isSet(env['SHARD_IDS']) ? Math.max(...shardIds.filter(Number.isInteger)) : Number.isInteger(totalShards) && totalShards > 1 ? totalShards - 1 : 0;
  if (metrics + highestShard > MAX_PORT) {
    return [`METRICS_PORT must leave room for every shard: shard ${highestShard} would serve on ${metrics + highestShard}, past ${MAX_PORT}`];
  }
  return [];
}

/**
 * Validates the environment once, at start. Every problem is reported, one line each, so a
 * user fixes their .env in one go; values are never echoed back, since one may be a token.
 *
 * @example loadConfig({ DISCORD_TOKEN: '' }) // ok: playground mode
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Result<Config, string[]> {
  const read = readSettings(env);
  // Rules between fields are checked on the raw values too, so a bad field does not hide them.
  const problems = [...(read.ok ? [] : read.error), ...crossFieldProblems(env)];
  if (!read.ok || problems.length > 0) return err(problems);
  const values = read.value;

  const discord =
    values.DISCORD_TOKEN === undefined || values.DISCORD_APPLICATION_ID === undefined
      ? undefined
      : {
          token: values.DISCORD_TOKEN,
          applicationId: values.DISCORD_APPLICATION_ID,
          guildId: values.DISCORD_GUILD_ID,
          apiUrl: values.DISCORD_API_URL ?? DEFAULT_API_URL,
          messageContent: values.DISCORD_MESSAGE_CONTENT ?? false,
        };
  const http =
    values.DISCORD_PUBLIC_KEY === undefined || values.INTERACTIONS_PORT === undefined || values.DISCORD_APPLICATION_ID === undefined
      ? undefined
      : { publicKey: values.DISCORD_PUBLIC_KEY, port: values.INTERACTIONS_PORT, applicationId: values.DISCORD_APPLICATION_ID, apiUrl: values.DISCORD_API_URL ?? DEFAULT_API_URL };
  return ok(
    Object.freeze({
      discord: discord && Object.freeze(discord),
      http: http && Object.freeze(http),
      logLevel: values.LOG_LEVEL ?? 'info',
      port: values.PORT ?? 3000,
      shards: values.SHARDS ?? 1,
      shardSpawnDelayMs: values.SHARD_SPAWN_DELAY_MS ?? DEFAULT_SHARD_SPAWN_DELAY_MS,
      metricsPort: values.METRICS_PORT,
      shardIds: values.SHARD_IDS,
      playgroundMessageContent: values.PLAYGROUND_MESSAGE_CONTENT ?? false,
    }),
  );
}
