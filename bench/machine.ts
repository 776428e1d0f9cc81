import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** The machine a run came from, as the README quotes it. */
export interface MachineInfo {
  readonly nproc: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly totalMemoryGiB: number;
  /** The 1-minute load average when the run started; above nproc, other work competed for the cores. */
  readonly loadAverageAtStart: number;
}

export function describeMachine(): MachineInfo {
  return { nproc: availableParallelism(), cpuModel: cpuModel(), node: process.version, totalMemoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10, loadAverageAtStart: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
}

export function machineLine(machine: MachineInfo): string {
  return `${machine.nproc} cores (nproc), ${machine.cpuModel}, Node ${machine.node}, ${machine.totalMemoryGiB} GiB RAM, load average ${machine.loadAverageAtStart} at start`;
}

/** The 1-minute load average now, rounded; read again at the end of a run. */
export function loadAverageNow(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

/** How a run ended: the load average, and the share of one core other processes used meanwhile, where known. */
export interface RunEnd {
  readonly loadAverage: number;
  readonly otherCpuShare?: number | undefined;
}

/** Above this average share of one core, other processes measurably took cores from the run. */
const OTHER_CPU_SHARE_LIMIT = 0.05;

/**
 * A warning when other work was competing for the cores, since that makes every figure worse. At
 * the end of a run the CPU time other processes used decides, where the machine reports it: the
 * load average then counts the run's own threads (the bots' and the benchmark's, garbage collectors
 * among them), which reached 3-5 on 2 cores with nothing else running. Without it, the load average
 * at the start or the end decides.
 */
export function busyMachineWarning(machine: MachineInfo, end?: RunEnd): string | undefined {
  if (end?.otherCpuShare !== undefined) {
    if (end.otherCpuShare <= OTHER_CPU_SHARE_LIMIT) return undefined;
    return `warning: other processes used ${formatPercent(end.otherCpuShare)} of a core on average during the run; they competed with the bots and the figures are pessimistic`;
  }
  const startBusy = machine.loadAverageAtStart > machine.nproc * 0.5;
  const endBusy = end !== undefined && end.loadAverage > machine.nproc * 1.5;
  if (!startBusy && !endBusy) return undefined;
  const atEnd = end === undefined ? '' : ` and ${end.loadAverage} at the end`;
  return `warning: the load average was ${machine.loadAverageAtStart} on ${machine.nproc} cores at the start${atEnd}; other processes competed with the bots and the figures are pessimistic`;
}

/** The end of the machine line: the load average, and other processes' CPU where known. */
export function runEndLine(end: RunEnd): string {
  const others = end.otherCpuShare === undefined ? '' : `; other processes used ${formatPercent(end.otherCpuShare)} of a core during the run`;
  return `${end.loadAverage} at the end${others}`;
}

function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

// Fields of the "cpu" line of /proc/stat that are processes' work: user, nice, system, and steal
// (other virtual machines on the host). Interrupt time (irq, softirq) is left out: the kernel
// handles the run's own loopback traffic there, at thousands of packets a second, and charges much
// of it to no process, so it would read as other work where there was none.
const BUSY_FIELDS = [0, 1, 2, 7];
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time every process on the machine has used since boot, in ms; undefined off Linux. With the
 * benchmark's own CPU and the bots' taken off, what is left over a run is other work.
 */
export function machineCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    const ticks = BUSY_FIELDS.reduce((sum, index) => sum + (fields[index] ?? 0), 0);
    return Number.isFinite(ticks) && fields.length >= 8 ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The average share of one core that other processes used: the machine's CPU time over a run less
 * the run's own, over the run's wall time. Never below zero (the counters tick at 10 ms).
 * @example otherCpuShare(10_000, 9_000, 20_000) // 0.05
 */
export function otherCpuShare(machineMs: number, ownMs: number, wallMs: number): number {
  return wallMs > 0 ? Math.max(0, machineMs - ownMs) / wallMs : 0;
}

// os.cpus() can shorten the model name; /proc/cpuinfo has it whole on Linux.
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((candidate) => candidate.startsWith('model name'));
    const model = line?.split(':')[1]?.trim();
    if (model !== undefined && model !== '') return model;
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}
