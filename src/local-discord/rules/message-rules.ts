import { badLength, tooLong, type FieldProblem } from './form-errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './json.ts';
import { ACTION_ROWS_MAX, BUTTONS_PER_ROW_MAX, CONTENT_MAX, EMBEDS_MAX, EMBED_TOTAL_MAX, SELECT_OPTIONS_MAX, V2_COMPONENTS_MAX } from './limits.ts';

/** Message flags by name, from Discord's message resource docs. */
export const MessageFlags = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsVoiceMessage: 1 << 13,
  IsComponentsV2: 1 << 15,
} as const;

/** Flags a bot may set when it creates a message in a channel. */
export const CHANNEL_MESSAGE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.SuppressNotifications | MessageFlags.IsVoiceMessage | MessageFlags.IsComponentsV2;
/** Flags an interaction response or follow-up may set: the channel ones plus ephemeral. */
export const INTERACTION_MESSAGE_FLAGS = CHANNEL_MESSAGE_FLAGS | MessageFlags.Ephemeral;


const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3, UserSelect: 5, RoleSelect: 6, MentionableSelect: 7, ChannelSelect: 8 } as const;
const SELECT_TYPES: ReadonlySet<number> = new Set([3, 5, 6, 7, 8]);
const LINK_STYLE = 5;
const PREMIUM_STYLE = 6;

/**
 * The documented limits of a message body (content, embeds, components, flags, allowed mentions)
 * that Discord's OpenAPI spec leaves looser or does not express.
 * @example messageProblems({ content: 'x'.repeat(2001) }, CHANNEL_MESSAGE_FLAGS) // one BASE_TYPE_MAX_LENGTH
 */
export function messageProblems(body: JsonRecord, allowedFlags: number): FieldProblem[] {
  const flags = asNumber(body['flags']) ?? 0;
  const componentsV2 = (flags & MessageFlags.IsComponentsV2) !== 0;
  return [
    ...flagProblems(flags, allowedFlags),
    ...contentProblems(body['content'], componentsV2),
    ...embedsProblems(body['embeds'], componentsV2),
    ...componentsProblems(body['components'], componentsV2),
    ...allowedMentionsProblems(body['allowed_mentions']),
  ];
}

function flagProblems(flags: number, allowedFlags: number): FieldProblem[] {
  if (!Number.isInteger(flags) || (flags & ~allowedFlags) !== 0) {
    return [{ path: ['flags'], code: 'MESSAGE_FLAGS_INVALID', message: `Only these flags may be set here: ${allowedFlags}.` }];
  }
  return [];
}

function contentProblems(content: unknown, componentsV2: boolean): FieldProblem[] {
  const text = asString(content);
  if (text === undefined) return [];
  if (componentsV2 && text.length > 0) return [componentsV2Forbids('content')];
  return text.length > CONTENT_MAX ? [tooLong(['content'], CONTENT_MAX)] : [];
}

function componentsV2Forbids(field: string): FieldProblem {
  return { path: [field], code: 'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2', message: `The '${field}' field cannot be used when using MessageFlags.IS_COMPONENTS_V2` };
}

function embedsProblems(value: unknown, componentsV2: boolean): FieldProblem[] {
  const embeds = asArray(value);
  if (embeds === undefined) return [];
  if (componentsV2 && embeds.length > 0) return [componentsV2Forbids('embeds')];
  if (embeds.length > EMBEDS_MAX) return [tooLong(['embeds'], EMBEDS_MAX)];
  const problems = embeds.flatMap((embed, index) => embedProblems(asRecord(embed) ?? {}, index));
  const total = embeds.reduce<number>((sum, embed) => sum + embedTextLength(asRecord(embed) ?? {}), 0);
  if (total > EMBED_TOTAL_MAX) {
    problems.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${EMBED_TOTAL_MAX}` });
  }
  return problems;
}

function embedProblems(embed: JsonRecord, index: number): FieldProblem[] {
  const at = (...rest: (string | number)[]) => ['embeds', index, ...rest];
  const problems: FieldProblem[] = [];
  const limit = (text: unknown, max: number, path: (string | number)[]) => {
    const value = asString(text);
    if (value !== undefined && value.length > max) problems.push(tooLong(path, max));
  };
  limit(embed['title'], 256, at('title'));
  limit(embed['description'], 4096, at('description'));
  limit(asRecord(embed['footer'])?.['text'], 2048, at('footer', 'text'));
  limit(asRecord(embed['author'])?.['name'], 256, at('author', 'name'));
  const fields = asArray(embed['fields']) ?? [];
  if (fields.length > 25) problems.push(tooLong(at('fields'), 25));
  fields.forEach((field, fieldIndex) => {
    const record = asRecord(field) ?? {};
    for (const [key, max] of [['name', 256], ['value', 1024]] as const) {
      const text = asString(record[key]) ?? '';
      if (text.length < 1 || text.length > max) problems.push(badLength(at('fields', fieldIndex, key), 1, max));
    }
  });
  return problems;
}

/** The characters Discord counts towards the 6000 total of a message's embeds. */
function embedTextLength(embed: JsonRecord): number {
  const length = (value: unknown) => asString(value)?.length ?? 0;
  const fields = asArray(embed['fields']) ?? [];
  return (
    length(embed['title']) +
    length(embed['description']) +
    length(asRecord(embed['footer'])?.['text']) +
    length(asRecord(embed['author'])?.['name']) +
    fields.reduce<number>((sum, field) => sum + length(asRecord(field)?.['name']) + length(asRecord(field)?.['value']), 0)
  );
}

function componentsProblems(value: unknown, componentsV2: boolean): FieldProblem[] {
  const rows = asArray(value);
  if (rows === undefined) return [];
  if (componentsV2) {
    return countComponents(rows) > V2_COMPONENTS_MAX ? [tooLong(['components'], V2_COMPONENTS_MAX)] : [];
  }
  const problems: FieldProblem[] = [];
  if (rows.length > ACTION_ROWS_MAX) problems.push(tooLong(['components'], ACTION_ROWS_MAX));
  const seenIds = new Set<string>();
  rows.forEach((row, rowIndex) => problems.push(...actionRowProblems(asRecord(row) ?? {}, rowIndex, seenIds)));
  return problems;
}

function countComponents(components: readonly unknown[]): number {
  return components.reduce<number>((sum, component) => {
    const record = asRecord(component) ?? {};
    const children = asArray(record['components']) ?? [];
    const accessory = record['accessory'] === undefined ? 0 : 1;
    return sum + 1 + accessory + countComponents(children);
  }, 0);
}

function actionRowProblems(row: JsonRecord, rowIndex: number, seenIds: Set<string>): FieldProblem[] {
  const at = (...rest: (string | number)[]) => ['components', rowIndex, ...rest];
  if (row['type'] !== ComponentType.ActionRow) {
    return [{ path: at('type'), code: 'COMPONENT_TYPE_INVALID', message: 'Top-level components must be action rows without the components V2 flag.' }];
  }
  const children = asArray(row['components']) ?? [];
  const problems: FieldProblem[] = [];
  const types = children.map((child) => asRecord(child)?.['type']);
  const selects = types.filter((type) => typeof type === 'number' && SELECT_TYPES.has(type)).length;
  if (children.length === 0) problems.push(badLength(at('components'), 1, BUTTONS_PER_ROW_MAX));
  else if (selects > 0 && children.length > 1) {
    problems.push({ path: at('components'), code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'A select menu fills its action row alone.' });
  } else if (children.length > BUTTONS_PER_ROW_MAX) {
    problems.push({ path: at('components'), code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
  }
  children.forEach((child, childIndex) => {
    const component = asRecord(child) ?? {};
    const path = at('components', childIndex);
    problems.push(...customIdProblems(component, path, seenIds));
    if (component['type'] === ComponentType.Button) problems.push(...buttonProblems(component, path));
    else if (component['type'] === ComponentType.StringSelect) problems.push(...selectProblems(component, path));
  });
  return problems;
}

function customIdProblems(component: JsonRecord, path: (string | number)[], seenIds: Set<string>): FieldProblem[] {
  const customId = asString(component['custom_id']);
  if (customId === undefined) return [];
  if (customId.length < 1 || customId.length > 100) return [badLength([...path, 'custom_id'], 1, 100)];
  if (seenIds.has(customId)) {
    return [{ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' }];
  }
  seenIds.add(customId);
  return [];
}

function buttonProblems(button: JsonRecord, path: (string | number)[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const label = asString(button['label']);
  if (label !== undefined && label.length > 80) problems.push(tooLong([...path, 'label'], 80));
  if (label === undefined && button['emoji'] === undefined && button['style'] !== PREMIUM_STYLE) {
    problems.push({ path: [...path, 'label'], code: 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', message: 'A button needs a label or an emoji.' });
  }
  const hasCustomId = button['custom_id'] !== undefined && button['custom_id'] !== null;
  const hasUrl = button['url'] !== undefined && button['url'] !== null;
  if (button['style'] === LINK_STYLE) {
    if (!hasUrl) problems.push({ path: [...path, 'url'], code: 'BUTTON_COMPONENT_URL_REQUIRED', message: 'A link button requires a url.' });
    if (hasCustomId) problems.push({ path: [...path, 'custom_id'], code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', message: 'A link button cannot have a custom id.' });
    const url = asString(button['url']);
    if (url !== undefined && url.length > 512) problems.push(tooLong([...path, 'url'], 512));
  } else if (button['style'] !== PREMIUM_STYLE) {
    if (!hasCustomId) problems.push({ path: [...path, 'custom_id'], code: 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', message: 'A non-link button requires a custom id.' });
    if (hasUrl) problems.push({ path: [...path, 'url'], code: 'BUTTON_COMPONENT_URL_NOT_ALLOWED', message: 'Only link buttons can have a url.' });
  }
  return problems;
}

function selectProblems(select: JsonRecord, path: (string | number)[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const options = asArray(select['options']) ?? [];
  if (options.length < 1 || options.length > SELECT_OPTIONS_MAX) problems.push(badLength([...path, 'options'], 1, SELECT_OPTIONS_MAX));
  const placeholder = asString(select['placeholder']);
  if (placeholder !== undefined && placeholder.length > 150) problems.push(tooLong([...path, 'placeholder'], 150));
  const min = asNumber(select['min_values']) ?? 1;
  const max = asNumber(select['max_values']) ?? 1;
  if (min < 0 || min > 25) problems.push({ path: [...path, 'min_values'], code: 'NUMBER_TYPE_MAX', message: 'Must be between 0 and 25.' });
  if (max < 1 || max > 25 || max < min) problems.push({ path: [...path, 'max_values'], code: 'NUMBER_TYPE_MAX', message: 'Must be between 1 and 25, and at least min_values.' });
  const values = new Set<string>();
  options.forEach((option, index) => {
    const record = asRecord(option) ?? {};
    for (const key of ['label', 'value'] as const) {
      const text = asString(record[key]) ?? '';
      if (text.length < 1 || text.length > 100) problems.push(badLength([...path, 'options', index, key], 1, 100));
    }
    const description = asString(record['description']);
    if (description !== undefined && description.length > 100) problems.push(tooLong([...path, 'options', index, 'description'], 100));
    const value = asString(record['value']);
    if (value !== undefined && values.has(value)) {
      problems.push({ path: [...path, 'options', index, 'value'], code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Select option values must be unique.' });
    }
    if (value !== undefined) values.add(value);
  });
  return problems;
}

function allowedMentionsProblems(value: unknown): FieldProblem[] {
  const mentions = asRecord(value);
  if (mentions === undefined) return [];
  const parse = (asArray(mentions['parse']) ?? []).map(String);
  const problems: FieldProblem[] = [];
  for (const [kind, listKey] of [['users', 'users'], ['roles', 'roles']] as const) {
    const list = asArray(mentions[listKey]) ?? [];
    if (parse.includes(kind) && list.length > 0) {
      problems.push({ path: ['allowed_mentions', 'parse'], code: 'SET_TYPE_ALREADY_CONTAINS_VALUE', message: `parse:["${kind}"] and ${listKey}: [ids...] are mutually exclusive.` });
    }
    if (list.length > 100) problems.push(tooLong(['allowed_mentions', listKey], 100));
  }
  return problems;
}

/** True when a message would show nothing: Discord refuses it with 50006. */
export function isEmptyMessage(message: { readonly content: string; readonly embeds: readonly unknown[]; readonly components: readonly unknown[]; readonly attachments: readonly unknown[] }): boolean {
  return message.content.trim() === '' && message.embeds.length === 0 && message.components.length === 0 && message.attachments.length === 0;
}
