import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { latencyChart } from '../../bench/chart.ts';
import { ratiosByRate } from '../../bench/ratios.ts';
import { FIGURES_MARKERS, figuresMarkdown, replaceFigures } from '../../bench/readme-figures.ts';
import { formatReport } from '../../bench/table.ts';
import { checkTargets } from '../../bench/targets.ts';
import { bot, step } from './bot-results.ts';

const baseline = bot('baseline', [step(50, 4), step(200, 8), step(500, 60), step(1000, 2500)]);

describe('targets', () => {
  it('GIVEN ours within 1.5x of the baseline and as fast a ceiling THEN every target passes', () => {
    const ours = bot('ours', [step(50, 5), step(200, 11), step(500, 80), step(1000, 3000)]);
    expect(checkTargets(baseline, ours).map((check) => check.pass)).toEqual([true, true, true, true]);
  });

  it('GIVEN ours slower than 1.5x at one rate the baseline handles THEN the latency target fails naming that rate', () => {
    const ours = bot('ours', [step(50, 5), step(200, 13), step(500, 80)]);
    const [latency] = checkTargets(baseline, ours);
    expect(latency?.pass).toBe(false);
    expect(latency?.detail).toContain('200/s');
  });

  it('GIVEN ours sustaining 200/s where the baseline sustains 500/s THEN the rate target fails', () => {
    const ours = bot('ours', [step(50, 5), step(200, 11), step(500, 1500)]);
    expect(checkTargets(baseline, ours)[1]?.pass).toBe(false);
  });

  it('GIVEN memory growing 60 MiB across the guides THEN the memory target fails', () => {
    const ours = bot('ours', baseline.steps, { memory: [{ finishedGuides: 100, rssMiB: 100, heapUsedMiB: 20 }, { finishedGuides: 10_000, rssMiB: 160, heapUsedMiB: 70 }] });
    expect(checkTargets(baseline, ours)[2]?.pass).toBe(false);
  });

  it('GIVEN growth within the limit up to 10,000 guides and a later mark THEN the target judges the first two and reports the later one', () => {
    const memory = [
      { finishedGuides: 100, rssMiB: 100, heapUsedMiB: 20 },
      { finishedGuides: 10_000, rssMiB: 140, heapUsedMiB: 21 },
      { finishedGuides: 30_000, rssMiB: 200, heapUsedMiB: 21 },
    ];
    const check = checkTargets(baseline, bot('ours', baseline.steps, { memory }))[2];
    expect(check?.pass).toBe(true);
    expect(check?.target).toContain('10,000 finished guides');
    expect(check?.detail).toContain('then 200.0 MiB RSS (+60.0 MiB) after 30,000');
  });

  it('GIVEN a picture rendered twice THEN the picture target fails', () => {
    const ours = bot('ours', baseline.steps, { pictures: { renders: 9, distinct: 8, repeated: 1, duringLoad: 1 } });
    expect(checkTargets(baseline, ours)[3]?.pass).toBe(false);
  });

  it('GIVEN only the baseline was run THEN the targets say they cannot be decided rather than pass', () => {
    expect(checkTargets(baseline, undefined).map((check) => check.pass)).toEqual([undefined, undefined, undefined, undefined]);
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
    expect(figuresMarkdown({ ...run, bots: [baseline, quick], targets: checkTargets(baseline, quick) })).toMatch(/^\| 300 \| ours \| 1500 \| 20\.0 \| 40\.0 \| 80\.0 \| 4\.5 \| 0\.50 \|/m);
    expect(formatReport([baseline, quick], checkTargets(baseline, quick), 'test machine')).toMatch(/^300 +ours +1500 +20\.0 +40\.0 +80\.0 +4\.5 +0\.500 /m);
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
    const ours = bot('ours', [step(50, 6, { botCpuMsPerInteraction: 1 }), step(3000, 9)], { restRssMiB: 250 });
    const { byRate, restRss } = ratiosByRate(baseline, ours);
    expect(byRate).toHaveLength(1);
    expect(byRate[0]).toMatchObject({ rate: 50, p99: 1.5, p50: 1.5, p99InsideBot: 1.5, cpuPerInteraction: 2, interactionsPerSecond: 1 });
    expect(restRss).toBe(2.5);
  });
});
