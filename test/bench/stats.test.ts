import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivalsDue } from '../../bench/arrivals.ts';
import { busyMachineWarning, machineCpuMs, otherCpuShare, runEndLine } from '../../bench/machine.ts';
import { parseBenchArgs, QUICK_PLAN, FULL_PLAN } from '../../bench/plan.ts';
import { failedGuides, toStepResult, type StepFigures } from '../../bench/result-model.ts';
import { percentile, ratio, summarizeLatencies } from '../../bench/stats.ts';

describe('latency statistics', () => {
  it('GIVEN 100 latencies 1..100 THEN p50 is 50, p99 is 99 and max is 100', () => {
    const shuffled = Array.from({ length: 100 }, (_, index) => ((index * 37) % 100) + 1);
    expect(summarizeLatencies(shuffled)).toEqual({ count: 100, p50: 50, p99: 99, max: 100 });
  });

  it('GIVEN one slow interaction among many THEN the max shows it and p50 does not', () => {
    const latencies = [...Array.from({ length: 999 }, () => 2), 900];
    const summary = summarizeLatencies(latencies);
    expect(summary.max).toBe(900);
    expect(summary.p50).toBe(2);
  });

  it('GIVEN no latencies THEN the figures are NaN, never a fast-looking zero', () => {
    expect(Number.isNaN(summarizeLatencies([]).p99)).toBe(true);
  });

  it('GIVEN any values THEN a percentile is one of them and grows with the percent', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), fc.integer({ min: 1, max: 99 }), (values, percent) => {
        const sorted = Float64Array.from(values).sort();
        const low = percentile(sorted, percent);
        expect(values).toContain(low);
        expect(percentile(sorted, percent + 1)).toBeGreaterThanOrEqual(low);
      }),
    );
  });

  it('GIVEN a zero or missing baseline THEN there is no ratio', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeUndefined();
    expect(ratio(undefined, 2)).toBeUndefined();
  });
});

describe('open-loop arrivals', () => {
  it('GIVEN 200 guides per second THEN one is due at once and 200 after a second, never more than the total', () => {
    expect(arrivalsDue(200, 0.001, 1000)).toBe(1);
    expect(arrivalsDue(200, 995, 1000)).toBe(200);
    expect(arrivalsDue(200, 60_000, 1000)).toBe(1000);
  });

  it('GIVEN any rate THEN arrivals due never decrease as time passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 10_000, noNaN: true }), fc.double({ min: 0, max: 10_000, noNaN: true }), (rate, a, b) => {
        const [early, late] = a < b ? [a, b] : [b, a];
        expect(arrivalsDue(rate, late, 1_000_000)).toBeGreaterThanOrEqual(arrivalsDue(rate, early, 1_000_000));
      }),
    );
  });
});

describe('a step becomes a result', () => {
  const figures: StepFigures = {
    rate: 100,
    offeredGuides: 200,
    finishedGuides: 200,
    latencies: Array.from({ length: 1000 }, (_, index) => 1 + (index % 10)),
    turnarounds: Array.from({ length: 990 }, (_, index) => 0.5 + (index % 3)),
    carriedOverInteractions: 0,
    failures: { deadline: 0, 'no-answer': 0, unexpected: 0 },
    warmUpFailures: { deadline: 0, 'no-answer': 0, unexpected: 0 },
    failureExamples: {},
    elapsedMs: 2000,
    botCpuMicros: 500_000,
    rssBytesAfter: 150 * 1024 * 1024,
    generatorMs: 20,
    parentCpuMicros: 300_000,
    botLoop: { before: { activeMs: 1000, idleMs: 9000 }, after: { activeMs: 1500, idleMs: 10_500 } },
    parentLoop: { before: { activeMs: 2000, idleMs: 500 }, after: { activeMs: 3800, idleMs: 700 } },
    botLoopDelay: { count: 200, resolutionMs: 10, p50Ms: 10.25, p99Ms: 14.5, maxMs: 31 },
    maxScheduleLagMs: 2,
  };

  it('GIVEN every guide finished fast THEN the rate is sustained and the figures are per interaction', () => {
    const result = toStepResult(figures);
    expect(result.sustained).toBe(true);
    expect(result.interactionsPerSecond).toBe(500);
    expect(result.botCpuMsPerInteraction).toBe(0.5);
    expect(result.rssAfterMiB).toBe(150);
    expect(result.parentCpuMsPerInteraction).toBe(0.3);
    expect(result.parentBusyShare).toBe(0.15);
    expect(result.botLoopBusyShare).toBe(0.25);
    expect(result.parentLoopBusyShare).toBe(0.9);
    expect(result.turnaroundMs).toEqual({ count: 990, p50: 1.5, p99: 2.5, max: 2.5 });
  });

  it('GIVEN the bot\'s delay monitor ticking every 10 ms THEN the loop delay is what it recorded beyond those 10 ms, never below zero', () => {
    expect(toStepResult(figures).botLoopDelayMs).toEqual({ count: 200, p50: 0.25, p99: 4.5, max: 21 });
    const early = toStepResult({ ...figures, botLoopDelay: { count: 50, resolutionMs: 10, p50Ms: 9.5, p99Ms: 10, maxMs: 12 } });
    expect(early.botLoopDelayMs).toEqual({ count: 50, p50: 0, p99: 0, max: 2 });
  });

  it('GIVEN a monitor that recorded nothing THEN the loop delay is NaN, never a quiet-looking zero', () => {
    const result = toStepResult({ ...figures, botLoopDelay: { count: 0, resolutionMs: 10, p50Ms: Number.NaN, p99Ms: Number.NaN, maxMs: Number.NaN } });
    expect(Number.isNaN(result.botLoopDelayMs.p99)).toBe(true);
  });

  it('GIVEN one missed deadline THEN the rate is not sustained', () => {
    expect(toStepResult({ ...figures, failures: { ...figures.failures, deadline: 1 }, finishedGuides: 199 }).sustained).toBe(false);
  });

  it('GIVEN a guide that missed its deadline during the warm-up THEN the rate is not sustained and the table counts it', () => {
    const result = toStepResult({ ...figures, warmUpFailures: { ...figures.warmUpFailures, deadline: 1 } });
    expect(result.sustained).toBe(false);
    expect(failedGuides(result)).toBe(1);
  });

  it('GIVEN warm-up guides answered inside the window THEN their interactions share its CPU, not its latencies', () => {
    const result = toStepResult({ ...figures, carriedOverInteractions: 250 });
    expect(result.latencyMs.count).toBe(1000);
    expect(result.botCpuMsPerInteraction).toBe(0.4);
    expect(result.parentCpuMsPerInteraction).toBe(0.24);
    expect(result.interactionsPerSecond).toBe(625);
  });

  it('GIVEN a p99 of a second or more THEN the rate is not sustained', () => {
    expect(toStepResult({ ...figures, latencies: Array.from({ length: 100 }, () => 1200) }).sustained).toBe(false);
  });
});

describe('command line', () => {
  it('GIVEN no arguments THEN the full plan runs both bots', () => {
    expect(parseBenchArgs([])).toEqual({ plan: FULL_PLAN, only: undefined });
  });

  it('GIVEN --quick --only ours THEN the quick plan runs our bot alone', () => {
    expect(parseBenchArgs(['--quick', '--only', 'ours'])).toEqual({ plan: QUICK_PLAN, only: 'ours' });
  });

  it('GIVEN an unknown flag or a bad --only THEN a clear error names it', () => {
    expect(parseBenchArgs(['--fast'])).toEqual({ error: expect.stringContaining('--fast') });
    expect(parseBenchArgs(['--only', 'theirs'])).toEqual({ error: expect.stringContaining('theirs') });
  });

  it('GIVEN the quick plan THEN it is shorter than the full one in every way', () => {
    expect(QUICK_PLAN.rates.length * QUICK_PLAN.stepMs).toBeLessThan(FULL_PLAN.rates.length * FULL_PLAN.stepMs);
    expect(QUICK_PLAN.memoryMarks[1]).toBeLessThan(FULL_PLAN.memoryMarks[1]);
  });
});

describe('a busy machine', () => {
  const machine = { nproc: 2, cpuModel: 'test', node: 'v20', totalMemoryGiB: 8, loadAverageAtStart: 0.4 };

  it('GIVEN a quiet start and an end no busier than the run itself makes it THEN there is no warning', () => {
    expect(busyMachineWarning(machine, { loadAverage: 2.5 })).toBeUndefined();
  });

  it('GIVEN other work at the start or a load far above the run at the end THEN the warning gives both load averages', () => {
    expect(busyMachineWarning({ ...machine, loadAverageAtStart: 6 })).toContain('6 on 2 cores');
    expect(busyMachineWarning(machine, { loadAverage: 7.5 })).toContain('7.5 at the end');
  });

  it('GIVEN the CPU other processes used THEN it decides instead of the load average, which counts the run\'s own threads', () => {
    expect(busyMachineWarning({ ...machine, loadAverageAtStart: 1.5 }, { loadAverage: 4.2, otherCpuShare: 0.004 })).toBeUndefined();
    expect(busyMachineWarning(machine, { loadAverage: 1, otherCpuShare: 0.3 })).toBe('warning: other processes used 30.0% of a core on average during the run; they competed with the bots and the figures are pessimistic');
    expect(runEndLine({ loadAverage: 3.19, otherCpuShare: 0.004 })).toBe('3.19 at the end; other processes used 0.4% of a core during the run');
    expect(runEndLine({ loadAverage: 3.19 })).toBe('3.19 at the end');
  });

  it('GIVEN the machine\'s CPU time over a run and the run\'s own THEN the rest, per wall time, is other work, never below zero', () => {
    expect(otherCpuShare(10_000, 9_000, 20_000)).toBe(0.05);
    expect(otherCpuShare(9_000, 9_010, 20_000)).toBe(0);
  });

  it.runIf(process.platform === 'linux')('GIVEN Linux THEN the machine\'s CPU time is read and only grows', () => {
    const before = machineCpuMs();
    const after = machineCpuMs();
    expect(before).toBeGreaterThan(0);
    expect(after).toBeGreaterThanOrEqual(before ?? Number.NaN);
  });
});
