/** The first millisecond of 2015, where Discord's snowflake timestamps start. */
export const DISCORD_EPOCH = 1_420_070_400_000;

const MAX_SNOWFLAKE = (1n << 64n) - 1n;

/**
 * True for a string Discord would accept as a snowflake: decimal digits of an unsigned 64-bit integer.
 * @example isSnowflake('175928847299117063') // true
 */
export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,20}$/.test(value) && BigInt(value) <= MAX_SNOWFLAKE;
}

/** The creation time (ms since the Unix epoch) encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH;
}

/**
 * The shard that receives a guild's events: `(guild_id >> 22) % shard_count`, as Discord documents.
 * @example shardOf(guild.id, 2)
 */
export function shardOf(guildId: string, shardCount: number): number {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`shard count must be a positive integer, got ${shardCount}`);
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Makes unique snowflakes whose timestamp is the given clock's time. */
export function createSnowflakeFactory(now: () => number): () => string {
  let increment = 0n;
  let lastTime = -1;
  return () => {
    // Never step back, even if the clock does, so ids stay unique and ordered.
    const time = Math.max(now(), DISCORD_EPOCH, lastTime);
    if (time > lastTime) {
      lastTime = time;
      increment = 0n;
    }
    // 12 bits of increment per millisecond; past that, borrow the next millisecond rather than repeat an id.
    if (increment > 4095n) {
      lastTime += 1;
      increment = 0n;
    }
    const id = (BigInt(lastTime - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment;
    increment += 1n;
    return id.toString();
  };
}
