import type { OptionId } from '../../machines/questions.ts';
import { decodeGuideId } from '../core/guide-id.ts';

/** A guide found in a message: whose it is and the answers it stands at. */
export interface FoundGuide {
  readonly owner: string;
  readonly path: readonly OptionId[];
}

/** The parts of a message this module reads; plain data, so discord.js objects and JSON both fit. */
export interface MessageLike {
  readonly authorId: string;
  readonly customIds: readonly string[];
}

/**
 * The guide a message carries, read back from its components' custom ids: the bot keeps no
 * database, the message itself remembers. Undefined when no id decodes.
 */
export function guideInMessage(message: MessageLike, botUserId: string): FoundGuide | undefined {
  return message.authorId === botUserId ? guideIn(message.customIds) : undefined;
}

/** The guide the first decodable custom id carries, from components known to be the bot's. */
export function guideIn(customIds: readonly string[]): FoundGuide | undefined {
  for (const customId of customIds) {
    const decoded = decodeGuideId(customId);
    if (decoded.ok) return { owner: decoded.value.owner, path: decoded.value.path };
  }
  return undefined;
}

/** The newest guide owned by `ownerId` among messages listed newest first. */
export function latestGuideOf(messagesNewestFirst: Iterable<MessageLike>, ownerId: string, botUserId: string): FoundGuide | undefined {
  for (const message of messagesNewestFirst) {
    const guide = guideInMessage(message, botUserId);
    if (guide?.owner === ownerId) return guide;
  }
  return undefined;
}
