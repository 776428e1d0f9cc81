import type { JsonRecord } from './rules/json.ts';
import type { StoredMessage } from './world.ts';

/**
 * Who a message object is built for, which decides whether its content fields are filled in.
 *
 * Every message object the server hands the bot goes through one of these: there is no way to
 * build one without saying who reads it.
 * - Gateway dispatches (MESSAGE_CREATE, MESSAGE_UPDATE, the `message` of INTERACTION_CREATE) use
 *   the intents the session sent in IDENTIFY ({@link gatewayReader}).
 * - REST answers use the application's own setting, the switch in the developer portal
 *   ({@link restReader}): REST has no intents of its own. The two agree, because IDENTIFY asking
 *   for MESSAGE_CONTENT without that setting is refused with close code 4014, so a session can hold
 *   the intent only when the app has it.
 */
export interface ContentReader {
  readonly botUserId: string;
  /** Whether the reader holds the privileged Message Content intent (1 << 15). */
  readonly messageContent: boolean;
}

export const gatewayReader = (botUserId: string, sessionHasIntent: boolean): ContentReader => ({ botUserId, messageContent: sessionHasIntent });
export const restReader = (botUserId: string, appHasIntent: boolean): ContentReader => ({ botUserId, messageContent: appHasIntent });

/*
 * One message escapes the gate: the target of a message context-menu command, which Discord sends
 * in the interaction's `data.resolved.messages` with its content whatever the intents (built by
 * `apiTargetMessage`). The same message in MESSAGE_CREATE, in REST answers, or as the
 * `referenced_message` of another stays gated.
 */

/**
 * Whether a message's content reaches the reader. Without MESSAGE_CONTENT, Discord still gives an
 * app the content of (1) its own messages, interaction responses and follow-ups included, (2) DMs
 * with it (`inDmWithReader`), and (3) messages that mention it. A reply's ping of the replied-to author counts as a
 * mention only when the replied-to message is the app's ordinary message; replying to an
 * interaction response needs an explicit `<@id>` in the text.
 */
export function canReadContent(message: StoredMessage, reader: ContentReader, inDmWithReader: boolean): boolean {
  if (reader.messageContent) return true;
  if (message.authorId === reader.botUserId) return true;
  // A DM with the app, not a DM or group DM between users that reached it through a user's installation.
  if (inDmWithReader) return true;
  return mentionsForContent(message, reader.botUserId);
}

function mentionsForContent(message: StoredMessage, botUserId: string): boolean {
  // `mentions` already went through allowed_mentions: a suppressed mention is no mention.
  if (!message.mentions.includes(botUserId)) return false;
  if (mentionedInText(message.content, botUserId)) return true;
  // Not in the text, so the bot is in `mentions` only because the reply pinged the replied-to author.
  return message.reference !== undefined && message.repliedToInteractionResponse !== true;
}

function mentionedInText(content: string, userId: string): boolean {
  return content.includes(`<@${userId}>`) || content.includes(`<@!${userId}>`);
}

/** The message object as an app without access to its content receives it. */
export function withoutContent(payload: JsonRecord): JsonRecord {
  const { poll: _poll, ...rest } = payload;
  return { ...rest, content: '', embeds: [], attachments: [], components: [] };
}
