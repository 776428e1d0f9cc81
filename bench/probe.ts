/**
 * Loaded into each bot process under test with `--import`: answers the benchmark's samples over
 * the IPC channel (CPU time, memory after an optional forced GC), counts PNG renders by wrapping
 * resvg, so the report can tell whether a picture was ever drawn twice, and, while a step
 * runs, notes when the bot begins each interaction response, to time the bot alone.
 * It changes nothing the bot does while the benchmark runs, and stops the bot when the benchmark
 * goes away; without an IPC channel it stays silent.
 */
import { createHash } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { createRequire } from 'node:module';
import { callbackInteractionId, machineClockMs, readEventLoopTime, type AnswerTime, type AnswerTimesReply, type ProbeRequest, type ProbeSample } from './probe-protocol.ts';

const require = createRequire(import.meta.url);
const renderCounts = new Map<string, number>();
let renders = 0;

function countRender(svg: unknown): void {
  renders += 1;
  const key = createHash('sha1').update(typeof svg === 'string' || Buffer.isBuffer(svg) ? svg : String(svg)).digest('hex');
  renderCounts.set(key, (renderCounts.get(key) ?? 0) + 1);
}

function wrapResvg(): void {
  let resvg: Record<string, unknown>;
  try {
    resvg = require('@resvg/resvg-js') as Record<string, unknown>;
  } catch {
    return; // A bot without pictures renders nothing to count.
  }
  // ESM named imports of a CommonJS module read its exports once, when first imported: patching
  // them here, before the bot's modules load, is what the bot will call.
  for (const name of ['render', 'renderAsync'] as const) {
    const original = resvg[name];
    if (typeof original !== 'function') continue;
    resvg[name] = function counted(this: unknown, svg: unknown, ...rest: unknown[]) {
      countRender(svg);
      return (original as (...args: unknown[]) => unknown).call(this, svg, ...rest);
    };
  }
}

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

function sample(id: number): ProbeSample {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  let repeated = 0;
  for (const count of renderCounts.values()) repeated += count - 1;
  return { id, cpuMicros: cpu.user + cpu.system, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, externalBytes: memory.external, renders, distinctPictures: renderCounts.size, repeatedRenders: repeated, loop: readEventLoopTime() };
}

wrapResvg();
if (process.send !== undefined) {
  process.on('message', (raw: unknown) => {
    const request = raw as Partial<ProbeRequest>;
    if (typeof request.id !== 'number') return;
    if (request.type === 'answer-times') {
      const reply: AnswerTimesReply = { type: 'answer-times', id: request.id, times: takeAnswerTimes(request.keepRecording === true) };
      process.send?.(reply);
      return;
    }
    if (request.type !== 'sample') return;
    const collect = (globalThis as { gc?: () => void }).gc;
    if (request.gc === true && collect !== undefined) collect();
    process.send?.({ type: 'sample', ...sample(request.id) });
  });
  // The channel must not keep a bot alive that would otherwise exit (a fatal gateway close).
  process.channel?.unref();
  // The channel closes when the benchmark is gone, even killed outright: stop the bot the way
  // `stop()` would, rather than leave it running, and reconnecting, with nothing to measure it.
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
