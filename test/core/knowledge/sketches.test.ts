import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_IDS, type OutcomeId } from '../../../machines/questions.ts';
import { knowledge } from '../../../src/core/knowledge/index.ts';

const python = 'python3';
// Each sketch takes about 2 s on an idle machine; the margin is for a loaded CI runner, not for slow sketches.
const perSketchTimeoutMs = 30_000;
const pythonVersion = spawnSync(python, ['--version'], { encoding: 'utf8' });
const hasPython = pythonVersion.status === 0;

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
      const timedOut = error?.killed === true;
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ exitCode, timedOut, stdout, stderr });
    });
  });
}

describe('every sketch is short', () => {
  it.each(OUTCOME_IDS)('GIVEN the %s sketch THEN it is under 20 lines', (id) => {
    expect(knowledge.outcomes[id].sketch.trimEnd().split('\n').length).toBeLessThan(20);
  });
});

const describeWithPython = hasPython ? describe : describe.skip;
const title = hasPython
  ? `every sketch runs as is (${pythonVersion.stdout.trim()})`
  : 'every sketch runs as is: SKIPPED because python3 is not on the PATH';

describeWithPython(title, () => {
  let directory = '';
  const runs = new Map<OutcomeId, SketchRun>();

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'concurrency-sketches-'));
    // All sketches run at once: the slowest sets the pace, not the sum of them.
    await Promise.all(
      OUTCOME_IDS.map(async (id) => {
        // A distinct file name, so a sketch never shadows the stdlib module it imports (asyncio.py would).
        const file = join(directory, `sketch_${id}.py`);
        await writeFile(file, knowledge.outcomes[id].sketch);
        runs.set(id, await runPython(file));
      }),
    );
  }, perSketchTimeoutMs + 10_000);

  afterAll(async () => {
    if (directory !== '') await rm(directory, { recursive: true, force: true });
  });

  it.each(OUTCOME_IDS)('GIVEN the %s sketch THEN it exits 0 in time, prints its result and warns about nothing', (id) => {
    const run = runs.get(id);
    expect(run, `${id} did not run`).toBeDefined();
    expect(run?.timedOut, `${id} took more than ${perSketchTimeoutMs} ms`).toBe(false);
    expect(run?.stderr).toBe('');
    expect(run?.exitCode).toBe(0);
    expect(run?.stdout.trim()).not.toBe('');
  });
});
