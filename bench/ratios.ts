import type { BotResult, StepResult } from './result-model.ts';
import { ratio } from './stats.ts';

/** ours / baseline for every figure of one rate; undefined where either bot lacks it. */
export interface RateRatios {
  readonly rate: number;
  readonly interactionsPerSecond: number | undefined;
  readonly p50: number | undefined;
  readonly p99: number | undefined;
  readonly max: number | undefined;
  /** p99 of the bot's own share, from the interaction reaching its socket to its response. */
  readonly p99InsideBot: number | undefined;
  readonly cpuPerInteraction: number | undefined;
  readonly rssAfter: number | undefined;
}

/** ours / baseline of every figure: per rate, and once for the bot at rest and its start. */
export interface Ratios {
  readonly byRate: readonly RateRatios[];
  readonly restRss: number | undefined;
  readonly ready: number | undefined;
}

/**
 * The ratio ours/baseline of each figure at each rate both bots ran, plus memory at rest and time to READY.
 * @example ratiosByRate(baseline, ours).byRate[0]?.p99 // 1.3
 */
export function ratiosByRate(baseline: BotResult | undefined, ours: BotResult | undefined): Ratios {
  if (baseline === undefined || ours === undefined) return { byRate: [], restRss: undefined, ready: undefined };
  const byRate = ours.steps.flatMap((mine) => {
    const base = baseline.steps.find((step) => step.rate === mine.rate);
    if (base === undefined) return [];
    return [
      {
        rate: mine.rate,
        interactionsPerSecond: ratio(mine.interactionsPerSecond, base.interactionsPerSecond),
        p50: ratio(mine.latencyMs.p50, base.latencyMs.p50),
        p99: ratio(mine.latencyMs.p99, base.latencyMs.p99),
        max: ratio(mine.latencyMs.max, base.latencyMs.max),
        p99InsideBot: ratio(mine.turnaroundMs.p99, base.turnaroundMs.p99),
        cpuPerInteraction: ratio(mine.botCpuMsPerInteraction, base.botCpuMsPerInteraction),
        rssAfter: ratio(mine.rssAfterMiB, base.rssAfterMiB),
      },
    ];
  });
  return { byRate, restRss: ratio(ours.rest.rssMiB, baseline.rest.rssMiB), ready: ratio(ours.readyMs, baseline.readyMs) };
}

/** One bot's step at one rate, and for ours the baseline's step at that rate to compare with. */
export interface StepRow {
  readonly bot: BotResult;
  readonly step: StepResult;
  readonly base: StepResult | undefined;
}

/** Every bot's step at every rate, lowest rate first and the bots in their given order, as the tables list them. */
export function stepRows(bots: readonly BotResult[]): StepRow[] {
  const baseline = bots.find((bot) => bot.name === 'baseline');
  const rates = [...new Set(bots.flatMap((bot) => bot.steps.map((step) => step.rate)))].sort((a, b) => a - b);
  return rates.flatMap((rate) =>
    bots.flatMap((bot) => {
      const step = bot.steps.find((candidate) => candidate.rate === rate);
      if (step === undefined) return [];
      return [{ bot, step, base: bot.name === 'ours' ? baseline?.steps.find((candidate) => candidate.rate === rate) : undefined }];
    }),
  );
}

