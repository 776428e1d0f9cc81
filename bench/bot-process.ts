import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnswerTime, AnswerTimesReply, LoopDelayAction, ProbeRequest, ProbeSample } from './probe-protocol.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TAIL_LINES = 20;
const PROBE_TIMEOUT_MS = 10_000;

/** A bot under test, running as its own process with the probe loaded. */
export interface BotProcess {
  readonly name: string;
  readonly pid: number;
  /**
   * CPU time, memory and event-loop figures as the bot process reports them; `gc` collects garbage
   * first, `loopDelay` restarts or stops the event-loop delay monitor after reading it.
   */
  sample(options?: { gc?: boolean; loopDelay?: LoopDelayAction }): Promise<ProbeSample>;
  /** When the bot began each interaction response since the last call; it records only between a call with `keepRecording` and the next without. */
  answerTimes(keepRecording: boolean): Promise<readonly AnswerTime[]>;
  /** Log lines at level error or fatal, and the last lines of output, for the report. */
  readonly errorLines: () => number;
  readonly tail: () => readonly string[];
  /** Resolves when the process has exited; rejects never. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface BotProcessOptions {
  readonly name: string;
  /** The JavaScript entry file, relative to the repository root, e.g. `dist/main.js`. */
  readonly entry: string;
  /** The bundled probe (see probe-bundle.ts). */
  readonly probe: string;
  readonly env: Readonly<Record<string, string>>;
  /** Node's flags for this bot, as its users start it (ours: those of `npm start`); none by default. */
  readonly nodeArgs?: readonly string[];
}

/**
 * Starts a bot with plain `node`, as users run it (no TypeScript loader), one process (no wrapper),
 * so its CPU, memory and start-up time are its own.
 * @example const bot = spawnBot({ name: 'ours', entry: 'dist/main.js', probe: probe.path, env: { DISCORD_TOKEN } })
 */
export function spawnBot(options: BotProcessOptions): BotProcess {
  const missing = missingEntryMessage(options.entry);
  if (missing !== undefined) throw new Error(missing);
  const child = spawn(process.execPath, botNodeArgs(options.probe, options.entry, undefined, options.nodeArgs), {
    cwd: ROOT,
    // Only what the bot needs: the parent's .env must not leak a real token into a benchmark.
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...(process.env['MALLOC_ARENA_MAX'] === undefined ? {} : { MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] }), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  if (child.pid === undefined) throw new Error(`could not start the ${options.name} bot (${options.entry})`);
  const tail: string[] = [];
  let errorLines = 0;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    // Counting by substring keeps reading the bot's logs cheap for the parent.
    errorLines += countOccurrences(text, '"level":50') + countOccurrences(text, '"level":60');
    for (const line of text.split('\n')) if (line.trim() !== '') tail.push(line.slice(0, 300));
    if (tail.length > TAIL_LINES) tail.splice(0, tail.length - TAIL_LINES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', (chunk: Buffer) => {
    errorLines += chunk.toString('utf8').split('\n').filter((line) => line.trim() !== '').length;
    keep(chunk);
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    name: options.name,
    pid: child.pid,
    sample: (sampleOptions = {}) => askProbe<ProbeSample>(child, options.name, { type: 'sample', id: nextRequestId++, gc: sampleOptions.gc === true, ...(sampleOptions.loopDelay === undefined ? {} : { loopDelay: sampleOptions.loopDelay }) }),
    answerTimes: async (keepRecording) => (await askProbe<AnswerTimesReply>(child, options.name, { type: 'answer-times', id: nextRequestId++, keepRecording })).times,
    errorLines: () => errorLines,
    tail: () => [...tail],
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The command line of a bot process: `node --expose-gc [the bot's own flags] [extra] --import <probe> <entry>`.
 * The probe goes as a file URL, which --import reads the same on every platform.
 * BENCH_BOT_NODE_ARGS passes extra flags to both bots, e.g. `--cpu-prof` to see where time goes.
 * @example botNodeArgs('/tmp/probe.mjs', 'dist/main.js', '', ['--heap-growing-percent=50']) // ['--expose-gc', '--heap-growing-percent=50', '--import', 'file:///tmp/probe.mjs', 'dist/main.js']
 */
export function botNodeArgs(probe: string, entry: string, extraArgs = process.env['BENCH_BOT_NODE_ARGS'] ?? '', nodeArgs: readonly string[] = []): string[] {
  const extra = extraArgs.split(/\s+/).filter((arg) => arg !== '');
  return ['--expose-gc', ...nodeArgs, ...extra, '--import', pathToFileURL(probe).href, entry];
}

/**
 * Why a bot cannot start for want of its entry file, or undefined when the file is there. Our bot
 * runs from the build, which `npm run bench` makes first; run by hand, the build may be missing.
 * @example missingEntryMessage('dist/main.js') // 'dist/main.js is missing: run `npm run build` ...' when not built
 */
export function missingEntryMessage(entry: string, root = ROOT): string | undefined {
  if (existsSync(join(root, entry))) return undefined;
  const hint = entry.startsWith('dist/') ? 'run `npm run build` first (`npm run bench` builds before it measures)' : 'is the repository complete?';
  return `${entry} is missing: ${hint}`;
}

let nextRequestId = 1;

/** Sends one request to the probe and resolves with its reply: the message of the same type and id. */
function askProbe<Reply extends { readonly id: number }>(child: ChildProcess, name: string, request: ProbeRequest): Promise<Reply> {
  const { id } = request;
  return new Promise<Reply>((resolve, reject) => {
    const onMessage = (raw: unknown) => {
      const message = raw as Reply & { type?: string };
      if (message.type !== request.type || message.id !== id) return;
      finish();
      resolve(message);
    };
    const onExit = () => {
      finish();
      reject(new Error(`the ${name} bot exited before it answered a ${request.type} request`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`the ${name} bot did not answer a ${request.type} request within ${PROBE_TIMEOUT_MS} ms`));
    }, PROBE_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(request);
  });
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count += 1;
  return count;
}
