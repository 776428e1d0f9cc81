import { commandSet } from '../src/discord/commands.ts';
import { baselineMember, guideMember } from './members.ts';
import type { SubjectSpec } from './subject.ts';

/** The baseline answers the same slash command name, so members run the same command on both. */
const baselineCommand = {
  name: 'concurrency',
  description: 'Baseline bot: answers every interaction with one fixed reply.',
  type: 1,
  options: [{ type: 5, name: 'private', description: 'Ignored by the baseline.', required: false }],
};

export const baselineSpec: SubjectSpec = { name: 'baseline', entry: 'bench/baseline-bot.ts', commands: [baselineCommand], member: baselineMember };

/** The real bot, started by its real entry point as `npm start` would, configured by the environment. */
export const oursSpec: SubjectSpec = { name: 'ours', entry: 'src/main.ts', commands: commandSet(), member: guideMember };
