/**
 * Loaded into each bot process under test with `--import` (bundled to plain JavaScript first, see
 * probe-bundle.ts, so the bot runs without a TypeScript loader): answers the benchmark's samples
 * over the IPC channel (CPU time, memory after an optional forced GC, event-loop time and delay)
 * and, while a step runs, notes when the bot begins each interaction response, to time the bot
 * alone. It only observes, through Node's public APIs: it patches no library, changes nothing the
 * bot does, and stops the bot when the benchmark goes away; without an IPC channel it stays silent.
 */
import diagnostics from 'node:diagnostics_channel';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { callbackInteractionId, machineClockMs, readEventLoopTime, type AnswerTime, type AnswerTimesReply, type LoopDelayAction, type LoopDelayReading, type ProbeRequest, type ProbeSample } from './probe-protocol.ts';

// undici, discord.js's HTTP client and Node's fetch, publishes here as a request's headers go out.
const SEND_HEADERS_CHANNEL = 'undici:client:sendHeaders';
let answerTimes: AnswerTime[] | undefined;

function recordAnswer(message: unknown): void {
  const path = (message as { request?: { path?: unknown } }).request?.path;
  const interactionId = typeof path === 'string' ? callbackInteractionId(path) : undefined;
  if (interactionId !== undefined) answerTimes?.push([interactionId, machineClockMs()]);
}

/** Hands over the answers recorded so far; listening costs the bot a little, so only while asked to. */
function takeAnswerTimes(keepRecording: boolean): readonly AnswerTime[] {
  const taken = answerTimes ?? [];
  if (keepRecording && answerTimes === undefined) diagnostics.subscribe(SEND_HEADERS_CHANNEL, recordAnswer);
  if (!keepRecording && answerTimes !== undefined) diagnostics.unsubscribe(SEND_HEADERS_CHANNEL, recordAnswer);
  answerTimes = keepRecording ? [] : undefined;
  return taken;
}

// 10 ms is Node's default: fine enough to see a 20 ms stall, coarse enough that the monitor's own
// timer is no load. It runs only inside measured windows, so the bot at rest is left alone.
const LOOP_DELAY_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });

/** The histogram since its last restart, in ms, then what the benchmark asked to do with it. */
function readLoopDelay(action: LoopDelayAction | undefined): LoopDelayReading {
  const count = loopDelay.count;
  const ms = (nanoseconds: number) => (count === 0 ? Number.NaN : nanoseconds / 1e6);
  const reading = { count, resolutionMs: LOOP_DELAY_RESOLUTION_MS, p50Ms: ms(loopDelay.percentile(50)), p99Ms: ms(loopDelay.percentile(99)), maxMs: ms(loopDelay.max) };
  if (action === 'restart') {
    loopDelay.reset();
    loopDelay.enable();
  } else if (action === 'stop') loopDelay.disable();
  return reading;
}

function sample(id: number, action: LoopDelayAction | undefined): ProbeSample {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return { id, cpuMicros: cpu.user + cpu.system, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal, externalBytes: memory.external, loop: readEventLoopTime(), loopDelay: readLoopDelay(action) };
}

function answer(request: Partial<ProbeRequest>): void {
  if (typeof request.id !== 'number') return;
  if (request.type === 'answer-times') {
    const reply: AnswerTimesReply = { type: 'answer-times', id: request.id, times: takeAnswerTimes(request.keepRecording === true) };
    process.send?.(reply);
    return;
  }
  if (request.type !== 'sample') return;
  const collect = (globalThis as { gc?: () => void }).gc;
  if (request.gc === true && collect !== undefined) collect();
  process.send?.({ type: 'sample', ...sample(request.id, request.loopDelay) });
}

if (process.send !== undefined) {
  process.on('message', (raw: unknown) => answer(raw as Partial<ProbeRequest>));
  // The channel must not keep a bot alive that would otherwise exit (a fatal gateway close).
  process.channel?.unref();
  // The channel closes when the benchmark is gone, even killed outright: stop the bot the way
  // `stop()` would, rather than leave it running, and reconnecting, with nothing to measure it.
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
