/**
 * A local Discord-compatible server for end-to-end tests and offline play: the real discord.js
 * client talks to it over HTTP and WebSocket on 127.0.0.1, and tests act as users through a driver.
 */
export { startLocalDiscord } from './server.ts';
export { systemClock, createManualClock, type Clock, type ManualClock, type TimerHandle } from './clock.ts';
export { DriverError, InteractionFailedError } from './errors.ts';
export { ACK_WINDOW_MS, TOKEN_LIFETIME_MS } from './interactions.ts';
export { shardOf, isSnowflake, snowflakeTime, DISCORD_EPOCH } from './snowflake.ts';
export type * from './types.ts';
export type * from './install-types.ts';
