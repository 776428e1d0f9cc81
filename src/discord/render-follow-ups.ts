import { ButtonStyle, ComponentType } from 'discord.js';
import { OUTCOME_IDS } from '../../machines/questions.ts';
import * as botText from '../core/bot-text.ts';
import { encodeGuideId } from '../core/guide-id.ts';
import { describeStep, replayAnswers } from '../core/guide.ts';
import { knowledge } from '../core/knowledge/index.ts';
import * as ui from '../core/ui-text.ts';
import type { FoundGuide } from './find-guide.ts';
import type { FollowUp } from './follow-ups.ts';
import type { GuideMessage } from './render.ts';
import { explainOutcomeEmbed, explainQuestionEmbed, explainWhyNotEmbed } from './render-explanations.ts';

/**
 * The answer to a typed "why?" or "why not X?", about the guide found for its author. A guide
 * still at a question gets why that question is asked.
 */
export function renderFollowUp(guide: FoundGuide, followUp: FollowUp): GuideMessage {
  const replayed = replayAnswers(guide.path);
  if (!replayed.ok) return renderNoGuide(guide.owner);
  const step = describeStep(replayed.value);
  if (followUp.kind === 'why-not-unknown') {
    return { content: botText.unknownWhyNot(OUTCOME_IDS.map((outcome) => knowledge.outcomes[outcome].shortName)), embeds: [], components: [] };
  }
  const explanation =
    followUp.kind === 'why-not'
      ? explainWhyNotEmbed(guide.path, followUp.outcome)
      : step.kind === 'question'
        ? explainQuestionEmbed(guide.path)
        : explainOutcomeEmbed(guide.path);
  return explanation === undefined ? renderNoGuide(guide.owner) : { embeds: [explanation], components: [] };
}

/** For someone who asks "why?" with no guide: how to start one, and a button that does. */
export function renderNoGuide(authorId: string): GuideMessage {
  const start = encodeGuideId({ owner: authorId, path: [], action: { kind: 'start' } });
  return {
    content: ui.noGuideYet,
    embeds: [],
    components: [
      { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: botText.startGuideLabel, custom_id: start }] },
    ],
  };
}
