import type { BotResult, StepResult } from '../../bench/result-model.ts';

/** A step with the figures a test cares about; the rest are plausible defaults. */
export function step(rate: number, p99: number, overrides: Partial<StepResult> = {}): StepResult {
  return {
    rate,
    offeredGuides: rate,
    finishedGuides: rate,
    interactions: rate * 5,
    interactionsPerSecond: rate * 5,
    latencyMs: { count: rate * 5, p50: p99 / 2, p99, max: p99 * 2 },
    turnaroundMs: { count: rate * 5, p50: p99 / 4, p99: p99 / 2, max: p99 },
    failures: { deadline: 0, 'no-answer': 0, unexpected: 0 },
    warmUpFailures: { deadline: 0, 'no-answer': 0, unexpected: 0 },
    failureExamples: {},
    botCpuMsPerInteraction: 0.5,
    rssAfterMiB: 120,
    generatorCpuMs: 10,
    parentCpuMs: 100,
    parentCpuMsPerInteraction: 0.4,
    parentBusyShare: 0.5,
    botLoopBusyShare: 0.4,
    parentLoopBusyShare: 0.45,
    botLoopDelayMs: { count: 500, p50: 0.2, p99: 3, max: 8 },
    maxScheduleLagMs: 1,
    sustained: p99 < 1000,
    ...overrides,
  };
}

export function bot(name: BotResult['name'], steps: readonly StepResult[], overrides: Partial<BotResult> = {}): BotResult {
  return {
    name,
    readyMs: 600,
    rest: { rssMiB: 100, heapUsedMiB: 15, heapTotalMiB: 25, externalMiB: 3 },
    steps,
    memory: [
      { finishedGuides: 100, rssMiB: 110, heapUsedMiB: 20, heapTotalMiB: 30, externalMiB: 3 },
      { finishedGuides: 10_000, rssMiB: 125, heapUsedMiB: 22, heapTotalMiB: 32, externalMiB: 3 },
    ],
    memoryPhaseFailures: 0,
    errorLogLines: 0,
    ...overrides,
  };
}
