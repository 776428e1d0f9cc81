import { fieldAttributes, fieldHint } from '../common/modal-fields.ts';
import type { PageModal } from '../common/page-types.ts';
import { el } from './dom.ts';

export interface ModalDialogHandlers {
  /** Sends the values; rejects with the sentence to show when the playground or the bot refused them. */
  submit(values: Record<string, string>): Promise<void>;
  /** The user closed the dialog unsent (Cancel or Escape). */
  cancel(): void;
  /** The dialog is gone: put the focus back where the user was. */
  closed(): void;
}

/**
 * Shows a modal the bot opened as a native modal `<dialog>`: its title as the heading, a labelled
 * input (short) or textarea (paragraph) per text input with its placeholder and length limits,
 * Cancel and Submit. Focus starts in the first field; Enter in a short field submits, Escape
 * cancels. A refused submit keeps the dialog open with the reason, as Discord's client does.
 */
export function showModalDialog(modal: PageModal, handlers: ModalDialogHandlers): HTMLDialogElement {
  const headingId = `modal-title-${modal.id}`;
  const fields = modal.fields.map((field, index) => {
    const id = `modal-field-${index}`;
    const attributes = fieldAttributes(field, id);
    const control = el(field.style === 'short' ? 'input' : 'textarea', attributes) as HTMLInputElement | HTMLTextAreaElement;
    if (field.value !== null) control.value = field.value;
    const label = el('label', { for: id, class: 'modal-label' }, [field.label, ...(field.required ? [el('span', { class: 'modal-required', 'aria-hidden': 'true' }, [' *'])] : [])]);
    const description = field.description === null ? [] : [el('p', { class: 'modal-description', id: `${id}-description` }, [field.description])];
    if (field.description !== null) control.setAttribute('aria-describedby', `${id}-description ${id}-hint`);
    const hint = el('p', { class: 'modal-hint', id: `${id}-hint` }, [fieldHint(field)]);
    return { field, control, element: el('div', { class: 'modal-field' }, [label, ...description, control, hint]) };
  });
  const error = el('p', { class: 'modal-error', role: 'alert', hidden: true });
  const cancel = el('button', { type: 'button', class: 'modal-button modal-cancel' }, ['Cancel']) as HTMLButtonElement;
  const submit = el('button', { type: 'submit', class: 'modal-button modal-submit' }, ['Submit']) as HTMLButtonElement;
  const form = el('form', { class: 'modal-form', method: 'dialog' }, [
    el('h2', { id: headingId, class: 'modal-title' }, [modal.title]),
    ...fields.map((entry) => entry.element),
    error,
    el('div', { class: 'modal-actions' }, [cancel, submit]),
  ]) as HTMLFormElement;
  const dialog = el('dialog', { class: 'modal-dialog', 'aria-labelledby': headingId, 'data-modal-id': modal.id }, [form]) as HTMLDialogElement;

  let sent = false;
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    if (!sent) handlers.cancel();
    dialog.remove();
    handlers.closed();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled || !form.reportValidity()) return;
    const values = Object.fromEntries(fields.map(({ field, control }) => [field.customId, control.value]));
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    error.hidden = true;
    handlers.submit(values).then(
      () => {
        sent = true;
        dialog.close();
      },
      (problem: unknown) => {
        error.textContent = problem instanceof Error ? problem.message : String(problem);
        error.hidden = false;
        submit.disabled = false;
        form.removeAttribute('aria-busy');
      },
    );
  });

  document.body.append(dialog);
  dialog.showModal();
  fields[0]?.control.focus();
  return dialog;
}
