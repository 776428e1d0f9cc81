import { QUESTION_IDS, type OptionId, type OutcomeFamily } from '../../../machines/questions.ts';
import { outcomeKnowledge } from './outcomes.ts';
import { questionKnowledge } from './questions.ts';
import type { Knowledge, OptionExamples, OptionKnowledge } from './types.ts';

export type { Knowledge, Link, OptionExamples, OptionKnowledge, OutcomeKnowledge, QuestionKnowledge } from './types.ts';

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

// Option ids are unique across questions, so one flat table serves every lookup by option.
// The casts are safe: the mapped types above guarantee an entry for every option of every question.
const optionTexts = Object.fromEntries(
  QUESTION_IDS.flatMap((question) => Object.entries(knowledge.questions[question].options)),
) as Record<OptionId, OptionKnowledge>;
const optionExamples = Object.fromEntries(
  QUESTION_IDS.flatMap((question) => Object.entries(knowledge.questions[question].notSure.examples)),
) as Record<OptionId, OptionExamples>;

/**
 * The label, description and reason of one option, whichever question it belongs to.
 *
 * @example optionKnowledge('cpu').label // "Computing (CPU-bound)"
 */
export function optionKnowledge(option: OptionId): OptionKnowledge {
  return optionTexts[option];
}

/**
 * The "not sure?" examples of tasks that fit one option. Questions shared by threads and
 * processes keep a list for each; `family` says which side of the tree the member is on (see
 * `workerFamilyAfter`), and without it both lists are given.
 *
 * @example notSureExamples('io')[0] // "downloading or uploading files"
 * @example notSureExamples('pool', 'threads')[0] // "a for-loop that downloads each URL of a list"
 */
export function notSureExamples(option: OptionId, family?: OutcomeFamily): readonly string[] {
  const examples = optionExamples[option];
  if (!('threads' in examples)) return examples;
  if (family === 'threads' || family === 'processes') return examples[family];
  return [...examples.threads, ...examples.processes];
}
