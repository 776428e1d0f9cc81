import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, type Block, type Inline } from '../../src/playground/common/markdown.ts';

/** The text a reader sees, markup removed, to check nothing is lost or invented. */
function visibleText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
        case 'link':
          return node.text;
        case 'mention':
          return `<@${node.userId}>`;
        default:
          return visibleText(node.children);
      }
    })
    .join('');
}

describe('parseInline', () => {
  it('GIVEN bold, italic and code THEN each becomes its own node', () => {
    expect(parseInline('**Use** *this* `asyncio.gather`')).toEqual([
      { type: 'bold', children: [{ type: 'text', text: 'Use' }] },
      { type: 'text', text: ' ' },
      { type: 'italic', children: [{ type: 'text', text: 'this' }] },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'asyncio.gather' },
    ]);
  });

  it('GIVEN snake_case names THEN underscores stay text', () => {
    expect(parseInline('call run_in_executor_now')).toEqual([{ type: 'text', text: 'call run_in_executor_now' }]);
  });

  it('GIVEN a masked http link THEN keeps its text and url', () => {
    expect(parseInline('[docs](https://docs.python.org/3/)')).toEqual([{ type: 'link', text: 'docs', url: 'https://docs.python.org/3/' }]);
  });

  it('GIVEN a javascript: link THEN it stays plain text', () => {
    const nodes = parseInline('[click](javascript:alert(1))');
    expect(nodes.some((node) => node.type === 'link')).toBe(false);
    expect(visibleText(nodes)).toBe('[click](javascript:alert(1))');
  });

  it('GIVEN a bare url followed by a full stop THEN the stop is not part of the link', () => {
    expect(parseInline('see https://example.org/a.')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', text: 'https://example.org/a', url: 'https://example.org/a' },
      { type: 'text', text: '.' },
    ]);
  });

  it('GIVEN a user mention THEN yields the user id', () => {
    expect(parseInline('<@123456789012345678> why?')).toEqual([
      { type: 'mention', userId: '123456789012345678' },
      { type: 'text', text: ' why?' },
    ]);
  });

  it('GIVEN HTML in the text THEN it is kept as text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('GIVEN any text without markup characters THEN it comes back unchanged as one text node', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => s.length > 0 && !/[*_`~\\[<>h]/.test(s)), (s) => {
        expect(parseInline(s)).toEqual([{ type: 'text', text: s }]);
      }),
    );
  });
});

describe('parseMarkdown', () => {
  it('GIVEN a fenced python sketch THEN it is a code block with its language and no fences', () => {
    const blocks = parseMarkdown('Sketch:\n```py\nimport asyncio\nasyncio.run(main())\n```\nDone');
    expect(blocks).toEqual<Block[]>([
      { type: 'paragraph', children: [{ type: 'text', text: 'Sketch:' }] },
      { type: 'codeblock', language: 'py', code: 'import asyncio\nasyncio.run(main())' },
      { type: 'paragraph', children: [{ type: 'text', text: 'Done' }] },
    ]);
  });

  it('GIVEN markup inside a code block THEN it stays literal', () => {
    expect(parseMarkdown('```\n**not bold**\n```')).toEqual([{ type: 'codeblock', language: '', code: '**not bold**' }]);
  });

  it('GIVEN a quoted line THEN it is a quote between paragraphs', () => {
    expect(parseMarkdown('a\n> said\nb').map((block) => block.type)).toEqual(['paragraph', 'quote', 'paragraph']);
  });

  it('GIVEN an unclosed fence THEN the text is kept as prose', () => {
    const blocks = parseMarkdown('```py\nprint(1)');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.type).toBe('paragraph');
  });

  it('GIVEN a V2 heading, reasons as bullets and a subtext line THEN a heading, one list and subtext', () => {
    expect(parseMarkdown('## Use `asyncio`\n- many sockets\n* one loop\n-# from the docs')).toEqual<Block[]>([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Use ' }, { type: 'code', text: 'asyncio' }] },
      { type: 'list', items: [[{ type: 'text', text: 'many sockets' }], [{ type: 'text', text: 'one loop' }]] },
      { type: 'subtext', children: [{ type: 'text', text: 'from the docs' }] },
    ]);
  });

  it('GIVEN a hash without a space, four hashes or a dash inside a line THEN they stay prose', () => {
    expect(parseMarkdown('#python-help\n#### deep\na - b').map((block) => block.type)).toEqual(['paragraph']);
  });
});
