import type { SpecSchema } from 'discord-api-spec/zod';
import { ApiError, apiErrors } from '../errors.ts';
import { flagsAfterEdit, messageProblems, isEmptyMessage, MessageFlags, type EditedMessage } from '../rules/message-rules.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from '../rules/json.ts';
import { textDisplays } from '../rules/components-v2-rules.ts';
import type { specProblems } from '../rules/spec-validation.ts';
import type { InteractionMetadata, StoredAttachment, StoredChannel, StoredMessage, World } from '../world.ts';
import type { UploadedFile } from './request-body.ts';

export interface ComposeContext {
  readonly world: World;
  readonly newId: () => string;
  readonly now: () => number;
}

/**
 * Checks a message body against Discord's schema and its documented limits; throws the 400 Discord
 * would answer, or returns the body as a record. `editing` is the message an edit applies to.
 */
export function validateMessageBody(checkSpec: typeof specProblems, schema: SpecSchema, body: unknown, allowedFlags: number, editing?: EditedMessage): JsonRecord {
  const record = asRecord(body);
  if (record === undefined) throw apiErrors.invalidFormBody([{ path: [], code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }]);
  const problems = [...checkSpec(schema, record), ...messageProblems(record, allowedFlags, editing)];
  if (problems.length > 0) throw apiErrors.invalidFormBody(problems);
  return record;
}

export interface NewMessage {
  readonly channel: StoredChannel;
  readonly authorId: string;
  readonly type: number;
  readonly body: JsonRecord;
  readonly files: readonly UploadedFile[];
  readonly ephemeralFor?: string;
  readonly webhookId?: string;
  readonly interaction?: InteractionMetadata;
  /** Flags the server adds, e.g. LOADING for a deferred response. */
  readonly extraFlags?: number;
}

/** Builds a message from a validated body; refuses an empty one (50006) and unknown replies. */
export function composeMessage(context: ComposeContext, init: NewMessage): StoredMessage {
  const { body, channel } = init;
  const flags = ((asNumber(body['flags']) ?? 0) | (init.extraFlags ?? 0)) >>> 0;
  const reference = replyTarget(context.world, channel, asRecord(body['message_reference']));
  const content = asString(body['content']) ?? '';
  const allowedMentions = asRecord(body['allowed_mentions']);
  const message: StoredMessage = {
    id: context.newId(),
    channelId: channel.id,
    ...(channel.guildId === undefined ? {} : { guildId: channel.guildId }),
    authorId: init.authorId,
    type: reference === undefined ? init.type : init.type === 0 ? 19 : init.type,
    createdAt: context.now(),
    content,
    embeds: recordList(body['embeds']),
    components: recordList(body['components']),
    attachments: attachmentsFrom(context, body, init.files, []),
    flags,
    mentions: mentionedUsers(context.world, mentionable(content, body['components']), allowedMentions, reference),
    ...(allowedMentions === undefined ? {} : { allowedMentions }),
    ...(reference === undefined ? {} : { reference: reference.id }),
    ...(reference === undefined || !isInteractionResponse(reference) ? {} : { repliedToInteractionResponse: true }),
    ...(init.ephemeralFor === undefined ? {} : { ephemeralFor: init.ephemeralFor }),
    ...(init.webhookId === undefined ? {} : { webhookId: init.webhookId }),
    ...(init.interaction === undefined ? {} : { interaction: init.interaction }),
  };
  if ((flags & MessageFlags.Loading) === 0 && isEmptyMessage(message)) throw apiErrors.emptyMessage();
  return message;
}

/** A message sent in answer to an interaction, or through the app's webhook (follow-ups included). */
function isInteractionResponse(message: StoredMessage): boolean {
  return message.interaction !== undefined || message.webhookId !== undefined;
}

/** The fields an edit changes, checked before anything is applied so a refused edit changes nothing. */
export interface MessageEdit {
  readonly apply: (message: StoredMessage) => void;
}

/** Plans an edit from a validated PATCH body: only the fields present change; LOADING is cleared. */
export function planEdit(context: ComposeContext, message: StoredMessage, body: JsonRecord, files: readonly UploadedFile[]): MessageEdit {
  const content = 'content' in body ? (asString(body['content']) ?? '') : message.content;
  const embeds = 'embeds' in body ? recordList(body['embeds']) : message.embeds;
  const components = 'components' in body ? recordList(body['components']) : message.components;
  const attachments = attachmentsFrom(context, body, files, message.attachments);
  const allowedMentions = asRecord(body['allowed_mentions']) ?? message.allowedMentions;
  const reference = message.reference === undefined ? undefined : context.world.message(message.reference);
  const flags = flagsAfterEdit(message.flags, asNumber(body['flags']));
  if (isEmptyMessage({ content, embeds, components, attachments })) throw apiErrors.emptyMessage();
  return {
    apply(target) {
      target.content = content;
      target.embeds = embeds;
      target.components = components;
      target.attachments = attachments;
      target.flags = flags;
      target.mentions = mentionedUsers(context.world, mentionable(content, components), allowedMentions, reference);
      if (allowedMentions !== undefined) target.allowedMentions = allowedMentions;
      target.editedAt = context.now();
    },
  };
}

function recordList(value: unknown): JsonRecord[] {
  return (asArray(value) ?? []).flatMap((item) => {
    const record = asRecord(item);
    return record === undefined ? [] : [record];
  });
}

function replyTarget(world: World, channel: StoredChannel, reference: JsonRecord | undefined): StoredMessage | undefined {
  if (reference === undefined) return undefined;
  const id = asString(reference['message_id']);
  const target = id === undefined ? undefined : world.message(id);
  if (target !== undefined && target.channelId === channel.id && target.ephemeralFor === undefined) return target;
  if (reference['fail_if_not_exists'] === false) return undefined;
  throw apiErrors.invalidFormBody([{ path: ['message_reference'], code: 'REPLIES_UNKNOWN_MESSAGE', message: 'Unknown message' }]);
}

/** The text whose `<@id>` mentions ping: the content, and the text displays of a Components V2 layout. */
function mentionable(content: string, components: unknown): string {
  return [content, ...textDisplays(asArray(components) ?? [])].join('\n');
}

/**
 * Users a message mentions (and so pings): `<@id>` in the content, and the replied-to author,
 * filtered by `allowed_mentions` as Discord documents (no `allowed_mentions` means all of them).
 */
export function mentionedUsers(world: World, content: string, allowedMentions: JsonRecord | undefined, repliedTo: StoredMessage | undefined): string[] {
  const inContent = [...content.matchAll(/<@!?(\d{1,20})>/g)].map((match) => match[1] ?? '').filter((id) => world.users.has(id));
  const parse = (asArray(allowedMentions?.['parse']) ?? []).map(String);
  const listed = (asArray(allowedMentions?.['users']) ?? []).map(String);
  const allowed = allowedMentions === undefined ? inContent : inContent.filter((id) => parse.includes('users') || listed.includes(id));
  const pingReplied = repliedTo !== undefined && (allowedMentions === undefined || allowedMentions['replied_user'] === true);
  return [...new Set([...allowed, ...(pingReplied ? [repliedTo.authorId] : [])])];
}

/** New files by their `attachments[].id`, plus the existing attachments an edit keeps by id. */
function attachmentsFrom(context: ComposeContext, body: JsonRecord, files: readonly UploadedFile[], existing: readonly StoredAttachment[]): StoredAttachment[] {
  const described = recordList(body['attachments']);
  const byIndex = new Map(files.map((file) => [/^files\[(\d+)\]$/.exec(file.field)?.[1] ?? file.field, file]));
  const kept = 'attachments' in body ? existing.filter((attachment) => described.some((entry) => String(entry['id']) === attachment.id)) : [...existing];
  const added: StoredAttachment[] = [];
  for (const [index, file] of byIndex) {
    const entry = described.find((candidate) => String(candidate['id']) === index);
    const description = asString(entry?.['description']);
    added.push({
      id: context.newId(),
      filename: asString(entry?.['filename']) ?? file.filename,
      ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
      ...(description === undefined ? {} : { description }),
      data: file.data,
    });
  }
  if (kept.length + added.length > 10) throw new ApiError(400, 50035, 'Invalid Form Body', { attachments: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' }] } });
  return [...kept, ...added];
}
