import { renderButton, renderRow, optional } from './render-component.ts';
import { LayoutType } from './rules/components-v2-rules.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './rules/json.ts';
import type { RenderedComponent, RenderedLayoutComponent, RenderedMedia } from './types.ts';

/**
 * A Components V2 message's components as a user sees them.
 * @example renderLayout([{ type: 17, accent_color: 0x5865f2, components: [{ type: 10, content: '## Hi' }] }])
 *   // [{ type: 'container', accentColor: 0x5865f2, spoiler: false, components: [{ type: 'textDisplay', content: '## Hi' }] }]
 */
export function renderLayout(components: readonly JsonRecord[]): RenderedLayoutComponent[] {
  return components.flatMap((component) => {
    const rendered = renderLayoutComponent(component);
    return rendered === undefined ? [] : [rendered];
  });
}

function renderLayoutComponent(component: JsonRecord): RenderedLayoutComponent | undefined {
  switch (asNumber(component['type'])) {
    case 1:
      return { type: 'actionRow', components: renderRow(component) };
    case LayoutType.Container:
      return {
        type: 'container',
        ...optional('accentColor', asNumber(component['accent_color'])),
        spoiler: component['spoiler'] === true,
        components: renderLayout(records(component['components'])),
      };
    case LayoutType.TextDisplay:
      return { type: 'textDisplay', content: asString(component['content']) ?? '' };
    case LayoutType.Section: {
      const accessory = asRecord(component['accessory']) ?? {};
      return {
        type: 'section',
        texts: records(component['components']).map((text) => asString(text['content']) ?? ''),
        accessory: accessory['type'] === LayoutType.Thumbnail ? { type: 'thumbnail', ...renderMedia(accessory) } : renderButton(accessory),
      };
    }
    case LayoutType.MediaGallery:
      return { type: 'mediaGallery', items: records(component['items']).map(renderMedia) };
    case LayoutType.File:
      return { type: 'file', url: asString(asRecord(component['file'])?.['url']) ?? '', spoiler: component['spoiler'] === true };
    case LayoutType.Separator:
      return { type: 'separator', divider: component['divider'] !== false, spacing: component['spacing'] === 2 ? 'large' : 'small' };
    default:
      return undefined;
  }
}

function renderMedia(media: JsonRecord): RenderedMedia {
  return { url: asString(asRecord(media['media'])?.['url']) ?? '', ...optional('description', asString(media['description'])), spoiler: media['spoiler'] === true };
}

/**
 * The controls of a layout a user can use, row by row: each action row wherever it sits, and a
 * section's button as a row of its own.
 */
export function interactiveRows(layout: readonly RenderedLayoutComponent[]): RenderedComponent[][] {
  return layout.flatMap((component): RenderedComponent[][] => {
    switch (component.type) {
      case 'actionRow':
        return [[...component.components]];
      case 'section':
        return component.accessory.type === 'button' ? [[component.accessory]] : [];
      case 'container':
        return interactiveRows(component.components);
      default:
        return [];
    }
  });
}

/** The file names a layout shows through `attachment://name`: Discord shows a V2 message's uploads only there. */
export function attachmentsShown(layout: readonly RenderedLayoutComponent[]): Set<string> {
  const urls = layout.flatMap(function mediaUrls(component: RenderedLayoutComponent): string[] {
    switch (component.type) {
      case 'container':
        return component.components.flatMap(mediaUrls);
      case 'section':
        return component.accessory.type === 'thumbnail' ? [component.accessory.url] : [];
      case 'mediaGallery':
        return component.items.map((item) => item.url);
      case 'file':
        return [component.url];
      default:
        return [];
    }
  });
  const prefix = 'attachment://';
  return new Set(urls.filter((url) => url.startsWith(prefix)).map((url) => url.slice(prefix.length)));
}

function records(value: unknown): JsonRecord[] {
  return (asArray(value) ?? []).flatMap((item) => {
    const record = asRecord(item);
    return record === undefined ? [] : [record];
  });
}
