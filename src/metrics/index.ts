/**
 * Health and metrics for running the bot in production: an adapter of its own, told of the
 * bot's work through the Discord adapter's BotActivity calls and composed in src/main.ts.
 */
export { createBotMetrics, type BotMetrics, type ShardState } from './metrics.ts';
export { startMetricsServer, type MetricsServer, type MetricsServerOptions } from './server.ts';
