import { initialTransition, transition, type AnyStateMachine, type AnyMachineSnapshot } from 'xstate';
import { concurrencyGuideMachine } from '../../machines/concurrency-guide.ts';
import { QUESTION_IDS, QUESTION_OPTIONS, type OptionId } from '../../machines/questions.ts';

const ALL_OPTIONS: readonly OptionId[] = QUESTION_IDS.flatMap((question) => QUESTION_OPTIONS[question]);

function describeSnapshot(snapshot: AnyMachineSnapshot): string {
  return `${JSON.stringify(snapshot.value)}${JSON.stringify(snapshot.getMeta())}${JSON.stringify(snapshot.context)}`;
}

/**
 * A canonical text of how a machine behaves: every state reachable by answers, what it
 * shows, which options it accepts and where each of them, "back" and "start over" lead.
 * Walking the machine (rather than reading its config) also catches a changed guard.
 *
 * @example machineStructure(concurrencyGuideMachine).includes('"workload"') // true
 */
export function machineStructure(machine: AnyStateMachine): string {
  const lines: string[] = [`options ${ALL_OPTIONS.join(',')}`];
  const visit = (snapshot: AnyMachineSnapshot, path: readonly OptionId[]): void => {
    const here = `${path.join('.')} ${describeSnapshot(snapshot)}`;
    const back = describeSnapshot(transition(machine, snapshot, { type: 'nav.back' })[0]);
    const restart = describeSnapshot(transition(machine, snapshot, { type: 'nav.restart' })[0]);
    lines.push(`${here} back>${back} restart>${restart}`);
    for (const option of ALL_OPTIONS) {
      const event = { type: 'answer', option } as const;
      if (!snapshot.can(event)) continue;
      const next = transition(machine, snapshot, event)[0];
      lines.push(`${here} ${option}>${describeSnapshot(next)}`);
      // A path longer than the vocabulary would mean a cycle; the tree has none, so stop there.
      if (path.length < ALL_OPTIONS.length) visit(next, [...path, option]);
    }
  };
  visit(initialTransition(machine)[0], []);
  return lines.join('\n');
}

/** 32-bit FNV-1a: tiny, pure and stable, which is all a version tag needs (this is no security). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A short tag for a machine's behaviour: any change of states, options or transitions
 * changes it (barring a 1-in-4-billion collision).
 *
 * @example machineVersion(concurrencyGuideMachine) // e.g. "1k3x9qz"
 */
export function machineVersion(machine: AnyStateMachine): string {
  return fnv1a(machineStructure(machine)).toString(36);
}

/** The version of the decision machine the bot runs now. */
export const CURRENT_MACHINE_VERSION = machineVersion(concurrencyGuideMachine);
