import type { OptionId } from '../machines/questions.ts';
import { buttonLabels } from '../src/core/ui-text.ts';
import type { LocalDiscord, RenderedMessage, UserActor } from '../src/local-discord/index.ts';
import { recordFailure, timed, type StepRecord } from './recorder.ts';

/** The slash command both bots answer. */
export const COMMAND = 'concurrency';
/** Long enough that a slow answer is measured as latency; Discord's own 3 s rule still applies. */
const ANSWER_WAIT_MS = 10_000;

/** One member's visit: where, who, and the answers they will give. */
export interface Visit {
  readonly discord: LocalDiscord;
  readonly actor: UserActor;
  readonly channelId: string;
  readonly path: readonly OptionId[];
  readonly record: StepRecord;
}

/** A member's guide against one bot; resolves when done or failed, never rejects. */
export type Member = (visit: Visit) => Promise<void>;

/** Clicks through the guide bot: /concurrency, one answer per question of the path, then "Why?". */
export const guideMember: Member = (visit) =>
  visitGuide(visit, async (start) => {
    let message = start;
    for (const option of visit.path) {
      const customId = answerButton(message, option);
      message = await timed(visit.record, () => visit.actor.clickButton(message.id, { customId }, { timeoutMs: ANSWER_WAIT_MS }));
    }
    return timed(visit.record, () => visit.actor.clickButton(message.id, { label: buttonLabels.why }, { timeoutMs: ANSWER_WAIT_MS }));
  });

/** The same number of interactions against the baseline, which answers each with its one button. */
export const baselineMember: Member = (visit) =>
  visitGuide(visit, async (start) => {
    let message = start;
    for (let click = 0; click <= visit.path.length; click += 1) {
      const customId = firstButton(message);
      message = await timed(visit.record, () => visit.actor.clickButton(message.id, { customId }, { timeoutMs: ANSWER_WAIT_MS }));
    }
    return message;
  });

async function visitGuide(visit: Visit, walk: (start: RenderedMessage) => Promise<RenderedMessage>): Promise<void> {
  const seen = new Set<string>();
  try {
    const start = await timed(visit.record, () => visit.actor.runSlashCommand(visit.channelId, COMMAND, {}, { timeoutMs: ANSWER_WAIT_MS }));
    seen.add(start.id);
    const end = await walk(start);
    seen.add(end.id);
    visit.record.finishedGuides += 1;
  } catch (error) {
    recordFailure(visit.record, error);
  } finally {
    // The server would otherwise keep every finished guide, pictures included, for the whole run.
    for (const id of seen) visit.discord.forgetMessage(id);
  }
}

function answerButton(message: RenderedMessage, option: OptionId): string {
  const suffix = `/answer-${option}`;
  for (const row of message.components) {
    for (const component of row) if (component.type === 'button' && component.customId?.endsWith(suffix) === true) return component.customId;
  }
  throw new Error(`the guide offered no button for ${option}: ${describe(message)}`);
}

function firstButton(message: RenderedMessage): string {
  for (const row of message.components) {
    for (const component of row) if (component.type === 'button' && component.customId !== undefined) return component.customId;
  }
  throw new Error(`the baseline's reply has no button: ${describe(message)}`);
}

function describe(message: RenderedMessage): string {
  return JSON.stringify({ content: message.content.slice(0, 80), title: message.embeds[0]?.title, buttons: message.components.flat().map((c) => (c.type === 'button' ? c.label : c.placeholder)) });
}
