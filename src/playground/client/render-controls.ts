import type { PageComponent, PageMessage } from '../common/page-types.ts';
import { el } from './dom.ts';
import type { RenderContext } from './render-message.ts';

/** A row of buttons, or a select, as the library's action row; in a classic message's components or a V2 layout alike. */
export function renderActionRow(message: PageMessage, components: readonly PageComponent[], context: RenderContext): HTMLElement {
  return el('discord-action-row', {}, components.map((component) => renderControl(message, component, context)));
}

/** A button or a select menu that acts on the message it belongs to. */
export function renderControl(message: PageMessage, component: PageComponent, context: RenderContext): HTMLElement {
  if (component.type === 'select') {
    const menu = el(
      'discord-string-select-menu',
      { placeholder: component.placeholder, disabled: component.disabled, 'data-custom-id': component.customId },
      component.options.map((option) => {
        const item = el('discord-string-select-menu-option', { label: option.label, description: option.description, 'data-value': option.value });
        item.addEventListener('click', () => {
          if (!component.disabled) context.actions.select(message, component.customId, option.value);
        });
        return item;
      }),
    );
    menu.addEventListener('click', () => context.actions.menuToggled(menu));
    return menu;
  }
  const button = el(
    'discord-button',
    {
      type: component.style === 'link' ? 'secondary' : component.style,
      url: component.url,
      disabled: component.disabled,
      'data-custom-id': component.customId,
      'data-focus-key': component.customId === null ? null : `button-${message.id}-${component.customId}`,
    },
    [component.emoji === null ? component.label : `${component.emoji} ${component.label}`.trim()],
  );
  const customId = component.customId;
  if (customId !== null && component.url === null) {
    button.addEventListener('click', () => {
      if (!component.disabled && !button.hasAttribute('data-busy')) context.actions.click(message, customId, button);
    });
  }
  return button;
}
