import type { PageAttachment } from '../common/page-types.ts';
import { el } from './dom.ts';

/** A file a message carries: a picture shown inline (a click opens it full size), anything else offered for download with its size. */
export function renderAttachment(file: PageAttachment): HTMLElement {
  return file.isImage
    ? el('a', { class: 'image-attachment', href: file.url, target: '_blank', rel: 'noopener noreferrer' }, [el('img', { src: file.url, alt: file.filename })])
    : el('discord-file-attachment', { name: file.filename, ...fileSize(file.size), href: file.url, target: '_blank', type: file.contentType });
}

/** A file's size as Discord shows it: 5 B, 12.3 KB, 2.1 MB. */
function fileSize(bytes: number): { bytes: number; 'bytes-unit': string } {
  if (bytes < 1024) return { bytes, 'bytes-unit': 'B' };
  if (bytes < 1024 * 1024) return { bytes: Math.round(bytes / 102.4) / 10, 'bytes-unit': 'KB' };
  return { bytes: Math.round(bytes / (1024 * 102.4)) / 10, 'bytes-unit': 'MB' };
}
