import { PARENT_BUSY_LIMIT, highestSustained, parentBoundSteps, type BotResult } from './result-model.ts';
import { stepRows, type Ratios } from './ratios.ts';
import { formatRatio, formatShare, ratio } from './stats.ts';
import type { TargetCheck, TargetKey } from './targets.ts';

const START = '<!-- bench:start (written by npm run bench; edits inside are replaced) -->';
const END = '<!-- bench:end -->';

/** What a full run wrote to bench/results/latest.json, as far as bench/README.md needs it. */
export interface RunSummary {
  readonly date: string;
  readonly machineLine: string;
  readonly bots: readonly BotResult[];
  readonly ratios?: Ratios;
  readonly targets: readonly TargetCheck[];
  readonly warning?: string | undefined;
  /** The HTTP endpoint's table (http-mode.ts), when the run measured it. */
  readonly httpFigures?: string | undefined;
}

/** The targets issue 17 names; the others came from earlier issues. */
const ISSUE_17_TARGETS: ReadonlySet<TargetKey> = new Set(['rest-memory', 'ready', 'loop-delay', 'memory-growth', 'cpu']);

/**
 * The figures of a run as Markdown: one row per rate with both bots side by side, each bot's start
 * and memory, and the targets.
 */
export function figuresMarkdown(run: RunSummary): string {
  const baseline = run.bots.find((bot) => bot.name === 'baseline');
  const ours = run.bots.find((bot) => bot.name === 'ours');
  const lines = [
    `Latest full run: ${run.date.slice(0, 10)}, on ${run.machineLine}.`,
    ...(run.warning === undefined ? [] : ['', `> ${run.warning}`]),
    '',
    '| new guides/s | bot | interactions/s | p50 ms | p99 ms | max ms | p99 inside the bot, ms | event-loop delay p99 in the bot, ms | CPU ms per interaction | RSS after, MiB | sustained | p99 ours/baseline | CPU ours/baseline | benchmark process: CPU ms per interaction (busy) | event loop running: bot / benchmark process |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
  ];
  for (const { bot, step, base } of stepRows(run.bots)) {
    lines.push(
      `| ${step.rate} | ${bot.name} | ${step.interactionsPerSecond.toFixed(0)} | ${step.latencyMs.p50.toFixed(1)} | ${step.latencyMs.p99.toFixed(1)} | ${step.latencyMs.max.toFixed(1)} | ${step.turnaroundMs.p99.toFixed(1)} | ${step.botLoopDelayMs.p99.toFixed(1)} | ${step.botCpuMsPerInteraction.toFixed(2)} | ${step.rssAfterMiB.toFixed(0)} | ${step.sustained ? 'yes' : 'no'} | ${formatRatio(ratio(step.latencyMs.p99, base?.latencyMs.p99))} | ${formatRatio(ratio(step.botCpuMsPerInteraction, base?.botCpuMsPerInteraction))} | ${step.parentCpuMsPerInteraction.toFixed(2)} (${formatShare(step.parentBusyShare)}) | ${formatShare(step.botLoopBusyShare)} / ${formatShare(step.parentLoopBusyShare)} |`,
    );
  }
  const parentBound = parentBoundSteps(run.bots);
  if (parentBound.length > 0) {
    lines.push('', `The benchmark process (both local servers and the members; its JavaScript runs on one thread) was busy ${PARENT_BUSY_LIMIT * 100}% of a core or more at ${parentBound.join(', ')}: there it set the pace as well as the bot.`);
  }
  if (run.ratios !== undefined && run.ratios.byRate.length > 0) {
    lines.push('', `Ours / baseline, figure by figure (RSS at rest: ${formatRatio(run.ratios.restRss)}; time to READY: ${formatRatio(run.ratios.ready)}):`, '', '| new guides/s | interactions/s | p50 | p99 | max | p99 inside the bot | CPU per interaction | RSS after |', '|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of run.ratios.byRate) lines.push(`| ${row.rate} | ${formatRatio(row.interactionsPerSecond)} | ${formatRatio(row.p50)} | ${formatRatio(row.p99)} | ${formatRatio(row.max)} | ${formatRatio(row.p99InsideBot)} | ${formatRatio(row.cpuPerInteraction)} | ${formatRatio(row.rssAfter)} |`);
  }
  lines.push('');
  for (const bot of [baseline, ours]) {
    if (bot === undefined) continue;
    const top = highestSustained(bot);
    const memory = bot.memory.map((mark) => `${mark.rssMiB.toFixed(0)} MiB after ${mark.finishedGuides.toLocaleString('en-US')} guides`).join(', ');
    const rest = `${bot.rest.rssMiB.toFixed(0)} MiB (heap ${bot.rest.heapUsedMiB.toFixed(0)} used of ${bot.rest.heapTotalMiB.toFixed(0)}, external ${bot.rest.externalMiB.toFixed(0)})`;
    lines.push(`- **${bot.name}**: READY ${bot.readyMs.toFixed(0)} ms after start; RSS at rest after one guide ${rest}; highest sustained rate ${top === undefined ? 'none' : `${top.rate} guides/s (${top.interactionsPerSecond.toFixed(0)} interactions/s)`}; ${memory} (garbage collected first).`);
  }
  const targetLine = (check: TargetCheck) => `- ${check.pass === undefined ? 'N/A' : check.pass ? 'PASS' : '**FAIL**'}: ${check.target} (${check.detail})`;
  lines.push('', 'Targets from issue 17, ours against the baseline in this run:', '', ...run.targets.filter((check) => ISSUE_17_TARGETS.has(check.key)).map(targetLine));
  const earlier = run.targets.filter((check) => !ISSUE_17_TARGETS.has(check.key));
  if (earlier.length > 0) lines.push('', 'Earlier targets, kept:', '', ...earlier.map(targetLine));
  if (run.httpFigures !== undefined) lines.push('', 'Ours over the HTTP interactions endpoint (issue 18), one and two replicas, beside the gateway bot in this run:', '', run.httpFigures);
  return lines.join('\n');
}

/**
 * Puts the figures between the bench markers of bench/README.md, or fails clearly if the markers are gone.
 * @example replaceFigures(benchReadme, figuresMarkdown(run))
 */
export function replaceFigures(readme: string, figures: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`bench/README.md has no "${START}" ... "${END}" block for the figures`);
  return `${readme.slice(0, start + START.length)}\n${figures}\n${readme.slice(end)}`;
}

export const FIGURES_MARKERS = { START, END } as const;
