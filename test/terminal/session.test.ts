import { describe, expect, it } from 'vitest';
import { knowledge } from '../../src/core/knowledge/index.ts';
import { findOutcome, parseCommand } from '../../src/terminal/commands.ts';
import { chatReply, openChat, type ChatReply } from '../../src/terminal/session.ts';

function say(...lines: string[]): ChatReply {
  let current = openChat();
  for (const line of lines) current = chatReply(current.state, line);
  return current;
}

describe('parseCommand', () => {
  it.each([
    ['why not ThreadPoolExecutor', 'threadPoolExecutor'],
    ['WHY NOT threadpoolexecutor', 'threadPoolExecutor'],
    ['why not `multiprocessing.pool.Pool`?', 'pool'],
    ['why not processPoolExecutor', 'processPoolExecutor'],
    ['  why   not   asyncio  ', 'asyncio'],
  ])('GIVEN %j THEN it asks why not %s', (line, outcome) => {
    expect(parseCommand(line)).toEqual({ kind: 'why-not', outcome });
  });

  it('GIVEN every short name and API of the knowledge THEN each finds its own outcome', () => {
    for (const [outcome, about] of Object.entries(knowledge.outcomes)) {
      expect(findOutcome(about.shortName)).toBe(outcome);
      expect(findOutcome(about.api.toUpperCase())).toBe(outcome);
    }
  });

  it('GIVEN "why not" with an unknown or missing name THEN the command says so', () => {
    expect(parseCommand('why not Celery')).toEqual({ kind: 'why-not-unknown', name: 'Celery' });
    expect(parseCommand('why not')).toEqual({ kind: 'why-not-missing' });
  });
});

describe('chat session', () => {
  it('GIVEN a fresh chat THEN it shows the first question with numbered options', () => {
    const { text } = openChat();
    expect(text).toContain(knowledge.questions.workload.title);
    expect(text).toContain(`1) ${knowledge.questions.workload.options.cpu.label}`);
    expect(text).toContain(`2) ${knowledge.questions.workload.options.io.label}`);
  });

  it('GIVEN answers to the end THEN the outcome shows summary, sketch, caveats and links', () => {
    const { text } = say('1', '2');
    const process = knowledge.outcomes.process;
    expect(text).toContain(`Recommended: ${process.api}`);
    expect(text).toContain(process.summary);
    for (const line of process.sketch.trimEnd().split('\n').filter((line) => line !== '')) expect(text).toContain(line);
    for (const caveat of process.caveats) expect(text).toContain(caveat);
    for (const link of process.links) expect(text).toContain(link.url);
    expect(text).toContain(knowledge.questions.workload.options.cpu.reason);
  });

  it('GIVEN "back" THEN the previous question returns, and at the start it says there is nothing to undo', () => {
    expect(say('2', 'back').text).toContain(knowledge.questions.workload.title);
    expect(say('back').text).toMatch(/no answer to undo/);
    expect(say('back').state.snapshot.context.answers).toEqual([]);
  });

  it('GIVEN "restart" at an outcome THEN the first question returns with no answers', () => {
    const { state, text } = say('2', '1', 'restart');
    expect(text).toContain(knowledge.questions.workload.title);
    expect(state.snapshot.context.answers).toEqual([]);
  });

  it('GIVEN "why" at a question and at an outcome THEN it explains the question, then the answers', () => {
    expect(say('why').text).toContain(knowledge.questions.workload.whyAsked);
    expect(say('2', '1', 'why').text).toContain(knowledge.questions.ioModel.options.asyncio.reason);
  });

  it('GIVEN "not sure" THEN it shows examples and a test, and at an outcome it says it does not apply', () => {
    const { text } = say('not sure');
    expect(text).toContain(knowledge.questions.workload.notSure.test);
    for (const example of knowledge.questions.workload.notSure.examples.io) expect(text).toContain(example);
    expect(say('2', '1', 'not sure').text).toMatch(/already have a recommendation/);
  });

  it('GIVEN bad input THEN the reply is a hint and the state does not move', () => {
    for (const line of ['7', '0', 'fly me to the moon', '', 'why not Celery', 'why not']) {
      const before = say('2');
      const after = chatReply(before.state, line);
      expect(after.text.length).toBeGreaterThan(0);
      expect(after.state.snapshot.context.answers).toEqual(before.state.snapshot.context.answers);
      expect(after.state.finished).toBe(false);
    }
    expect(say('7').text).toMatch(/no option 7/);
    expect(say('why not Celery').text).toMatch(/"Celery" is not one of the APIs/);
  });

  it('GIVEN an option typed by its id or its label THEN it counts as choosing it', () => {
    expect(say('IO').state.snapshot.context.answers).toEqual([{ question: 'workload', option: 'io' }]);
    const label = knowledge.questions.workload.options.cpu.label.toUpperCase();
    expect(say(label).state.snapshot.context.answers).toEqual([{ question: 'workload', option: 'cpu' }]);
    // An option of a later question is not an answer here.
    expect(say('pool').state.snapshot.context.answers).toEqual([]);
  });

  it('GIVEN "quit" THEN the session is finished', () => {
    expect(say('quit').state.finished).toBe(true);
  });
});
