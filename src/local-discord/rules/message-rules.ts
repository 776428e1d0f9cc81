import { ComponentType } from './action-row-rules.ts';
import { layoutProblems, placedProblems } from './components-v2-rules.ts';
import { badLength, tooLong, type FieldProblem } from './form-errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './json.ts';
import { ACTION_ROWS_MAX, CONTENT_MAX, EMBEDS_MAX, EMBED_TOTAL_MAX } from './limits.ts';

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

/** What the rules of an edit need to know of the message as it stands. */
export interface EditedMessage {
  readonly flags: number;
  readonly content: string;
  readonly embeds: readonly unknown[];
}

/**
 * The documented limits of a message body (content, embeds, components, flags, allowed mentions)
 * that Discord's OpenAPI spec leaves looser or does not express. For an edit, `editing` is the
 * message as it stands: a Components V2 message keeps its flag (an edit that leaves `flags` out is
 * still V2, one that drops the flag is refused), and a classic message that an edit turns into V2
 * must lose its content and embeds in the same edit.
 * @example messageProblems({ content: 'x'.repeat(2001) }, CHANNEL_MESSAGE_FLAGS) // one BASE_TYPE_MAX_LENGTH
 */
export function messageProblems(body: JsonRecord, allowedFlags: number, editing?: EditedMessage): FieldProblem[] {
  const givenFlags = asNumber(body['flags']);
  const flags = givenFlags ?? 0;
  const wasComponentsV2 = editing !== undefined && (editing.flags & MessageFlags.IsComponentsV2) !== 0;
  const componentsV2 = givenFlags === undefined ? wasComponentsV2 : (flags & MessageFlags.IsComponentsV2) !== 0;
  return [
    ...flagProblems(flags, allowedFlags),
    ...(wasComponentsV2 && !componentsV2 ? [cannotRemoveComponentsV2()] : []),
    ...contentProblems(body['content'], componentsV2),
    ...embedsProblems(body['embeds'], componentsV2),
    ...(componentsV2 && editing !== undefined && !wasComponentsV2 ? legacyFieldsLeft(body, editing) : []),
    ...(componentsV2 ? legacyOnlyFields(body) : []),
    ...componentsProblems(body['components'], componentsV2),
    ...allowedMentionsProblems(body['allowed_mentions']),
  ];
}

/**
 * The flags of a message after an edit that gave `given` (or no `flags`): SUPPRESS_EMBEDS follows
 * the edit, IS_COMPONENTS_V2 may be added but never goes, LOADING ends, and the rest stay as they were.
 * @example flagsAfterEdit(MessageFlags.Loading, MessageFlags.IsComponentsV2) // IsComponentsV2
 */
export function flagsAfterEdit(current: number, given: number | undefined): number {
  const settled = current & ~MessageFlags.Loading;
  if (given === undefined) return settled >>> 0;
  const suppressed = (settled & ~MessageFlags.SuppressEmbeds) | (given & MessageFlags.SuppressEmbeds);
  return (suppressed | (given & MessageFlags.IsComponentsV2)) >>> 0;
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

function cannotRemoveComponentsV2(): FieldProblem {
  return { path: ['flags'], code: 'MESSAGE_CANNOT_REMOVE_COMPONENTS_V2_FLAG', message: 'The IS_COMPONENTS_V2 flag cannot be removed from a message once set.' };
}

/** An edit that turns a classic message into V2 must clear the content and embeds it leaves out. */
function legacyFieldsLeft(body: JsonRecord, editing: EditedMessage): FieldProblem[] {
  return [
    ...(!('content' in body) && editing.content !== '' ? [componentsV2Forbids('content')] : []),
    ...(!('embeds' in body) && editing.embeds.length > 0 ? [componentsV2Forbids('embeds')] : []),
  ];
}

/** Fields with no place in a V2 message at all (the local server models neither polls nor stickers). */
function legacyOnlyFields(body: JsonRecord): FieldProblem[] {
  const present = (key: string) => body[key] !== undefined && body[key] !== null && !(Array.isArray(body[key]) && body[key].length === 0);
  return ['poll', 'sticker_ids'].filter(present).map(componentsV2Forbids);
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
  if (componentsV2) return layoutProblems(rows);
  // Without the flag a message's components are action rows only, as before Components V2.
  const problems: FieldProblem[] = [];
  if (rows.length > ACTION_ROWS_MAX) problems.push(tooLong(['components'], ACTION_ROWS_MAX));
  const seenIds = new Set<string>();
  rows.forEach((row, rowIndex) => problems.push(...placedProblems(row, ['components', rowIndex], [ComponentType.ActionRow], seenIds)));
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
