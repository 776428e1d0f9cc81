/**
 * The part of Discord's markdown the guide's messages use, parsed into a tree the page turns into
 * DOM nodes with textContent, so no text ever reaches the page as HTML.
 */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'bold' | 'italic' | 'underline' | 'strike'; readonly children: readonly Inline[] }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'link'; readonly text: string; readonly url: string }
  | { readonly type: 'mention'; readonly userId: string };

export type Block =
  | { readonly type: 'codeblock'; readonly language: string; readonly code: string }
  | { readonly type: 'quote'; readonly children: readonly Inline[] }
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly children: readonly Inline[] }
  /** Discord's `-# ` line: small, muted text. */
  | { readonly type: 'subtext'; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] };

const FENCE = /```([\w+-]*)\n?([\s\S]*?)```/g;

/**
 * Splits a message into code blocks, headings, subtext, bulleted lists, quoted lines and paragraphs
 * of inline markup.
 *
 * @example parseMarkdown('**Use** `asyncio`') // one paragraph: bold "Use", text " ", code "asyncio"
 */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let last = 0;
  for (const match of source.matchAll(FENCE)) {
    pushProse(blocks, source.slice(last, match.index));
    blocks.push({ type: 'codeblock', language: match[1] ?? '', code: (match[2] ?? '').replace(/\n$/, '') });
    last = match.index + match[0].length;
  }
  pushProse(blocks, source.slice(last));
  return blocks;
}

function pushProse(blocks: Block[], prose: string): void {
  const text = prose.replace(/^\n+|\n+$/g, '');
  if (text === '') return;
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    const block = lineBlock(line);
    if (block === undefined) {
      paragraph.push(line);
      continue;
    }
    flush();
    const previous = blocks.at(-1);
    // Consecutive bullets make one list.
    if (block.type === 'list' && previous?.type === 'list') blocks[blocks.length - 1] = { type: 'list', items: [...previous.items, ...block.items] };
    else blocks.push(block);
  }
  flush();
}

/** The block a line makes on its own (a quote, heading, subtext line or bullet), or undefined for prose. */
function lineBlock(line: string): Block | undefined {
  const quoted = /^> (.*)$/.exec(line);
  if (quoted !== null) return { type: 'quote', children: parseInline(quoted[1] ?? '') };
  const heading = /^(#{1,3}) (.+)$/.exec(line);
  if (heading !== null) return { type: 'heading', level: (heading[1] ?? '#').length as 1 | 2 | 3, children: parseInline(heading[2] ?? '') };
  const subtext = /^-# (.+)$/.exec(line);
  if (subtext !== null) return { type: 'subtext', children: parseInline(subtext[1] ?? '') };
  const bullet = /^\s*[-*] (.+)$/.exec(line);
  if (bullet !== null) return { type: 'list', items: [parseInline(bullet[1] ?? '')] };
  return undefined;
}

interface Rule {
  readonly pattern: RegExp;
  readonly build: (match: RegExpExecArray) => Inline;
}

// Order matters: "**" before "*", "__" before "_".
const RULES: readonly Rule[] = [
  { pattern: /^`([^`]+)`/, build: (m) => ({ type: 'code', text: m[1] ?? '' }) },
  { pattern: /^\*\*([\s\S]+?)\*\*(?!\*)/, build: (m) => ({ type: 'bold', children: parseInline(m[1] ?? '') }) },
  { pattern: /^__([\s\S]+?)__(?!_)/, build: (m) => ({ type: 'underline', children: parseInline(m[1] ?? '') }) },
  { pattern: /^~~([\s\S]+?)~~/, build: (m) => ({ type: 'strike', children: parseInline(m[1] ?? '') }) },
  { pattern: /^\*([^*\s][\s\S]*?)\*/, build: (m) => ({ type: 'italic', children: parseInline(m[1] ?? '') }) },
  { pattern: /^_([^_\s][\s\S]*?)_(?![\p{L}\p{N}])/u, build: (m) => ({ type: 'italic', children: parseInline(m[1] ?? '') }) },
  { pattern: /^\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/, build: (m) => ({ type: 'link', text: m[1] ?? '', url: m[2] ?? '' }) },
  { pattern: /^<?(https?:\/\/[^\s<>]+[^\s<>.,;:!?)'"])>?/, build: (m) => ({ type: 'link', text: m[1] ?? '', url: m[1] ?? '' }) },
  { pattern: /^<@!?(\d{1,20})>/, build: (m) => ({ type: 'mention', userId: m[1] ?? '' }) },
];

/** Parses inline markup; anything that is not markup stays text, character for character. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  let rest = source;
  while (rest.length > 0) {
    const hit = matchRule(rest, text.at(-1) ?? '');
    if (hit === undefined) {
      // A backslash escapes the next markup character, as in Discord.
      const escaped = /^\\([*_`~\\<[\]>|])/.exec(rest);
      const take = escaped === null ? 1 : 2;
      text += escaped === null ? rest.charAt(0) : (escaped[1] ?? '');
      rest = rest.slice(take);
      continue;
    }
    if (text !== '') out.push({ type: 'text', text });
    text = '';
    out.push(hit.node);
    rest = rest.slice(hit.length);
  }
  if (text !== '') out.push({ type: 'text', text });
  return out;
}

function matchRule(rest: string, previous: string): { node: Inline; length: number } | undefined {
  // snake_case names are not italics: "_" opens emphasis only after a non-word character.
  const insideWord = /[\p{L}\p{N}]/u.test(previous);
  for (const rule of RULES) {
    if (insideWord && rest.startsWith('_')) continue;
    const match = rule.pattern.exec(rest);
    if (match !== null) return { node: rule.build(match), length: match[0].length };
  }
  return undefined;
}
