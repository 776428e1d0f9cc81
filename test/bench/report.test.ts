import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { latencyChart } from '../../bench/chart.ts';
import { ratiosByRate } from '../../bench/ratios.ts';
import { FIGURES_MARKERS, figuresMarkdown, replaceFigures } from '../../bench/readme-figures.ts';
import { formatReport } from '../../bench/table.ts';
import { checkTargets, type TargetCheck, type TargetKey } from '../../bench/targets.ts';
import { bot, step } from './bot-results.ts';

const baseline = bot('baseline', [step(50, 4), step(200, 8), step(500, 60), step(1000, 2500)]);

/** The check of one target, whatever its place in the list. */
function check(checks: readonly TargetCheck[], key: TargetKey): TargetCheck {
  const found = checks.find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no ${key} target`);
  return found;
}

describe('targets', () => {
  it('GIVEN ours as light, as quick to start and within 1.5x of the baseline THEN every target passes, issue 17\'s five first', () => {
    const ours = bot('ours', [step(50, 5), step(200, 11), step(500, 80), step(1000, 3000)]);
    const checks = checkTargets(baseline, ours);
    expect(checks.map((target) => target.key)).toEqual(['rest-memory', 'ready', 'loop-delay', 'memory-growth', 'cpu', 'latency', 'rate']);
    expect(checks.map((target) => target.pass)).toEqual([true, true, true, true, true, true, true]);
  });

  it('GIVEN ours resident at rest 1.6x the baseline THEN the memory-at-rest target fails and gives both bots\' heap and external memory', () => {
    const ours = bot('ours', baseline.steps, { rest: { rssMiB: 160, heapUsedMiB: 40, heapTotalMiB: 50, externalMiB: 12 } });
    const rest = check(checkTargets(baseline, ours), 'rest-memory');
    expect(rest.pass).toBe(false);
    expect(rest.detail).toBe('ours 160.0 MiB RSS (heap 40.0 used of 50.0, external 12.0), baseline 100.0 MiB RSS (heap 15.0 used of 25.0, external 3.0): 1.60x');
  });

  it('GIVEN ours resident at rest exactly 1.5x the baseline THEN the memory-at-rest target passes', () => {
    expect(check(checkTargets(baseline, bot('ours', baseline.steps, { rest: { rssMiB: 150, heapUsedMiB: 20, heapTotalMiB: 30, externalMiB: 3 } })), 'rest-memory').pass).toBe(true);
  });

  it('GIVEN ours READY 1,000 ms after start against the baseline\'s 600 ms THEN the start target fails; at 900 ms it passes', () => {
    const slow = check(checkTargets(baseline, bot('ours', baseline.steps, { readyMs: 1000 })), 'ready');
    expect(slow.pass).toBe(false);
    expect(slow.detail).toBe('ours 1000 ms, baseline 600 ms: 1.67x');
    expect(check(checkTargets(baseline, bot('ours', baseline.steps, { readyMs: 900 })), 'ready').pass).toBe(true);
  });

  it('GIVEN our event-loop delay p99 at 200 guides/s of 25 ms THEN the loop target fails, naming ours and the baseline\'s; at 19 ms it passes', () => {
    const delayed = (p99: number) => bot('ours', [step(50, 5), step(200, 11, { botLoopDelayMs: { count: 480, p50: 1, p99, max: 40 } })]);
    const late = check(checkTargets(baseline, delayed(25)), 'loop-delay');
    expect(late.pass).toBe(false);
    expect(late.detail).toBe('ours 25.0 ms (max 40.0 ms, 480 samples); baseline 3.00 ms');
    expect(check(checkTargets(baseline, delayed(19)), 'loop-delay').pass).toBe(true);
  });

  it('GIVEN ours never ran 200 guides/s, or did not sustain it THEN the loop target fails even with a quiet loop', () => {
    expect(check(checkTargets(baseline, bot('ours', [step(50, 5)])), 'loop-delay')).toMatchObject({ pass: false, detail: 'our bot did not run the 200/s step' });
    const unsustained = check(checkTargets(baseline, bot('ours', [step(200, 11, { sustained: false })])), 'loop-delay');
    expect(unsustained.pass).toBe(false);
    expect(unsustained.detail).toBe('ours 3.00 ms (max 8.00 ms, 500 samples), a step ours did not sustain; baseline 3.00 ms');
  });

  it('GIVEN the probe recorded no loop delay THEN the loop target is undecided rather than passed', () => {
    const silent = bot('ours', [step(200, 11, { botLoopDelayMs: { count: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN } })]);
    expect(check(checkTargets(baseline, silent), 'loop-delay').pass).toBeUndefined();
  });

  it('GIVEN memory growing 21 MiB across the guides THEN the growth target fails; 20 MiB passes', () => {
    const growing = (rssAfter: number) => bot('ours', baseline.steps, { memory: [{ finishedGuides: 100, rssMiB: 100, heapUsedMiB: 20, heapTotalMiB: 30, externalMiB: 3 }, { finishedGuides: 10_000, rssMiB: rssAfter, heapUsedMiB: 21, heapTotalMiB: 31, externalMiB: 3 }] });
    expect(check(checkTargets(baseline, growing(121)), 'memory-growth').pass).toBe(false);
    expect(check(checkTargets(baseline, growing(120)), 'memory-growth').pass).toBe(true);
  });

  it('GIVEN growth within the limit up to 10,000 guides and a later mark THEN the target judges the first two and reports the later one', () => {
    const memory = [
      { finishedGuides: 100, rssMiB: 100, heapUsedMiB: 20, heapTotalMiB: 30, externalMiB: 3 },
      { finishedGuides: 10_000, rssMiB: 115, heapUsedMiB: 21, heapTotalMiB: 31, externalMiB: 3 },
      { finishedGuides: 30_000, rssMiB: 175, heapUsedMiB: 21, heapTotalMiB: 31, externalMiB: 3 },
    ];
    const growth = check(checkTargets(baseline, bot('ours', baseline.steps, { memory })), 'memory-growth');
    expect(growth.pass).toBe(true);
    expect(growth.target).toContain('10,000 finished guides within 20 MiB');
    expect(growth.detail).toContain('then 175.0 MiB RSS (+60.0 MiB) after 30,000');
    // Where RSS grew: the heap in use, the heap V8 holds, or memory outside it.
    expect(growth.detail).toContain('RSS 100.0 -> 115.0 MiB (+15.0 MiB); heap used 20.0 -> 21.0 MiB, heap held by V8 30.0 -> 31.0 MiB, external 3.0 -> 3.0 MiB');
  });

  it('GIVEN our CPU per interaction at 200 guides/s 1.6x the baseline\'s THEN the CPU target fails with both figures; 1.4x passes', () => {
    const costly = (cpu: number) => bot('ours', [step(50, 5), step(200, 11, { botCpuMsPerInteraction: cpu })]);
    const over = check(checkTargets(baseline, costly(0.8)), 'cpu');
    expect(over.pass).toBe(false);
    expect(over.detail).toBe('ours 0.800 ms, baseline 0.500 ms: 1.60x');
    expect(check(checkTargets(baseline, costly(0.7)), 'cpu').pass).toBe(true);
  });

  it('GIVEN ours slower than 1.5x at one rate the baseline handles THEN the latency target fails naming that rate', () => {
    const ours = bot('ours', [step(50, 5), step(200, 13), step(500, 80)]);
    const latency = check(checkTargets(baseline, ours), 'latency');
    expect(latency.pass).toBe(false);
    expect(latency.detail).toContain('200/s');
  });

  it('GIVEN ours sustaining 200/s where the baseline sustains 500/s THEN the rate target fails', () => {
    const ours = bot('ours', [step(50, 5), step(200, 11), step(500, 1500)]);
    expect(check(checkTargets(baseline, ours), 'rate').pass).toBe(false);
  });

  it('GIVEN only the baseline was run THEN the targets say they cannot be decided rather than pass', () => {
    expect(checkTargets(baseline, undefined).map((target) => target.pass)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('report', () => {
  const ours = bot('ours', [step(50, 6), step(200, 9), step(500, 1500, { sustained: false })]);

  it('GIVEN both bots THEN the table has a row per bot and rate with the ratio ours/baseline', () => {
    const text = formatReport([baseline, ours], checkTargets(baseline, ours), 'test machine');
    const row = text.split('\n').find((line) => line.startsWith('50 ') && line.includes('ours'));
    expect(row).toContain('1.50x');
    expect(text).toContain('Machine: test machine');
    expect(text).toMatch(/^FAIL {2}our highest sustained rate/m);
  });

  it('GIVEN both bots THEN the chart is valid SVG with a line per bot and percentile and a cross for a rate not sustained', () => {
    const svg = latencyChart([baseline, ours]);
    expect(XMLValidator.validate(svg)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as { svg: { polyline: unknown[]; path?: unknown } };
    expect(parsed.svg.polyline).toHaveLength(4);
    expect(parsed.svg.path).toBeDefined();
    expect(svg).toContain('ours p99');
    expect(svg).toContain('baseline p50');
  });
});

describe('figures in bench/README.md', () => {
  const ours = bot('ours', [step(50, 6), step(200, 9)]);
  const run = { date: '2026-11-25T22:00:00.000Z', machineLine: '2 cores', bots: [baseline, ours], targets: checkTargets(baseline, ours) };

  it('GIVEN a README with the bench markers THEN only the text between them is replaced', () => {
    const readme = `intro\n${FIGURES_MARKERS.START}\nold figures\n${FIGURES_MARKERS.END}\noutro\n`;
    const updated = replaceFigures(readme, figuresMarkdown(run));
    expect(updated.startsWith('intro\n')).toBe(true);
    expect(updated.endsWith(`${FIGURES_MARKERS.END}\noutro\n`)).toBe(true);
    expect(updated).not.toContain('old figures');
    expect(updated).toContain('| 200 | ours | 1000 | 4.5 | 9.0 |');
    expect(updated).toContain('on 2 cores');
  });

  it('GIVEN a step where the benchmark process was busy 97% of a core THEN the README and the report name that step, and no other', () => {
    const busy = bot('ours', [step(50, 6), step(200, 90, { parentBusyShare: 0.97, parentCpuMsPerInteraction: 0.61 })]);
    const figures = figuresMarkdown({ ...run, bots: [baseline, busy], targets: checkTargets(baseline, busy) });
    expect(figures).toContain('| 200 | ours | 1000 | 45.0 | 90.0 |');
    expect(figures).toContain('| 0.61 (97%) |');
    expect(figures).toMatch(/busy 90% of a core or more at ours 200\/s \(97%\):/);
    expect(figures).not.toMatch(/or more at [^:]*50\/s/);
    const report = formatReport([baseline, busy], checkTargets(baseline, busy), 'test machine');
    expect(report).toMatch(/at ours 200\/s \(97%\): there it set the pace too/);
  });

  it('GIVEN a step whose event loops ran 62% (bot) and 99% (benchmark) of the time THEN the README row and the report row say so', () => {
    const loops = bot('ours', [step(300, 40, { botLoopBusyShare: 0.62, parentLoopBusyShare: 0.99 })]);
    expect(figuresMarkdown({ ...run, bots: [baseline, loops], targets: checkTargets(baseline, loops) })).toMatch(/\| 300 \| ours \|.*\| 62% \/ 99% \|$/m);
    expect(formatReport([baseline, loops], checkTargets(baseline, loops), 'test machine')).toMatch(/^300 +ours .* 62%\/99%$/m);
  });

  it('GIVEN a step whose bot began 99% of its answers within 4.5 ms of receiving them THEN the README row and the report row show it beside the p99 its members saw', () => {
    const quick = bot('ours', [step(300, 40, { turnaroundMs: { count: 1500, p50: 1.2, p99: 4.5, max: 7 } })]);
    expect(figuresMarkdown({ ...run, bots: [baseline, quick], targets: checkTargets(baseline, quick) })).toMatch(/^\| 300 \| ours \| 1500 \| 20\.0 \| 40\.0 \| 80\.0 \| 4\.5 \| 3\.0 \| 0\.50 \|/m);
    expect(formatReport([baseline, quick], checkTargets(baseline, quick), 'test machine')).toMatch(/^300 +ours +1500 +20\.0 +40\.0 +80\.0 +4\.5 +3\.0 +0\.500 /m);
  });

  it('GIVEN a step whose bot\'s event loop ran timers up to 12.5 ms late at p99 THEN the README row and the report row show it after the p99 inside the bot', () => {
    const delayed = bot('ours', [step(300, 40, { turnaroundMs: { count: 1500, p50: 1.2, p99: 4.5, max: 7 }, botLoopDelayMs: { count: 480, p50: 0.4, p99: 12.5, max: 30 } })]);
    expect(figuresMarkdown({ ...run, bots: [baseline, delayed], targets: checkTargets(baseline, delayed) })).toMatch(/^\| 300 \| ours \|( [^|]+ \|){4} 4\.5 \| 12\.5 \|/m);
    expect(formatReport([baseline, delayed], checkTargets(baseline, delayed), 'test machine')).toMatch(/^300 +ours( +\S+){4} +4\.5 +12\.5 /m);
  });

  it('GIVEN both bots THEN the README gives each bot\'s start and memory at rest, and issue 17\'s five targets apart from the earlier ones', () => {
    const slow = bot('ours', [step(50, 6), step(200, 9)], { readyMs: 1234, rest: { rssMiB: 180, heapUsedMiB: 41, heapTotalMiB: 51, externalMiB: 9 } });
    const figures = figuresMarkdown({ ...run, bots: [baseline, slow], targets: checkTargets(baseline, slow), ratios: ratiosByRate(baseline, slow) });
    expect(figures).toContain('- **ours**: READY 1234 ms after start; RSS at rest after one guide 180 MiB (heap 41 used of 51, external 9);');
    expect(figures).toContain('- **baseline**: READY 600 ms after start; RSS at rest after one guide 100 MiB (heap 15 used of 25, external 3);');
    expect(figures).toContain('(RSS at rest: 1.80x; time to READY: 2.06x)');
    const [issue, earlier] = figures.split('Earlier targets, kept:');
    expect(issue?.split('Targets from issue 17')[1]?.match(/^- /gm)).toHaveLength(5);
    expect(issue).toMatch(/^- \*\*FAIL\*\*: our resident memory at rest .*1\.80x\)$/m);
    expect(issue).toMatch(/^- \*\*FAIL\*\*: our time from process start to READY .*2\.06x\)$/m);
    expect(earlier?.match(/^- /gm)).toHaveLength(2);
    expect(figures).not.toMatch(/picture|render/i);
  });

  it('GIVEN no step where the benchmark process was that busy THEN neither says so', () => {
    expect(figuresMarkdown(run)).not.toContain('of a core or more');
    expect(formatReport([baseline, ours], checkTargets(baseline, ours), 'test machine')).not.toContain('of a core or more');
  });

  it('GIVEN a README without the markers THEN the update fails saying what is missing', () => {
    expect(() => replaceFigures('no markers here', 'figures')).toThrow(/bench:start/);
  });

  it('GIVEN the repository THEN bench/README.md holds the one figures block a full run rewrites, and the main README holds none', () => {
    const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
    const benchReadme = read('../../bench/README.md');
    expect(benchReadme.split(FIGURES_MARKERS.START)).toHaveLength(2);
    expect(benchReadme.indexOf(FIGURES_MARKERS.END)).toBeGreaterThan(benchReadme.indexOf(FIGURES_MARKERS.START));
    expect(read('../../README.md')).not.toContain(FIGURES_MARKERS.START);
  });
});

describe('ratios ours / baseline', () => {
  it('GIVEN both bots at the same rates THEN each figure is divided by the baseline at that rate, and rates only one bot ran are left out', () => {
    const ours = bot('ours', [step(50, 6, { botCpuMsPerInteraction: 1 }), step(3000, 9)], { rest: { rssMiB: 250, heapUsedMiB: 30, heapTotalMiB: 40, externalMiB: 4 }, readyMs: 900 });
    const { byRate, restRss, ready } = ratiosByRate(baseline, ours);
    expect(byRate).toHaveLength(1);
    expect(byRate[0]).toMatchObject({ rate: 50, p99: 1.5, p50: 1.5, p99InsideBot: 1.5, cpuPerInteraction: 2, interactionsPerSecond: 1 });
    expect(restRss).toBe(2.5);
    expect(ready).toBe(1.5);
  });
});
