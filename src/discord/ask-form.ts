import { LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import { askForm } from '../core/ui-text.ts';

/** The custom id of the form's one text input; the guide itself rides in the form's own id. */
export const ASK_INPUT_ID = 'question';

// Long enough for "my scraper downloads 500 URLs with requests, threads or processes?" and then some.
const QUESTION_MAX_LENGTH = 300;

/**
 * The Ask form: one short text field, labelled in the current (Label-wrapped) modal layout.
 *
 * @example answers.showModal(askFormFor(formId))
 */
export function askFormFor(formId: string): APIModalInteractionResponseCallbackData {
  const input = new TextInputBuilder()
    .setCustomId(ASK_INPUT_ID)
    .setStyle(TextInputStyle.Short)
    .setPlaceholder(askForm.placeholder)
    .setMinLength(1)
    .setMaxLength(QUESTION_MAX_LENGTH)
    .setRequired(true);
  const label = new LabelBuilder().setLabel(askForm.label).setTextInputComponent(input);
  return new ModalBuilder().setCustomId(formId).setTitle(askForm.title).addLabelComponents(label).toJSON();
}
