import { ShardingManager, type Shard } from 'discord.js';
import type { Logger } from '../logger.ts';
import { mayRestart, restartDelayMs, STABLE_AFTER_MS } from './shard-restarts.ts';

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
  /** Pause between two shards' logins; Discord allows one IDENTIFY per 5 s per bucket (the SHARD_SPAWN_DELAY_MS setting). Also the first pause before restarting a shard that died. */
  readonly spawnDelayMs: number;
  /** The shard ids this host runs (SHARD_IDS), out of `shards` in all; every one by default. */
  readonly shardIds?: readonly number[];
}

/** Shard processes running under a manager. */
export interface RunningShards {
  readonly count: number;
  /** Stops every shard (each closes its gateway connection) and does not respawn them. */
  stop(): Promise<void>;
}

/** What `GET /gateway/bot` says: the recommended shard count and the day's IDENTIFY budget. */
export interface GatewayBotInfo {
  readonly shards: number;
  /** Absent when the API left it out; a restart then goes ahead on the pause alone. */
  readonly sessionStartLimit: { readonly total: number; readonly remaining: number } | undefined;
}

/**
 * Asks Discord (`GET /gateway/bot`) how many shards to run and how many IDENTIFYs are left today.
 * @example (await gatewayBotInfo('https://discord.com/api', token)).shards // 1 for a small bot
 */
export async function gatewayBotInfo(apiUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<GatewayBotInfo> {
  let response: Response;
  try {
    response = await fetchImpl(`${apiUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${token}` } });
  } catch (error) {
    throw new Error(`could not ask ${apiUrl} how many shards to run: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 401) throw new Error('Discord refused the token while asking how many shards to run; copy it again from the Bot page');
  if (!response.ok) throw new Error(`asking ${apiUrl} how many shards to run failed with HTTP ${response.status}; set SHARDS to a number instead of auto`);
  const body = (await response.json().catch(() => undefined)) as { shards?: unknown; session_start_limit?: { total?: unknown; remaining?: unknown } } | undefined;
  const shards = body?.shards;
  if (typeof shards !== 'number' || !Number.isInteger(shards) || shards < 1) throw new Error(`${apiUrl} answered /gateway/bot without a shard count; set SHARDS to a number`);
  const { total, remaining } = body?.session_start_limit ?? {};
  const known = typeof total === 'number' && typeof remaining === 'number';
  return { shards, sessionStartLimit: known ? { total, remaining } : undefined };
}

/**
 * The shard count Discord recommends for this bot.
 * @example await recommendedShardCount('https://discord.com/api', token) // 1 for a small bot
 */
export async function recommendedShardCount(apiUrl: string, token: string, fetchImpl: typeof fetch = fetch): Promise<number> {
  return (await gatewayBotInfo(apiUrl, token, fetchImpl)).shards;
}

/**
 * Starts one process per shard with discord.js's ShardingManager and resolves once every shard
 * is connected. The bot keeps no state, so shards share nothing and need no messages between them.
 * A shard that dies is started again after a pause that doubles with each death in a row (see
 * shard-restarts.ts), and not at all once the day's IDENTIFY budget is down to what a full restart
 * of this host would need: then one error line says so, and the other shards carry on.
 *
 * @example const shards = await startShards({ entry, token, apiUrl, shards: 'auto', spawnDelayMs: 5500, logger }); await shards.stop();
 */
export async function startShards(options: ShardingOptions): Promise<RunningShards> {
  const { logger } = options;
  const count = options.shards === 'auto' ? await recommendedShardCount(options.apiUrl, options.token) : options.shards;
  const shardIds = options.shardIds ?? Array.from({ length: count }, (_, id) => id);
  const beyond = shardIds.filter((id) => id >= count);
  if (beyond.length > 0) throw new Error(`SHARD_IDS names shard ${beyond.join(', ')}, but there are only ${count} shards (0 to ${count - 1})`);
  const spawnTimeoutMs = options.spawnTimeoutMs ?? 60_000;
  const manager = new ShardingManager(options.entry, {
    totalShards: count,
    shardList: [...shardIds],
    token: options.token,
    mode: 'process',
    // Restarts are ours: discord.js would start a dead shard again at once, in a loop if it keeps dying.
    respawn: false,
    // Each shard starts as this process did: dist/main.js under plain Node, or the source under tsx's loader when a developer runs it so.
    execArgv: process.execArgv,
  });
  let stopping = false;
  let gaveUp = false;
  const pending = new Set<NodeJS.Timeout>();
  const history = new Map<number, { startedAt: number; failuresInARow: number }>();

  const restart = async (shard: Shard) => {
    let budget: GatewayBotInfo['sessionStartLimit'] | undefined;
    try {
      budget = (await gatewayBotInfo(options.apiUrl, options.token)).sessionStartLimit;
    } catch (error) {
      // Without the figure, restart anyway: the pause already keeps the pace slow.
      logger.warn({ shardId: shard.id, err: error instanceof Error ? error.message : String(error) }, 'could not read the IDENTIFY budget before a restart');
    }
    if (stopping || gaveUp) return;
    if (budget !== undefined && !mayRestart(budget, shardIds.length)) {
      gaveUp = true;
      logger.error(
        { shardId: shard.id, remaining: budget.remaining, total: budget.total },
        `not restarting shards any more: ${budget.remaining} of the day's ${budget.total} IDENTIFYs are left, just what starting this host's ${shardIds.length} shards once more needs; using them up would make Discord reset the token. Find why shards die, then restart the bot`,
      );
      return;
    }
    shard.spawn(spawnTimeoutMs).catch((error: unknown) => logger.warn({ shardId: shard.id, err: error instanceof Error ? error.message : String(error) }, 'shard did not come back'));
  };

  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shardId: shard.id, shardCount: count }, 'shard starting');
    shard.on('spawn', (child) => {
      const previous = history.get(shard.id);
      history.set(shard.id, { startedAt: Date.now(), failuresInARow: previous?.failuresInARow ?? 0 });
      logger.info({ shardId: shard.id, pid: 'pid' in child ? child.pid : undefined }, 'shard process started');
    });
    shard.on('death', () => {
      if (stopping || gaveUp) return;
      const last = history.get(shard.id) ?? { startedAt: 0, failuresInARow: 0 };
      const failuresInARow = Date.now() - last.startedAt >= STABLE_AFTER_MS ? 1 : last.failuresInARow + 1;
      history.set(shard.id, { ...last, failuresInARow });
      const delayMs = restartDelayMs(failuresInARow, options.spawnDelayMs, Math.random());
      logger.warn({ shardId: shard.id, failuresInARow, delayMs }, 'shard process exited; starting it again after a pause');
      const timer = setTimeout(() => {
        pending.delete(timer);
        void restart(shard);
      }, delayMs);
      pending.add(timer);
    });
  });
  const stop = async () => {
    stopping = true;
    for (const timer of pending) clearTimeout(timer);
    pending.clear();
    const exits = [...manager.shards.values()].map((shard) => shard.process).filter((child) => child !== null && child.exitCode === null && child.signalCode === null).map((child) => new Promise<void>((resolve) => child!.once('exit', () => resolve())));
    for (const shard of manager.shards.values()) if (shard.process !== null || shard.worker !== null) shard.kill();
    await Promise.all(exits);
  };
  try {
    await manager.spawn({ amount: count, timeout: spawnTimeoutMs, delay: options.spawnDelayMs });
  } catch (error) {
    await stop();
    throw new Error(`a shard did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  logger.info({ shards: count, shardIds }, 'all shards ready');
  return { count, stop };
}
