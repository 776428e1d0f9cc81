import { MessageFlags } from './rules/message-rules.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './rules/json.ts';
import type {
  ButtonStyleName,
  RenderedAllowedMentions,
  RenderedComponent,
  RenderedEmbed,
  RenderedMessage,
  RenderedSelectOption,
} from './types.ts';
import type { StoredMessage } from './world.ts';

const BUTTON_STYLES: Readonly<Record<number, ButtonStyleName>> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

/** A stored message as a user sees it in the Discord client. */
export function renderMessage(message: StoredMessage): RenderedMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    authorId: message.authorId,
    content: message.content,
    embeds: message.embeds.map(renderEmbed),
    components: message.components.map(renderRow),
    attachments: message.attachments.map((attachment) => ({
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

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
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

function renderRow(row: JsonRecord): RenderedComponent[] {
  return (asArray(row['components']) ?? []).flatMap((child) => {
    const component = asRecord(child) ?? {};
    const rendered = renderComponent(component);
    return rendered === undefined ? [] : [rendered];
  });
}

function renderComponent(component: JsonRecord): RenderedComponent | undefined {
  if (component['type'] === 2) {
    const emoji = asRecord(component['emoji']);
    return {
      type: 'button',
      ...optional('label', asString(component['label'])),
      style: BUTTON_STYLES[asNumber(component['style']) ?? 2] ?? 'secondary',
      ...optional('customId', asString(component['custom_id'])),
      ...optional('url', asString(component['url'])),
      disabled: component['disabled'] === true,
      ...optional('emoji', emoji === undefined ? undefined : (asString(emoji['name']) ?? asString(emoji['id']))),
    };
  }
  if (component['type'] === 3) {
    const options: RenderedSelectOption[] = (asArray(component['options']) ?? []).map((raw) => {
      const option = asRecord(raw) ?? {};
      return { label: asString(option['label']) ?? '', value: asString(option['value']) ?? '', ...optional('description', asString(option['description'])) };
    });
    return {
      type: 'select',
      customId: asString(component['custom_id']) ?? '',
      ...optional('placeholder', asString(component['placeholder'])),
      options,
      minValues: asNumber(component['min_values']) ?? 1,
      maxValues: asNumber(component['max_values']) ?? 1,
      disabled: component['disabled'] === true,
    };
  }
  return undefined;
}

function renderAllowedMentions(mentions: JsonRecord): RenderedAllowedMentions {
  return {
    parse: (asArray(mentions['parse']) ?? []).map(String),
    users: (asArray(mentions['users']) ?? []).map(String),
    roles: (asArray(mentions['roles']) ?? []).map(String),
    repliedUser: mentions['replied_user'] === true,
  };
}
