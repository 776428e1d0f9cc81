import { z } from 'zod';
import type { CommandSummary } from './common/command-hints.ts';

const commandJson = z.object({
  name: z.string(),
  description: z.string().default(''),
  // 1 is a slash command; user and message commands never show in the composer.
  type: z.literal(1).default(1),
  options: z.array(z.object({ name: z.string(), description: z.string().default(''), type: z.number() })).default([]),
});

/**
 * Reads Discord's command JSON (option type 5 is boolean, 4 and 10 numbers) into summaries; an
 * entry that is not a slash command is skipped rather than failing the page.
 */
export function summarizeCommands(json: unknown): CommandSummary[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry: unknown): CommandSummary[] => {
    const parsed = commandJson.safeParse(entry);
    if (!parsed.success) return [];
    const { name, description, options } = parsed.data;
    return [
      {
        name,
        description,
        options: options.map((option) => ({
          name: option.name,
          description: option.description,
          type: option.type === 5 ? 'boolean' : option.type === 4 || option.type === 10 ? 'number' : 'string',
        })),
      },
    ];
  });
}

const messageCommandJson = z.object({ name: z.string().min(1), type: z.literal(3) });

/**
 * The names of the message commands (type 3) in Discord's command JSON, in registration order, for
 * the Apps menu on each message; anything else is skipped.
 * @example summarizeMessageCommands([{ name: 'Ask the concurrency guide', type: 3 }]) // ['Ask the concurrency guide']
 */
export function summarizeMessageCommands(json: unknown): string[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((entry: unknown) => {
    const parsed = messageCommandJson.safeParse(entry);
    return parsed.success ? [parsed.data.name] : [];
  });
}
