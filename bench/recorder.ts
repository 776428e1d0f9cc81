import { DriverError, InteractionFailedError } from '../src/local-discord/index.ts';

/** Why an interaction of a guide did not get its answer. */
export type FailureKind = 'deadline' | 'no-answer' | 'unexpected';

/** What one step of load measured from the members' side. */
export interface StepRecord {
  readonly latencies: number[];
  readonly failures: Record<FailureKind, number>;
  /** One example message per failure kind, for the report. */
  readonly failureExamples: Partial<Record<FailureKind, string>>;
  finishedGuides: number;
  /** Wall time of the generator's own synchronous work (its CPU, since that work never waits). */
  generatorMs: number;
  lastAnswerAt: number;
}

export function newStepRecord(): StepRecord {
  return { latencies: [], failures: { deadline: 0, 'no-answer': 0, unexpected: 0 }, failureExamples: {}, finishedGuides: 0, generatorMs: 0, lastAnswerAt: 0 };
}

/**
 * Sends one interaction through the driver and records its latency, from the moment the
 * interaction is dispatched until the member sees the bot's answer.
 */
export async function timed<T>(record: StepRecord, act: () => Promise<T>): Promise<T> {
  const dispatched = performance.now();
  const answer = act();
  record.generatorMs += performance.now() - dispatched;
  const result = await answer;
  const answeredAt = performance.now();
  record.latencies.push(answeredAt - dispatched);
  record.lastAnswerAt = Math.max(record.lastAnswerAt, answeredAt);
  return result;
}

/** Counts a failed guide by its cause. */
export function recordFailure(record: StepRecord, error: unknown): void {
  const kind: FailureKind = error instanceof InteractionFailedError ? 'deadline' : error instanceof DriverError && /did not answer/.test(error.message) ? 'no-answer' : 'unexpected';
  record.failures[kind] += 1;
  record.failureExamples[kind] ??= error instanceof Error ? error.message : String(error);
}
