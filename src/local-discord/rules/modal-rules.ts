import { required, type FieldProblem } from './form-errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './json.ts';
import { CUSTOM_ID_MAX, LABEL_DESCRIPTION_MAX, LABEL_MAX, PLACEHOLDER_MAX, TEXT_DISPLAY_MAX, TEXT_INPUT_LENGTH_MAX, TITLE_MAX, TOP_LEVEL_MAX } from './limits.ts';

/** Component type numbers a modal may hold, from Discord's component reference. */
export const ModalComponentType = {
  ActionRow: 1,
  StringSelect: 3,
  TextInput: 4,
  UserSelect: 5,
  RoleSelect: 6,
  MentionableSelect: 7,
  ChannelSelect: 8,
  TextDisplay: 10,
  Label: 18,
  FileUpload: 19,
  RadioGroup: 21,
  CheckboxGroup: 22,
  Checkbox: 23,
} as const;

export const TextInputStyle = { Short: 1, Paragraph: 2 } as const;


/** What a Label may wrap: a text input, the selects, a file upload, radio and checkbox groups, a checkbox. */
const LABEL_CHILD_TYPES: ReadonlySet<number> = new Set([3, 4, 5, 6, 7, 8, 19, 21, 22, 23]);

type Path = (string | number)[];

// The same codes and wording as the schema check's, so a mistake both catch is reported once.
const tooShort = (path: Path, min: number): FieldProblem => ({ path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` });
const tooLong = (path: Path, max: number): FieldProblem => ({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });

function textLength(value: unknown, path: Path, min: number, max: number, isRequired: boolean): FieldProblem[] {
  if (value === undefined || value === null) return isRequired ? [required(path)] : [];
  const text = asString(value);
  if (text === undefined) return [{ path, code: 'BASE_TYPE_STRING', message: 'Could not interpret the value as string.' }];
  if (text.length < min) return [tooShort(path, min)];
  if (text.length > max) return [tooLong(path, max)];
  return [];
}

/**
 * The documented rules of a modal (the `data` of an interaction callback of type 9), on top of
 * Discord's OpenAPI schema, which leaves some out (at most 5 top-level components, min_length at
 * most max_length, unique custom ids, one text input per legacy action row, its label). The limits
 * the schema also checks are repeated here so they hold with schema checks off. Paths are inside
 * `data`.
 * @example modalProblems({ custom_id: 'ask', title: 'x'.repeat(46), components: [...] }) // title too long
 */
export function modalProblems(data: JsonRecord): FieldProblem[] {
  const problems: FieldProblem[] = [
    ...textLength(data['custom_id'], ['custom_id'], 1, CUSTOM_ID_MAX, true),
    ...textLength(data['title'], ['title'], 1, TITLE_MAX, true),
  ];
  const components = asArray(data['components']);
  if (components === undefined) return [...problems, required(['components'])];
  if (components.length < 1) problems.push(tooShort(['components'], 1));
  if (components.length > TOP_LEVEL_MAX) problems.push(tooLong(['components'], TOP_LEVEL_MAX));
  const seenIds = new Set<string>();
  components.forEach((raw, index) => problems.push(...topLevelProblems(asRecord(raw) ?? {}, ['components', index], seenIds)));
  return problems;
}

function topLevelProblems(component: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  switch (component['type']) {
    case ModalComponentType.Label:
      return labelProblems(component, path, seenIds);
    case ModalComponentType.ActionRow:
      return legacyRowProblems(component, path, seenIds);
    case ModalComponentType.TextDisplay:
      return textLength(component['content'], [...path, 'content'], 1, TEXT_DISPLAY_MAX, true);
    default:
      return [{ path: [...path, 'type'], code: 'COMPONENT_TYPE_INVALID', message: 'A modal holds Labels, Text Displays and (deprecated) action rows at its top level.' }];
  }
}

function labelProblems(label: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const problems = [
    ...textLength(label['label'], [...path, 'label'], 1, LABEL_MAX, true),
    ...textLength(label['description'], [...path, 'description'], 1, LABEL_DESCRIPTION_MAX, false),
  ];
  const child = asRecord(label['component']);
  if (child === undefined) return [...problems, required([...path, 'component'])];
  const childPath = [...path, 'component'];
  const type = asNumber(child['type']);
  if (type === undefined || !LABEL_CHILD_TYPES.has(type)) {
    return [...problems, { path: [...childPath, 'type'], code: 'COMPONENT_TYPE_INVALID', message: 'A Label wraps one text input, select, file upload, radio group, checkbox group or checkbox.' }];
  }
  problems.push(...customIdProblems(child, childPath, seenIds));
  if (type === ModalComponentType.TextInput) problems.push(...textInputProblems(child, childPath, false));
  return problems;
}

/** The deprecated layout, still accepted: an action row holding one text input that carries its own label. */
function legacyRowProblems(row: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const children = asArray(row['components']) ?? [];
  if (children.length !== 1) {
    return [{ path: [...path, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 1 in length.' }];
  }
  const input = asRecord(children[0]) ?? {};
  const inputPath = [...path, 'components', 0];
  if (input['type'] !== ModalComponentType.TextInput) {
    return [{ path: [...inputPath, 'type'], code: 'COMPONENT_TYPE_INVALID', message: 'An action row in a modal holds one text input.' }];
  }
  return [...customIdProblems(input, inputPath, seenIds), ...textInputProblems(input, inputPath, true)];
}

function customIdProblems(component: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const customId = asString(component['custom_id']);
  const problems = textLength(component['custom_id'], [...path, 'custom_id'], 1, CUSTOM_ID_MAX, true);
  if (customId === undefined || problems.length > 0) return problems;
  if (seenIds.has(customId)) return [{ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' }];
  seenIds.add(customId);
  return [];
}

function textInputProblems(input: JsonRecord, path: Path, legacy: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const style = input['style'];
  if (style !== TextInputStyle.Short && style !== TextInputStyle.Paragraph) {
    problems.push({ path: [...path, 'style'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2).' });
  }
  // In the legacy form the input names itself; inside a Label, the Label does.
  problems.push(...textLength(input['label'], [...path, 'label'], 1, LABEL_MAX, legacy));
  problems.push(...textLength(input['placeholder'], [...path, 'placeholder'], 0, PLACEHOLDER_MAX, false));
  problems.push(...textLength(input['value'], [...path, 'value'], 0, TEXT_INPUT_LENGTH_MAX, false));
  const min = lengthBound(input['min_length'], [...path, 'min_length'], 0, problems);
  const max = lengthBound(input['max_length'], [...path, 'max_length'], 1, problems);
  if (min !== undefined && max !== undefined && min > max) {
    problems.push({ path: [...path, 'min_length'], code: 'TEXT_INPUT_MIN_LENGTH_GREATER_THAN_MAX', message: 'min_length must be less than or equal to max_length.' });
  }
  if (input['required'] !== undefined && input['required'] !== null && typeof input['required'] !== 'boolean') {
    problems.push({ path: [...path, 'required'], code: 'BASE_TYPE_BOOLEAN', message: 'Must be either true or false.' });
  }
  return problems;
}

/** A min_length (0-4000) or max_length (1-4000); undefined when absent or refused. */
function lengthBound(value: unknown, path: Path, lowest: number, problems: FieldProblem[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  const bound = asNumber(value);
  if (bound === undefined || !Number.isInteger(bound)) {
    problems.push({ path, code: 'NUMBER_TYPE_COERCE', message: `Value ${JSON.stringify(value)} is not int.` });
    return undefined;
  }
  if (bound < lowest) problems.push({ path, code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${lowest}.` });
  else if (bound > TEXT_INPUT_LENGTH_MAX) problems.push({ path, code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${TEXT_INPUT_LENGTH_MAX}.` });
  else return bound;
  return undefined;
}
