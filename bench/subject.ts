import type { OptionId } from '../machines/questions.ts';
import { outcomePaths } from '../src/core/tree.ts';
import { botEnvironment, openArena, registerCommands, type Arena } from './arena.ts';
import { runArrivals } from './arrivals.ts';
import { spawnBot, type BotProcess } from './bot-process.ts';
import type { Member } from './members.ts';
import type { BenchPlan } from './plan.ts';
import { readEventLoopTime, type EventLoopTime, type LoopDelayReading, type LoopWindow, type ProbeSample } from './probe-protocol.ts';
import { newStepRecord, type StepRecord } from './recorder.ts';
import { turnarounds } from './turnaround.ts';

/** A bot to measure: how to start it and how a member walks through it. */
export interface SubjectSpec {
  readonly name: 'baseline' | 'ours';
  readonly entry: string;
  /** Node's flags, as users start this bot; none for the baseline. */
  readonly nodeArgs?: readonly string[];
  readonly commands: readonly unknown[];
  readonly member: Member;
  readonly env?: Readonly<Record<string, string>>;
}

/** A started bot with its own local server. */
export interface Subject {
  readonly spec: SubjectSpec;
  readonly arena: Arena;
  readonly bot: BotProcess;
  /** From spawning the process to the local server answering its IDENTIFY with READY. */
  readonly readyMs: number;
  /** Runs one member's guide; the path cycles through every outcome. */
  visit(index: number, record: StepRecord): Promise<void>;
  stop(): Promise<void>;
}

const PATHS: readonly (readonly OptionId[])[] = outcomePaths();
const REST_POLL_MS = 250;
const REST_CPU_SHARE = 0.02;
const REST_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 30_000;

/**
 * Starts a server, registers the commands, starts the bot process with the probe and waits until
 * it is at rest. Time to READY is read here, the same way for every bot: from just before the
 * spawn to the moment the server has sent READY for the bot's IDENTIFY (its session is live). No
 * bot's own log line is needed, and both bots use discord.js from there on.
 */
export async function startSubject(spec: SubjectSpec, plan: BenchPlan, probe: string): Promise<Subject> {
  const arena = await openArena({ channels: plan.channels, members: plan.members });
  await registerCommands(arena.discord, spec.commands);
  const spawnedAt = performance.now();
  const bot = spawnBot({ name: spec.name, entry: spec.entry, ...(spec.nodeArgs === undefined ? {} : { nodeArgs: spec.nodeArgs }), probe, env: { ...botEnvironment(arena.discord), LOG_LEVEL: 'info', ...spec.env } });
  const exitedEarly = bot.exited.then((code) => {
    throw new Error(`the ${spec.name} bot exited with code ${code} while starting:\n${bot.tail().join('\n')}`);
  });
  await Promise.race([arena.discord.waitForBotReady({ timeoutMs: READY_TIMEOUT_MS }), exitedEarly]);
  const readyMs = performance.now() - spawnedAt;
  exitedEarly.catch(() => undefined);
  await waitForRest(bot);
  let guide = 0;
  return {
    spec,
    arena,
    bot,
    readyMs,
    visit(index, record) {
      guide += 1;
      const path = PATHS[index % PATHS.length] ?? [];
      return spec.member({ discord: arena.discord, actor: arena.members[guide % arena.members.length]!, channelId: arena.channels[guide % arena.channels.length]!.id, path, record });
    },
    async stop() {
      await bot.stop();
      await arena.close();
    },
  };
}

/**
 * The bot at rest after one guide, as a member's first visit leaves it: whatever a bot loads on
 * first use is then loaded. Read without forcing a collection, as `ps` would see it.
 * Fails when that guide fails, since every later figure would be meaningless.
 */
export async function restAfterOneGuide(subject: Subject): Promise<ProbeSample> {
  const record = newStepRecord();
  await subject.visit(0, record);
  if (record.finishedGuides !== 1) throw new Error(`the ${subject.spec.name} bot did not finish its first guide: ${Object.values(record.failureExamples).join('; ')}`);
  await waitForRest(subject.bot);
  return subject.bot.sample();
}

/** Waits until the bot's CPU use stays under 2% (start-up work such as warming caches is done). */
async function waitForRest(bot: BotProcess): Promise<void> {
  const deadline = performance.now() + REST_TIMEOUT_MS;
  let previous = await bot.sample();
  let previousAt = performance.now();
  while (performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, REST_POLL_MS));
    const current = await bot.sample();
    const now = performance.now();
    const share = (current.cpuMicros - previous.cpuMicros) / 1000 / (now - previousAt);
    if (share < REST_CPU_SHARE) return;
    previous = current;
    previousAt = now;
  }
}

/** What one step at a fixed arrival rate measured for one bot. */
export interface StepMeasure {
  readonly rate: number;
  /** The guides that arrived after the warm-up. */
  readonly record: StepRecord;
  /** The warm-up's guides: their failures count against the step, their latencies do not. */
  readonly warmUp: StepRecord;
  /** Interactions of warm-up guides answered after measuring began; their CPU falls in the window. */
  readonly carriedOverInteractions: number;
  readonly offeredGuides: number;
  readonly elapsedMs: number;
  readonly maxScheduleLagMs: number;
  readonly botCpuMicros: number;
  readonly parentCpuMicros: number;
  /** Event-loop time over the measured window, for the bot and for this process. */
  readonly botLoop: LoopWindow;
  readonly parentLoop: LoopWindow;
  /** Per measured interaction the bot answered, from leaving the server to the bot's response, in ms. */
  readonly turnarounds: readonly number[];
  /** The bot's event-loop delay over the measured window, as the probe's monitor recorded it. */
  readonly botLoopDelay: LoopDelayReading;
  readonly after: ProbeSample;
}

/** What a step needs of a subject: its members' visits, the server's send times and the bot's probe. */
export type SteppedSubject = Pick<Subject, 'visit'> & { readonly arena: Pick<Arena, 'sentTimes'>; readonly bot: Pick<BotProcess, 'sample' | 'answerTimes'> };

/** Where measuring began: the first measured guide's arrival. */
interface WindowStart {
  readonly at: number;
  readonly parentCpu: NodeJS.CpuUsage;
  readonly parentLoop: EventLoopTime;
  readonly bot: Promise<ProbeSample>;
  readonly warmUpAnswers: number;
}

/**
 * Runs one open-loop step: `warmUpMs` at the rate unmeasured, then `stepMs` measured, one arrival
 * stream throughout so the measured part starts under load. CPU is read from the first measured
 * arrival to the last answer.
 */
export async function runStep(subject: SteppedSubject, rate: number, stepMs: number, warmUpMs: number): Promise<StepMeasure> {
  const warmUp = newStepRecord();
  const record = newStepRecord();
  const warmUpGuides = Math.round((rate * warmUpMs) / 1000);
  let windowStart: WindowStart | undefined;
  const openWindow = (): WindowStart => {
    // The bot's delay monitor starts empty here, so it holds the measured window and nothing before.
    const bot = subject.bot.sample({ loopDelay: 'restart' });
    // Awaited only after the step; a bot that dies meanwhile must fail the run there, not as an unhandled rejection.
    bot.catch(() => undefined);
    subject.arena.sentTimes.start();
    return { at: performance.now(), parentCpu: process.cpuUsage(), parentLoop: readEventLoopTime(), bot, warmUpAnswers: warmUp.latencies.length };
  };
  // The probe records answers from before the first arrival; the join keeps the measured ones.
  await subject.bot.answerTimes(true);
  if (warmUpGuides === 0) windowStart = openWindow();
  const arrivals = await runArrivals(rate, warmUpMs + stepMs, (index) => {
    if (index < warmUpGuides) return subject.visit(index, warmUp);
    if (index === warmUpGuides) windowStart = openWindow();
    return subject.visit(index, record);
  });
  const measured = windowStart;
  if (measured === undefined) throw new RangeError(`a step of ${stepMs} ms at ${rate}/s has no guide to measure`);
  const parent = process.cpuUsage(measured.parentCpu);
  const parentLoop = { before: measured.parentLoop, after: readEventLoopTime() };
  const after = await subject.bot.sample({ loopDelay: 'stop' });
  const before = await measured.bot;
  // After the CPU reading: handing the times over is no part of the step's work.
  const answered = await subject.bot.answerTimes(false);
  return {
    rate,
    record,
    warmUp,
    carriedOverInteractions: warmUp.latencies.length - measured.warmUpAnswers,
    offeredGuides: arrivals.launched - warmUpGuides,
    elapsedMs: Math.max(stepMs, Math.max(record.lastAnswerAt, warmUp.lastAnswerAt) - measured.at),
    maxScheduleLagMs: arrivals.maxLagMs,
    botCpuMicros: after.cpuMicros - before.cpuMicros,
    parentCpuMicros: parent.user + parent.system,
    botLoop: { before: before.loop, after: after.loop },
    parentLoop,
    turnarounds: turnarounds(subject.arena.sentTimes.take(), answered),
    botLoopDelay: after.loopDelay,
    after,
  };
}

const SETTLE_POLL_MS = 100;
const SETTLE_MAX_POLLS = 20;
const SETTLE_BYTES = 1024 * 1024;

/**
 * Collects the bot's garbage, then reads its memory once RSS has stopped falling: V8 hands the pages
 * and buffers a collection freed back to the system from other threads, within about 100 ms, so a
 * reading right after gc() still counted up to 46 MiB the collection had already freed (measured
 * after 10,000 guides; after 100 guides, under 2 MiB). Two seconds at most, well before V8's memory
 * reducer, which acts only after several seconds of low activity, would shrink anything more.
 */
export async function sampleAfterCollection(bot: Pick<BotProcess, 'sample'>, pollMs = SETTLE_POLL_MS): Promise<ProbeSample> {
  let previous = await bot.sample({ gc: true });
  for (let poll = 0; poll < SETTLE_MAX_POLLS; poll += 1) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const current = await bot.sample();
    if (current.rssBytes > previous.rssBytes - SETTLE_BYTES) return current;
    previous = current;
  }
  return previous;
}

/** Memory after a number of finished guides, garbage collected first. */
export interface MemoryMark {
  readonly finishedGuides: number;
  readonly sample: ProbeSample;
}

/** Runs guides a few at a time (closed loop: this phase measures what is kept, not speed) up to each mark. */
export async function fillToMarks(subject: Subject, marks: readonly number[], concurrency: number): Promise<{ marks: MemoryMark[]; failures: number }> {
  const record = newStepRecord();
  const results: MemoryMark[] = [];
  let started = 0;
  for (const mark of marks) {
    const worker = async () => {
      while (started < mark) {
        started += 1;
        await subject.visit(started, record);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    results.push({ finishedGuides: record.finishedGuides, sample: await sampleAfterCollection(subject.bot) });
  }
  const failures = record.failures.deadline + record.failures['no-answer'] + record.failures.unexpected;
  return { marks: results, failures };
}
