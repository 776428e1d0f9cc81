import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botNodeArgs, missingEntryMessage, spawnBot, type BotProcess } from '../../bench/bot-process.ts';
import { npmStartCommand, parseStartScript } from '../../bench/start-command.ts';
import { oursSpec } from '../../bench/subjects.ts';
import { bundleProbe, type ProbeBundle } from '../../bench/probe-bundle.ts';
import { callbackInteractionId, loopDelayMs, machineClockMs } from '../../bench/probe-protocol.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let probe: ProbeBundle;
beforeAll(async () => {
  probe = await bundleProbe();
});
afterAll(async () => {
  await probe.remove();
});

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
    const { botPid, probe: parentProbe } = JSON.parse(line.toString('utf8')) as { botPid: number; probe: string };
    try {
      expect(isRunning(botPid)).toBe(true);
      parent.kill('SIGKILL');
      await once(parent, 'exit');
      expect(await waitUntil(() => !isRunning(botPid), 10_000)).toBe(true);
    } finally {
      if (isRunning(botPid)) process.kill(botPid, 'SIGKILL');
      // Killed outright, the parent could not remove its bundled probe.
      rmSync(dirname(parentProbe), { recursive: true, force: true });
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
    const bot = spawnBot({ name: 'answering', entry: 'test/bench/fixtures/answering-bot.js', probe: probe.path, env: { ANSWER_API: `http://127.0.0.1:${(server.address() as AddressInfo).port}` } });
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

describe('the probe measures the bot\'s event-loop delay', () => {
  async function sampleUntil(bot: BotProcess, enough: (count: number) => boolean): Promise<void> {
    for (let tries = 0; tries < 200; tries += 1) {
      if (enough((await bot.sample()).loopDelay.count)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('GIVEN a bot whose loop stalls 60 ms at a time WHEN the benchmark restarts the monitor and reads it later THEN the p99 delay shows the stall, and a stopped monitor records nothing more', async () => {
    const bot = spawnBot({ name: 'stalling', entry: 'test/bench/fixtures/stalling-bot.js', probe: probe.path, env: {} });
    try {
      const before = await bot.sample({ loopDelay: 'restart' });
      // Off until a window starts: a bot at rest is not woken by the monitor.
      expect(before.loopDelay.count).toBe(0);
      expect(Number.isNaN(loopDelayMs(before.loopDelay, 'p99Ms'))).toBe(true);
      await sampleUntil(bot, (count) => count >= 60);
      const window = (await bot.sample({ loopDelay: 'stop' })).loopDelay;
      expect(window.resolutionMs).toBe(10);
      expect(window.count).toBeGreaterThanOrEqual(60);
      // A stall of 60 ms delays the timer due in at most 10 ms by 50 ms or more.
      expect(loopDelayMs(window, 'p99Ms')).toBeGreaterThanOrEqual(45);
      expect(loopDelayMs(window, 'maxMs')).toBeGreaterThanOrEqual(loopDelayMs(window, 'p99Ms'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await bot.sample()).loopDelay.count).toBe(window.count);
    } finally {
      await bot.stop();
    }
  });
});

describe('how a bot process is started', () => {
  it('GIVEN a probe and an entry THEN the bot runs under plain node with the probe imported, and no TypeScript loader', () => {
    expect(botNodeArgs('/tmp/bench-probe-x/probe.mjs', 'dist/main.js', '')).toEqual(['--expose-gc', '--import', 'file:///tmp/bench-probe-x/probe.mjs', 'dist/main.js']);
    expect(botNodeArgs('/tmp/p.mjs', 'bench/baseline-bot.js', ' --cpu-prof  --max-old-space-size=256 ')).toEqual(['--expose-gc', '--cpu-prof', '--max-old-space-size=256', '--import', 'file:///tmp/p.mjs', 'bench/baseline-bot.js']);
  });

  it('GIVEN a bot started with flags of its own THEN they come before the extra ones and the probe', () => {
    expect(botNodeArgs('/tmp/p.mjs', 'dist/main.js', '--cpu-prof', ['--heap-growing-percent=50'])).toEqual(['--expose-gc', '--heap-growing-percent=50', '--cpu-prof', '--import', 'file:///tmp/p.mjs', 'dist/main.js']);
  });

  it('GIVEN package.json THEN our bot starts as `npm start` starts it, and a start script of another shape is refused', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    const ours = npmStartCommand();
    expect(['node', ...ours.nodeArgs, ours.entry].join(' ')).toBe(pkg.scripts.start);
    expect(oursSpec).toMatchObject({ entry: 'dist/main.js', nodeArgs: ours.nodeArgs });
    expect(parseStartScript('node dist/main.js')).toEqual({ nodeArgs: [], entry: 'dist/main.js' });
    expect(parseStartScript(' node  --a=1 --b  x.js ')).toEqual({ nodeArgs: ['--a=1', '--b'], entry: 'x.js' });
    for (const script of ['tsx src/main.ts', 'node', 'FOO=1 node dist/main.js', 'node dist/main.js --flag', 'node -r x dist/main.js']) expect(() => parseStartScript(script), script).toThrow(/start script/);
  });

  it('GIVEN no build WHEN our bot is to start THEN the message says to run npm run build, and spawning fails with it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'bench-no-build-'));
    try {
      expect(missingEntryMessage('dist/main.js', empty)).toMatch(/^dist\/main\.js is missing: run `npm run build`/);
      writeFileSync(join(empty, 'bot.js'), '');
      expect(missingEntryMessage('bot.js', empty)).toBeUndefined();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(() => spawnBot({ name: 'ghost', entry: 'dist/no-such-bot.js', probe: probe.path, env: {} })).toThrow('dist/no-such-bot.js is missing: run `npm run build`');
  });

  it('GIVEN the bundled probe THEN it is one JavaScript module that imports only Node built-ins', () => {
    const source = readFileSync(probe.path, 'utf8');
    const imported = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]);
    expect(imported.length).toBeGreaterThan(0);
    for (const specifier of imported) expect(specifier).toMatch(/^node:/);
  });
});
