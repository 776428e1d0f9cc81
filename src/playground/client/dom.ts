/** Attribute values; `true` sets a boolean attribute, `false`/`null` leaves it out. */
type Attributes = Readonly<Record<string, string | number | boolean | null>>;

/**
 * Builds an element. Text goes in through text nodes and values through setAttribute, never as
 * HTML, which is how every user-provided string on the page stays escaped.
 *
 * @example el('discord-button', { type: 'primary' }, ['Start'])
 */
export function el(tag: string, attributes: Attributes = {}, children: readonly (Node | string)[] = []): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}
