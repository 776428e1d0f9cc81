import type { PageModalField } from './page-types.ts';

/** Attribute values for the page's `el()`; `null` and `false` leave an attribute out. */
export type FieldAttributes = Readonly<Record<string, string | number | boolean | null>>;

/**
 * The attributes of the input (short) or textarea (paragraph) for one text input, so the browser
 * enforces what Discord's client does: required, min and max length, the placeholder.
 * @example fieldAttributes({ customId: 'question', required: true, minLength: 1, maxLength: 300, ... }, 'modal-field-0')
 * // { id: 'modal-field-0', name: 'question', required: true, minlength: 1, maxlength: 300, ... }
 */
export function fieldAttributes(field: PageModalField, id: string): FieldAttributes {
  return {
    id,
    name: field.customId,
    ...(field.style === 'short' ? { type: 'text' } : { rows: 4 }),
    placeholder: field.placeholder,
    required: field.required,
    minlength: field.minLength,
    // Discord's client stops at 4000 characters when the bot sets no maximum.
    maxlength: field.maxLength ?? 4000,
    autocomplete: 'off',
    'aria-describedby': `${id}-hint`,
  };
}

/**
 * The line under a field saying what it takes, e.g. "Required · 1–300 characters".
 * @example fieldHint({ required: false, minLength: null, maxLength: 100, ... }) // "Optional · up to 100 characters"
 */
export function fieldHint(field: PageModalField): string {
  const min = field.minLength ?? 0;
  const max = field.maxLength ?? 4000;
  const length = min > 0 ? `${min}–${max} characters` : `up to ${max} characters`;
  return `${field.required ? 'Required' : 'Optional'} · ${length}`;
}
