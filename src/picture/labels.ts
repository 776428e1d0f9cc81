import { questionOfOption, type OptionId, type OutcomeId, type QuestionId } from '../../machines/questions.ts';
import { knowledge as bundledKnowledge } from '../core/knowledge/index.ts';
import type { Knowledge } from '../core/knowledge/types.ts';
import { treePictureHeading } from '../core/ui-text.ts';

/** The words the picture shows; kept apart from the layout so tests can feed awkward text. */
export interface TreeLabels {
  /** Drawn at the top of the picture. */
  readonly heading: string;
  question(question: QuestionId): string;
  /** Written on the edge an answer follows. */
  option(option: OptionId): string;
  /** The outcome's short name, drawn large. */
  outcome(outcome: OutcomeId): string;
  /** The full API under the short name, or undefined to draw the name alone. */
  outcomeDetail(outcome: OutcomeId): string | undefined;
  /** Stands in for the names in a collapsed box when they are too many to list. */
  outcomeCount(count: number): string;
}

/** Labels taken from the knowledge base: question titles, button labels, outcome names and APIs. */
export function labelsFromKnowledge(knowledge: Knowledge, heading: string): TreeLabels {
  return {
    heading,
    question: (question) => knowledge.questions[question].title,
    option: (option) => {
      const question = questionOfOption(option);
      if (question === undefined) throw new RangeError(`"${option}" is not an option of any question`);
      const options: Readonly<Record<string, { readonly label: string }>> = knowledge.questions[question].options;
      const label = options[option]?.label;
      if (label === undefined) throw new RangeError(`the knowledge base has no label for option "${option}"`);
      return label;
    },
    outcome: (outcome) => knowledge.outcomes[outcome].shortName,
    outcomeDetail: (outcome) => {
      const { api, shortName } = knowledge.outcomes[outcome];
      return api === shortName ? undefined : api;
    },
    outcomeCount: (count) => (count === 1 ? '1 outcome' : `${count} outcomes`),
  };
}

/** The labels the bot draws with: the project's knowledge base and its picture heading. */
export const defaultTreeLabels: TreeLabels = labelsFromKnowledge(bundledKnowledge, treePictureHeading);
