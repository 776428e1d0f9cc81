import { asArray, asNumber, asRecord, asString, type JsonRecord } from './rules/json.ts';
import type { ButtonStyleName, RenderedButton, RenderedComponent, RenderedSelectOption } from './types.ts';

const BUTTON_STYLES: Readonly<Record<number, ButtonStyleName>> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link', 6: 'premium' };

/** An action row's buttons and string selects as a user sees them; other selects are left out. */
export function renderRow(row: JsonRecord): RenderedComponent[] {
  return (asArray(row['components']) ?? []).flatMap((child) => {
    const rendered = renderComponent(asRecord(child) ?? {});
    return rendered === undefined ? [] : [rendered];
  });
}

/** A button or a string select, or undefined for a component the local server does not draw. */
export function renderComponent(component: JsonRecord): RenderedComponent | undefined {
  if (component['type'] === 2) return renderButton(component);
  if (component['type'] === 3) {
    const options: RenderedSelectOption[] = (asArray(component['options']) ?? []).map((raw) => {
      const option = asRecord(raw) ?? {};
      return { label: asString(option['label']) ?? '', value: asString(option['value']) ?? '', ...optional('description', asString(option['description'])) };
    });
    return {
      type: 'select',
      customId: asString(component['custom_id']) ?? '',
      ...optional('placeholder', asString(component['placeholder'])),
      options,
      minValues: asNumber(component['min_values']) ?? 1,
      maxValues: asNumber(component['max_values']) ?? 1,
      disabled: component['disabled'] === true,
    };
  }
  return undefined;
}

export function renderButton(component: JsonRecord): RenderedButton {
  const emoji = asRecord(component['emoji']);
  return {
    type: 'button',
    ...optional('label', asString(component['label'])),
    style: BUTTON_STYLES[asNumber(component['style']) ?? 2] ?? 'secondary',
    ...optional('customId', asString(component['custom_id'])),
    ...optional('url', asString(component['url'])),
    disabled: component['disabled'] === true,
    ...optional('emoji', emoji === undefined ? undefined : (asString(emoji['name']) ?? asString(emoji['id']))),
  };
}

/** `{ key: value }`, or nothing when the value is missing, for optional fields under exactOptionalPropertyTypes. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
