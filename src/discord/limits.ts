import type { APIEmbed } from 'discord.js';
import { LIMITS } from '../core/discord-limits.ts';


/** Cuts text to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Characters Discord counts towards the 6000 limit of an embed. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0) + fields;
}

/**
 * Makes an embed fit every per-part limit, then drops trailing fields while the total is too long,
 * so a long text degrades into a shorter message rather than a rejected one.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = {
    ...embed,
    ...(embed.title === undefined ? {} : { title: truncate(embed.title, LIMITS.embedTitle) }),
    ...(embed.description === undefined ? {} : { description: truncate(embed.description, LIMITS.embedDescription) }),
    ...(embed.footer === undefined ? {} : { footer: { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footer) } }),
    fields: (embed.fields ?? [])
      .slice(0, LIMITS.embedFields)
      .map((field) => ({ ...field, name: truncate(field.name, LIMITS.fieldName), value: truncate(field.value, LIMITS.fieldValue) })),
  };
  while (embedLength(fitted) > LIMITS.embedTotal && (fitted.fields?.length ?? 0) > 0) fitted.fields = fitted.fields?.slice(0, -1) ?? [];
  if (embedLength(fitted) > LIMITS.embedTotal && fitted.description !== undefined) {
    const excess = embedLength(fitted) - LIMITS.embedTotal;
    fitted.description = truncate(fitted.description, fitted.description.length - excess);
  }
  if (fitted.fields?.length === 0) delete fitted.fields;
  return fitted;
}
