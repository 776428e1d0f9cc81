const PALETTE = ['#5865f2', '#3ba55c', '#faa61a', '#ed4245', '#eb459e', '#747f8d'];

/**
 * A round avatar with the name's first letter, as a data URL: the page never loads images from
 * Discord's CDN, so it works offline.
 */
export function avatarFor(name: string, index: number): string {
  const letter = (Array.from(name.trim())[0] ?? '?').toUpperCase();
  const colour = PALETTE[index % PALETTE.length] ?? '#5865f2';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="80" viewBox="0 0 80 80">` +
    `<circle cx="40" cy="40" r="40" fill="${colour}"/>` +
    `<text x="40" y="53" font-family="sans-serif" font-size="38" font-weight="600" fill="#fff" text-anchor="middle">${escapeXml(letter)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
