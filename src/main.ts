// `npm start`: the only place that reads process.env and wires the parts together.
import type { Config, DiscordSettings, HttpInteractionSettings } from './config/config.ts';
import { loadEnvironment } from './config/load-environment.ts';
import { fileURLToPath } from 'node:url';
import { startBot, type RunningBot } from './discord/bot.ts';
import type { RunningHttpBot } from './discord/http/index.ts';
import type { BotActivity } from './discord/activity.ts';
import type { PathPictures } from './discord/pictures.ts';
import { startShards, type RunningShards } from './discord/sharding.ts';
import { createLogger, type Logger } from './logger.ts';
import type { ShardState } from './metrics/index.ts';
import { describeTreePicture, storedPictures } from './picture/index.ts';
import type { RunningPlayground } from './playground/index.ts';

/**
 * Without a token there is no Discord to connect to: run the playground, the real bot against a
 * local Discord-compatible server with a web page that looks like a channel.
 */
async function runPlayground(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  let playground: RunningPlayground;
  try {
    // Loaded only here: the local server and its API schema are megabytes of heap a bot on Discord never uses.
    const { startPlayground } = await import('./playground-with-bot.ts');
    playground = await startPlayground({ port: config.port, logger, page: new URL('../dist/playground/', import.meta.url), pictures: treePictures(), messageContent: config.playgroundMessageContent });
  } catch (error) {
    console.error(`The playground could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(
    [
      'No DISCORD_TOKEN set: running the playground, the real bot on a local Discord-compatible server.',
      `Open ${playground.url} and type /concurrency. Ctrl+C stops it.`,
      'To run it on Discord, see "Run it on Discord" in the README; for the terminal version: npm run chat.',
    ].join('\n'),
  );
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // A second Ctrl+C means "now", for when a graceful stop waits on a slow connection.
      if (stopping) process.exit(130);
      stopping = true;
      logger.info({ signal }, 'stopping the playground');
      void playground.stop().finally(() => process.exit(0));
    });
  }
}

/** The pictures `npm run pictures` drew, read on first use; main.ts and dist/main.js both sit one folder below them. */
function treePictures(): PathPictures {
  const stored = storedPictures(new URL('../assets/pictures/', import.meta.url));
  return { get: stored.get, describe: (path) => describeTreePicture(path) };
}

/** On Ctrl+C or SIGTERM, once: one log line, `stop` (if there is anything to stop yet), then exit 0. */
function stopOnSignal(logger: Logger, line: string, stop: () => Promise<void> | undefined): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, line);
      void (stop() ?? Promise.resolve()).finally(() => process.exit(0));
    });
  }
}

/**
 * SHARDS=auto or a number above 1: this process only manages; each shard is this same script in
 * its own process, which discord.js tells which shard it is.
 */
async function runShards(config: Config, discord: DiscordSettings): Promise<void> {
  const logger = createLogger(config.logLevel);
  let shards: RunningShards | undefined;
  stopOnSignal(logger, 'stopping every shard', () => shards?.stop());
  try {
    shards = await startShards({ entry: fileURLToPath(import.meta.url), token: discord.token, apiUrl: discord.apiUrl, shards: config.shards, spawnDelayMs: config.shardSpawnDelayMs, ...(config.shardIds === undefined ? {} : { shardIds: config.shardIds }), logger });
  } catch (error) {
    console.error(`The bot could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function runBot(config: Config, discord: DiscordSettings, startedByShardManager: boolean): Promise<void> {
  const logger = createLogger(config.logLevel);
  let bot: RunningBot | undefined;
  let exitCode: number | undefined;
  const exit = async (code: number) => {
    if (exitCode !== undefined) return;
    exitCode = code;
    // Still starting: the start below sees exitCode and stops the bot as soon as it exists.
    if (bot === undefined) return;
    await bot.stop();
    process.exit(code);
  };
  // Listening before the start, so a Ctrl+C while connecting still stops cleanly.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'stopping');
      void exit(0);
    });
  }
  const onFatal = (reason: string) => {
    console.error(reason);
    void exit(1);
  };
  // Under the manager each shard is a process of its own, so each takes the port after the previous one's.
  const metricsPort = config.metricsPort === undefined ? undefined : config.metricsPort + (startedByShardManager ? Number(shardIdsFromManager ?? 0) : 0);
  const activity = await serveMetrics(metricsPort, logger, () => bot?.shards() ?? [], () => {
    const shards = bot?.shards() ?? [];
    return shards.length > 0 && shards.every((shard) => shard.connected);
  });
  try {
    // Under the manager, discord.js reads which shard this process is from the environment it set.
    bot = await startBot({ ...discord, ...(startedByShardManager ? {} : { shards: config.shards }) }, { logger, onFatal, pictures: treePictures(), ...(activity === undefined ? {} : { activity }) });
  } catch (error) {
    console.error(`The bot could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  if (exitCode !== undefined) {
    await bot.stop();
    process.exit(exitCode);
  }
}

/**
 * With METRICS_PORT, serves /healthz and /metrics and returns what the bot reports its work to;
 * exits when the port cannot be had, since a bot that cannot be watched should not pretend to run.
 */
async function serveMetrics(port: number | undefined, logger: Logger, shards: () => readonly ShardState[], healthy: () => boolean): Promise<BotActivity | undefined> {
  if (port === undefined) return undefined;
  // Loaded only when asked for: prom-client took about 25 ms of every start, before the login.
  const { createBotMetrics, startMetricsServer } = await import('./metrics/index.ts');
  const metrics = createBotMetrics(shards);
  try {
    await startMetricsServer({ port, registry: metrics.registry, healthy });
    logger.info({ port }, 'serving /healthz and /metrics');
  } catch (error) {
    console.error(`The bot could not serve metrics on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  return metrics.activity;
}

/**
 * DISCORD_PUBLIC_KEY and INTERACTIONS_PORT: Discord POSTs interactions to this process, which keeps
 * no state between them, so any number of replicas can run behind a load balancer. No gateway.
 */
async function runHttpBot(config: Config, http: HttpInteractionSettings): Promise<void> {
  const logger = createLogger(config.logLevel);
  let bot: RunningHttpBot | undefined;
  // Requests already received are answered before the process ends; new connections are refused.
  stopOnSignal(logger, 'stopping', () => bot?.stop());
  const activity = await serveMetrics(config.metricsPort, logger, () => [], () => bot?.listening() ?? false);
  try {
    // Loaded only here: a gateway bot never needs the endpoint, its reader or its schema library.
    const { startHttpBot } = await import('./discord/http/index.ts');
    bot = await startHttpBot(http, { logger, pictures: treePictures(), ...(activity === undefined ? {} : { activity }) });
  } catch (error) {
    console.error(`The interactions endpoint could not start on port ${http.port}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// discord.js's ShardingManager starts each shard with SHARDS=<its id>, which is not our SHARDS setting.
const startedByShardManager = process.env['SHARDING_MANAGER'] === 'true';
// SHARD_IDS told the manager which shards to start; the shard it started is already decided.
const { SHARDS: shardIdsFromManager, SHARD_IDS: _hostShardIds, ...ownEnvironment } = process.env;
const loaded = loadEnvironment(startedByShardManager ? ownEnvironment : process.env);
if (!loaded.ok) {
  for (const problem of loaded.error) console.error(problem);
  process.exit(2);
}
const config = loaded.value;
if (config.http !== undefined) await runHttpBot(config, config.http);
else if (config.discord === undefined) await runPlayground(config);
else if (!startedByShardManager && config.shards !== 1) await runShards(config, config.discord);
else await runBot(config, config.discord, startedByShardManager);
