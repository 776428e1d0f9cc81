import { describe, expect, it } from 'vitest';
import { machineClockMs, type AnswerTime, type LoopDelayAction, type LoopDelayReading, type ProbeSample } from '../../bench/probe-protocol.ts';
import { timed, type StepRecord } from '../../bench/recorder.ts';
import { runStep, type SteppedSubject } from '../../bench/subject.ts';
import { SentTimes } from '../../bench/turnaround.ts';

const CPU_PER_GUIDE_MICROS = 1_000;
/** How long the fake bot takes to begin each answer after its interaction is sent. */
const TURNAROUND_MS = 3;

/**
 * A bot whose every guide is one instant interaction costing a fixed CPU time, answered TURNAROUND_MS
 * after the server sends it; `fails` picks guides that miss their deadline.
 */
function instantBot(fails: (index: number) => boolean = () => false): SteppedSubject & { readonly visited: number[]; readonly recording: boolean[]; readonly loopDelayActions: (LoopDelayAction | undefined)[] } {
  let cpuMicros = 0;
  const visited: number[] = [];
  const recording: boolean[] = [];
  const loopDelayActions: (LoopDelayAction | undefined)[] = [];
  const sentTimes = new SentTimes();
  let answers: AnswerTime[] | undefined;
  // The delay monitor's reading counts the guides visited since it was last restarted.
  let visitedAtRestart = 0;
  const sample = async (options: { loopDelay?: LoopDelayAction } = {}): Promise<ProbeSample> => {
    loopDelayActions.push(options.loopDelay);
    const loopDelay: LoopDelayReading = { count: visited.length - visitedAtRestart, resolutionMs: 10, p50Ms: 10, p99Ms: 12, maxMs: 15 };
    if (options.loopDelay === 'restart') visitedAtRestart = visited.length;
    return { id: 0, cpuMicros, rssBytes: 0, heapUsedBytes: 0, heapTotalBytes: 0, externalBytes: 0, loop: { activeMs: cpuMicros / 1000, idleMs: 0 }, loopDelay };
  };
  const answerTimes = async (keepRecording: boolean): Promise<readonly AnswerTime[]> => {
    recording.push(keepRecording);
    const taken = answers ?? [];
    answers = keepRecording ? [] : undefined;
    return taken;
  };
  return {
    visited,
    recording,
    loopDelayActions,
    arena: { sentTimes },
    bot: { sample, answerTimes },
    async visit(index: number, record: StepRecord) {
      visited.push(index);
      cpuMicros += CPU_PER_GUIDE_MICROS;
      if (fails(index)) {
        record.failures.deadline += 1;
        return;
      }
      await timed(record, async () => {
        sentTimes.record(String(index));
        answers?.push([String(index), machineClockMs() + TURNAROUND_MS]);
      });
      record.finishedGuides += 1;
    },
  };
}

describe('a step with a warm-up', () => {
  it('GIVEN 250 ms of warm-up and 250 ms measured at 200/s THEN one arrival stream, the later half measured with its CPU', async () => {
    const bot = instantBot();
    const measure = await runStep(bot, 200, 250, 250);
    expect(bot.visited).toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(measure.warmUp.latencies).toHaveLength(50);
    expect(measure.record.latencies).toHaveLength(50);
    expect(measure.offeredGuides).toBe(50);
    expect(measure.botCpuMicros).toBe(50 * CPU_PER_GUIDE_MICROS);
    expect(measure.botLoop.after.activeMs - measure.botLoop.before.activeMs).toBe(50);
    expect(measure.parentLoop.after.idleMs).toBeGreaterThan(measure.parentLoop.before.idleMs);
  });

  it('GIVEN a bot that answers 3 ms after each interaction leaves THEN the step times the measured interactions alone, from before the first arrival to the end', async () => {
    const bot = instantBot();
    const measure = await runStep(bot, 200, 250, 250);
    expect(bot.recording).toEqual([true, false]);
    expect(measure.turnarounds).toHaveLength(50);
    for (const turnaround of measure.turnarounds) {
      expect(turnaround).toBeGreaterThanOrEqual(TURNAROUND_MS);
      expect(turnaround).toBeLessThan(TURNAROUND_MS + 5);
    }
  });

  it('GIVEN a step THEN the bot\'s delay monitor is restarted as measuring begins and read and stopped at its end, so it holds the measured guides alone', async () => {
    const bot = instantBot();
    const measure = await runStep(bot, 200, 250, 250);
    expect(bot.loopDelayActions).toEqual(['restart', 'stop']);
    expect(measure.botLoopDelay.count).toBe(50);
  });

  it('GIVEN a guide that fails during the warm-up THEN the step keeps it apart from the measured guides', async () => {
    const measure = await runStep(instantBot((index) => index === 3), 200, 100, 100);
    expect(measure.warmUp.failures.deadline).toBe(1);
    expect(measure.record.failures.deadline).toBe(0);
    expect(measure.record.finishedGuides).toBe(measure.offeredGuides);
  });

  it('GIVEN a bot that dies during the step THEN the step fails with the probe\'s reason once it ends', async () => {
    const bot = instantBot();
    let samples = 0;
    const dying = { ...bot, bot: { ...bot.bot, sample: async () => (samples++ === 0 ? Promise.reject(new Error('the ours bot exited before it answered a sample request')) : bot.bot.sample()) } };
    await expect(runStep(dying, 200, 100, 100)).rejects.toThrow('exited before it answered a sample request');
  });

  it('GIVEN no warm-up THEN every guide is measured', async () => {
    const bot = instantBot();
    const measure = await runStep(bot, 200, 100, 0);
    expect(measure.warmUp.latencies).toHaveLength(0);
    expect(measure.record.latencies).toHaveLength(20);
    expect(measure.botCpuMicros).toBe(20 * CPU_PER_GUIDE_MICROS);
  });
});
