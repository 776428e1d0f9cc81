/**
 * `npm run bench [-- --quick] [-- --only baseline|ours]`: the guide bot and a bare discord.js
 * baseline, each a child process against its own local Discord server, under the same open-loop
 * load. Prints a table and the targets, writes JSON and an SVG chart to bench/results/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { latencyChart } from './chart.ts';
import { busyMachineWarning, describeMachine, loadAverageNow, machineCpuMs, machineLine, otherCpuShare, runEndLine, type RunEnd } from './machine.ts';
import { parseBenchArgs, type BenchPlan } from './plan.ts';
import { missingEntryMessage } from './bot-process.ts';
import { bundleProbe, type ProbeBundle } from './probe-bundle.ts';
import type { ProbeSample } from './probe-protocol.ts';
import { memoryReading, toMiB, toStepResult, type BotResult, type StepResult } from './result-model.ts';
import { fillToMarks, restAfterOneGuide, runStep, startSubject, type MemoryMark, type Subject, type SubjectSpec } from './subject.ts';
import { baselineSpec, oursSpec } from './subjects.ts';
import { ratiosByRate } from './ratios.ts';
import { figuresMarkdown, replaceFigures } from './readme-figures.ts';
import { formatReport } from './table.ts';
import { httpModeMarkdown, runHttpMode, type HttpModeResult } from './http-mode.ts';
import { checkTargets } from './targets.ts';

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url));
/** The benchmark's own page; a full run rewrites the figures between its bench markers. */
const BENCH_README = fileURLToPath(new URL('./README.md', import.meta.url));
const PAUSE_BETWEEN_STEPS_MS = 500;

interface Tracked {
  readonly subject: Subject;
  readonly rest: ProbeSample;
  readonly memory: { marks: MemoryMark[]; failures: number };
  readonly steps: StepResult[];
  saturated: boolean;
}

async function main(): Promise<void> {
  const parsed = parseBenchArgs(process.argv.slice(2));
  if ('error' in parsed) {
    console.error(parsed.error);
    process.exit(2);
  }
  const { plan, only } = parsed;
  const specs: SubjectSpec[] = [baselineSpec, oursSpec].filter((spec) => only === undefined || spec.name === only);
  // Before anything starts: a bot that cannot start makes the whole run worthless.
  const missing = specs.map((spec) => missingEntryMessage(spec.entry)).filter((message) => message !== undefined);
  if (missing.length > 0) {
    console.error(`bench: ${missing.join('; ')}`);
    process.exit(2);
  }
  const machine = describeMachine();
  const runStart: RunStart = { at: performance.now(), machineCpuMs: machineCpuMs(), ownCpu: process.cpuUsage() };
  log(`${plan.name} run on ${machineLine(machine)}`);
  const startWarning = busyMachineWarning(machine);
  if (startWarning !== undefined) log(startWarning);
  const tracked: Tracked[] = [];
  let probe: ProbeBundle | undefined;
  try {
    probe = await bundleProbe();
    // Each bot runs its memory phase as soon as it is ready. Started together, the second would sit
    // idle through the first one's phase, and an idle Node process hands memory back: its reading
    // after 100 guides came out 40 MiB low (measured: 222 against 261 MiB after 90 s idle), which
    // then showed as growth by 10,000.
    for (const spec of specs) {
      log(`starting ${spec.name} (node ${spec.entry})`);
      const subject = await startSubject(spec, plan, probe.path);
      const rest = await restAfterOneGuide(subject);
      log(`${spec.name}: READY ${subject.readyMs.toFixed(0)} ms after start; at rest after one guide ${toMiB(rest.rssBytes).toFixed(1)} MiB RSS; memory after ${plan.memoryMarks.join(' and ')} finished guides`);
      const memory = await fillToMarks(subject, plan.memoryMarks, plan.memoryConcurrency);
      log(`${spec.name}: done; the benchmark process itself holds ${parentMemory()}`);
      tracked.push({ subject, rest, memory, steps: [], saturated: false });
    }
    await runSteps(tracked, plan);
    // Issue 18: the same bot as an HTTP interactions endpoint, with one replica and with two.
    const http: HttpModeResult[] = only === 'baseline' ? [] : await runHttpMode(plan, probe.path, log);
    const bots = tracked.map(toBotResult);
    const end = await runEnd(runStart, tracked);
    const warning = busyMachineWarning(machine, end);
    const baseline = bots.find((bot) => bot.name === 'baseline');
    const ours = bots.find((bot) => bot.name === 'ours');
    const targets = checkTargets(baseline, ours);
    const ratios = ratiosByRate(baseline, ours);
    console.log(`\n${formatReport(bots, targets, `${machineLine(machine)}, ${runEndLine(end)}`)}`);
    const httpFigures = http.length === 0 ? undefined : httpModeMarkdown(http, ours?.steps ?? []);
    if (httpFigures !== undefined) console.log(`\nOurs over the HTTP interactions endpoint, beside the gateway:\n${httpFigures}`);
    if (warning !== undefined) console.log(`\n${warning}`);
    const date = new Date().toISOString();
    writeResults(plan, { plan: plan.name, date, machine: { ...machine, loadAverageAtEnd: end.loadAverage, otherCpuShare: end.otherCpuShare }, bots, ratios, targets, warning, http });
    // Only a full run of both bots speaks for the project; a smoke run or one bot leaves bench/README.md alone.
    if (plan.name === 'full' && only === undefined) {
      writeFileSync(BENCH_README, replaceFigures(readFileSync(BENCH_README, 'utf8'), figuresMarkdown({ date, machineLine: `${machineLine(machine)}, ${runEndLine(end)}`, bots, ratios, targets, warning, httpFigures })));
      log('updated the figures in bench/README.md');
    }
  } finally {
    await Promise.all(tracked.map((entry) => entry.subject.stop()));
    await probe?.remove();
  }
}

/**
 * The load average at the end, and the share of a core that processes other than this one and the
 * bots used since the start. The bots started after it, so all their CPU counts; it is read from
 * each, since a running child's CPU is not in this process's figures.
 */
interface RunStart {
  readonly at: number;
  readonly machineCpuMs: number | undefined;
  readonly ownCpu: NodeJS.CpuUsage;
}

async function runEnd(start: RunStart, tracked: readonly Tracked[]): Promise<RunEnd> {
  const botCpuMicros = (await Promise.all(tracked.map((entry) => entry.subject.bot.sample()))).reduce((sum, sample) => sum + sample.cpuMicros, 0);
  const own = process.cpuUsage(start.ownCpu);
  const machineNow = machineCpuMs();
  const loadAverage = loadAverageNow();
  if (start.machineCpuMs === undefined || machineNow === undefined) return { loadAverage };
  return { loadAverage, otherCpuShare: otherCpuShare(machineNow - start.machineCpuMs, (own.user + own.system + botCpuMicros) / 1000, performance.now() - start.at) };
}

/**
 * The benchmark process plays Discord and the members for both bots, and its heap fills over the
 * run. Collected between steps, that garbage cannot be collected in the middle of the next bot's
 * step instead, where a pause of tens of milliseconds showed as that bot's latency. Present when
 * the process runs with --expose-gc, as `npm run bench` starts it.
 */
const collectOwnGarbage = (globalThis as { gc?: () => void }).gc;

async function runSteps(tracked: Tracked[], plan: BenchPlan): Promise<void> {
  if (collectOwnGarbage === undefined) log('started without --expose-gc (use npm run bench): the benchmark process collects its garbage whenever it must, steps included');
  for (const rate of plan.rates) {
    for (const entry of tracked) {
      if (entry.saturated) continue;
      collectOwnGarbage?.();
      const measure = await runStep(entry.subject, rate, plan.stepMs, plan.warmUpMs);
      const { record } = measure;
      const step = toStepResult({ ...measure, finishedGuides: record.finishedGuides, latencies: record.latencies, failures: record.failures, warmUpFailures: measure.warmUp.failures, failureExamples: { ...measure.warmUp.failureExamples, ...record.failureExamples }, rssBytesAfter: measure.after.rssBytes, generatorMs: record.generatorMs });
      entry.steps.push(step);
      log(`${entry.subject.spec.name} at ${rate}/s: ${step.interactionsPerSecond.toFixed(0)} interactions/s, p50 ${step.latencyMs.p50.toFixed(1)} ms, p99 ${step.latencyMs.p99.toFixed(1)} ms (inside the bot ${step.turnaroundMs.p99.toFixed(1)}), event-loop delay p99 ${step.botLoopDelayMs.p99.toFixed(1)} ms${step.sustained ? '' : ' (not sustained)'}; generator lag up to ${step.maxScheduleLagMs.toFixed(0)} ms, benchmark process ${parentMemory()}`);
      // Past the first rate a bot cannot sustain, higher rates only measure a growing queue.
      if (!step.sustained) entry.saturated = true;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_STEPS_MS));
    }
  }
}

function toBotResult(entry: Tracked): BotResult {
  return {
    name: entry.subject.spec.name,
    readyMs: entry.subject.readyMs,
    rest: memoryReading(entry.rest),
    steps: entry.steps,
    memory: entry.memory.marks.map((mark) => ({ finishedGuides: mark.finishedGuides, ...memoryReading(mark.sample) })),
    memoryPhaseFailures: entry.memory.failures,
    errorLogLines: entry.subject.bot.errorLines(),
  };
}

function writeResults(plan: BenchPlan, result: { bots: readonly BotResult[] } & Record<string, unknown>): void {
  mkdirSync(RESULTS, { recursive: true });
  const suffix = plan.name === 'quick' ? '-quick' : '';
  writeFileSync(`${RESULTS}latest${suffix}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${RESULTS}latency${suffix}.svg`, latencyChart(result.bots, `Latency against arrival rate (${plan.name} run)`));
  log(`wrote bench/results/latest${suffix}.json and bench/results/latency${suffix}.svg`);
}

/** The benchmark process's own memory: the local servers and the generator live here. */
function parentMemory(): string {
  const memory = process.memoryUsage();
  return `${toMiB(memory.rss).toFixed(0)} MiB RSS, ${toMiB(memory.heapUsed).toFixed(0)} MiB heap`;
}

function log(text: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
