import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OutcomeId } from '../../../machines/questions.ts';
import { sketches } from '../../../src/core/knowledge/sketches.ts';

// A sketch shares one 4096-character embed description with the summary and the reasons.
const maxLines = 22;
const maxCharacters = 900;
// Phrases the guide must not use: "per core" is wrong (the default is one worker per logical CPU
// the process may use), and no switch between these APIs is ever a "one-word change".
const bannedPhrases = [/per core/i, /one-word change/i];
const processApi = /\bProcess\(|\bPool\(|ProcessPoolExecutor\(/;
const startsProcesses = (id: OutcomeId): boolean => processApi.test(sketches[id]);
const mainGuard = 'if __name__ == "__main__":';

// Python 3.14 made forkserver the default on Linux and spawn is the default on macOS and Windows;
// forcing each here checks the process sketches against their rules (picklable targets, the
// __main__ guard) on any Python. The default run covers fork, Linux's default before 3.14.
const startMethods = ['spawn', 'forkserver'] as const;
type StartMethod = (typeof startMethods)[number];
// Sets the start method once in the parent, then runs the sketch as __main__. run_path makes the
// sketch's own module __main__ while it runs, so spawned children re-import the sketch file (not
// this wrapper) and find its worker functions; a set_start_method line inside the sketch would
// instead run again in every child and fail with "context has already been set".
const withStartMethod =
  'import multiprocessing, runpy, sys; multiprocessing.set_start_method(sys.argv[1]); ' +
  'runpy.run_path(sys.argv[2], run_name="__main__")';

// Two runs at a time: the machines this runs on have two cores, and the process sketches use both.
const parallelRuns = 2;
// Guards against hangs (a join() that never returns), not benchmarks: a sketch needs a second or
// two, but on a machine busy with other test runs its wall time can pass ten seconds.
const runTimeoutMs = 30_000;
// What a user pressing Ctrl-C may expect: the prompt back, nothing left running. Not a timing: a
// sketch still running this long after Ctrl-C is stuck (a join that never returns), not slow.
const ctrlCDeadlineMs = 5_000;
// Ctrl-C is pressed once the sketch has printed its first line and every process it started
// ignores SIGINT, as the sketches' workers do once they run: a child hit while Python is still
// starting it prints a traceback from multiprocessing's bootstrap code, which no sketch can
// prevent. Workers that never come to ignore it get Ctrl-C after a second anyway. Without /proc
// to tell, a short pause stands in for the check.
const workersReadyTimeoutMs = 1_000;
const settleMs = 200;

interface Python {
  readonly executable: string;
  readonly version: string;
}

/** The first `name` on the PATH, as a shell would find it, or undefined. */
function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((directory) => join(directory, name))
    .find((file) => existsSync(file) && statSync(file).isFile());
}

/**
 * Every CPython 3.11 or later on this machine: python3 and python3.11 to python3.15 on the PATH,
 * and each pyenv version, deduplicated by the interpreter's real path. A pyenv shim on the PATH is
 * not run: it only hands over to one of the pyenv versions probed here directly, and costs up to
 * a second or two per call on a busy machine. Nor is a pyenv version named below 3.11.
 */
function findPythons(): Python[] {
  const pyenvRoot = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const names = ['python3', ...[11, 12, 13, 14, 15].map((minor) => `python3.${minor}`)];
  const shims = join(pyenvRoot, 'shims');
  const fromPath = names.map(onPath).filter((file): file is string => file !== undefined && !file.startsWith(shims));
  const versions = join(pyenvRoot, 'versions');
  const fromPyenv = (existsSync(versions) ? readdirSync(versions) : [])
    .filter((version) => !/^(2\.|3\.([0-9]|10)\.)/.test(version))
    .map((version) => join(versions, version, 'bin', 'python3'))
    .filter((file) => existsSync(file));
  const probe =
    'import os, platform, sys; ' +
    'print(platform.python_implementation(), platform.python_version(), os.path.realpath(sys.executable), sep="\\n")';
  const found = new Map<string, Python>();
  for (const candidate of new Set([...fromPath, ...fromPyenv])) {
    const result = spawnSync(candidate, ['-c', probe], { encoding: 'utf8', timeout: 10_000 });
    if (result.status !== 0) continue;
    const [implementation, version = '', executable = ''] = result.stdout.trim().split('\n');
    const [major = 0, minor = 0] = version.split('.').map(Number);
    if (implementation !== 'CPython' || major !== 3 || minor < 11 || found.has(executable)) continue;
    found.set(executable, { executable, version });
  }
  return [...found.values()].sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }));
}

const pythons = findPythons();

interface Case {
  readonly id: OutcomeId;
  readonly python: Python;
  readonly method: StartMethod | undefined;
}

/** The parts of a test title, each short: vitest cuts a value longer than 40 characters in a title. */
const titled = (run: Case) =>
  [run.id, run.python.version, run.method === undefined ? '' : ` under ${run.method}`, run] as const;

// With SKETCHES_ALL_PYTHONS=1 every case runs on every Python found. By default each case runs on
// one of them, taken in turn from an offset that changes every run (printed, and replayable with
// SKETCHES_OFFSET=<n>), so every Python runs some sketches each time and every pairing comes up.
const ALL_PYTHONS = process.env['SKETCHES_ALL_PYTHONS'] === '1';
const OFFSET = process.env['SKETCHES_OFFSET'] === undefined ? Date.now() % 997 : Number(process.env['SKETCHES_OFFSET']);

/** Each sketch, and each process sketch also under each start method, on its Python or Pythons. */
const cases: Case[] = OUTCOME_IDS.flatMap((id) =>
  [undefined, ...(startsProcesses(id) && process.platform !== 'win32' ? startMethods : [])].map((method) => ({ id, method })),
).flatMap(({ id, method }, index) => {
  const inTurn = pythons[(index + OFFSET) % pythons.length];
  const chosen = ALL_PYTHONS ? pythons : inTurn === undefined ? [] : [inTurn];
  return chosen.map((python) => ({ id, python, method }));
});
if (!ALL_PYTHONS && pythons.length > 1) console.log(`sketches: each case on one Python, from SKETCHES_OFFSET=${OFFSET}; SKETCHES_ALL_PYTHONS=1 runs them on all ${pythons.length}`);

interface Run {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

interface InterruptedRun extends Run {
  /** False when the sketch ended, or never printed, before Ctrl-C could be pressed. */
  readonly pressedWhileRunning: boolean;
  /** Whether every process the sketch started ignored SIGINT when Ctrl-C was pressed. */
  readonly workersReady: boolean | undefined;
  /** Whether the sketch itself exited after Ctrl-C, and how many of its processes were still running once it had. */
  readonly stopped: boolean;
  readonly leftRunning: number;
}

const execFileAsync = promisify(execFile);
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How many processes of a process group are still running (zombies, already ended, excluded). */
async function runningIn(group: number): Promise<number> {
  if (group <= 0) return 0;
  try {
    process.kill(-group, 0);
  } catch {
    return 0;
  }
  const { stdout } = await execFileAsync('ps', ['-A', '-o', 'pgid=,stat=']);
  return stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pgid, stat]) => pgid === String(group) && stat !== undefined && !stat.startsWith('Z')).length;
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  if (group <= 0) return;
  try {
    process.kill(-group, signal);
  } catch {
    // The whole group has already ended.
  }
}

/** Ends whatever is left of a run, so that no test leaves a process behind. */
const killGroup = (group: number): void => signalGroup(group, 'SIGKILL');

/**
 * Whether every process of the group but the sketch itself ignores SIGINT, read from /proc, or
 * undefined where there is no /proc.
 */
function othersIgnoreCtrlC(group: number): boolean | undefined {
  if (!existsSync('/proc/self/status')) return undefined;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && Number(entry) !== group)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // After the command in parentheses: state, parent, process group...
      const [state, , pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgid) !== group || state === 'Z') continue;
      const ignored = /^SigIgn:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
      if ((BigInt(`0x${ignored}`) & 2n) === 0n) return false; // Bit 1 is signal 2, SIGINT.
    } catch {
      // The process ended while being read.
    }
  }
  return true;
}

/** Resolves to `fallback` after `ms` if `promise` has not settled by then, leaving no timer behind. */
async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts a sketch in a process group of its own, as a terminal would, so that Ctrl-C can reach
 * every process of it and a hung run can be killed whole. -W default shows every warning, so a
 * sketch that warns on some Python fails the stderr check.
 */
function start(file: string, { python, method }: Case) {
  const args = method === undefined ? [file] : ['-c', withStartMethod, method, file];
  // Unbuffered, as on a terminal, so the first line arrives when the sketch prints it.
  const env = { ...process.env, PYTHONUNBUFFERED: '1' };
  const child = spawn(python.executable, ['-W', 'default', ...args], { cwd: directory, detached: true, env });
  const state = { stdout: '', stderr: '', exitCode: undefined as number | null | undefined };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (state.stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (state.stderr += chunk));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code) => resolve(void (state.exitCode = code)));
    child.once('error', (error) => resolve(void ((state.stderr += String(error)), (state.exitCode ??= null))));
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  // Never 0: process.kill(-0) would signal the test runner's own process group.
  const group = child.pid ?? -1;
  return { group, state, exited, closed };
}

/** Runs a sketch to its end; never rejects, so one failing sketch cannot hide the others. */
async function runToEnd(file: string, run: Case): Promise<Run> {
  const { group, state, exited, closed } = start(file, run);
  const timedOut = await within(exited.then(() => false), runTimeoutMs, true);
  killGroup(group);
  await within(closed, ctrlCDeadlineMs, undefined);
  return { exitCode: state.exitCode ?? null, timedOut, stdout: state.stdout, stderr: state.stderr };
}

/** Runs a sketch, presses Ctrl-C once it is under way, and times how it stops. */
async function runAndInterrupt(file: string, run: Case): Promise<InterruptedRun> {
  const { group, state, exited, closed } = start(file, run);
  const firstLine = (async () => {
    while (!state.stdout.includes('\n') && state.exitCode === undefined) await delay(10);
  })();
  await within(firstLine, runTimeoutMs, undefined);
  if (othersIgnoreCtrlC(group) === undefined) await delay(settleMs);
  const printed = performance.now();
  while (othersIgnoreCtrlC(group) === false && performance.now() - printed < workersReadyTimeoutMs) await delay(10);
  const workersReady = othersIgnoreCtrlC(group);
  const pressedWhileRunning = state.exitCode === undefined && state.stdout.includes('\n');
  const pressed = performance.now();
  if (state.exitCode === undefined) signalGroup(group, 'SIGINT');
  const stopped = await within(exited.then(() => true), ctrlCDeadlineMs, false);
  let leftRunning = await runningIn(group);
  while (leftRunning > 0 && performance.now() - pressed < ctrlCDeadlineMs) {
    await delay(20);
    leftRunning = await runningIn(group);
  }
  killGroup(group);
  await within(closed, ctrlCDeadlineMs, undefined);
  const { stdout, stderr } = state;
  return { exitCode: state.exitCode ?? null, timedOut: !stopped, pressedWhileRunning, workersReady, stopped, leftRunning, stdout, stderr };
}

/** Runs `task` on every item, at most `limit` at a time, keeping the results in input order. */
async function mapInParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await task(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

let directory = '';
const fileOf = (id: OutcomeId): string => join(directory, `sketch_${id}.py`);

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'concurrency-sketches-'));
  // A distinct file name, so a sketch never shadows the stdlib module it imports (asyncio.py would).
  await Promise.all(OUTCOME_IDS.map((id) => writeFile(fileOf(id), sketches[id])));
});

afterAll(async () => {
  if (directory !== '') await rm(directory, { recursive: true, force: true });
});

describe('every sketch fits a Discord message and says nothing wrong', () => {
  it.each(OUTCOME_IDS)(
    `GIVEN the %s sketch THEN it is at most ${maxLines} lines and ${maxCharacters} characters`,
    (id) => {
      expect(sketches[id].trimEnd().split('\n').length).toBeLessThanOrEqual(maxLines);
      expect(sketches[id].length).toBeLessThanOrEqual(maxCharacters);
    },
  );

  it.each(OUTCOME_IDS)(
    'GIVEN the %s sketch THEN it has the __main__ guard if, and only if, it starts processes',
    (id) => {
      expect(sketches[id].includes(mainGuard)).toBe(startsProcesses(id));
    },
  );

  it.each(OUTCOME_IDS)('GIVEN the %s sketch THEN it never says "per core" or "one-word change"', (id) => {
    for (const phrase of bannedPhrases) expect(sketches[id]).not.toMatch(phrase);
  });
});

describe('the sketches are checked on every CPython 3.11 or later on this machine', () => {
  it('GIVEN this machine THEN at least one CPython 3.11 or later is found to run the sketches with', () => {
    expect(
      pythons,
      'no CPython 3.11 or later found: looked for python3 and python3.11 to python3.15 on the PATH and in ~/.pyenv/versions',
    ).not.toEqual([]);
  });
});

describe.runIf(pythons.length > 0)('every sketch runs as is', () => {
  const runs = new Map<Case, Run>();

  beforeAll(async () => {
    const results = await mapInParallel(cases, parallelRuns, (run) => runToEnd(fileOf(run.id), run));
    cases.forEach((run, index) => runs.set(run, results[index] as Run));
  }, 240_000);

  it.each(cases.map(titled))(
    'GIVEN the %s sketch on Python %s%s THEN it exits 0 in time, prints its result and warns about nothing',
    (_id, _version, _under, key) => {
      const run = runs.get(key);
      expect(run, 'the sketch did not run').toBeDefined();
      expect(run?.timedOut, `still running after ${runTimeoutMs} ms`).toBe(false);
      expect(run?.stderr).toBe('');
      expect(run?.exitCode).toBe(0);
      expect(run?.stdout.trim()).not.toBe('');
    },
  );
});

describe.runIf(pythons.length > 0 && process.platform !== 'win32')('every sketch stops cleanly on Ctrl-C', () => {
  const runs = new Map<Case, InterruptedRun>();

  beforeAll(async () => {
    const results = await mapInParallel(cases, parallelRuns, (run) => runAndInterrupt(fileOf(run.id), run));
    cases.forEach((run, index) => runs.set(run, results[index] as InterruptedRun));
  }, 240_000);

  it.each(cases.map(titled))(
    `GIVEN the %s sketch on Python %s%s WHEN Ctrl-C is pressed after its first line ` +
      'THEN it stops, with no traceback and no process left',
    (_id, _version, _under, key) => {
      const run = runs.get(key);
      expect(run, 'the sketch did not run').toBeDefined();
      const ended = `it ended, or printed nothing, before Ctrl-C: ${run?.stdout.slice(0, 200)}`;
      expect(run?.pressedWhileRunning, ended).toBe(true);
      expect(run?.stopped, `still running ${ctrlCDeadlineMs} ms after Ctrl-C`).toBe(true);
      // At most one short line such as "interrupted": no traceback, nor the "Process Name:" header
      // that multiprocessing prints before a child's traceback.
      expect(run?.stderr).not.toMatch(/Traceback|^Process \S+:$/m);
      expect(run?.stderr.trim().split('\n').length).toBeLessThanOrEqual(1);
      // Saying so also shows that Ctrl-C reached it mid-work, rather than as it was ending anyway.
      // It ends a line, but need not start one: print() writes a line's text and its newline
      // separately, and Ctrl-C can land between the two (seen once in CI: "... 4 divisorsinterrupted").
      const unready = run?.workersReady === false ? '; some of its processes never ignored SIGINT' : '';
      expect(`${run?.stdout}${run?.stderr}`, `it did not say "interrupted"${unready}`).toMatch(/interrupted$/m);
      expect(run?.leftRunning, 'a process it started was still running').toBe(0);
    },
  );
});
