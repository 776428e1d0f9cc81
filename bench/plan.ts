/** What a benchmark run does; the quick plan is a smoke check of the same code paths. */
export interface BenchPlan {
  readonly name: 'full' | 'quick';
  /**
   * New guides per second, one step each, lowest first. Near where bots on this machine run out
   * (300-500) the steps are 50 apart: the rate target compares two bots' highest sustained steps,
   * and 100 apart its ratio could only read 60%, 75% or 80% there.
   */
  readonly rates: readonly number[];
  readonly stepMs: number;
  /**
   * How long each step runs at its rate, unmeasured, before its measured part. Each bot idles
   * through the other's step, and a jump from idle straight to the full rate showed as a backlog
   * that near a bot's limit lasted the whole step (paired runs at 400/s: p99 88-2,600 ms for steps
   * after a pause, mostly 14-65 ms for steps that followed one another). Sustained load is what the
   * targets are about.
   */
  readonly warmUpMs: number;
  /**
   * Finished guides at which memory is read. The memory target compares the first two; a later
   * mark shows whether what grew between them keeps growing or levels off.
   */
  readonly memoryMarks: readonly [number, number, ...number[]];
  /** Guides in flight at once while filling up to the memory marks. */
  readonly memoryConcurrency: number;
  readonly channels: number;
  readonly members: number;
}

export const FULL_PLAN: BenchPlan = { name: 'full', rates: [50, 100, 200, 300, 350, 400, 450, 500, 600, 800, 1000, 2000], stepMs: 5_000, warmUpMs: 2_000, memoryMarks: [100, 10_000, 30_000], memoryConcurrency: 16, channels: 20, members: 500 };

export const QUICK_PLAN: BenchPlan = { name: 'quick', rates: [50, 200], stepMs: 2_000, warmUpMs: 500, memoryMarks: [100, 1_000], memoryConcurrency: 16, channels: 5, members: 100 };

/**
 * Reads the command line: `--quick` for the smoke run, `--only baseline|ours` to run one bot.
 * @example parseBenchArgs(['--quick']) // { plan: QUICK_PLAN, only: undefined }
 */
export function parseBenchArgs(args: readonly string[]): { plan: BenchPlan; only: 'baseline' | 'ours' | undefined } | { error: string } {
  let plan = FULL_PLAN;
  let only: 'baseline' | 'ours' | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === '--quick') plan = QUICK_PLAN;
    else if (arg === '--only') {
      const value = args[index + 1];
      if (value !== 'baseline' && value !== 'ours') return { error: `--only takes baseline or ours, got ${value ?? 'nothing'}` };
      only = value;
      index += 1;
    } else return { error: `unknown argument ${arg ?? ''}; use --quick and/or --only baseline|ours` };
  }
  return { plan, only };
}
