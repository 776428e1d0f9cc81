import { OUTCOME_IDS, type OptionId } from '../../machines/questions.ts';
import { answerTypedQuestion, renderFollowUpAnswer } from '../core/answer-question.ts';
import { plainStyle } from '../core/explain-text.ts';
import { applyEvent, describeStep, startGuide, type GuideSnapshot, type GuideStep } from '../core/guide.ts';
import { knowledge, optionKnowledge } from '../core/knowledge/index.ts';
import { parseCommand } from './commands.ts';
import { renderNotSure, renderOutcome, renderQuestion } from './render.ts';
import { terminalText } from './terminal-text.ts';

/** Where one terminal conversation stands. Immutable: every reply carries the next state. */
export interface ChatState {
  readonly snapshot: GuideSnapshot;
  readonly finished: boolean;
}

/** What to print, and the state to continue from. */
export interface ChatReply {
  readonly state: ChatState;
  readonly text: string;
}

const SHORT_NAMES = OUTCOME_IDS.map((outcome) => knowledge.outcomes[outcome].shortName);

function pathOf(step: GuideStep): OptionId[] {
  return step.answers.map((answer) => answer.option);
}

function hintFor(step: GuideStep): string {
  return step.kind === 'question' ? terminalText.questionHint(step.options.length) : terminalText.outcomeHint;
}

/** The current step in full, followed by what the user can type. */
function show(step: GuideStep): string {
  const body = step.kind === 'question' ? renderQuestion(step) : renderOutcome(step.outcome, pathOf(step));
  return `${body}\n\n${hintFor(step)}`;
}

function reply(snapshot: GuideSnapshot, text: string, finished = false): ChatReply {
  return { state: { snapshot, finished }, text };
}

function answer(snapshot: GuideSnapshot, option: OptionId): ChatReply {
  const next = applyEvent(snapshot, { type: 'answer', option });
  return reply(next, show(describeStep(next)));
}

/** Lets a user type an option's id or label ("io", "many short tasks") instead of its number. */
function optionNamed(options: readonly OptionId[], text: string): OptionId | undefined {
  const wanted = text.trim().toLowerCase();
  return options.find((option) => option === wanted || optionKnowledge(option).label.toLowerCase() === wanted);
}

/**
 * Opens a conversation at the first question.
 *
 * @example openChat().text.startsWith('Which Python concurrency API') // true
 */
export function openChat(): ChatReply {
  const snapshot = startGuide();
  return reply(snapshot, `${terminalText.welcome}\n\n${show(describeStep(snapshot))}`);
}

/**
 * Answers one typed line. Never throws; anything it cannot use gets a hint.
 *
 * @example chatReply(openChat().state, '2').text // the second question
 */
export function chatReply(state: ChatState, line: string): ChatReply {
  const { snapshot } = state;
  const step = describeStep(snapshot);
  const command = parseCommand(line);
  switch (command.kind) {
    case 'choose': {
      if (step.kind !== 'question') return reply(snapshot, `${terminalText.finishedNoOptions}\n${hintFor(step)}`);
      const option = step.options[command.number - 1];
      if (option === undefined) return reply(snapshot, terminalText.noSuchOption(command.number, step.options.length));
      return answer(snapshot, option);
    }
    case 'not-sure':
      return reply(snapshot, step.kind === 'question' ? renderNotSure(step) : terminalText.notSureAtOutcome);
    case 'back': {
      if (step.answers.length === 0) return reply(snapshot, terminalText.nothingToUndo);
      const previous = applyEvent(snapshot, { type: 'nav.back' });
      return reply(previous, `${terminalText.wentBack}\n\n${show(describeStep(previous))}`);
    }
    case 'restart': {
      const fresh = applyEvent(snapshot, { type: 'nav.restart' });
      return reply(fresh, `${terminalText.restarted}\n\n${show(describeStep(fresh))}`);
    }
    case 'help':
      return reply(snapshot, `${terminalText.help(SHORT_NAMES)}\n\n${hintFor(step)}`);
    case 'quit':
      return reply(snapshot, terminalText.goodbye, true);
    case 'empty':
      return reply(snapshot, `${terminalText.emptyLine} ${hintFor(step)}`);
    case 'text': {
      const named = step.kind === 'question' ? optionNamed(step.options, command.text) : undefined;
      if (named !== undefined) return answer(snapshot, named);
      const answered = answerTypedQuestion(command.text, pathOf(step));
      if (!answered.ok) return reply(snapshot, `${terminalText.unknown(command.text)} ${hintFor(step)}`);
      const text = renderFollowUpAnswer(answered.value.answer, plainStyle);
      return reply(snapshot, answered.value.answer.kind === 'decline' ? `${text}\n${hintFor(step)}` : text);
    }
  }
}
