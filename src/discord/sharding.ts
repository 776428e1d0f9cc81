import { ShardingManager, type Shard } from 'discord.js';
import type { Logger } from '../logger.ts';

/** How to run the bot as several shard processes under one manager. */
export interface ShardingOptions {
  /** The script every shard process runs (the bot's own entry point). */
  readonly entry: string;
  readonly token: string;
  /** Where REST lives; `auto` asks this API, not always discord.com, how many shards to run. */
  readonly apiUrl: string;
  readonly shards: 'auto' | number;
  readonly logger: Logger;
  /** How long one shard may take to connect before start-up fails; default 60 s. */
  readonly spawnTimeoutMs?: number;
  /** Pause between two shards' logins; Discord allows one IDENTIFY per 5 s per bucket (the SHARD_SPAWN_DELAY_MS setting). */
  readonly spawnDelayMs: number;
}

/** Shard processes running under a manager. */
export interface RunningShards {
  readonly count: number;
  /** Stops every shard (each closes its gateway connection) and does not respawn them. */
  stop(): Promise<void>;
}

/**
 * The shard count Discord recommends for this bot (`GET /gateway/bot`).
 * @example await recommendedShardCount('https://discord.com/api', token) // 1 for a small bot
 */
export async function recommendedShardCount(apiUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<number> {
  let response: Response;
  try {
    response = await fetchImpl(`${apiUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${token}` } });
  } catch (error) {
    throw new Error(`could not ask ${apiUrl} how many shards to run: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 401) throw new Error('Discord refused the token while asking how many shards to run; copy it again from the Bot page');
  if (!response.ok) throw new Error(`asking ${apiUrl} how many shards to run failed with HTTP ${response.status}; set SHARDS to a number instead of auto`);
  const body = (await response.json().catch(() => undefined)) as { shards?: unknown } | undefined;
  const shards = body?.shards;
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) throw new Error(`${apiUrl} answered /gateway/bot without a shard count; set SHARDS to a number`);
  return shards;
}

/**
 * Starts one process per shard with discord.js's ShardingManager and resolves once every shard
 * is connected. The bot keeps no state, so shards share nothing and need no messages between them.
 *
 * @example const shards = await startShards({ entry, token, apiUrl, shards: 'auto', logger }); await shards.stop();
 */
export async function startShards(options: ShardingOptions): Promise<RunningShards> {
  const count = options.shards === 'auto' ? await recommendedShardCount(options.apiUrl, options.token) : options.shards;
  const manager = new ShardingManager(options.entry, {
    totalShards: count,
    token: options.token,
    mode: 'process',
    respawn: true,
    // Each shard starts as this process did: dist/main.js under plain Node, or the TypeScript source with tsx's loader in tests.
    execArgv: process.execArgv,
  });
  manager.on('shardCreate', (shard: Shard) => {
    options.logger.info({ shardId: shard.id, shardCount: count }, 'shard starting');
    shard.on('death', () => {
      if (manager.respawn) options.logger.warn({ shardId: shard.id }, 'shard process exited; starting it again');
    });
  });
  const stop = async () => {
    manager.respawn = false;
    const exits = [...manager.shards.values()].map((shard) => shard.process).filter((child) => child !== null && child.exitCode === null && child.signalCode === null).map((child) => new Promise<void>((resolve) => child!.once('exit', () => resolve())));
    for (const shard of manager.shards.values()) if (shard.process !== null || shard.worker !== null) shard.kill();
    await Promise.all(exits);
  };
  try {
    await manager.spawn({ amount: count, timeout: options.spawnTimeoutMs ?? 60_000, delay: options.spawnDelayMs });
  } catch (error) {
    await stop();
    throw new Error(`a shard did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  options.logger.info({ shards: count }, 'all shards ready');
  return { count, stop };
}
