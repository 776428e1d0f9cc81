import { createServer } from 'node:net';
import { commandSet } from '../src/discord/commands.ts';
import { outcomePaths } from '../src/core/tree.ts';
import { openArena, registerCommands, type Arena } from './arena.ts';
import { spawnBot, type BotProcess } from './bot-process.ts';
import { guideMember } from './members.ts';
import type { BenchPlan } from './plan.ts';
import { npmStartCommand } from './start-command.ts';
import type { ProbeSample } from './probe-protocol.ts';
import { toStepResult, type StepResult } from './result-model.ts';
import { formatRatio, ratio } from './stats.ts';
import { runStep, type SteppedSubject } from './subject.ts';

/*
 * Issue 18's HTTP figures: our bot as an HTTP interactions endpoint, one replica and then two behind
 * the local server's round robin, at the rates the issue names, beside the gateway bot's figures at
 * the same rates from the same run. CPU per interaction adds up every replica's CPU; the event-loop
 * figures are each replica's worst.
 */

/** The arrival rates issue 18 asks about. */
export const HTTP_RATES = [50, 200] as const;
const REPLICA_COUNTS = [1, 2] as const;
const ENDPOINT_READY_TIMEOUT_MS = 30_000;

/** One replica count's steps. */
export interface HttpModeResult {
  readonly replicas: number;
  readonly steps: readonly StepResult[];
}

/** Runs the HTTP endpoint with one replica, then two, each at every rate of HTTP_RATES. */
export async function runHttpMode(plan: BenchPlan, probe: string, log: (text: string) => void): Promise<HttpModeResult[]> {
  const results: HttpModeResult[] = [];
  for (const replicas of REPLICA_COUNTS) {
    const subject = await startHttpSubject(replicas, plan, probe);
    try {
      const steps: StepResult[] = [];
      for (const rate of HTTP_RATES) {
        const measure = await runStep(subject, rate, plan.stepMs, plan.warmUpMs);
        const { record } = measure;
        const step = toStepResult({ ...measure, finishedGuides: record.finishedGuides, latencies: record.latencies, failures: record.failures, warmUpFailures: measure.warmUp.failures, failureExamples: { ...measure.warmUp.failureExamples, ...record.failureExamples }, rssBytesAfter: measure.after.rssBytes, generatorMs: record.generatorMs });
        steps.push(step);
        log(`ours over HTTP, ${replicas} replica${replicas === 1 ? '' : 's'}, at ${rate}/s: ${step.interactionsPerSecond.toFixed(0)} interactions/s, p99 ${step.latencyMs.p99.toFixed(1)} ms, CPU ${step.botCpuMsPerInteraction.toFixed(3)} ms per interaction${step.sustained ? '' : ' (not sustained)'}`);
      }
      results.push({ replicas, steps });
    } finally {
      await subject.stop();
    }
  }
  return results;
}

interface HttpSubject extends SteppedSubject {
  stop(): Promise<void>;
}

/** A local server sending interactions to `count` replicas of the built bot, each an endpoint process. */
async function startHttpSubject(count: number, plan: BenchPlan, probe: string): Promise<HttpSubject> {
  const arena = await openArena({ channels: plan.channels, members: plan.members });
  await registerCommands(arena.discord, commandSet());
  const replicas: { bot: BotProcess; url: string }[] = [];
  try {
    for (let index = 0; index < count; index += 1) {
      const port = await freePort();
      const env = { DISCORD_APPLICATION_ID: arena.discord.bot.applicationId, DISCORD_API_URL: arena.discord.apiBaseUrl, DISCORD_PUBLIC_KEY: arena.discord.bot.publicKey, INTERACTIONS_PORT: String(port), LOG_LEVEL: 'info' };
      // As `npm start` runs it, its flags included, as for the gateway bot.
      const start = npmStartCommand();
      replicas.push({ bot: spawnBot({ name: `ours-http-${index}`, entry: start.entry, nodeArgs: start.nodeArgs, probe, env }), url: `http://127.0.0.1:${port}/interactions` });
    }
    await saveEndpoint(arena, replicas.map((replica) => replica.url));
  } catch (error) {
    await Promise.all(replicas.map((replica) => replica.bot.stop()));
    await arena.close();
    throw error;
  }
  const bots = replicas.map((replica) => replica.bot);
  const paths = outcomePaths();
  let guide = 0;
  return {
    arena,
    bot: {
      sample: async (options) => combine(await Promise.all(bots.map((bot) => bot.sample(options)))),
      answerTimes: async (keepRecording) => (await Promise.all(bots.map((bot) => bot.answerTimes(keepRecording)))).flat(),
    },
    visit(index, record) {
      guide += 1;
      return guideMember({ discord: arena.discord, actor: arena.members[guide % arena.members.length]!, channelId: arena.channels[guide % arena.channels.length]!.id, path: paths[index % paths.length] ?? [], record });
    },
    async stop() {
      await Promise.all(bots.map((bot) => bot.stop()));
      await arena.close();
    },
  };
}

/** Sets the endpoint URLs as the portal would, once every replica answers its PING. */
async function saveEndpoint(arena: Arena, urls: readonly string[]): Promise<void> {
  const deadline = performance.now() + ENDPOINT_READY_TIMEOUT_MS;
  for (;;) {
    try {
      await arena.discord.setInteractionsEndpoint(urls);
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The replicas as one: CPU and memory added up, event-loop time added up (a mean share), the worst delay. */
function combine(samples: readonly ProbeSample[]): ProbeSample {
  const sum = (pick: (sample: ProbeSample) => number) => samples.reduce((total, sample) => total + pick(sample), 0);
  const worst = samples.reduce((a, b) => (b.loopDelay.p99Ms > a.loopDelay.p99Ms ? b : a));
  return {
    id: worst.id,
    cpuMicros: sum((sample) => sample.cpuMicros),
    rssBytes: sum((sample) => sample.rssBytes),
    heapUsedBytes: sum((sample) => sample.heapUsedBytes),
    heapTotalBytes: sum((sample) => sample.heapTotalBytes),
    externalBytes: sum((sample) => sample.externalBytes),
    loop: { activeMs: sum((sample) => sample.loop.activeMs), idleMs: sum((sample) => sample.loop.idleMs) },
    loopDelay: worst.loopDelay,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/**
 * The HTTP figures as Markdown, with the gateway bot's steps at the same rates for comparison.
 * @example httpModeMarkdown(results, oursGatewaySteps)
 */
export function httpModeMarkdown(results: readonly HttpModeResult[], gatewaySteps: readonly StepResult[]): string {
  const lines = [
    '| new guides/s | ours via | interactions/s | p50 ms | p99 ms | CPU ms per interaction (all replicas) | event-loop delay p99, ms (worst replica) | sustained | p99 / gateway | CPU / gateway |',
    '|---:|---|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const rate of HTTP_RATES) {
    const gateway = gatewaySteps.find((step) => step.rate === rate);
    const row = (label: string, step: StepResult) =>
      `| ${rate} | ${label} | ${step.interactionsPerSecond.toFixed(0)} | ${step.latencyMs.p50.toFixed(1)} | ${step.latencyMs.p99.toFixed(1)} | ${step.botCpuMsPerInteraction.toFixed(3)} | ${step.botLoopDelayMs.p99.toFixed(1)} | ${step.sustained ? 'yes' : 'no'} | ${formatRatio(ratio(step.latencyMs.p99, gateway?.latencyMs.p99))} | ${formatRatio(ratio(step.botCpuMsPerInteraction, gateway?.botCpuMsPerInteraction))} |`;
    if (gateway !== undefined) lines.push(row('gateway', gateway));
    for (const result of results) {
      const step = result.steps.find((candidate) => candidate.rate === rate);
      if (step !== undefined) lines.push(row(`HTTP, ${result.replicas} replica${result.replicas === 1 ? '' : 's'}`, step));
    }
  }
  return lines.join('\n');
}
