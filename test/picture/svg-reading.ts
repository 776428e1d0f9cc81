import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An SVG element as the tests see it: its tag, attributes, children and the text inside. */
export interface SvgElement {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly SvgElement[];
  readonly text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(raw: Ordered): SvgElement | undefined {
  const tag = Object.keys(raw).find((key) => key !== ':@');
  if (tag === undefined || tag === '#text') return undefined;
  const rawChildren = (raw[tag] ?? []) as Ordered[];
  const children = rawChildren.map(toElement).filter((child): child is SvgElement => child !== undefined);
  const ownText = rawChildren.map((child) => (typeof child['#text'] === 'string' || typeof child['#text'] === 'number' ? String(child['#text']) : '')).join('');
  return { tag, attributes: raw[':@'] ?? {}, children, text: ownText };
}

/** Parses an SVG document, failing the test with the parser's message if it is not well-formed XML. */
export function parseSvg(svg: string): SvgElement {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`SVG is not well-formed: ${valid.err.msg} at line ${valid.err.line}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, processEntities: true, parseTagValue: false, parseAttributeValue: false, trimValues: false });
  const roots = (parser.parse(svg) as Ordered[]).map(toElement).filter((root): root is SvgElement => root !== undefined);
  const svgRoot = roots.find((root) => root.tag === 'svg');
  if (svgRoot === undefined) throw new Error('no <svg> root element');
  return svgRoot;
}

/** Every element below (and including) `root`, depth first. */
export function allElements(root: SvgElement): SvgElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The words drawn inside an element, lines joined with spaces. */
export function drawnText(element: SvgElement): string {
  return allElements(element)
    .filter((candidate) => candidate.tag === 'text')
    .map((text) => text.text)
    .join(' ');
}

/** Text with all whitespace removed, so a label wrapped over several lines still matches. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
