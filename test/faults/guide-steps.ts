import type { OptionId } from '../../machines/questions.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import type { RenderedMessage, UserActor } from '../../src/local-discord/index.ts';
import { DECISION_TABLE } from '../support/decision-table.ts';
import { textOf } from '../bot/harness.ts';

/** Clicks the button of one answer on a guide message. */
export function answer(actor: UserActor, message: RenderedMessage | string, option: OptionId, timeoutMs?: number): Promise<RenderedMessage> {
  const id = typeof message === 'string' ? message : message.id;
  return actor.clickButton(id, { label: optionKnowledge(option).label }, timeoutMs === undefined ? undefined : { timeoutMs });
}

/** True when the message shows the question that follows these answers (by its prompt). */
export function showsQuestion(message: RenderedMessage, question: keyof typeof knowledge.questions): boolean {
  return textOf(message).includes(knowledge.questions[question].prompt);
}

/** The API the decision table recommends for a complete path. */
export function apiFor(path: readonly OptionId[]): string {
  const row = DECISION_TABLE.find(([answers]) => answers.join(',') === path.join(','));
  if (row === undefined) throw new Error(`no outcome for ${path.join(' > ')}`);
  return row[2];
}

/** Every complete path of the decision table. */
export const PATHS: readonly (readonly OptionId[])[] = DECISION_TABLE.map(([answers]) => answers);
