import { describe, expect, it } from 'vitest';
import { answerFollowUp, answerTypedQuestion, renderFollowUpAnswer } from '../../src/core/answer-question.ts';
import { EXPLANATION_MAX_LENGTH, plainStyle } from '../../src/core/explain-text.ts';
import { knowledge } from '../../src/core/knowledge/index.ts';
import { topicKnowledge } from '../../src/core/knowledge/topics.ts';
import { understandFollowUp, type FollowUpQuestion } from '../../src/core/understand.ts';
import { tablePrefixes } from '../support/decision-table.ts';

const why: FollowUpQuestion = { kind: 'why' };
const whyNot = (outcome: Extract<FollowUpQuestion, { kind: 'why-not' }>['outcome']): FollowUpQuestion => ({ kind: 'why-not', outcome });
const topic = (id: Extract<FollowUpQuestion, { kind: 'topic' }>['topic']): FollowUpQuestion => ({ kind: 'topic', topic: id });

/** Phrasings a member types, and what each must be read as. */
const UNDERSTOOD: ReadonlyArray<readonly [string, FollowUpQuestion]> = [
  ['why?', why],
  ['Why', why],
  ['WHY??', why],
  ['<@1234567890> why?', why],
  ['but why', why],
  ['why this one?', why],
  ['how come?', why],
  ['explain please', why],
  ['why is that', why],
  ['why not asyncio?', whyNot('asyncio')],
  ['Why not **asyncio**?', whyNot('asyncio')],
  ['why not `asyncio`', whyNot('asyncio')],
  ['why not async', whyNot('asyncio')],
  ['why not asynico?', whyNot('asyncio')],
  ['what about coroutines?', whyNot('asyncio')],
  ['asyncio instead?', whyNot('asyncio')],
  ['<@!42> why not threads?', whyNot('thread')],
  ['why not threads', whyNot('thread')],
  ['why not a thread?', whyNot('thread')],
  ['what about threading.Thread', whyNot('thread')],
  ['Why not threding?', whyNot('thread')],
  ['is threading ok for this?', whyNot('thread')],
  ['why not ThreadPool?', whyNot('threadPool')],
  ['what about multiprocessing.pool.ThreadPool', whyNot('threadPool')],
  ['multiprocessing.dummy instead?', whyNot('threadPool')],
  ['why not a thread pool?', whyNot('threadPoolExecutor')],
  ['why not TPE', whyNot('threadPoolExecutor')],
  ['ThreadPoolExecutor instead?', whyNot('threadPoolExecutor')],
  ['what about concurrent.futures.ThreadPoolExecutor()?', whyNot('threadPoolExecutor')],
  ['why not threadpoolexector', whyNot('threadPoolExecutor')],
  ['why not processes?', whyNot('process')],
  ['what about multiprocessing', whyNot('process')],
  ['why not mulitprocessing?', whyNot('process')],
  ['should I use multiprocessing.Process?', whyNot('process')],
  ['why not proccesses', whyNot('process')],
  ['why not mp.Pool?', whyNot('pool')],
  ['is multiprocessing.Pool ok for this?', whyNot('pool')],
  ['what about a pool?', whyNot('pool')],
  ['why not ProcessPoolExecutor', whyNot('processPoolExecutor')],
  ['PPE instead?', whyNot('processPoolExecutor')],
  ['how about a process pool executor?', whyNot('processPoolExecutor')],
  ['asyncio vs threads?', { kind: 'compare', outcomes: ['asyncio', 'thread'] }],
  ['TPE vs mp.Pool?', { kind: 'compare', outcomes: ['threadPoolExecutor', 'pool'] }],
  ['ThreadPool or ThreadPoolExecutor?', { kind: 'compare', outcomes: ['threadPool', 'threadPoolExecutor'] }],
  ['Pool versus ProcessPoolExecutor', { kind: 'compare', outcomes: ['pool', 'processPoolExecutor'] }],
  ['difference between threads and processes?', { kind: 'compare', outcomes: ['thread', 'process'] }],
  ['how many workers?', topic('workerCount')],
  ['What should max_workers be?', topic('workerCount')],
  ['how many threads should I start', topic('workerCount')],
  ['why a PicklingError?', topic('pickling')],
  ['can I pass a lambda?', topic('pickling')],
  ['how do I share memory between processes?', topic('pickling')],
  ['fork or spawn?', topic('startMethods')],
  ['what changed with forkserver', topic('startMethods')],
  ['which start method?', topic('startMethods')],
  ['what happens on Ctrl-C?', topic('shutdown')],
  ['ctrl+c does nothing', topic('shutdown')],
  ['KeyboardInterrupt in workers', topic('shutdown')],
  ['how do I shut down cleanly?', topic('shutdown')],
  ['do I need the __main__ guard?', topic('mainGuard')],
  ['what is if __name__ == "__main__" for?', topic('mainGuard')],
  ['what is the GIL?', topic('gil')],
  ['is this thread-safe?', topic('gil')],
  ['do I need a lock?', topic('gil')],
  ['what about free-threading?', topic('freeThreading')],
  ['I run 3.14t', topic('freeThreading')],
  ['what about python without the GIL', topic('freeThreading')],
  ['nogil?', topic('freeThreading')],
  ['what about free threaded python', topic('freeThreading')],
  ['why not subinterpreters?', topic('interpreters')],
  ['InterpreterPoolExecutor?', topic('interpreters')],
  ['what about interpreters', topic('interpreters')],
  ['why not subinterpeters', topic('interpreters')],
];

/** Phrasings the guide must decline, honestly, instead of guessing. */
const DECLINED: readonly string[] = [
  'hello',
  'thanks, that looks good!',
  'what is the weather like?',
  'lol',
  'can you write my whole program',
  'why not?',
  'why not Celery?',
  'tell me a joke',
  'how do I install python',
  '',
  '???',
  'what about rust?',
];

describe('understandFollowUp', () => {
  it('GIVEN the table THEN it has at least 60 phrasings to understand', () => {
    expect(UNDERSTOOD.length).toBeGreaterThanOrEqual(60);
  });

  it.each(UNDERSTOOD)('GIVEN %j THEN it is read as the right question', (text, expected) => {
    expect(understandFollowUp(text).question).toEqual(expected);
  });

  it.each(DECLINED)('GIVEN %j THEN it is declined, not guessed', (text) => {
    expect(understandFollowUp(text).question.kind).toBe('unclear');
  });

  it('GIVEN "why not Celery?" THEN the unknown name is kept for the answer', () => {
    expect(understandFollowUp('why not Celery?').question).toEqual({ kind: 'unclear', unknownName: 'Celery' });
  });

  it('GIVEN a remark that mentions threads in passing THEN it is not phrased as a question', () => {
    expect(understandFollowUp('I used threads at work today').asked).toBe(false);
    expect(understandFollowUp('what about threads?').asked).toBe(true);
  });
});

describe('answerFollowUp', () => {
  it.each(tablePrefixes().map((path) => [path.join(' > ') || '(start)', path] as const))(
    'GIVEN every phrasing at %s THEN the answer is found, fits a message and is not a decline unless it should be',
    (_name, path) => {
      for (const [text] of UNDERSTOOD) {
        const answered = answerTypedQuestion(text, path);
        if (!answered.ok) throw new Error(answered.error.detail);
        expect(answered.value.answer.kind, text).not.toBe('decline');
        for (const style of [undefined, plainStyle]) expect(renderFollowUpAnswer(answered.value.answer, style).length).toBeLessThanOrEqual(EXPLANATION_MAX_LENGTH);
      }
    },
  );

  it('GIVEN "why not threads?" after the asyncio outcome THEN the answer is about threads, from the asyncio/threads question', () => {
    const answered = answerTypedQuestion('why not threads?', ['io', 'asyncio']);
    if (!answered.ok || answered.value.answer.kind !== 'why-not') throw new Error('expected a why-not answer');
    const [explanation] = answered.value.answer.explanations;
    expect(explanation?.other).toBe('thread');
    expect(explanation?.status === 'led-away' && explanation.turn.question).toBe('ioModel');
    expect(renderFollowUpAnswer(answered.value.answer)).toContain('threading.Thread');
  });

  it('GIVEN "why not Thread?" after the Process outcome THEN the turn is where the computing happens, not IO', () => {
    const answered = answerFollowUp(whyNot('thread'), ['cpu', 'pythonCode', 'class']);
    if (!answered.ok || answered.value.kind !== 'why-not') throw new Error('expected a why-not answer');
    const [explanation] = answered.value.explanations;
    expect(explanation?.status === 'led-away' && explanation.turn.option).toBe('pythonCode');
  });

  it('GIVEN "X vs Y?" where X is the member\'s own recommendation THEN only Y is explained; asking about X alone gets its reasons', () => {
    const atPool = ['cpu', 'pythonCode', 'pool', 'map'] as const;
    const compared = answerFollowUp(understandFollowUp('Pool vs ProcessPoolExecutor?').question, atPool);
    if (!compared.ok || compared.value.kind !== 'why-not') throw new Error('expected a why-not answer');
    expect(compared.value.explanations.map((explanation) => explanation.other)).toEqual(['processPoolExecutor']);
    const own = answerFollowUp(whyNot('pool'), atPool);
    expect(own.ok && own.value.kind).toBe('outcome');
  });

  it('GIVEN "how many workers?" on the thread side and on the process side THEN each sees its own side\'s counts first', () => {
    const threads = answerFollowUp(topic('workerCount'), ['io', 'threads', 'pool', 'adhoc']);
    const processes = answerFollowUp(topic('workerCount'), ['cpu', 'pythonCode', 'pool', 'adhoc']);
    if (!threads.ok || threads.value.kind !== 'topic' || !processes.ok || processes.value.kind !== 'topic') throw new Error('expected topic answers');
    expect(threads.value.paragraphs[0]).toContain('max_workers');
    expect(processes.value.paragraphs[0]).toContain('process_cpu_count()');
    expect(renderFollowUpAnswer(threads.value)).toContain(topicKnowledge.workerCount.title);
  });

  it('GIVEN an unreadable question THEN the decline names questions the guide can answer, and an unknown API by name', () => {
    const declined = answerTypedQuestion('why not Celery?', ['io', 'asyncio']);
    if (!declined.ok) throw new Error(declined.error.detail);
    const text = renderFollowUpAnswer(declined.value.answer);
    expect(text).toContain('That is not one of the APIs');
    expect(text).not.toContain('Celery');
    expect(text).toContain(knowledge.outcomes.asyncio.shortName);
    expect(text).toMatch(/I can answer questions like "why\?"/);
    for (const example of declined.value.answer.kind === 'decline' ? declined.value.answer.examples : []) {
      const reread = understandFollowUp(example.replace(/"/g, ''));
      expect(reread.question.kind, example).not.toBe('unclear');
    }
  });
});

describe('the names the guide itself shows', () => {
  it.each(Object.entries(knowledge.outcomes))('GIVEN "why not <name>?" for %s by its short name or its API THEN it is understood', (outcome, about) => {
    for (const name of [about.shortName, about.api, about.api.toUpperCase()]) {
      expect(understandFollowUp(`why not ${name}?`).question, name).toEqual({ kind: 'why-not', outcome });
    }
  });
});
