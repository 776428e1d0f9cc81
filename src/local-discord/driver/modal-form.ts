import { DriverError } from '../errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from '../rules/json.ts';
import { TEXT_INPUT_LENGTH_MAX } from '../rules/limits.ts';
import { ModalComponentType, TextInputStyle } from '../rules/modal-rules.ts';
import type { ModalField } from '../types.ts';

/** An input of the modal other than a text input (a select, file upload, radio or checkbox). */
interface OtherInput {
  readonly customId: string;
  readonly type: number;
  readonly label: string;
  readonly required: boolean;
}

/**
 * A modal as the user's client holds it once the bot opened it: its layout with every component's
 * numeric `id` filled in (Discord numbers those the bot left out), and its inputs read out.
 */
export interface ModalForm {
  readonly customId: string;
  readonly title: string;
  readonly layout: readonly JsonRecord[];
  readonly fields: readonly ModalField[];
  readonly otherInputs: readonly OtherInput[];
}

const NAMES: Readonly<Record<number, string>> = {
  3: 'string select',
  5: 'user select',
  6: 'role select',
  7: 'mentionable select',
  8: 'channel select',
  19: 'file upload',
  21: 'radio group',
  22: 'checkbox group',
  23: 'checkbox',
};

/** Reads a modal the server accepted (callback type 9's `data`). */
export function readModalForm(data: JsonRecord): ModalForm {
  const layout = withComponentIds(records(data['components']));
  const fields: ModalField[] = [];
  const otherInputs: OtherInput[] = [];
  for (const component of layout) {
    if (component['type'] === ModalComponentType.Label) {
      const child = asRecord(component['component']) ?? {};
      const label = asString(component['label']) ?? '';
      const description = asString(component['description']);
      if (child['type'] === ModalComponentType.TextInput) fields.push(textField(child, label, description));
      else otherInputs.push(otherInput(child, label));
    } else if (component['type'] === ModalComponentType.ActionRow) {
      for (const input of records(component['components'])) fields.push(textField(input, asString(input['label']) ?? '', undefined));
    }
  }
  return { customId: asString(data['custom_id']) ?? '', title: asString(data['title']) ?? '', layout, fields, otherInputs };
}

function textField(input: JsonRecord, label: string, description: string | undefined): ModalField {
  const placeholder = asString(input['placeholder']);
  const minLength = asNumber(input['min_length']);
  const maxLength = asNumber(input['max_length']);
  const value = asString(input['value']);
  return {
    label,
    customId: asString(input['custom_id']) ?? '',
    style: input['style'] === TextInputStyle.Paragraph ? 'paragraph' : 'short',
    ...(placeholder === undefined ? {} : { placeholder }),
    // A text input is required unless the bot says otherwise.
    required: input['required'] !== false,
    ...(minLength === undefined ? {} : { minLength }),
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(value === undefined ? {} : { value }),
    ...(description === undefined ? {} : { description }),
  };
}

function otherInput(child: JsonRecord, label: string): OtherInput {
  const type = asNumber(child['type']) ?? 0;
  const minValues = asNumber(child['min_values']);
  // Selects, uploads and groups in a modal are required by default; a lone checkbox never is.
  const required = type !== ModalComponentType.Checkbox && child['required'] !== false && minValues !== 0;
  return { customId: asString(child['custom_id']) ?? '', type, label, required };
}

/**
 * The components with every `id` set: the bot's own, and for the others the next free number
 * counting from 1 in reading order, as Discord fills them in.
 */
function withComponentIds(components: readonly JsonRecord[]): JsonRecord[] {
  const taken = new Set<number>();
  const collect = (component: JsonRecord) => {
    const id = asNumber(component['id']);
    if (id !== undefined && id > 0) taken.add(id);
    const child = asRecord(component['component']);
    if (child !== undefined) collect(child);
    records(component['components']).forEach(collect);
  };
  components.forEach(collect);
  let next = 0;
  const nextFree = () => {
    do next += 1;
    while (taken.has(next));
    return next;
  };
  const number = (component: JsonRecord): JsonRecord => {
    const own = asNumber(component['id']);
    const id = own !== undefined && own > 0 ? own : nextFree();
    const child = asRecord(component['component']);
    const children = asArray(component['components']);
    return {
      ...component,
      id,
      ...(child === undefined ? {} : { component: number(child) }),
      ...(children === undefined ? {} : { components: records(children).map(number) }),
    };
  };
  return components.map(number);
}

/**
 * Checks what the user typed as the Discord client does before it sends a modal: only the modal's
 * own inputs, required ones filled in, lengths within min_length and max_length, a short input on
 * one line. Throws a DriverError naming the field otherwise; nothing is sent.
 */
export function checkModalValues(form: ModalForm, values: Readonly<Record<string, string>>): void {
  for (const [customId, value] of Object.entries(values)) {
    const field = form.fields.find((candidate) => candidate.customId === customId);
    if (field === undefined) {
      const known = form.fields.map((candidate) => JSON.stringify(candidate.customId)).join(', ');
      throw new DriverError(`the modal "${form.title}" has no text input ${JSON.stringify(customId)} (its text inputs: ${known || 'none'})`);
    }
    if (typeof value !== 'string') throw new DriverError(`the value of ${JSON.stringify(customId)} must be text, got ${typeof value}`);
  }
  for (const field of form.fields) {
    const value = valueOf(field, values);
    const name = `"${field.label}" (${field.customId})`;
    if (value === '') {
      if (field.required) throw new DriverError(`${name} is required; the Discord client does not submit the modal while it is empty`);
      continue;
    }
    const min = field.minLength ?? 0;
    const max = field.maxLength ?? TEXT_INPUT_LENGTH_MAX;
    if (value.length < min) throw new DriverError(`${name} takes at least ${min} characters; ${value.length} were typed`);
    if (value.length > max) throw new DriverError(`${name} takes at most ${max} characters; the Discord client stops typing there (${value.length} given)`);
    if (field.style === 'short' && /[\r\n]/.test(value)) throw new DriverError(`${name} is a short (one-line) input; it cannot hold a line break`);
  }
  const unfillable = form.otherInputs.find((input) => input.required);
  if (unfillable !== undefined) {
    throw new DriverError(`the modal's ${NAMES[unfillable.type] ?? `component of type ${unfillable.type}`} "${unfillable.label}" (${unfillable.customId}) is required, and the driver fills in text inputs only`);
  }
}

/** What the field holds when submitted: what the user typed, else the bot's prefilled value. */
function valueOf(field: ModalField, values: Readonly<Record<string, string>>): string {
  return values[field.customId] ?? field.value ?? '';
}

/**
 * The `data.components` of the MODAL_SUBMIT: the modal's layout mirrored, each input with its
 * value. A Label gives `{ type: 18, id, component: { type: 4, id, custom_id, value } }`, a legacy
 * action row `{ type: 1, id, components: [{ type: 4, id, custom_id, value }] }`, a Text Display
 * `{ type: 10, id }`; inputs the driver does not fill in come back empty.
 */
export function submittedComponents(form: ModalForm, values: Readonly<Record<string, string>>): JsonRecord[] {
  const input = (component: JsonRecord): JsonRecord => {
    const base = { type: component['type'], id: component['id'], custom_id: component['custom_id'] };
    switch (component['type']) {
      case ModalComponentType.TextInput: {
        const field = form.fields.find((candidate) => candidate.customId === component['custom_id']);
        return { ...base, value: field === undefined ? '' : valueOf(field, values) };
      }
      case ModalComponentType.RadioGroup:
        return { ...base, value: null };
      case ModalComponentType.Checkbox:
        return { ...base, value: false };
      default:
        return { ...base, values: [] };
    }
  };
  return form.layout.map((component) => {
    switch (component['type']) {
      case ModalComponentType.Label:
        return { type: ModalComponentType.Label, id: component['id'], component: input(asRecord(component['component']) ?? {}) };
      case ModalComponentType.ActionRow:
        return { type: ModalComponentType.ActionRow, id: component['id'], components: records(component['components']).map(input) };
      default:
        return { type: component['type'], id: component['id'] };
    }
  });
}

function records(value: unknown): JsonRecord[] {
  return (asArray(value) ?? []).flatMap((item) => {
    const record = asRecord(item);
    return record === undefined ? [] : [record];
  });
}
