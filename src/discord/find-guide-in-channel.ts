import type { Message } from 'discord.js';
import { customIdsIn } from './custom-ids.ts';
import { guideInMessage, latestGuideOf, type FoundGuide, type MessageLike } from './find-guide.ts';

// How far back in a channel the bot looks for the author's latest guide.
const RECENT_MESSAGES = 50;

/** The custom ids on a discord.js message's components, classic rows or a Components V2 layout. */
export function customIdsOf(components: Message['components']): string[] {
  return customIdsIn(components.map((component) => component.toJSON()));
}

function asMessageLike(message: Message): MessageLike {
  return { authorId: message.author.id, customIds: customIdsOf(message.components) };
}

/** The guide a message shows, if the bot wrote it and its buttons carry one. */
export function guideShownBy(message: Message, botUserId: string): FoundGuide | undefined {
  return guideInMessage(asMessageLike(message), botUserId);
}

/**
 * The author's guide a typed follow-up is about: the replied-to message if it is their guide,
 * else their newest guide among the channel's recent messages. Undefined when they have none.
 */
export async function findGuideFor(message: Message, repliedTo: Message | undefined, botUserId: string): Promise<FoundGuide | undefined> {
  if (repliedTo !== undefined) {
    const guide = guideShownBy(repliedTo, botUserId);
    if (guide?.owner === message.author.id) return guide;
  }
  // Without Read Message History the search finds nothing; the member still gets the pointer, not silence.
  const recent = await message.channel.messages.fetch({ limit: RECENT_MESSAGES, before: message.id }).catch(() => undefined);
  if (recent === undefined) return undefined;
  const newestFirst = [...recent.values()].sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  return latestGuideOf(newestFirst.map(asMessageLike), message.author.id, botUserId);
}
