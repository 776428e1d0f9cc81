import { describe, expect, it } from 'vitest';
import type { ProbeSample } from '../../bench/probe-protocol.ts';
import { timed, type StepRecord } from '../../bench/recorder.ts';
import { runStep, type SteppedSubject } from '../../bench/subject.ts';

const CPU_PER_GUIDE_MICROS = 1_000;

/** A bot whose every guide is one instant answer costing a fixed CPU time; `fails` picks guides that miss their deadline. */
function instantBot(fails: (index: number) => boolean = () => false): SteppedSubject & { readonly visited: number[] } {
  let cpuMicros = 0;
  const visited: number[] = [];
  const sample = async (): Promise<ProbeSample> => ({ id: 0, cpuMicros, rssBytes: 0, heapUsedBytes: 0, externalBytes: 0, renders: 0, distinctPictures: 0, repeatedRenders: 0, loop: { activeMs: cpuMicros / 1000, idleMs: 0 } });
  return {
    visited,
    bot: { sample },
    async visit(index: number, record: StepRecord) {
      visited.push(index);
      cpuMicros += CPU_PER_GUIDE_MICROS;
      if (fails(index)) {
        record.failures.deadline += 1;
        return;
      }
      await timed(record, async () => undefined);
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

  it('GIVEN a guide that fails during the warm-up THEN the step keeps it apart from the measured guides', async () => {
    const measure = await runStep(instantBot((index) => index === 3), 200, 100, 100);
    expect(measure.warmUp.failures.deadline).toBe(1);
    expect(measure.record.failures.deadline).toBe(0);
    expect(measure.record.finishedGuides).toBe(measure.offeredGuides);
  });

  it('GIVEN a bot that dies during the step THEN the step fails with the probe\'s reason once it ends', async () => {
    const bot = instantBot();
    let samples = 0;
    const dying = { ...bot, bot: { sample: async () => (samples++ === 0 ? Promise.reject(new Error('the ours bot exited before it could be sampled')) : bot.bot.sample()) } };
    await expect(runStep(dying, 200, 100, 100)).rejects.toThrow('exited before it could be sampled');
  });

  it('GIVEN no warm-up THEN every guide is measured', async () => {
    const bot = instantBot();
    const measure = await runStep(bot, 200, 100, 0);
    expect(measure.warmUp.latencies).toHaveLength(0);
    expect(measure.record.latencies).toHaveLength(20);
    expect(measure.botCpuMicros).toBe(20 * CPU_PER_GUIDE_MICROS);
  });
});
