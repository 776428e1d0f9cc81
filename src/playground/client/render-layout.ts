import type { PageLayoutComponent, PageMedia, PageMessage } from '../common/page-types.ts';
import { el } from './dom.ts';
import { renderMarkdown } from './markdown-dom.ts';
import { renderAttachment } from './render-attachment.ts';
import { renderActionRow } from './render-controls.ts';
import type { RenderContext } from './render-message.ts';

/**
 * A Components V2 message's layout as Discord draws it: containers with their accent bar, text in
 * Markdown, sections with their accessory on the right, galleries, files, separators and rows of controls.
 */
export function renderLayout(message: PageMessage, context: RenderContext): HTMLElement {
  return el('div', { class: 'v2-layout' }, message.layout.map((component) => renderPiece(message, component, context)));
}

function renderPiece(message: PageMessage, component: PageLayoutComponent, context: RenderContext): HTMLElement {
  switch (component.type) {
    case 'container': {
      const box = el('div', { class: 'v2-container', 'data-spoiler': component.spoiler }, component.children.map((child) => renderPiece(message, child, context)));
      if (component.accentColor !== null) box.style.setProperty('--accent', component.accentColor);
      return component.spoiler ? hiddenUntilClicked(box) : box;
    }
    case 'text':
      return renderText(component.markdown, context);
    case 'section': {
      const accessory = component.accessory.type === 'thumbnail' ? renderPicture(component.accessory, 'v2-thumbnail') : renderActionRow(message, [component.accessory], context);
      return el('div', { class: 'v2-section' }, [el('div', { class: 'v2-section-texts' }, component.texts.map((text) => renderText(text, context))), el('div', { class: 'v2-accessory' }, [accessory])]);
    }
    case 'gallery':
      return el('div', { class: 'v2-gallery', 'data-count': Math.min(component.items.length, 4) }, component.items.map((item) => renderPicture(item, 'v2-gallery-item')));
    case 'file':
      return el('div', { class: 'v2-file' }, component.file === null ? [] : [renderAttachment(component.file)]);
    case 'separator':
      return el(component.divider ? 'hr' : 'div', { class: 'v2-separator', 'data-spacing': component.spacing, 'aria-hidden': 'true' });
    case 'row':
      return renderActionRow(message, component.components, context);
  }
}

function renderText(markdown: string, context: RenderContext): HTMLElement {
  return el('div', { class: 'v2-text' }, renderMarkdown(markdown, context.nameOf, { embed: true }));
}

/** A picture with the bot's alt text; one the offline page cannot fetch shows that text in its place. */
function renderPicture(media: PageMedia, className: string): HTMLElement {
  const alt = media.alt ?? 'Image';
  const picture =
    media.url === null
      ? el('div', { class: `${className} v2-missing-picture`, role: 'img', 'aria-label': alt }, [alt])
      : el('a', { class: className, href: media.url, target: '_blank', rel: 'noopener noreferrer' }, [el('img', { src: media.url, alt })]);
  return media.spoiler ? hiddenUntilClicked(picture) : picture;
}

/** Discord blurs a spoiler until it is clicked. */
function hiddenUntilClicked(element: HTMLElement): HTMLElement {
  element.classList.add('v2-spoiler');
  element.addEventListener('click', (event) => {
    if (!element.classList.contains('v2-spoiler')) return;
    event.preventDefault();
    element.classList.remove('v2-spoiler');
  }, { capture: true });
  return element;
}
