import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTextMetrics } from '../../src/picture/render/fonts.ts';
import { escapeXml, wrapBalanced, wrapText } from '../../src/picture/render/text.ts';
import { parseSvg } from './svg-reading.ts';

/** Code units chosen to hit the hard cases often: control characters, lone or paired surrogates, markup. */
const awkwardText = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.constantFrom(0x26, 0x3c, 0x22, 0x41, 0xfffe)), {
    maxLength: 30,
  })
  .map((codes) => String.fromCharCode(...codes));

describe('escapeXml', () => {
  it('GIVEN any text THEN it round-trips through an XML parser as element text and as an attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const cleaned = text.replace(/[^\P{Cc}\t\n\r]/gu, '');
        const svg = parseSvg(`<svg xmlns="http://www.w3.org/2000/svg"><text data-label="${escapeXml(text)}">${escapeXml(text)}</text></svg>`);
        const element = svg.children[0];
        expect(element?.attributes['data-label']).toBe(cleaned);
        expect(element?.text ?? '').toBe(cleaned);
      }),
    );
  });

  it('GIVEN text with half a surrogate pair or a control character THEN the escaped text is well-formed UTF-16 that XML allows', () => {
    fc.assert(
      fc.property(awkwardText, (text) => {
        const escaped = escapeXml(text);
        // A lone surrogate would not survive the trip through UTF-8.
        expect(Buffer.from(escaped, 'utf8').toString('utf8')).toBe(escaped);
        const allowedControl = (code: number) => code === 0x09 || code === 0x0a || code === 0x0d;
        expect([...escaped].every((char) => (char.codePointAt(0) ?? 0) >= 0x20 || allowedControl(char.codePointAt(0) ?? 0))).toBe(true);
        parseSvg(`<svg xmlns="http://www.w3.org/2000/svg"><text>${escaped}</text></svg>`);
      }),
    );
  });
});

describe('wrapText with the bundled font', () => {
  const metrics = loadTextMetrics();
  const style = { size: 22, weight: 'semibold' } as const;

  it('GIVEN a sentence wider than the box THEN it wraps at spaces and keeps every word', () => {
    const lines = wrapText('Many small tasks, or a few long ones?', 220, style, metrics);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Many small tasks, or a few long ones?');
  });

  it('GIVEN a dotted API name wider than the box THEN it breaks after a dot, not inside a name', () => {
    const lines = wrapText('concurrent.futures.ProcessPoolExecutor', 230, { size: 17, weight: 'regular' }, metrics);
    expect(lines.join('')).toBe('concurrent.futures.ProcessPoolExecutor');
    expect(lines.slice(0, -1).every((line) => line.endsWith('.'))).toBe(true);
  });

  it('GIVEN any words THEN no line is wider than the limit unless it is a single character', () => {
    const words = fc.array(fc.stringMatching(/^[A-Za-z.<&"]{1,30}$/), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(words, fc.integer({ min: 40, max: 400 }), (list, maxWidth) => {
        const text = list.join(' ');
        const lines = wrapText(text, maxWidth, style, metrics);
        for (const line of lines) {
          if ([...line].length > 1) expect(metrics.width(line, style.size, style.weight)).toBeLessThanOrEqual(maxWidth);
        }
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 60 },
    );
  });
});

describe('wrapBalanced with the bundled font', () => {
  const metrics = loadTextMetrics();
  const style = { size: 19, weight: 'bold' } as const;
  const widest = (lines: readonly string[]) => Math.max(...lines.map((line) => metrics.width(line, style.size, style.weight)));

  it('GIVEN a label whose greedy wrap leaves one short word alone THEN it evens the lines out', () => {
    expect(wrapText('A library that releases the GIL', 230, style, metrics)).toEqual(['A library that releases the', 'GIL']);
    expect(wrapBalanced('A library that releases the GIL', 230, style, metrics)).toEqual(['A library that', 'releases the GIL']);
  });

  it('GIVEN any words THEN it keeps them, uses as many lines as greedy wrapping, and no line is wider than the greedy widest', () => {
    const words = fc.array(fc.stringMatching(/^[A-Za-z.]{1,14}$/), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(words, fc.integer({ min: 120, max: 400 }), (list, maxWidth) => {
        const text = list.join(' ');
        const greedy = wrapText(text, maxWidth, style, metrics);
        const balanced = wrapBalanced(text, maxWidth, style, metrics);
        expect(balanced.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        expect(balanced).toHaveLength(greedy.length);
        expect(widest(balanced)).toBeLessThanOrEqual(widest(greedy));
      }),
      { numRuns: 60 },
    );
  });
});
