import { describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { replayAnswers } from '../../src/core/guide.ts';
import { readTaskAnswers } from '../../src/core/read-task.ts';

const CASES: ReadonlyArray<readonly [string, readonly OptionId[], string]> = [
  ['my scraper downloads 500 URLs with requests, threads or processes?', ['io', 'threads'], 'downloads'],
  ['I crunch big numpy matrices, how do I speed it up?', ['cpu', 'nativeCode'], 'numpy'],
  ['my simulation in pure python loops is slow', ['cpu', 'pythonCode'], 'pure python'],
  ['a chat server with thousands of connections', ['io', 'asyncio'], 'thousands of connections'],
  ['I run 3.14t and my simulation is slow', ['cpu', 'freeThreaded'], '3.14t'],
  ['calling a REST API for each record in our database', ['io'], 'database'],
];

describe('readTaskAnswers', () => {
  it.each(CASES)('GIVEN %j THEN it pre-answers %j, citing the words it read', (text, expected, word) => {
    const read = readTaskAnswers(text);
    expect(read.map((answer) => answer.option)).toEqual(expected);
    expect(read.flatMap((answer) => answer.evidence).map((evidence) => evidence.toLowerCase())).toContain(word);
  });

  it.each(['hello world', 'download files and compute hashes', 'threads or processes?', ''])('GIVEN %j, which decides nothing or points both ways, THEN it starts at step 1', (text) => {
    expect(readTaskAnswers(text)).toEqual([]);
  });

  it('GIVEN any of the texts THEN the answers are a path the guide accepts', () => {
    for (const [text] of CASES) expect(replayAnswers(readTaskAnswers(text).map((answer) => answer.option)).ok).toBe(true);
  });
});
