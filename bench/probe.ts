/**
 * Loaded into each bot process under test with `--import`: answers the benchmark's samples over
 * the IPC channel (CPU time, memory after an optional forced GC) and counts PNG renders by
 * wrapping resvg, so the report can tell whether a picture was ever drawn twice.
 * It changes nothing the bot does while the benchmark runs, and stops the bot when the benchmark
 * goes away; without an IPC channel it stays silent.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readEventLoopTime, type ProbeRequest, type ProbeSample } from './probe-protocol.ts';

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
    if (request.type !== 'sample' || typeof request.id !== 'number') return;
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
