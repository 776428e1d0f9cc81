import { performance } from 'node:perf_hooks';

/** Messages between the benchmark and the probe inside a bot process. */
export interface ProbeRequest {
  readonly type: 'sample';
  readonly id: number;
  /** Collect garbage first (the bot runs with --expose-gc), so memory shows what is really kept. */
  readonly gc: boolean;
}

/** One reading of a bot process. */
export interface ProbeSample {
  readonly id: number;
  /** User + system CPU time since the process started. */
  readonly cpuMicros: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Memory outside the JS heap that JS objects hold, Buffers (pictures, uploads) among it. */
  readonly externalBytes: number;
  /** PNG renders since start, and how many distinct pictures they drew. */
  readonly renders: number;
  readonly distinctPictures: number;
  /** Renders of a picture already drawn once before. */
  readonly repeatedRenders: number;
  /** The main thread's time running and waiting since start (performance.eventLoopUtilization). */
  readonly loop: EventLoopTime;
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
