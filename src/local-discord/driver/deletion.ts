import type { InteractionOutcome, InteractionRecord } from '../interactions.ts';
import type { World } from '../world.ts';

/**
 * Watches for the bot deleting the message a component sits on in answer to a click (say a Dismiss
 * button: `deferUpdate()` then `deleteReply()`). The user then sees the message vanish, which is
 * the whole answer, so the outcome counts once the click is acknowledged and the message is gone.
 * `stop` lets go of the world.
 */
export function watchDeletion(world: World, interaction: InteractionRecord, messageId: string): { readonly outcome: Promise<InteractionOutcome>; stop(): void } {
  let stop = () => {};
  const deleted = new Promise<void>((resolve) => {
    stop = world.subscribe((event) => {
      if (event.type === 'messageDeleted' && event.message.id === messageId) resolve();
    });
  });
  const outcome = Promise.all([deleted, interaction.acknowledgement]).then((): InteractionOutcome => ({ kind: 'deleted', messageId }));
  return { outcome, stop: () => stop() };
}
