import { outcomeKnowledge } from './outcomes.ts';
import { questionKnowledge } from './questions.ts';
import type { Knowledge } from './types.ts';

export type { Knowledge, Link, OptionKnowledge, OutcomeKnowledge, QuestionKnowledge } from './types.ts';

/**
 * Every text the guide shows about its questions and outcomes. The mapped types in `Knowledge`
 * make a missing question, option or outcome a compile error.
 *
 * @example knowledge.outcomes.asyncio.shortName // "asyncio"
 */
export const knowledge: Knowledge = {
  questions: questionKnowledge,
  outcomes: outcomeKnowledge,
};
