import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OutcomeId } from '../../../machines/questions.ts';
import { knowledge } from '../../../src/core/knowledge/index.ts';

const python = 'python3';
// A guard against hangs (a join() that never returns), not a benchmark: each sketch needs about a
// second of work, but on a machine busy with other test runs its wall time can pass ten seconds.
const perSketchTimeoutMs = 30_000;
const pythonVersion = spawnSync(python, ['--version'], { encoding: 'utf8' });
const hasPython = pythonVersion.status === 0;
// One sketch per core at a time: each timeout then measures a sketch, not its siblings' contention.
const parallelRuns = Math.max(2, availableParallelism());
const startsProcesses = (id: OutcomeId): boolean => knowledge.outcomes[id].sketch.includes('if __name__ == "__main__":');
const processApi = /\bProcess\(|\bPool\(|ProcessPoolExecutor\(/;

interface SketchRun {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one file with python3; never rejects, so one failing sketch cannot hide the others. */
function runPython(file: string): Promise<SketchRun> {
  return new Promise((resolve) => {
    // -W default shows every warning, so a sketch that warns on some version fails the stderr check.
    execFile(python, ['-W', 'default', file], { timeout: perSketchTimeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ exitCode, timedOut: error?.killed === true, stdout, stderr });
    });
  });
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

/** Writes each sketch (after an optional first line) to its own file and runs them in parallel. */
async function runSketches(
  directory: string,
  ids: readonly OutcomeId[],
  variant: string,
  firstLine = '',
): Promise<Map<OutcomeId, SketchRun>> {
  const runs = await mapInParallel(ids, parallelRuns, async (id) => {
    // A distinct file name, so a sketch never shadows the stdlib module it imports (asyncio.py would).
    const file = join(directory, `sketch_${variant}_${id}.py`);
    await writeFile(file, firstLine + knowledge.outcomes[id].sketch);
    return [id, await runPython(file)] as const;
  });
  return new Map(runs);
}

function expectCleanRun(run: SketchRun | undefined): void {
  expect(run, 'the sketch did not run').toBeDefined();
  expect(run?.timedOut, `the sketch was still running after ${perSketchTimeoutMs} ms`).toBe(false);
  expect(run?.stderr).toBe('');
  expect(run?.exitCode).toBe(0);
  expect(run?.stdout.trim()).not.toBe('');
}

describe('every sketch is short', () => {
  it.each(OUTCOME_IDS)('GIVEN the %s sketch THEN it is under 20 lines', (id) => {
    expect(knowledge.outcomes[id].sketch.trimEnd().split('\n').length).toBeLessThan(20);
  });

  it.each(OUTCOME_IDS)('GIVEN the %s sketch starts processes THEN it does so under the __main__ guard', (id) => {
    expect(startsProcesses(id)).toBe(processApi.test(knowledge.outcomes[id].sketch));
  });
});

const describeWithPython = hasPython ? describe : describe.skip;
const title = hasPython
  ? `every sketch runs as is (${pythonVersion.stdout.trim()})`
  : 'every sketch runs as is: SKIPPED because python3 is not on the PATH';

describeWithPython(title, () => {
  let directory = '';
  let asIs = new Map<OutcomeId, SketchRun>();
  let underForkserver = new Map<OutcomeId, SketchRun>();

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'concurrency-sketches-'));
    asIs = await runSketches(directory, OUTCOME_IDS, 'default');
    // Python 3.14 made forkserver the default start method on Linux; forcing it here checks the
    // sketches against 3.14's rules (picklable targets, the __main__ guard) on an older python3.
    if (process.platform !== 'win32') {
      underForkserver = await runSketches(
        directory,
        OUTCOME_IDS.filter(startsProcesses),
        'forkserver',
        'import multiprocessing; multiprocessing.set_start_method("forkserver", force=True)\n',
      );
    }
  }, 2 * Math.ceil(OUTCOME_IDS.length / parallelRuns) * perSketchTimeoutMs);

  afterAll(async () => {
    if (directory !== '') await rm(directory, { recursive: true, force: true });
  });

  it.each(OUTCOME_IDS)('GIVEN the %s sketch THEN it exits 0 in time, prints its result and warns about nothing', (id) => {
    expectCleanRun(asIs.get(id));
  });

  it.runIf(process.platform !== 'win32').each(OUTCOME_IDS.filter(startsProcesses))(
    'GIVEN the %s sketch under the forkserver start method THEN it still exits 0 and warns about nothing',
    (id) => {
      expectCleanRun(underForkserver.get(id));
    },
  );
});
