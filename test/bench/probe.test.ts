import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnBot } from '../../bench/bot-process.ts';
import { callbackInteractionId, machineClockMs } from '../../bench/probe-protocol.ts';

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

describe('the probe times a bot\'s answers', () => {
  it('GIVEN a bot answering interactions WHEN the benchmark asks THEN it gets the answers begun between its two requests, each timed before the server received it', async () => {
    const received = new Map<string, number>();
    const server = createServer((request, response) => {
      const id = callbackInteractionId(request.url ?? '');
      if (id !== undefined) received.set(id, machineClockMs());
      request.resume();
      response.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const bot = spawnBot({ name: 'answering', entry: 'test/bench/fixtures/answering-bot.ts', env: { ANSWER_API: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } });
    try {
      await waitUntil(() => received.size >= 3, 10_000);
      const receivedBefore = new Set(received.keys());
      const armedAt = machineClockMs();
      expect(await bot.answerTimes(true)).toEqual([]);
      const countAtArming = received.size;
      await waitUntil(() => received.size >= countAtArming + 5, 10_000);
      const times = await bot.answerTimes(false);

      expect(times.length).toBeGreaterThanOrEqual(4);
      for (const [id, at] of times) {
        expect(receivedBefore.has(id)).toBe(false);
        expect(at).toBeGreaterThanOrEqual(armedAt);
        // Sent before the server saw it, on the clock both processes share.
        const seenAt = received.get(id);
        if (seenAt !== undefined) expect(at).toBeLessThanOrEqual(seenAt);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await bot.answerTimes(false)).toEqual([]);
    } finally {
      await bot.stop();
      server.close();
    }
  });
});
