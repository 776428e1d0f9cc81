import { renderMessage } from '../render.ts';
import { openDm } from '../rest/channel-routes.ts';
import { composeMessage } from '../rest/compose.ts';
import { CONTENT_MAX } from '../rules/limits.ts';
import { MessageFlags } from '../rules/message-rules.ts';
import type { JsonRecord } from '../rules/json.ts';
import type { SendMessageOptions, User, UserActor } from '../types.ts';
import type { StoredMessage } from '../world.ts';
import { DriverError } from '../errors.ts';
import { userAccess, visibleTo, type DriverDeps } from './user-access.ts';
import { waitFor } from './wait.ts';

export const DEFAULT_WAIT_MS = 5_000;

/** A user's plain messages: what they send, what they see, and waiting for the bot to say something. */
export function userMessages(deps: DriverDeps, user: User): Pick<UserActor, 'sendMessage' | 'sendDm' | 'dmChannelId' | 'waitForBotMessage' | 'view'> {
  const { channelFor, visibleMessage } = userAccess(deps, user);
  const actions: Pick<UserActor, 'sendMessage' | 'sendDm' | 'dmChannelId' | 'waitForBotMessage' | 'view'> = {
    async sendMessage(channelId: string, content: string, opts: SendMessageOptions = {}) {
      const channel = channelFor(channelId);
      const text = opts.mentionBot === true ? `<@${deps.bot.userId}> ${content}` : content;
      if (text.trim() === '') throw new DriverError('the Discord client does not send an empty message');
      if (text.length > CONTENT_MAX) throw new DriverError(`a message is at most ${CONTENT_MAX} characters; this one has ${text.length}`);
      if (opts.replyTo !== undefined) {
        const target = visibleMessage(opts.replyTo);
        if (target.channelId !== channel.id) throw new DriverError(`message ${opts.replyTo} is in another channel`);
      }
      const body: JsonRecord = {
        content: text,
        ...(opts.replyTo === undefined ? {} : { message_reference: { message_id: opts.replyTo } }),
        ...(opts.pingRepliedAuthor === false ? { allowed_mentions: { parse: ['users', 'roles', 'everyone'], replied_user: false } } : {}),
      };
      const message = composeMessage(deps, { channel, authorId: user.id, type: 0, body, files: [] });
      deps.world.addMessage(message);
      return renderMessage(message);
    },

    sendDm(content: string) {
      return actions.sendMessage(actions.dmChannelId(), content);
    },

    dmChannelId() {
      return openDm(deps, user.id).id;
    },

    async waitForBotMessage(opts = {}) {
      const timeoutMs = opts.timeoutMs ?? DEFAULT_WAIT_MS;
      const { after, channelId } = opts;
      // A "thinking..." placeholder is not an answer yet; its edit is.
      const eligible = (message: StoredMessage) =>
        message.authorId === deps.bot.userId &&
        visibleTo(message, user.id) &&
        (message.flags & MessageFlags.Loading) === 0 &&
        (channelId === undefined || message.channelId === channelId) &&
        (after === undefined || BigInt(message.id) > BigInt(after));
      if (after !== undefined) {
        const channels = channelId === undefined ? [...deps.world.channels.keys()] : [channelId];
        const existing = channels.flatMap((id) => deps.world.channelMessages(id)).filter(eligible).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))[0];
        if (existing !== undefined) return renderMessage(existing);
      }
      let unsubscribe = () => {};
      const found = new Promise<StoredMessage>((resolve) => {
        unsubscribe = deps.world.subscribe((event) => {
          if ((event.type === 'messageCreated' || event.type === 'messageUpdated') && eligible(event.message)) resolve(event.message);
        });
      });
      try {
        const message = await waitFor(found, timeoutMs, () => `no message from the bot${channelId === undefined ? '' : ` in channel ${channelId}`} within ${timeoutMs} ms`);
        return renderMessage(message);
      } finally {
        unsubscribe();
      }
    },

    view(channelId: string) {
      channelFor(channelId);
      return deps.world.channelMessages(channelId).filter((message) => visibleTo(message, user.id)).map(renderMessage);
    },
  };
  return actions;
}
