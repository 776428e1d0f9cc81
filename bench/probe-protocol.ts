import { performance } from 'node:perf_hooks';

/** Messages from the benchmark to the probe inside a bot process; each is answered with the same id. */
export type ProbeRequest = SampleRequest | AnswerTimesRequest;

/** Asks for a ProbeSample. */
export interface SampleRequest {
  readonly type: 'sample';
  readonly id: number;
  /** Collect garbage first (the bot runs with --expose-gc), so memory shows what is really kept. */
  readonly gc: boolean;
  /**
   * What to do with the event-loop delay monitor after reading it: 'restart' empties it and keeps it
   * running (a measured window begins), 'stop' turns it off (the window ended). Left out, it is only read.
   */
  readonly loopDelay?: LoopDelayAction;
}

export type LoopDelayAction = 'restart' | 'stop';

/**
 * Asks for the answer times recorded since the last such request, and whether to go on recording
 * (the probe records only between a request with `keepRecording` and the next without).
 */
export interface AnswerTimesRequest {
  readonly type: 'answer-times';
  readonly id: number;
  readonly keepRecording: boolean;
}

/** An interaction's id and the moment (machineClockMs) the bot began sending its response. */
export type AnswerTime = readonly [interactionId: string, atMs: number];

export interface AnswerTimesReply {
  readonly type: 'answer-times';
  readonly id: number;
  readonly times: readonly AnswerTime[];
}

/** One reading of a bot process. */
export interface ProbeSample {
  readonly id: number;
  /** User + system CPU time since the process started. */
  readonly cpuMicros: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** What V8 holds for its heap, used or not: RSS that heapUsed does not explain may be here. */
  readonly heapTotalBytes: number;
  /** Memory outside the JS heap that JS objects hold, Buffers (pictures, uploads) among it. */
  readonly externalBytes: number;
  /** The main thread's time running and waiting since start (performance.eventLoopUtilization). */
  readonly loop: EventLoopTime;
  /** The event-loop delay since the monitor was last restarted, as perf_hooks.monitorEventLoopDelay records it. */
  readonly loopDelay: LoopDelayReading;
}

/**
 * What perf_hooks.monitorEventLoopDelay recorded, in ms. Its timer fires every `resolutionMs`, and
 * each value is the whole time between two firings: the resolution plus the delay. `count` is 0
 * when nothing was recorded (the percentiles are then NaN).
 */
export interface LoopDelayReading {
  readonly count: number;
  readonly resolutionMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * How late the loop ran timers at a percentile: the recorded interval less the interval asked for
 * (as Fastify's under-pressure reads the same histogram), never below zero; NaN without values.
 * @example loopDelayMs({ count: 500, resolutionMs: 10, p50Ms: 10.2, p99Ms: 14.5, maxMs: 30 }, 'p99Ms') // 4.5
 */
export function loopDelayMs(reading: LoopDelayReading, percentile: 'p50Ms' | 'p99Ms' | 'maxMs'): number {
  if (reading.count === 0) return Number.NaN;
  return Math.max(0, reading[percentile] - reading.resolutionMs);
}

/** Cumulative event-loop time of one process, in ms; two of them give its busy share in between. */
export interface EventLoopTime {
  readonly activeMs: number;
  readonly idleMs: number;
}

/** This process's event-loop time now; the probe reports it for a bot, the benchmark reads its own. */
export function readEventLoopTime(): EventLoopTime {
  const loop = performance.eventLoopUtilization();
  return { activeMs: loop.active, idleMs: loop.idle };
}

/** Event-loop time at the start and the end of a measured window. */
export interface LoopWindow {
  readonly before: EventLoopTime;
  readonly after: EventLoopTime;
}

/**
 * Milliseconds on the machine's monotonic clock, which every process on it shares (unlike
 * performance.now(), which counts from each process's start): the benchmark reads it when an
 * interaction leaves the server, the probe when the bot answers it.
 */
export function machineClockMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

// POST /api/v10/interactions/{id}/{token}/callback, the response to an interaction (query aside).
const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/?]+\/callback(?:\?|$)/;

/**
 * The interaction an HTTP request path responds to, or undefined for any other request.
 * @example callbackInteractionId('/api/v10/interactions/123/abc/callback?with_response=false') // '123'
 */
export function callbackInteractionId(path: string): string | undefined {
  return CALLBACK_PATH.exec(path)?.[1];
}
