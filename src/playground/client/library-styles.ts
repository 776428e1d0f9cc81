/**
 * Fixes to the component library's own styles, given to its elements before any is drawn (Lit
 * adopts a class's `elementStyles` into each new shadow root).
 */
function addStyles(tag: string, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const element = customElements.get(tag) as unknown as { elementStyles: unknown[] } | undefined;
  element?.elementStyles.push(sheet);
}

// The library caps an embed's picture at 300 px and lets the embed grow to hold it, wider than a
// phone leaves a message; the picture shrinks with the embed instead, as in Discord's app.
addStyles(
  'discord-embed',
  `:host .discord-embed-image { max-width: 100%; }
   :host .discord-embed-wrapper, :host .discord-embed-grid, :host .discord-embed-media { min-width: 0; max-width: 100%; }`,
);
// A code block is as wide as its box, padding included, instead of running past its right edge.
addStyles('discord-code', ':host([multiline]) code { box-sizing: border-box; }');
