import { commandSet } from '../src/discord/commands.ts';
import { baselineMember, guideMember } from './members.ts';
import { npmStartCommand } from './start-command.ts';
import type { SubjectSpec } from './subject.ts';

/** The baseline answers the same slash command name, so members run the same command on both. */
const baselineCommand = {
  name: 'concurrency',
  description: 'Baseline bot: answers every interaction with one fixed reply.',
  type: 1,
  options: [{ type: 5, name: 'private', description: 'Ignored by the baseline.', required: false }],
};

export const baselineSpec: SubjectSpec = { name: 'baseline', entry: 'bench/baseline-bot.js', commands: [baselineCommand], member: baselineMember };

/**
 * The real bot as `npm start` runs it: the build's entry point under plain node with the start
 * script's flags, read from package.json, configured by the environment.
 */
export const oursSpec: SubjectSpec = { name: 'ours', ...npmStartCommand(), commands: commandSet(), member: guideMember };
