import type { BotResult } from './result-model.ts';

const WIDTH = 760;
const HEIGHT = 440;
const MARGIN = { left: 70, right: 150, top: 50, bottom: 60 };
const COLORS: Readonly<Record<BotResult['name'], string>> = { baseline: '#4c6ef5', ours: '#e8590c' };

interface Scale {
  (value: number): number;
  readonly ticks: readonly number[];
}

/** A log scale from [min, max] onto [from, to], with ticks at 1, 2, 5 times powers of ten. */
function logScale(min: number, max: number, from: number, to: number): Scale {
  const low = Math.log10(min);
  const high = Math.log10(max);
  const span = high - low || 1;
  const scale = ((value: number) => from + ((Math.log10(value) - low) / span) * (to - from)) as Scale;
  const ticks: number[] = [];
  for (let power = Math.floor(low); power <= Math.ceil(high); power += 1) {
    for (const step of [1, 2, 5]) {
      const tick = step * 10 ** power;
      if (tick >= min * 0.999 && tick <= max * 1.001) ticks.push(tick);
    }
  }
  return Object.assign(scale, { ticks });
}

/**
 * Latency (p50 dashed, p99 solid) against arrival rate for each bot, both axes logarithmic;
 * a rate the bot did not sustain is drawn as a cross instead of a dot.
 * @example writeFileSync('latency.svg', latencyChart(bots))
 */
export function latencyChart(bots: readonly BotResult[], title = 'Latency against arrival rate'): string {
  const steps = bots.flatMap((bot) => bot.steps).filter((step) => Number.isFinite(step.latencyMs.p99) && step.latencyMs.p50 > 0);
  const rates = steps.map((step) => step.rate);
  const latencies = steps.flatMap((step) => [step.latencyMs.p50, step.latencyMs.p99]);
  // The rates tried are the ticks, with a little room either side of the first and last.
  const xScale = logScale(Math.min(...rates) * 0.8, Math.max(...rates) * 1.25, MARGIN.left, WIDTH - MARGIN.right);
  const x = Object.assign((value: number) => xScale(value), { ticks: [...new Set(rates)].sort((a, b) => a - b) });
  const y = logScale(Math.min(...latencies, 1), Math.max(...latencies, 100), HEIGHT - MARGIN.bottom, MARGIN.top);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="13">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const tick of x.ticks) {
    parts.push(`<line x1="${fixed(x(tick))}" y1="${MARGIN.top}" x2="${fixed(x(tick))}" y2="${HEIGHT - MARGIN.bottom}" stroke="#e9ecef"/>`);
    parts.push(`<text x="${fixed(x(tick))}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${tick}</text>`);
  }
  for (const tick of y.ticks) {
    parts.push(`<line x1="${MARGIN.left}" y1="${fixed(y(tick))}" x2="${WIDTH - MARGIN.right}" y2="${fixed(y(tick))}" stroke="#e9ecef"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${fixed(y(tick) + 4)}" text-anchor="end">${tick}</text>`);
  }
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${WIDTH - MARGIN.left - MARGIN.right}" height="${HEIGHT - MARGIN.top - MARGIN.bottom}" fill="none" stroke="#495057"/>`);
  parts.push(`<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 16}" text-anchor="middle">new guides per second (log)</text>`);
  parts.push(`<text transform="translate(18 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">latency, ms (log)</text>`);
  bots.forEach((bot, index) => {
    const color = COLORS[bot.name];
    const points = bot.steps.filter((step) => steps.includes(step));
    for (const [key, dash] of [['p50', '6 4'], ['p99', '']] as const) {
      const line = points.map((step) => `${fixed(x(step.rate))},${fixed(y(step.latencyMs[key]))}`).join(' ');
      if (points.length > 1) parts.push(`<polyline points="${line}" fill="none" stroke="${color}" stroke-width="2.5"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`);
      for (const step of points) parts.push(marker(x(step.rate), y(step.latencyMs[key]), color, step.sustained));
    }
    const legendY = MARGIN.top + 10 + index * 44;
    const legendX = WIDTH - MARGIN.right + 16;
    parts.push(`<line x1="${legendX}" y1="${legendY}" x2="${legendX + 24}" y2="${legendY}" stroke="${color}" stroke-width="2.5"/>`);
    parts.push(`<text x="${legendX + 30}" y="${legendY + 4}">${escapeXml(bot.name)} p99</text>`);
    parts.push(`<line x1="${legendX}" y1="${legendY + 18}" x2="${legendX + 24}" y2="${legendY + 18}" stroke="${color}" stroke-width="2.5" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${legendX + 30}" y="${legendY + 22}">${escapeXml(bot.name)} p50</text>`);
  });
  const noteY = MARGIN.top + 10 + bots.length * 44;
  parts.push(`<text x="${WIDTH - MARGIN.right + 16}" y="${noteY}" font-size="11">× = rate not sustained</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function marker(cx: number, cy: number, color: string, sustained: boolean): string {
  if (sustained) return `<circle cx="${fixed(cx)}" cy="${fixed(cy)}" r="4" fill="${color}"/>`;
  const d = 5;
  return `<path d="M${fixed(cx - d)} ${fixed(cy - d)}L${fixed(cx + d)} ${fixed(cy + d)}M${fixed(cx - d)} ${fixed(cy + d)}L${fixed(cx + d)} ${fixed(cy - d)}" stroke="${color}" stroke-width="2.5"/>`;
}

function fixed(value: number): string {
  return value.toFixed(1);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
