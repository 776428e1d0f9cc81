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

/**
 * A warning when other work was competing for the cores (the load average at the start, or at the
 * end, which the run itself raises by about 2), since that makes every figure worse.
 */
export function busyMachineWarning(machine: MachineInfo, loadAtEnd?: number): string | undefined {
  const startBusy = machine.loadAverageAtStart > machine.nproc * 0.5;
  const endBusy = loadAtEnd !== undefined && loadAtEnd > machine.nproc * 1.5;
  if (!startBusy && !endBusy) return undefined;
  const end = loadAtEnd === undefined ? '' : ` and ${loadAtEnd} at the end`;
  return `warning: the load average was ${machine.loadAverageAtStart} on ${machine.nproc} cores at the start${end}; other processes competed with the bots and the figures are pessimistic`;
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
