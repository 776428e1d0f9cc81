import { loopDelayMs, type LoopDelayReading, type LoopWindow, type ProbeSample } from './probe-protocol.ts';
import type { FailureKind } from './recorder.ts';
import { formatShare, summarizeLatencies, type LatencySummary } from './stats.ts';

const MIB = 1024 * 1024;
/** A step is sustained when every guide finished, nothing missed Discord's deadline and p99 stayed under this. */
export const SUSTAINED_P99_MS = 1_000;

/** One bot at one arrival rate, as the report and the JSON show it. */
export interface StepResult {
  readonly rate: number;
  readonly offeredGuides: number;
  readonly finishedGuides: number;
  readonly interactions: number;
  readonly interactionsPerSecond: number;
  readonly latencyMs: LatencySummary;
  /**
   * The bot's own share of each latency: from the server writing the interaction to the bot's
   * socket to the bot beginning its response, over the measured interactions both sides timed.
   */
  readonly turnaroundMs: LatencySummary;
  readonly failures: Readonly<Record<FailureKind, number>>;
  /** Guides that failed in the step's unmeasured warm-up at the same rate; they count against it. */
  readonly warmUpFailures: Readonly<Record<FailureKind, number>>;
  readonly failureExamples: Readonly<Partial<Record<FailureKind, string>>>;
  readonly botCpuMsPerInteraction: number;
  readonly rssAfterMiB: number;
  readonly generatorCpuMs: number;
  readonly parentCpuMs: number;
  /** The benchmark process's CPU (both local servers and the members) per interaction of this step. */
  readonly parentCpuMsPerInteraction: number;
  /**
   * The benchmark process's CPU time over the step's wall time. Its JavaScript runs on one thread,
   * so near 1 the members and the local server, not only the bot, set the pace.
   */
  readonly parentBusyShare: number;
  /** Shares of the step's wall time the bot's and this process's event loops were running. */
  readonly botLoopBusyShare: number;
  readonly parentLoopBusyShare: number;
  /**
   * How late the bot's event loop ran a timer over the measured window (perf_hooks.monitorEventLoopDelay
   * inside the bot, its resolution taken off); count is the number of samples.
   */
  readonly botLoopDelayMs: LatencySummary;
  readonly maxScheduleLagMs: number;
  readonly sustained: boolean;
}

/** The raw figures a step produced (see subject.ts), kept free of process handles so this stays pure. */
export interface StepFigures {
  readonly rate: number;
  readonly offeredGuides: number;
  readonly finishedGuides: number;
  readonly latencies: readonly number[];
  readonly turnarounds: readonly number[];
  /** Answers to warm-up guides that came inside the measured window, so their CPU is in it too. */
  readonly carriedOverInteractions: number;
  readonly failures: Readonly<Record<FailureKind, number>>;
  readonly warmUpFailures: Readonly<Record<FailureKind, number>>;
  readonly failureExamples: Readonly<Partial<Record<FailureKind, string>>>;
  readonly elapsedMs: number;
  readonly botCpuMicros: number;
  readonly rssBytesAfter: number;
  readonly generatorMs: number;
  readonly parentCpuMicros: number;
  readonly botLoop: LoopWindow;
  readonly parentLoop: LoopWindow;
  readonly botLoopDelay: LoopDelayReading;
  readonly maxScheduleLagMs: number;
}

/**
 * Turns a step's raw figures into its result, deciding whether the bot sustained the rate.
 * @example toStepResult(figures).sustained // false when any guide failed
 */
export function toStepResult(figures: StepFigures): StepResult {
  const latencyMs = summarizeLatencies(figures.latencies);
  const interactions = latencyMs.count;
  const answeredInWindow = interactions + figures.carriedOverInteractions;
  return {
    rate: figures.rate,
    offeredGuides: figures.offeredGuides,
    finishedGuides: figures.finishedGuides,
    interactions,
    interactionsPerSecond: answeredInWindow / (figures.elapsedMs / 1000),
    latencyMs,
    turnaroundMs: summarizeLatencies(figures.turnarounds),
    failures: figures.failures,
    warmUpFailures: figures.warmUpFailures,
    failureExamples: figures.failureExamples,
    botCpuMsPerInteraction: answeredInWindow === 0 ? Number.NaN : figures.botCpuMicros / 1000 / answeredInWindow,
    rssAfterMiB: figures.rssBytesAfter / MIB,
    generatorCpuMs: figures.generatorMs,
    parentCpuMs: figures.parentCpuMicros / 1000,
    parentCpuMsPerInteraction: answeredInWindow === 0 ? Number.NaN : figures.parentCpuMicros / 1000 / answeredInWindow,
    parentBusyShare: figures.parentCpuMicros / 1000 / figures.elapsedMs,
    botLoopBusyShare: loopBusyShare(figures.botLoop),
    parentLoopBusyShare: loopBusyShare(figures.parentLoop),
    botLoopDelayMs: { count: figures.botLoopDelay.count, p50: loopDelayMs(figures.botLoopDelay, 'p50Ms'), p99: loopDelayMs(figures.botLoopDelay, 'p99Ms'), max: loopDelayMs(figures.botLoopDelay, 'maxMs') },
    maxScheduleLagMs: figures.maxScheduleLagMs,
    sustained: failedGuides(figures) === 0 && figures.finishedGuides === figures.offeredGuides && latencyMs.p99 < SUSTAINED_P99_MS,
  };
}

/**
 * The share of wall time a process's event loop spent running between two readings: near 1, its
 * one JavaScript thread was the limit, whatever the other cores did.
 * @example loopBusyShare({ before: { activeMs: 10, idleMs: 90 }, after: { activeMs: 60, idleMs: 140 } }) // 0.5
 */
export function loopBusyShare({ before, after }: LoopWindow): number {
  const active = after.activeMs - before.activeMs;
  const total = active + after.idleMs - before.idleMs;
  return total > 0 ? active / total : Number.NaN;
}

function countFailures(failures: Readonly<Record<FailureKind, number>>): number {
  return failures.deadline + failures['no-answer'] + failures.unexpected;
}

/** Guides of a step that failed, its warm-up's included. */
export function failedGuides(step: Pick<StepResult, 'failures' | 'warmUpFailures'>): number {
  return countFailures(step.failures) + countFailures(step.warmUpFailures);
}

/** A bot's memory at one moment: resident, the JavaScript heap (used, and held by V8), and what JS objects hold outside it. */
export interface MemoryReading {
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  readonly externalMiB: number;
}

/** One probe sample's memory in MiB. */
export function memoryReading(sample: Pick<ProbeSample, 'rssBytes' | 'heapUsedBytes' | 'heapTotalBytes' | 'externalBytes'>): MemoryReading {
  return { rssMiB: toMiB(sample.rssBytes), heapUsedMiB: toMiB(sample.heapUsedBytes), heapTotalMiB: toMiB(sample.heapTotalBytes), externalMiB: toMiB(sample.externalBytes) };
}

/** Everything measured for one bot. */
export interface BotResult {
  readonly name: 'baseline' | 'ours';
  /** From spawning the process to READY on its gateway session, in ms. */
  readonly readyMs: number;
  /** At rest after its first guide, read without forcing a collection. */
  readonly rest: MemoryReading;
  readonly steps: readonly StepResult[];
  /** Memory at each mark of finished guides, garbage collected first. */
  readonly memory: readonly (MemoryReading & { readonly finishedGuides: number })[];
  readonly memoryPhaseFailures: number;
  readonly errorLogLines: number;
}

/** Above this share of one core, a step's latency says as much about the benchmark process as about the bot. */
export const PARENT_BUSY_LIMIT = 0.9;

/**
 * The steps during which the benchmark process was nearly always busy, as "ours 400/s (97%)".
 * @example parentBoundSteps(bots) // ['ours 400/s (97%)']
 */
export function parentBoundSteps(bots: readonly BotResult[]): string[] {
  return bots.flatMap((bot) => bot.steps.filter((step) => step.parentBusyShare >= PARENT_BUSY_LIMIT).map((step) => `${bot.name} ${step.rate}/s (${formatShare(step.parentBusyShare)})`));
}

/** The highest rate the bot sustained, if any. */
export function highestSustained(bot: BotResult): StepResult | undefined {
  return bot.steps.filter((step) => step.sustained).at(-1);
}

export function toMiB(bytes: number): number {
  return bytes / MIB;
}
