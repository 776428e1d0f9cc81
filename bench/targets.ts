import { highestSustained, type BotResult, type StepResult } from './result-model.ts';
import { formatRatio, ratio } from './stats.ts';

/** Which target a check is, so reports and tests can find it whatever the order. */
export type TargetKey = 'rest-memory' | 'ready' | 'loop-delay' | 'memory-growth' | 'cpu' | 'latency' | 'rate';

/** One of the issue's targets, checked against a run. */
export interface TargetCheck {
  readonly key: TargetKey;
  readonly target: string;
  /** undefined when the run could not decide (e.g. a bot was not measured). */
  readonly pass: boolean | undefined;
  readonly detail: string;
}

/** Issue 17: ours against the bare discord.js bot in the same run, at rest and at start. */
const REST_MEMORY_RATIO_LIMIT = 1.5;
const READY_RATIO_LIMIT = 1.5;
/** Issue 17: the rate at which the bot's event loop is judged, and the limit on its delay's p99. */
export const SERVING_RATE = 200;
const LOOP_DELAY_P99_LIMIT_MS = 20;
/** Issue 17: RSS growth from the first memory mark (100 finished guides) to the second (10,000). */
const MEMORY_GROWTH_LIMIT_MIB = 20;
/**
 * The issue asks only that CPU per interaction stay about the baseline's (it was when the issue was
 * written); 1.5x is the bound we hold it to, the same slack as the other ratios.
 */
const CPU_RATIO_LIMIT = 1.5;
/** Earlier issues: latency against the baseline, and the highest sustained rate. */
const BASELINE_FAST_P99_MS = 100;
const P99_RATIO_LIMIT = 1.5;
const RATE_SHARE = 0.8;

/**
 * Issue 17's five figures (memory at rest, time to READY, event-loop delay while serving 200
 * guides/s, memory growth across finished guides, CPU per interaction), then the earlier latency
 * and rate targets.
 * @example checkTargets(baseline, ours).every((check) => check.pass === true)
 */
export function checkTargets(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck[] {
  return [restMemoryTarget(baseline, ours), readyTarget(baseline, ours), loopDelayTarget(baseline, ours), memoryTarget(ours), cpuTarget(baseline, ours), latencyTarget(baseline, ours), rateTarget(baseline, ours)];
}

function restMemoryTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const key = 'rest-memory';
  const target = `our resident memory at rest (after one guide) at most ${REST_MEMORY_RATIO_LIMIT}x the baseline's`;
  if (baseline === undefined || ours === undefined) return { key, target, pass: undefined, detail: 'needs both bots' };
  const share = ratio(ours.rest.rssMiB, baseline.rest.rssMiB);
  const describe = (bot: BotResult) => `${bot.name} ${bot.rest.rssMiB.toFixed(1)} MiB RSS (heap ${bot.rest.heapUsedMiB.toFixed(1)} used of ${bot.rest.heapTotalMiB.toFixed(1)}, external ${bot.rest.externalMiB.toFixed(1)})`;
  return { key, target, pass: share === undefined ? undefined : share <= REST_MEMORY_RATIO_LIMIT, detail: `${describe(ours)}, ${describe(baseline)}: ${formatRatio(share)}` };
}

function readyTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const key = 'ready';
  const target = `our time from process start to READY at most ${READY_RATIO_LIMIT}x the baseline's`;
  if (baseline === undefined || ours === undefined) return { key, target, pass: undefined, detail: 'needs both bots' };
  const share = ratio(ours.readyMs, baseline.readyMs);
  return { key, target, pass: share === undefined ? undefined : share <= READY_RATIO_LIMIT, detail: `ours ${ours.readyMs.toFixed(0)} ms, baseline ${baseline.readyMs.toFixed(0)} ms: ${formatRatio(share)}` };
}

function stepAt(bot: BotResult | undefined, rate: number): StepResult | undefined {
  return bot?.steps.find((step) => step.rate === rate);
}

function loopDelayTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const key = 'loop-delay';
  const target = `our event-loop delay p99 at most ${LOOP_DELAY_P99_LIMIT_MS} ms while serving ${SERVING_RATE} guides/s (monitorEventLoopDelay inside the bot)`;
  if (ours === undefined) return { key, target, pass: undefined, detail: 'needs our bot' };
  const mine = stepAt(ours, SERVING_RATE);
  if (mine === undefined) return { key, target, pass: false, detail: `our bot did not run the ${SERVING_RATE}/s step` };
  if (mine.botLoopDelayMs.count === 0) return { key, target, pass: undefined, detail: 'the probe recorded no event-loop delay' };
  const base = stepAt(baseline, SERVING_RATE);
  const baseNote = base === undefined ? '' : `; baseline ${formatMs(base.botLoopDelayMs.p99)}`;
  const sustainedNote = mine.sustained ? '' : ', a step ours did not sustain';
  return {
    key,
    target,
    // A step the bot did not sustain was not served, whatever its loop did.
    pass: mine.sustained && mine.botLoopDelayMs.p99 <= LOOP_DELAY_P99_LIMIT_MS,
    detail: `ours ${formatMs(mine.botLoopDelayMs.p99)} (max ${formatMs(mine.botLoopDelayMs.max)}, ${mine.botLoopDelayMs.count} samples)${sustainedNote}${baseNote}`,
  };
}

function memoryTarget(ours: BotResult | undefined): TargetCheck {
  const key = 'memory-growth';
  const [first, second, ...later] = ours?.memory ?? [];
  const target = `our memory after ${second?.finishedGuides.toLocaleString('en-US') ?? '10,000'} finished guides within ${MEMORY_GROWTH_LIMIT_MIB} MiB of memory after ${first?.finishedGuides ?? 100}`;
  if (first === undefined || second === undefined) return { key, target, pass: undefined, detail: 'needs two memory marks of our bot' };
  const growth = second.rssMiB - first.rssMiB;
  const then = later.map((mark) => `; then ${mark.rssMiB.toFixed(1)} MiB RSS (${signed(mark.rssMiB - second.rssMiB)} MiB) after ${mark.finishedGuides.toLocaleString('en-US')}`).join('');
  return {
    key,
    target,
    pass: growth <= MEMORY_GROWTH_LIMIT_MIB,
    detail: `RSS ${first.rssMiB.toFixed(1)} -> ${second.rssMiB.toFixed(1)} MiB (${signed(growth)} MiB); heap used ${first.heapUsedMiB.toFixed(1)} -> ${second.heapUsedMiB.toFixed(1)} MiB, heap held by V8 ${first.heapTotalMiB.toFixed(1)} -> ${second.heapTotalMiB.toFixed(1)} MiB, external ${first.externalMiB.toFixed(1)} -> ${second.externalMiB.toFixed(1)} MiB${then}`,
  };
}

function cpuTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const key = 'cpu';
  const target = `our CPU per interaction at most ${CPU_RATIO_LIMIT}x the baseline's at ${SERVING_RATE} guides/s`;
  if (baseline === undefined || ours === undefined) return { key, target, pass: undefined, detail: 'needs both bots' };
  const mine = stepAt(ours, SERVING_RATE);
  const base = stepAt(baseline, SERVING_RATE);
  if (mine === undefined || base === undefined) return { key, target, pass: undefined, detail: `needs both bots' ${SERVING_RATE}/s step` };
  const share = ratio(mine.botCpuMsPerInteraction, base.botCpuMsPerInteraction);
  return { key, target, pass: share === undefined ? undefined : share <= CPU_RATIO_LIMIT, detail: `ours ${mine.botCpuMsPerInteraction.toFixed(3)} ms, baseline ${base.botCpuMsPerInteraction.toFixed(3)} ms: ${formatRatio(share)}` };
}

function latencyTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const key = 'latency';
  const target = `our p99 at most ${P99_RATIO_LIMIT}x the baseline's at every rate the baseline sustains with p99 under ${BASELINE_FAST_P99_MS} ms`;
  if (baseline === undefined || ours === undefined) return { key, target, pass: undefined, detail: 'needs both bots' };
  const rates = baseline.steps.filter((step) => step.sustained && step.latencyMs.p99 < BASELINE_FAST_P99_MS);
  if (rates.length === 0) return { key, target, pass: undefined, detail: 'the baseline had no such rate' };
  const misses: string[] = [];
  const seen: string[] = [];
  for (const base of rates) {
    const mine = stepAt(ours, base.rate);
    const allowed = base.latencyMs.p99 * P99_RATIO_LIMIT;
    if (mine === undefined || !(mine.latencyMs.p99 <= allowed) || !mine.sustained) {
      misses.push(`${base.rate}/s: ours ${mine === undefined ? 'not run' : `${formatMs(mine.latencyMs.p99)}${mine.sustained ? '' : ' (not sustained)'}`} > ${formatMs(allowed)}`);
    } else seen.push(`${base.rate}/s ${formatMs(mine.latencyMs.p99)} <= ${formatMs(allowed)}`);
  }
  return { key, target, pass: misses.length === 0, detail: misses.length === 0 ? seen.join('; ') : misses.join('; ') };
}

function rateTarget(baseline: BotResult | undefined, ours: BotResult | undefined): TargetCheck {
  const key = 'rate';
  const target = `our highest sustained rate at least ${RATE_SHARE * 100}% of the baseline's (p99 under 1 s, no deadline missed)`;
  if (baseline === undefined || ours === undefined) return { key, target, pass: undefined, detail: 'needs both bots' };
  const base = highestSustained(baseline);
  const mine = highestSustained(ours);
  if (base === undefined) return { key, target, pass: undefined, detail: 'the baseline sustained no rate' };
  const ourRate = mine?.rate ?? 0;
  const topRate = Math.max(...baseline.steps.map((step) => step.rate));
  // When the baseline sustained every rate tried, its ceiling is unknown: say so rather than guess.
  const ceilingNote = base.rate === topRate ? ' (the baseline sustained every rate tried)' : '';
  return { key, target, pass: ourRate >= base.rate * RATE_SHARE, detail: `ours ${ourRate} guides/s, baseline ${base.rate} guides/s${ceilingNote}` };
}

function formatMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
}
