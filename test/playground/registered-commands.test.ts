import { describe, expect, it } from 'vitest';
import { summarizeCommands, summarizeMessageCommands } from '../../src/playground/registered-commands.ts';

const registered = [
  { id: '1', type: 1, name: 'concurrency', description: 'Find the right API', options: [{ type: 5, name: 'private', description: 'Only you' }] },
  { id: '2', type: 3, name: 'Ask the concurrency guide', description: '' },
  { id: '3', type: 2, name: 'Profile', description: '' },
  { id: '4', type: 3, name: 'Explain', description: '' },
  'not a command',
];

describe('what the bot registered, for the page', () => {
  it('GIVEN slash, user and message commands THEN the composer suggests only the slash commands', () => {
    expect(summarizeCommands(registered).map((command) => command.name)).toEqual(['concurrency']);
  });

  it('GIVEN slash, user and message commands THEN Apps offers the message commands, in order', () => {
    expect(summarizeMessageCommands(registered)).toEqual(['Ask the concurrency guide', 'Explain']);
  });

  it('GIVEN something that is not a list THEN no message commands', () => {
    expect(summarizeMessageCommands({ message: '401: Unauthorized' })).toEqual([]);
  });
});
