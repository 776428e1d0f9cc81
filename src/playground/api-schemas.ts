import { z } from 'zod';
import { MAX_MESSAGE_LENGTH } from './common/composer.ts';

// Ids are opaque to the page, but they must look like Discord snowflakes before reaching the server.
const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits only)');
const customId = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters (Discord limit)');

/** POST /api/command: run a slash command as the selected user. */
export const commandRequest = z.strictObject({
  viewer: snowflake,
  name: z.string().regex(/^[\p{Ll}\p{Lm}\p{Lo}\p{N}_-]{1,32}$/u, 'must be a slash command name such as concurrency'),
  options: z.record(z.string().max(32), z.union([z.string().max(6000), z.number(), z.boolean()])).default({}),
});

/** POST /api/message: send a message (a reply when replyTo is set) as the selected user. */
export const messageRequest = z
  .strictObject({
    viewer: snowflake,
    content: z.string().max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`),
    replyTo: snowflake.optional(),
    mentionBot: z.boolean().default(false),
  })
  // A bare mention is a message of its own; anything else needs some text.
  .refine((request) => request.mentionBot || request.content.trim() !== '', { message: 'must not be empty', path: ['content'] });

/** POST /api/click: press a button on a message. */
export const clickRequest = z.strictObject({ viewer: snowflake, messageId: snowflake, customId });

// The page server names each open modal with a random id of its own.
const modalId = z.string().regex(/^[\w-]{1,64}$/, 'must be the id the page got with the modal');

/** POST /api/modal/submit: send the values typed into a modal the bot opened. */
export const modalSubmitRequest = z.strictObject({
  viewer: snowflake,
  modalId,
  values: z.record(customId, z.string().max(4000, 'must be at most 4000 characters (Discord limit)')),
});

/** POST /api/modal/close: close a modal without sending it. */
export const modalCloseRequest = z.strictObject({ viewer: snowflake, modalId });

/** POST /api/message-command: run a message command (Apps) on a message. */
export const messageCommandRequest = z.strictObject({
  viewer: snowflake,
  messageId: snowflake,
  name: z.string().min(1, 'must not be empty').max(32, 'must be at most 32 characters (Discord limit)'),
});

/** POST /api/select: choose values in a select menu. */
export const selectRequest = z.strictObject({
  viewer: snowflake,
  messageId: snowflake,
  customId,
  values: z.array(z.string().max(100)).min(1, 'must choose at least one option').max(25),
});

/** One readable line from a zod failure: "content: must be at most 2000 characters". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`))
    .join('; ');
}
