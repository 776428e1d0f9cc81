import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS } from '../../machines/questions.ts';
import { buildOutcomeAliases, parseFollowUp, resolveOutcomeName } from '../../src/discord/follow-ups.ts';

describe('parseFollowUp', () => {
  it.each(['why?', 'Why', 'WHY??', '  why ', 'why!', '**why?**', '<@123456789012345678> why?', '<@!42>why'])(
    'GIVEN %j THEN it is a plain why',
    (text) => {
      expect(parseFollowUp(text)).toEqual({ kind: 'why' });
    },
  );

  it.each([
    ['why not asyncio?', 'asyncio'],
    ['Why not ProcessPoolExecutor', 'processPoolExecutor'],
    ['why not `ThreadPoolExecutor`?', 'threadPoolExecutor'],
    ['<@1> why not use threads?', 'thread'],
    ['why not just multiprocessing.Pool instead?', 'pool'],
    ['why not the thread pool?', 'threadPool'],
    ['why not Process()?', 'process'],
    ['why not async/await', 'asyncio'],
  ] as const)('GIVEN %j THEN it asks why not %s', (text, outcome) => {
    expect(parseFollowUp(text)).toEqual({ kind: 'why-not', outcome });
  });

  it.each(['why not pandas?', 'why not?', 'why not executor'])('GIVEN %j THEN it is a why-not naming no outcome', (text) => {
    expect(parseFollowUp(text)).toEqual({ kind: 'why-not-unknown' });
  });

  it.each(['', 'hello', 'why is my code slow?', 'why nothing works', 'I know why', 'whyy', 'not why'])(
    'GIVEN ordinary chat %j THEN it is ignored',
    (text) => {
      expect(parseFollowUp(text)).toBeNull();
    },
  );

  it('GIVEN any text at all THEN parsing never throws and returns a known shape', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const parsed = parseFollowUp(text);
        expect(parsed === null || ['why', 'why-not', 'why-not-unknown'].includes(parsed.kind)).toBe(true);
      }),
    );
  });

  it('GIVEN "why not" followed by each outcome id THEN that outcome is named', () => {
    for (const outcome of OUTCOME_IDS) expect(parseFollowUp(`why not ${outcome}?`)).toEqual({ kind: 'why-not', outcome });
  });
});

describe('resolveOutcomeName', () => {
  it('GIVEN dotted API names added by the caller THEN both the full and the last part resolve', () => {
    const aliases = buildOutcomeAliases([['concurrent.futures.ProcessPoolExecutor', 'processPoolExecutor']]);
    expect(resolveOutcomeName('concurrent.futures.ProcessPoolExecutor', aliases)).toBe('processPoolExecutor');
    expect(resolveOutcomeName('processpoolexecutor', aliases)).toBe('processPoolExecutor');
  });
});
