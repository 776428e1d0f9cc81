import { badLength, tooLong, type FieldProblem } from './form-errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './json.ts';
import { BUTTONS_PER_ROW_MAX, CUSTOM_ID_MAX, SELECT_OPTIONS_MAX } from './limits.ts';

type Path = readonly (string | number)[];

export const ComponentType = { ActionRow: 1, Button: 2, StringSelect: 3 } as const;
const SELECT_TYPES: ReadonlySet<number> = new Set([3, 5, 6, 7, 8]);
const LINK_STYLE = 5;
const PREMIUM_STYLE = 6;

/**
 * An action row's documented rules, wherever it sits (top level, or inside a Components V2
 * container): 1-5 buttons or one select, and each child's own rules. `seenIds` spans the whole
 * message, since custom ids are unique per message.
 * @example actionRowProblems({ type: 1, components: [] }, ['components', 0], new Set()) // one BASE_TYPE_BAD_LENGTH
 */
export function actionRowProblems(row: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const children = asArray(row['components']) ?? [];
  const problems: FieldProblem[] = [];
  const types = children.map((child) => asRecord(child)?.['type']);
  const selects = types.filter((type) => typeof type === 'number' && SELECT_TYPES.has(type)).length;
  if (children.length === 0) problems.push(badLength([...path, 'components'], 1, BUTTONS_PER_ROW_MAX));
  else if (selects > 0 && children.length > 1) {
    problems.push({ path: [...path, 'components'], code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'A select menu fills its action row alone.' });
  } else if (children.length > BUTTONS_PER_ROW_MAX) {
    problems.push({ path: [...path, 'components'], code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
  }
  children.forEach((child, childIndex) => {
    const component = asRecord(child) ?? {};
    const at = [...path, 'components', childIndex];
    if (component['type'] === ComponentType.Button) problems.push(...buttonProblems(component, at, seenIds));
    else {
      problems.push(...customIdProblems(component, at, seenIds));
      if (component['type'] === ComponentType.StringSelect) problems.push(...selectProblems(component, at));
    }
  });
  return problems;
}

/** A button's rules: a label or an emoji, a custom id unless it is a link (which has a url instead). */
export function buttonProblems(button: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const problems: FieldProblem[] = [...customIdProblems(button, path, seenIds)];
  const label = asString(button['label']);
  if (label !== undefined && label.length > 80) problems.push(tooLong([...path, 'label'], 80));
  if (label === undefined && button['emoji'] === undefined && button['style'] !== PREMIUM_STYLE) {
    problems.push({ path: [...path, 'label'], code: 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', message: 'A button needs a label or an emoji.' });
  }
  const hasCustomId = button['custom_id'] !== undefined && button['custom_id'] !== null;
  const hasUrl = button['url'] !== undefined && button['url'] !== null;
  if (button['style'] === LINK_STYLE) {
    if (!hasUrl) problems.push({ path: [...path, 'url'], code: 'BUTTON_COMPONENT_URL_REQUIRED', message: 'A link button requires a url.' });
    if (hasCustomId) problems.push({ path: [...path, 'custom_id'], code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', message: 'A link button cannot have a custom id.' });
    const url = asString(button['url']);
    if (url !== undefined && url.length > 512) problems.push(tooLong([...path, 'url'], 512));
  } else if (button['style'] !== PREMIUM_STYLE) {
    if (!hasCustomId) problems.push({ path: [...path, 'custom_id'], code: 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', message: 'A non-link button requires a custom id.' });
    if (hasUrl) problems.push({ path: [...path, 'url'], code: 'BUTTON_COMPONENT_URL_NOT_ALLOWED', message: 'Only link buttons can have a url.' });
  }
  return problems;
}

function customIdProblems(component: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const customId = asString(component['custom_id']);
  if (customId === undefined) return [];
  if (customId.length < 1 || customId.length > CUSTOM_ID_MAX) return [badLength([...path, 'custom_id'], 1, CUSTOM_ID_MAX)];
  if (seenIds.has(customId)) {
    return [{ path: [...path, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' }];
  }
  seenIds.add(customId);
  return [];
}

function selectProblems(select: JsonRecord, path: Path): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const options = asArray(select['options']) ?? [];
  if (options.length < 1 || options.length > SELECT_OPTIONS_MAX) problems.push(badLength([...path, 'options'], 1, SELECT_OPTIONS_MAX));
  const placeholder = asString(select['placeholder']);
  if (placeholder !== undefined && placeholder.length > 150) problems.push(tooLong([...path, 'placeholder'], 150));
  const min = asNumber(select['min_values']) ?? 1;
  const max = asNumber(select['max_values']) ?? 1;
  if (min < 0 || min > 25) problems.push({ path: [...path, 'min_values'], code: 'NUMBER_TYPE_MAX', message: 'Must be between 0 and 25.' });
  if (max < 1 || max > 25 || max < min) problems.push({ path: [...path, 'max_values'], code: 'NUMBER_TYPE_MAX', message: 'Must be between 1 and 25, and at least min_values.' });
  const values = new Set<string>();
  options.forEach((option, index) => {
    const record = asRecord(option) ?? {};
    for (const key of ['label', 'value'] as const) {
      const text = asString(record[key]) ?? '';
      if (text.length < 1 || text.length > 100) problems.push(badLength([...path, 'options', index, key], 1, 100));
    }
    const description = asString(record['description']);
    if (description !== undefined && description.length > 100) problems.push(tooLong([...path, 'options', index, 'description'], 100));
    const value = asString(record['value']);
    if (value !== undefined && values.has(value)) {
      problems.push({ path: [...path, 'options', index, 'value'], code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Select option values must be unique.' });
    }
    if (value !== undefined) values.add(value);
  });
  return problems;
}
