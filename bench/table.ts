import { PARENT_BUSY_LIMIT, failedGuides, parentBoundSteps, type BotResult, type StepResult } from './result-model.ts';
import { stepRows } from './ratios.ts';
import { formatRatio, formatShare, ratio } from './stats.ts';
import type { TargetCheck } from './targets.ts';

const COLUMNS = ['rate/s', 'bot', 'inter/s', 'p50 ms', 'p99 ms', 'max ms', 'in-bot p99', 'loop delay p99', 'cpu ms/inter', 'RSS MiB', 'failed', 'sustained', 'p99 x', 'cpu x', 'bench ms/inter', 'bench busy', 'loops bot/bench'] as const;

/**
 * The report as plain text: one row per bot and rate with ours/baseline ratios, each bot's start
 * and memory, and the targets as PASS / FAIL lines.
 */
export function formatReport(bots: readonly BotResult[], targets: readonly TargetCheck[], machine: string): string {
  const rows = stepRows(bots).map(({ bot, step, base }) => stepRow(bot, step, base));
  const lines = [`Machine: ${machine}`, '', ...alignedTable([[...COLUMNS], ...rows]), ''];
  const parentBound = parentBoundSteps(bots);
  if (parentBound.length > 0) lines.push(`The benchmark process was busy ${PARENT_BUSY_LIMIT * 100}% of a core or more at ${parentBound.join(', ')}: there it set the pace too.`, '');
  for (const bot of bots) {
    const memory = bot.memory.map((mark) => `${mark.rssMiB.toFixed(1)} MiB RSS / ${mark.heapUsedMiB.toFixed(1)} of ${mark.heapTotalMiB.toFixed(1)} MiB heap after ${mark.finishedGuides} guides`).join(', ');
    const rest = `${bot.rest.rssMiB.toFixed(1)} MiB RSS / ${bot.rest.heapUsedMiB.toFixed(1)} of ${bot.rest.heapTotalMiB.toFixed(1)} MiB heap / ${bot.rest.externalMiB.toFixed(1)} MiB external`;
    lines.push(`${bot.name}: READY ${bot.readyMs.toFixed(0)} ms after start; at rest after one guide ${rest}; ${memory}; error log lines ${bot.errorLogLines}`);
  }
  lines.push('', 'Targets:');
  for (const check of targets) lines.push(`${check.pass === undefined ? 'N/A ' : check.pass ? 'PASS' : 'FAIL'}  ${check.target}: ${check.detail}`);
  return lines.join('\n');
}

function stepRow(bot: BotResult, step: StepResult, base: StepResult | undefined): string[] {
  return [
    String(step.rate),
    bot.name,
    step.interactionsPerSecond.toFixed(0),
    step.latencyMs.p50.toFixed(1),
    step.latencyMs.p99.toFixed(1),
    step.latencyMs.max.toFixed(1),
    step.turnaroundMs.p99.toFixed(1),
    step.botLoopDelayMs.p99.toFixed(1),
    step.botCpuMsPerInteraction.toFixed(3),
    step.rssAfterMiB.toFixed(1),
    String(failedGuides(step)),
    step.sustained ? 'yes' : 'NO',
    formatRatio(ratio(step.latencyMs.p99, base?.latencyMs.p99)),
    formatRatio(ratio(step.botCpuMsPerInteraction, base?.botCpuMsPerInteraction)),
    step.parentCpuMsPerInteraction.toFixed(3),
    formatShare(step.parentBusyShare),
    `${formatShare(step.botLoopBusyShare)}/${formatShare(step.parentLoopBusyShare)}`,
  ];
}

function alignedTable(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  '));
}
