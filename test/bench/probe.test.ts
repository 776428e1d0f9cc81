import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('a bot under the benchmark', () => {
  it('GIVEN a benchmark with a running bot WHEN the benchmark is killed outright THEN the bot stops too, instead of running on unwatched', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', 'test/bench/fixtures/benchmark-parent.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(parent.stdout!, 'data')) as [Buffer];
    const { botPid } = JSON.parse(line.toString('utf8')) as { botPid: number };
    try {
      expect(isRunning(botPid)).toBe(true);
      parent.kill('SIGKILL');
      await once(parent, 'exit');
      expect(await waitUntil(() => !isRunning(botPid), 10_000)).toBe(true);
    } finally {
      if (isRunning(botPid)) process.kill(botPid, 'SIGKILL');
    }
  });
});
