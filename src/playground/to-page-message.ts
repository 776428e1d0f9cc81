import type { BackendAttachment, BackendComponent, BackendEmbed, BackendLayoutComponent, BackendMedia, BackendMessage } from './backend.ts';
import type { ButtonStyle, PageAttachment, PageButton, PageComponent, PageEmbed, PageLayoutComponent, PageMedia, PageMessage, PageUser } from './common/page-types.ts';

/** Discord's numeric button styles; 6 (premium) has no look of its own here and shows as secondary. */
const BUTTON_STYLES: Readonly<Record<string, ButtonStyle>> = {
  '1': 'primary',
  '2': 'secondary',
  '3': 'success',
  '4': 'destructive',
  '5': 'link',
  primary: 'primary',
  secondary: 'secondary',
  success: 'success',
  danger: 'destructive',
  destructive: 'destructive',
  link: 'link',
};

const INLINE_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Where the page server serves a message's attachment. */
export function attachmentUrl(messageId: string, index: number, filename: string): string {
  return `/attachments/${encodeURIComponent(messageId)}/${index}/${encodeURIComponent(filename)}`;
}

/** Whether a browser may show this attachment inline; anything else is offered as a download. */
export function isInlineImage(contentType: string | undefined): boolean {
  return contentType !== undefined && INLINE_IMAGE_TYPES.has(contentType.split(';')[0]?.trim().toLowerCase() ?? '');
}

/**
 * Turns a stored message into what the page shows: author names resolved, Discord's numeric styles
 * named, `attachment://` images pointed at the page server, nothing binary. A Components V2 message
 * is all layout: its controls and uploads are drawn where the layout puts them, not again below.
 *
 * @example toPageMessage(message, (id) => users.get(id), channelMessages)
 */
export function toPageMessage(
  message: BackendMessage,
  userById: (id: string) => PageUser,
  visible: readonly BackendMessage[],
): PageMessage {
  const attachments = message.attachments.map((attachment, index) => toPageAttachment(message.id, index, attachment));
  const embeds = message.embeds.map((embed) => toPageEmbed(embed, attachments));
  const shownByEmbeds = new Set(embeds.map((embed) => embed.imageUrl));
  const layout = (message.layout ?? []).map((component) => toPageLayout(component, attachments));
  const componentsV2 = layout.length > 0;
  return {
    id: message.id,
    author: userById(message.authorId),
    content: message.content,
    createdAt: toIso(message.createdAt),
    edited: message.editedAt !== undefined && message.editedAt !== null,
    ephemeral: message.ephemeral,
    loading: message.loading ?? false,
    replyTo: message.reference === undefined ? null : replyPreview(message.reference, userById, visible),
    embeds,
    rows: componentsV2 ? [] : message.components.map((row) => row.map(toPageComponent)),
    attachments: componentsV2 ? [] : attachments.filter((attachment) => !shownByEmbeds.has(attachment.url)),
    layout,
  };
}

function toPageLayout(component: BackendLayoutComponent, attachments: readonly PageAttachment[]): PageLayoutComponent {
  switch (component.type) {
    case 'container':
      return {
        type: 'container',
        accentColor: component.accentColor === undefined ? null : cssColor(component.accentColor),
        spoiler: component.spoiler ?? false,
        children: component.components.map((child) => toPageLayout(child, attachments)),
      };
    case 'textDisplay':
      return { type: 'text', markdown: component.content };
    case 'section':
      return {
        type: 'section',
        texts: component.texts,
        accessory: component.accessory.type === 'thumbnail' ? { type: 'thumbnail', ...toPageMedia(component.accessory, attachments) } : toPageButton(component.accessory),
      };
    case 'mediaGallery':
      return { type: 'gallery', items: component.items.map((item) => toPageMedia(item, attachments)) };
    case 'file':
      return { type: 'file', file: attachments.find((attachment) => attachment.filename === uploadName(component.url)) ?? null, spoiler: component.spoiler ?? false };
    case 'separator':
      return { type: 'separator', divider: component.divider, spacing: component.spacing };
    case 'actionRow':
      return { type: 'row', components: component.components.map(toPageComponent) };
  }
}

function toPageMedia(media: BackendMedia, attachments: readonly PageAttachment[]): PageMedia {
  return { url: ownImage(media.url, attachments), alt: media.description ?? null, spoiler: media.spoiler ?? false };
}

function replyPreview(referenceId: string, userById: (id: string) => PageUser, visible: readonly BackendMessage[]): PageMessage['replyTo'] {
  const original = visible.find((candidate) => candidate.id === referenceId);
  if (original === undefined) return 'missing';
  const firstLine = original.content.split('\n')[0] ?? '';
  const excerpt = firstLine !== '' ? firstLine : (original.embeds[0]?.title ?? (original.attachments.length > 0 ? 'Click to see attachment' : ''));
  return { id: original.id, author: userById(original.authorId), excerpt: excerpt.length > 120 ? `${excerpt.slice(0, 119)}…` : excerpt };
}

function toPageAttachment(messageId: string, index: number, attachment: BackendAttachment): PageAttachment {
  return {
    filename: attachment.filename,
    url: attachmentUrl(messageId, index, attachment.filename),
    contentType: attachment.contentType ?? 'application/octet-stream',
    size: attachment.size,
    isImage: isInlineImage(attachment.contentType),
  };
}

function toPageEmbed(embed: BackendEmbed, attachments: readonly PageAttachment[]): PageEmbed {
  return {
    title: embed.title ?? null,
    description: embed.description ?? null,
    color: embed.color === undefined ? null : cssColor(embed.color),
    fields: (embed.fields ?? []).map((field) => ({ name: field.name, value: field.value, inline: field.inline ?? false })),
    footer: typeof embed.footer === 'string' ? embed.footer : (embed.footer?.text ?? null),
    imageUrl: ownImage(typeof embed.image === 'string' ? embed.image : embed.image?.url, attachments),
  };
}

function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

/** Where the page server serves the picture a url names, when it is one of the message's own images. */
function ownImage(url: string | undefined, attachments: readonly PageAttachment[]): string | null {
  if (url === undefined) return null;
  const filename = uploadName(url);
  const own = attachments.find((attachment) => attachment.filename === filename && attachment.isImage);
  // The page works offline; a remote image would only show a broken picture.
  return own?.url ?? null;
}

/**
 * The file name of the upload a url names: Discord turns attachment://name into a CDN address ending
 * in the file name; either way the file is the message's own attachment, which the page server serves.
 */
function uploadName(url: string): string {
  return url.startsWith('attachment://') ? url.slice('attachment://'.length) : lastPathSegment(url);
}

function lastPathSegment(url: string): string {
  if (!URL.canParse(url)) return '';
  return decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
}

function toPageComponent(component: BackendComponent): PageComponent {
  if (component.type === 'select') {
    return {
      type: 'select',
      customId: component.customId,
      placeholder: component.placeholder ?? 'Make a selection',
      disabled: component.disabled ?? false,
      options: component.options.map((option) => ({ label: option.label, value: option.value, description: option.description ?? null })),
    };
  }
  return toPageButton(component);
}

function toPageButton(component: Extract<BackendComponent, { type: 'button' }>): PageButton {
  const style = BUTTON_STYLES[String(component.style).toLowerCase()] ?? 'secondary';
  const emoji = typeof component.emoji === 'string' ? component.emoji : (component.emoji?.name ?? null);
  return {
    type: 'button',
    label: component.label ?? '',
    style: component.url === undefined ? style : 'link',
    customId: component.customId ?? null,
    url: component.url !== undefined && /^https?:\/\//.test(component.url) ? component.url : null,
    disabled: component.disabled ?? false,
    emoji,
  };
}

function toIso(time: number | string | Date): string {
  const date = time instanceof Date ? time : new Date(time);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}
