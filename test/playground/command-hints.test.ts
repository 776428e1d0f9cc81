import { describe, expect, it } from 'vitest';
import { summarizeCommands } from '../../src/playground/registered-commands.ts';
import { hintsFor, type CommandSummary } from '../../src/playground/common/command-hints.ts';

const concurrency: CommandSummary = {
  name: 'concurrency',
  description: 'Find the right API',
  options: [{ name: 'private', description: 'Only you see it', type: 'boolean' }],
};

describe('hintsFor', () => {
  it('GIVEN text that is not a command THEN no suggestions', () => {
    expect(hintsFor('why?', [concurrency])).toEqual([]);
  });

  it('GIVEN a slash and the start of a name THEN suggests the matching command with its options', () => {
    expect(hintsFor('/con', [concurrency])).toEqual([
      { label: '/concurrency [private]', description: 'Find the right API', completion: '/concurrency ' },
    ]);
    expect(hintsFor('/x', [concurrency])).toEqual([]);
  });

  it('GIVEN the full name and a space THEN offers both values of the boolean option', () => {
    expect(hintsFor('/concurrency ', [concurrency]).map((hint) => hint.completion)).toEqual([
      '/concurrency private:true',
      '/concurrency private:false',
    ]);
  });

  it('GIVEN the option already given THEN suggests nothing more', () => {
    expect(hintsFor('/concurrency private:true ', [concurrency])).toEqual([]);
  });
});

describe('summarizeCommands', () => {
  it('GIVEN Discord command JSON THEN keeps names, descriptions and option kinds', () => {
    const json = [{ name: 'concurrency', description: 'd', type: 1, options: [{ type: 5, name: 'private', description: 'p' }] }];
    expect(summarizeCommands(json)).toEqual([{ name: 'concurrency', description: 'd', options: [{ name: 'private', description: 'p', type: 'boolean' }] }]);
  });

  it('GIVEN something that is not a command list THEN an empty list, not a crash', () => {
    expect(summarizeCommands({ message: '401: Unauthorized' })).toEqual([]);
    expect(summarizeCommands([null, 3, { name: 7 }])).toEqual([]);
  });
});
