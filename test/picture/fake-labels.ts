import type { OptionId, OutcomeId, QuestionId } from '../../machines/questions.ts';
import type { TreeLabels } from '../../src/picture/labels.ts';

/**
 * Labels that name their id, so a test can tell which node a piece of text belongs to.
 * Word lengths resemble the real knowledge base's, to exercise wrapping.
 */
export const fakeLabels: TreeLabels = {
  heading: 'Pick a concurrency API',
  question: (question: QuestionId) => `Question about ${question}?`,
  option: (option: OptionId) => `Answer ${option}`,
  outcome: (outcome: OutcomeId) => `Outcome ${outcome}`,
  outcomeDetail: (outcome: OutcomeId) => `module.api.${outcome}`,
  outcomeCount: (count: number) => `${count} outcomes`,
};
