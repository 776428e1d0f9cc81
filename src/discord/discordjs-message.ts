import { AttachmentBuilder, MessageFlags, type JSONEncodable } from 'discord.js';
import { wireMessage, type OutgoingMessage } from './answers.ts';

/**
 * The rendered data is already in Discord's API shape; handed over as plain objects, discord.js
 * would rebuild every component through its builders (renaming each key) on every answer.
 */
function encoded<T>(data: T): JSONEncodable<T> {
  return { toJSON: () => data };
}

/**
 * A guide message as discord.js's message options take it: a Components V2 layout, the picture as
 * a file, and `attachments: []` so only the files sent now are kept.
 */
export function discordJsMessage(outgoing: OutgoingMessage) {
  const { body, files } = wireMessage(outgoing);
  return {
    components: body.components.map(encoded),
    files: files.map((file) => new AttachmentBuilder(file.data, { name: file.name, ...(file.description === undefined ? {} : { description: file.description }) })),
    attachments: [],
    flags: MessageFlags.IsComponentsV2 as const,
  };
}

/**
 * The same as an edit (an update, or the edit after a deferral): it also clears the content and
 * embeds an old classic guide had, as Discord asks of an edit that turns a message into V2.
 */
export function discordJsEdit(outgoing: OutgoingMessage) {
  return { ...discordJsMessage(outgoing), content: null, embeds: [] };
}

/** The same as a new message (a reply or a follow-up), which may be visible only to the member. */
export function discordJsNewMessage(outgoing: OutgoingMessage, ephemeral: boolean) {
  const message = discordJsMessage(outgoing);
  return ephemeral ? { ...message, flags: [MessageFlags.IsComponentsV2, MessageFlags.Ephemeral] as (MessageFlags.IsComponentsV2 | MessageFlags.Ephemeral)[] } : message;
}
