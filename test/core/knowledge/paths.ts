import { applyEvent, describeStep, startGuide, type GuideSnapshot } from '../../../src/core/guide.ts';
import type { Answer, OutcomeId } from '../../../machines/questions.ts';

/** One complete walk through the guide: the answers given and the outcome they lead to. */
export interface CompletePath {
  readonly answers: readonly Answer[];
  readonly outcome: OutcomeId;
}

/** Every complete path of the machine, found by asking the machine which options each step accepts. */
export function completePaths(snapshot: GuideSnapshot = startGuide()): CompletePath[] {
  const step = describeStep(snapshot);
  if (step.kind === 'outcome') return [{ answers: step.answers, outcome: step.outcome }];
  return step.options.flatMap((option) => completePaths(applyEvent(snapshot, { type: 'answer', option })));
}
