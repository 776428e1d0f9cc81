import type { BackendModal } from './backend.ts';
import type { PageModal } from './common/page-types.ts';

/**
 * A modal the bot opened, as the page's dialog needs it: plain data, absent limits as null, and the
 * page server's id for it.
 * @example toPageModal('3f…', modal) // { id: '3f…', title: 'Ask the concurrency guide', fields: [...] }
 */
export function toPageModal(id: string, modal: BackendModal): PageModal {
  return {
    id,
    title: modal.title,
    fields: modal.fields.map((field) => ({
      customId: field.customId,
      label: field.label,
      description: field.description ?? null,
      style: field.style,
      placeholder: field.placeholder ?? null,
      required: field.required,
      minLength: field.minLength ?? null,
      maxLength: field.maxLength ?? null,
      value: field.value ?? null,
    })),
  };
}
