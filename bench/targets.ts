import { highestSustained, type BotResult } from './result-model.ts';

/** One of the issue's targets, checked against a run. */
export interface TargetCheck {
  readonly target: string;
  /** undefined when the run could not decide (e.g. a bot was not measured). */
  readonly pass: boolean | undefined;
  readonly detail: string;
}

const BASELINE_FAST_P99_MS = 100;
const P99_RATIO_LIMIT = 1.5;
const RATE_SHARE = 0.8;
const MEMORY_GROWTH_LIMIT_MIB = 50;

/**
 * The issue's targets: latency against the baseline at every rate the baseline handles well, the
 * highest sustained rate, memory growth across finished guides, and no picture drawn twice.
 * @example checkTargets(baseline, ours).every((check) => check.pass === true)
 */
export function checkTargets(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck[] {
  return [latencyTarget(baseline, ours), rateTarget(baseline, ours), memoryTarget(ours), pictureTarget(ours)];
}

function latencyTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const target = `our p99 at most ${P99_RATIO_LIMIT}x the baseline's at every rate the baseline sustains with p99 under ${BASELINE_FAST_P99_MS} ms`;
  if (baseline === undefined || ours === undefined) return { target, pass: undefined, detail: 'needs both bots' };
  const rates = baseline.steps.filter((step) => step.sustained && step.latencyMs.p99 < BASELINE_FAST_P99_MS);
  if (rates.length === 0) return { target, pass: undefined, detail: 'the baseline had no such rate' };
  const misses: string[] = [];
  const seen: string[] = [];
  for (const base of rates) {
    const mine = ours.steps.find((step) => step.rate === base.rate);
    const allowed = base.latencyMs.p99 * P99_RATIO_LIMIT;
    if (mine === undefined || !(mine.latencyMs.p99 <= allowed) || !mine.sustained) {
      misses.push(`${base.rate}/s: ours ${mine === undefined ? 'not run' : `${formatMs(mine.latencyMs.p99)}${mine.sustained ? '' : ' (not sustained)'}`} > ${formatMs(allowed)}`);
    } else seen.push(`${base.rate}/s ${formatMs(mine.latencyMs.p99)} <= ${formatMs(allowed)}`);
  }
  return { target, pass: misses.length === 0, detail: misses.length === 0 ? seen.join('; ') : misses.join('; ') };
}

function rateTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const target = `our highest sustained rate at least ${RATE_SHARE * 100}% of the baseline's (p99 under 1 s, no deadline missed)`;
  if (baseline === undefined || ours === undefined) return { target, pass: undefined, detail: 'needs both bots' };
  const base = highestSustained(baseline);
  const mine = highestSustained(ours);
  if (base === undefined) return { target, pass: undefined, detail: 'the baseline sustained no rate' };
  const ourRate = mine?.rate ?? 0;
  const topRate = Math.max(...baseline.steps.map((step) => step.rate));
  // When the baseline sustained every rate tried, its ceiling is unknown: say so rather than guess.
  const ceilingNote = base.rate === topRate ? ' (the baseline sustained every rate tried)' : '';
  return { target, pass: ourRate >= base.rate * RATE_SHARE, detail: `ours ${ourRate} guides/s, baseline ${base.rate} guides/s${ceilingNote}` };
}

function memoryTarget(ours: BotResult | undefined): TargetCheck {
  const [first, second, ...later] = ours?.memory ?? [];
  const target = `our memory after ${second?.finishedGuides.toLocaleString('en-US') ?? '10,000'} finished guides within ${MEMORY_GROWTH_LIMIT_MIB} MiB of memory after ${first?.finishedGuides ?? 100}`;
  if (first === undefined || second === undefined) return { target, pass: undefined, detail: 'needs two memory marks of our bot' };
  const growth = second.rssMiB - first.rssMiB;
  const then = later.map((mark) => `; then ${mark.rssMiB.toFixed(1)} MiB RSS (${signed(mark.rssMiB - second.rssMiB)} MiB) after ${mark.finishedGuides.toLocaleString('en-US')}`).join('');
  return {
    target,
    pass: growth <= MEMORY_GROWTH_LIMIT_MIB,
    detail: `RSS ${first.rssMiB.toFixed(1)} -> ${second.rssMiB.toFixed(1)} MiB (${signed(growth)} MiB); heap ${first.heapUsedMiB.toFixed(1)} -> ${second.heapUsedMiB.toFixed(1)} MiB${then}`,
  };
}

function pictureTarget(ours: BotResult | undefined): TargetCheck {
  const target = 'the PNG never rendered on the hot path after its first render';
  if (ours === undefined) return { target, pass: undefined, detail: 'needs our bot' };
  const { renders, distinct, repeated, duringLoad } = ours.pictures;
  return { target, pass: repeated === 0 && duringLoad === 0, detail: `${renders} renders of ${distinct} pictures, ${repeated} repeated, ${duringLoad} during load steps` };
}

function formatMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
}
