import { renderRow, optional } from './render-component.ts';
import { attachmentsShown, interactiveRows, renderLayout } from './render-layout.ts';
import { MessageFlags } from './rules/message-rules.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './rules/json.ts';
import type { RenderedAllowedMentions, RenderedEmbed, RenderedMessage } from './types.ts';
import type { StoredMessage } from './world.ts';

/** A stored message as a user sees it in the Discord client. */
export function renderMessage(message: StoredMessage): RenderedMessage {
  const componentsV2 = (message.flags & MessageFlags.IsComponentsV2) !== 0;
  const layout = componentsV2 ? renderLayout(message.components) : [];
  // A V2 message shows an upload only where a component points at it.
  const shown = componentsV2 ? attachmentsShown(layout) : undefined;
  return {
    id: message.id,
    channelId: message.channelId,
    authorId: message.authorId,
    content: message.content,
    embeds: message.embeds.map(renderEmbed),
    components: componentsV2 ? interactiveRows(layout) : message.components.map(renderRow),
    layout,
    attachments: message.attachments
      .filter((attachment) => shown === undefined || shown.has(attachment.filename))
      .map((attachment) => ({
        id: attachment.id,
        filename: attachment.filename,
        ...(attachment.contentType === undefined ? {} : { contentType: attachment.contentType }),
        ...(attachment.description === undefined ? {} : { description: attachment.description }),
        size: attachment.data.length,
        data: attachment.data,
      })),
    ephemeral: (message.flags & MessageFlags.Ephemeral) !== 0,
    ...(message.ephemeralFor === undefined ? {} : { ephemeralFor: message.ephemeralFor }),
    loading: (message.flags & MessageFlags.Loading) !== 0,
    ...(message.reference === undefined ? {} : { reference: message.reference }),
    mentions: message.mentions,
    ...(message.allowedMentions === undefined ? {} : { allowedMentions: renderAllowedMentions(message.allowedMentions) }),
    createdAt: message.createdAt,
    ...(message.editedAt === undefined ? {} : { editedAt: message.editedAt }),
  };
}

function renderEmbed(embed: JsonRecord): RenderedEmbed {
  const fields = (asArray(embed['fields']) ?? []).map((field) => {
    const record = asRecord(field) ?? {};
    return { name: asString(record['name']) ?? '', value: asString(record['value']) ?? '', inline: record['inline'] === true };
  });
  return {
    ...optional('title', asString(embed['title'])),
    ...optional('description', asString(embed['description'])),
    ...optional('url', asString(embed['url'])),
    ...optional('color', asNumber(embed['color'])),
    fields,
    ...optional('footer', asString(asRecord(embed['footer'])?.['text'])),
    ...optional('image', asString(asRecord(embed['image'])?.['url'])),
    ...optional('thumbnail', asString(asRecord(embed['thumbnail'])?.['url'])),
    ...optional('author', asString(asRecord(embed['author'])?.['name'])),
  };
}

function renderAllowedMentions(mentions: JsonRecord): RenderedAllowedMentions {
  return {
    parse: (asArray(mentions['parse']) ?? []).map(String),
    users: (asArray(mentions['users']) ?? []).map(String),
    roles: (asArray(mentions['roles']) ?? []).map(String),
    repliedUser: mentions['replied_user'] === true,
  };
}
