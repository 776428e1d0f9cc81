import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type ModalSubmitInteraction } from 'discord.js';
import { askForm } from '../core/ui-text.ts';

/** The custom id of the form's one text input; the guide itself rides in the form's own id. */
export const ASK_INPUT_ID = 'question';

// Long enough for "my scraper downloads 500 URLs with requests, threads or processes?" and then some.
const QUESTION_MAX_LENGTH = 300;

/**
 * The Ask form: one short text field, labelled in the current (Label-wrapped) modal layout.
 *
 * @example interaction.showModal(askFormFor(formId))
 */
export function askFormFor(formId: string): ModalBuilder {
  const input = new TextInputBuilder()
    .setCustomId(ASK_INPUT_ID)
    .setStyle(TextInputStyle.Short)
    .setPlaceholder(askForm.placeholder)
    .setMinLength(1)
    .setMaxLength(QUESTION_MAX_LENGTH)
    .setRequired(true);
  const label = new LabelBuilder().setLabel(askForm.label).setTextInputComponent(input);
  return new ModalBuilder().setCustomId(formId).setTitle(askForm.title).addLabelComponents(label);
}

/** The question typed into a submitted form, or undefined when the form is not ours. */
export function askedText(interaction: ModalSubmitInteraction): string | undefined {
  try {
    return interaction.fields.getTextInputValue(ASK_INPUT_ID);
  } catch {
    // A forged submit without our field: discord.js throws for a missing component.
    return undefined;
  }
}
