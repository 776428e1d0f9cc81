import { describe, expect, it } from 'vitest';
import { OUTCOME_IDS, QUESTION_IDS } from '../../../machines/questions.ts';
import { optionsOf } from '../../../src/core/guide.ts';
import { knowledge, notSureExamples, optionKnowledge } from '../../../src/core/knowledge/index.ts';

/** Every string in a value, each with the path that leads to it, so a failure names the text. */
function stringsIn(value: unknown, path: string): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  }
  return [];
}

const optionsKnowledge = (id: (typeof QUESTION_IDS)[number]) => optionsOf(id).map((option) => optionKnowledge(option));

describe('knowledge texts', () => {
  it('GIVEN every text in the knowledge base THEN none is empty or only whitespace', () => {
    const blank = stringsIn(knowledge, 'knowledge').filter(({ text }) => text.trim() === '');
    expect(blank.map(({ path }) => path)).toEqual([]);
  });

  it('GIVEN every text in the knowledge base THEN none has stray spaces at either end', () => {
    const untrimmed = stringsIn(knowledge, 'knowledge')
      .filter(({ path }) => !path.endsWith('.sketch'))
      .filter(({ text }) => text !== text.trim() || text.includes('  '));
    expect(untrimmed.map(({ path }) => path)).toEqual([]);
  });

  it.each(QUESTION_IDS)('GIVEN question %s THEN the machine offers exactly the options it has texts for', (id) => {
    expect(Object.keys(knowledge.questions[id].options).sort()).toEqual([...optionsOf(id)].sort());
    expect(Object.keys(knowledge.questions[id].notSure.examples).sort()).toEqual([...optionsOf(id)].sort());
  });

  it.each(QUESTION_IDS)('GIVEN question %s THEN no two options share a label', (id) => {
    const labels = optionsKnowledge(id).map((option) => option.label.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each(QUESTION_IDS)('GIVEN question %s THEN each option has at least two "not sure?" examples', (id) => {
    for (const option of optionsOf(id)) expect(notSureExamples(option).length).toBeGreaterThanOrEqual(2);
  });

  it.each(QUESTION_IDS)(
    'GIVEN question %s THEN each reason continues "Because you said" mid-sentence and ends as a sentence',
    (id) => {
      for (const { reason } of optionsKnowledge(id)) {
        expect(reason.charAt(0), reason).toBe(reason.charAt(0).toLowerCase());
        expect(reason.endsWith('.'), reason).toBe(true);
      }
    },
  );

  it('GIVEN all outcomes THEN no two share a short name, so a "why not" menu can tell them apart', () => {
    const names = OUTCOME_IDS.map((id) => knowledge.outcomes[id].shortName.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(OUTCOME_IDS)('GIVEN outcome %s THEN it has at least one caveat and no caveat repeats', (id) => {
    const { caveats } = knowledge.outcomes[id];
    expect(caveats.length).toBeGreaterThan(0);
    expect(new Set(caveats).size).toBe(caveats.length);
  });
});

describe('corrected facts stay corrected', () => {
  const everyText = stringsIn(knowledge, 'knowledge');
  const textsMatching = (pattern: RegExp) => everyText.filter(({ text }) => pattern.test(text)).map(({ path }) => path);

  it('GIVEN every text THEN none counts workers "per core": pools default to the logical CPUs the process may use', () => {
    expect(textsMatching(/per (physical )?core/i)).toEqual([]);
  });

  it('GIVEN every text THEN none invents _async forms of imap or imap_unordered', () => {
    expect(textsMatching(/imap(_unordered)?_async|`imap`[^.]*their `_async` forms|each with an `_async` form/i)).toEqual([]);
  });

  it('GIVEN every text THEN none calls switching between the thread and the process executor a one-word change', () => {
    expect(textsMatching(/one-word change/i)).toEqual([]);
  });

  it('GIVEN every text THEN none says processes share no memory at all, since sharing exists on request', () => {
    expect(textsMatching(/share no memory/i)).toEqual([]);
    expect(textsMatching(/shared_memory/).length).toBeGreaterThan(0);
  });

  it('GIVEN every text THEN none limits the 3.14 forkserver default to Linux alone', () => {
    const forkserver = everyText.filter(({ text }) => /forkserver/.test(text) && /3\.14/.test(text));
    expect(forkserver.length).toBeGreaterThan(0);
    for (const { path, text } of forkserver) expect(text, path).not.toMatch(/default start method on Linux/);
  });

  it('GIVEN the pool caveats THEN leaving a Pool or ThreadPool with-block is said to terminate, and the executors to wait', () => {
    for (const id of ['pool', 'threadPool'] as const) {
      const exit = knowledge.outcomes[id].caveats.find((caveat) => caveat.includes('terminate()'));
      expect(exit, id).toMatch(/not `close\(\)` and `join\(\)`/);
      expect(exit, id).toMatch(/executors differ: their `with` block waits/);
    }
  });

  it('GIVEN the ThreadPoolExecutor caveats THEN the default worker count is the 3.13 formula, with the older one named', () => {
    const count = knowledge.outcomes.threadPoolExecutor.caveats.find((caveat) => caveat.includes('max_workers'));
    expect(count).toContain('min(32, (os.process_cpu_count() or 1) + 4)');
    expect(count).toContain('os.cpu_count()');
  });

  it('GIVEN the free-threading caveat THEN it gives both releases\' single-thread costs and the GIL coming back', () => {
    const caveat = knowledge.outcomes.pool.caveats.find((text) => text.includes('free-threaded'));
    expect(caveat).toMatch(/40%.*3\.13t/);
    expect(caveat).toMatch(/3\.14 puts the cost at roughly 5-10%/);
    expect(caveat).toMatch(/turns the GIL back on/);
  });

  it('GIVEN the Pool-vs-executor question THEN it does not repeat the old claims that only executors re-raise errors or run any function', () => {
    const { whyAsked } = knowledge.questions.poolApi;
    expect(whyAsked).toMatch(/Both run any function/);
    expect(whyAsked).toMatch(/re-raise a task's exception/);
    expect(whyAsked).toMatch(/BrokenProcessPool/);
    expect(whyAsked).not.toMatch(/least important of the four/);
  });
});

describe('what the source article says is kept', () => {
  it('GIVEN the pool-or-worker question THEN it keeps the article\'s heterogeneous vs homogeneous tasks point', () => {
    expect(knowledge.questions.workers.whyAsked).toMatch(/different kinds \(heterogeneous\)/);
    expect(knowledge.questions.workers.whyAsked).toMatch(/same work from start to end \(homogeneous\)/);
  });

  it('GIVEN the outcomes\' links THEN the article\'s three comparison articles are linked where they help', () => {
    const urls = (ids: readonly (keyof typeof knowledge.outcomes)[]) => ids.flatMap((id) => knowledge.outcomes[id].links.map((link) => link.url));
    expect(urls(['thread', 'process'])).toContain('https://superfastpython.com/thread-vs-process/');
    expect(urls(['thread', 'threadPool', 'threadPoolExecutor'])).toContain('https://superfastpython.com/why-not-always-use-processes-in-python/');
    expect(urls(['process', 'pool'])).toContain('https://superfastpython.com/multiprocessing-pool-vs-process/');
  });
});
