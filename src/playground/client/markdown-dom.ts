import { parseInline, parseMarkdown, type Block, type Inline } from '../common/markdown.ts';
import { el } from './dom.ts';

/** Looks a mentioned user's name up; unknown ids show as "unknown-user", as Discord does. */
export type NameOf = (userId: string) => string | undefined;

/**
 * Discord markdown as DOM nodes: the library's elements for code, quotes and mentions; headings,
 * subtext and lists as plain elements. `embed` picks the embed flavour of code blocks.
 */
export function renderMarkdown(source: string, nameOf: NameOf, options: { embed?: boolean } = {}): Node[] {
  return parseMarkdown(source).map((block) => renderBlock(block, nameOf, options.embed ?? false));
}

/** One line of markdown inline, e.g. a reply's preview of the message it answers. */
export function renderInlineMarkdown(source: string, nameOf: NameOf): Node[] {
  return renderInline(parseInline(source), nameOf);
}

function renderBlock(block: Block, nameOf: NameOf, embed: boolean): Node {
  switch (block.type) {
    case 'codeblock':
      return renderCodeBlock(block.code, block.language, embed);
    case 'quote':
      return el('discord-quote', {}, renderInline(block.children, nameOf));
    case 'heading':
      return el(`h${block.level}`, { class: 'md-heading' }, renderInline(block.children, nameOf));
    case 'subtext':
      return el('small', { class: 'md-subtext' }, renderInline(block.children, nameOf));
    case 'list':
      return el('ul', { class: 'md-list' }, block.items.map((item) => el('li', {}, renderInline(item, nameOf))));
    case 'paragraph':
      return el('div', { class: 'md-paragraph' }, renderInline(block.children, nameOf));
  }
}

/** A code block with a Copy button, as Discord's clients offer one: a member copies a sketch in one tap. */
function renderCodeBlock(code: string, language: string, embed: boolean): HTMLElement {
  const copy = el('button', { type: 'button', class: 'copy-code', 'aria-label': 'Copy code' }, ['Copy']);
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(code).then(
      () => (copy.textContent = 'Copied'),
      () => (copy.textContent = 'Copy failed'),
    );
  });
  return el('div', { class: 'code-block' }, [el('discord-code', { multiline: true, embed, 'data-language': language || null }, [code]), copy]);
}

function renderInline(nodes: readonly Inline[], nameOf: NameOf): Node[] {
  return nodes.map((node): Node => {
    switch (node.type) {
      case 'text':
        return textWithBreaks(node.text);
      case 'code':
        return el('discord-code', {}, [node.text]);
      case 'link':
        return el('a', { href: node.url, target: '_blank', rel: 'noopener noreferrer', class: 'md-link' }, [node.text]);
      case 'mention':
        return el('discord-mention', { type: 'user' }, [nameOf(node.userId) ?? 'unknown-user']);
      // Plain elements here: the library's bold and italic keep template whitespace that shows
      // as a space before the next punctuation mark.
      case 'bold':
        return el('strong', {}, renderInline(node.children, nameOf));
      case 'italic':
        return el('em', {}, renderInline(node.children, nameOf));
      case 'underline':
        return el('u', {}, renderInline(node.children, nameOf));
      case 'strike':
        return el('s', {}, renderInline(node.children, nameOf));
    }
  });
}

// Line breaks become <br>: white-space: pre-wrap would leak into the components' shadow trees and
// show their template whitespace as blank lines.
function textWithBreaks(text: string): Node {
  const fragment = document.createDocumentFragment();
  text.split('\n').forEach((line, index) => {
    if (index > 0) fragment.append(el('br'));
    fragment.append(document.createTextNode(line));
  });
  return fragment;
}
