import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A gateway shard as the metrics see it. */
export interface ShardState {
  readonly id: number;
  readonly connected: boolean;
}

/** The bot's counters in Prometheus form, and the calls that move them. */
export interface BotMetrics {
  readonly registry: Registry;
  /** Matches the Discord adapter's BotActivity, so the bot reports straight into the counters. */
  readonly activity: {
    interaction(kind: string, outcome: string, latencyMs: number): void;
    followUp(result: string, latencyMs: number): void;
  };
}

// From a click answered at once to one that waited on a deferral, a slow disk or a busy bot.
const ANSWER_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The metrics /metrics serves: interactions by kind and result, how long answers took, errors,
 * typed follow-ups answered and declined, each gateway shard's state, and Node's own process
 * metrics (resident memory, event-loop delay, garbage collection). A registry of its own, so two
 * bots in one process (tests) never share counters.
 *
 * @example const metrics = createBotMetrics(() => [{ id: 0, connected: true }]); startBot(config, { logger, activity: metrics.activity })
 */
export function createBotMetrics(shards: () => readonly ShardState[]): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const interactions = new Counter({
    name: 'guide_interactions_total',
    help: 'Interactions handled, by kind (command, button, select, modal, message-command) and result (updated, private-copy, stale, error, ...).',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: 'guide_interaction_answer_seconds',
    help: 'Time from receiving an interaction to having answered it.',
    labelNames: ['kind'] as const,
    buckets: ANSWER_SECONDS_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'guide_errors_total',
    help: 'Interactions and follow-ups that failed with an error (each also logged).',
    labelNames: ['source'] as const,
    registers: [registry],
  });
  const followUps = new Counter({
    name: 'guide_follow_ups_total',
    help: 'Typed messages the bot took up, by result: answered, declined or error.',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'guide_gateway_shard_connected',
    help: '1 while the shard is connected to the gateway and ready, 0 otherwise.',
    labelNames: ['shard'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of shards()) this.set({ shard: String(shard.id) }, shard.connected ? 1 : 0);
    },
  });

  return {
    registry,
    activity: {
      interaction(kind, outcome, latencyMs) {
        // The outcome's first word is its result; what follows (a stale reason, an answer kind) would multiply the series.
        const result = outcome.split(':', 1)[0] ?? outcome;
        interactions.inc({ kind, result });
        if (result === 'error') errors.inc({ source: 'interaction' });
        if (result !== 'too-old') answerSeconds.observe({ kind }, latencyMs / 1000);
      },
      followUp(result) {
        followUps.inc({ result });
        if (result === 'error') errors.inc({ source: 'follow-up' });
      },
    },
  };
}
