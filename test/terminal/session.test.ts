import { describe, expect, it } from 'vitest';
import { knowledge, notSureExamples } from '../../src/core/knowledge/index.ts';
import { answerTypedQuestion, renderFollowUpAnswer } from '../../src/core/answer-question.ts';
import { plainStyle } from '../../src/core/explain-text.ts';
import { parseCommand } from '../../src/terminal/commands.ts';
import { chatReply, openChat, type ChatReply } from '../../src/terminal/session.ts';

function say(...lines: string[]): ChatReply {
  let current = openChat();
  for (const line of lines) current = chatReply(current.state, line);
  return current;
}

describe('parseCommand', () => {
  it.each([
    [' Back ', { kind: 'back' }],
    ['start over', { kind: 'restart' }],
    ['NOT SURE', { kind: 'not-sure' }],
    ['3', { kind: 'choose', number: 3 }],
    ['', { kind: 'empty' }],
    ['why not Pool?', { kind: 'text', text: 'why not Pool?' }],
  ] as const)('GIVEN %j THEN it is read as %j', (line, command) => {
    expect(parseCommand(line)).toEqual(command);
  });
});

describe('typed questions in the terminal', () => {
  it.each(['why not threads?', 'TPE vs mp.Pool?', 'how many workers?', 'what about free-threading?', 'why not asynico', 'why?'])(
    'GIVEN %j at an outcome THEN the terminal gives the same answer as the shared resolver, in plain text',
    (question) => {
      const path = ['io', 'asyncio'] as const;
      const answered = answerTypedQuestion(question, path);
      if (!answered.ok) throw new Error(answered.error.detail);
      expect(say('2', '1', question).text).toBe(renderFollowUpAnswer(answered.value.answer, plainStyle));
    },
  );

  it('GIVEN "why not threads" after asyncio THEN it explains threading.Thread (it used to fail)', () => {
    expect(say('2', '1', 'why not threads').text).toContain('Why not threading.Thread?');
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
    const { text } = say('1', '1', '2');
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
    for (const example of notSureExamples('io')) expect(text).toContain(example);
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
    expect(say('why not Celery').text).toMatch(/That is not one of the APIs I compare/);
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
