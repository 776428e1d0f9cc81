import { actionRowProblems, buttonProblems, ComponentType } from './action-row-rules.ts';
import { badLength, required, tooLong, type FieldProblem } from './form-errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './json.ts';
import {
  ACCENT_COLOR_MAX,
  MEDIA_DESCRIPTION_MAX,
  MEDIA_GALLERY_ITEMS_MAX,
  SECTION_TEXTS_MAX,
  TEXT_DISPLAY_MAX,
  V2_COMPONENTS_MAX,
  V2_TEXT_TOTAL_MAX,
} from './limits.ts';

type Path = readonly (string | number)[];

/** Components V2 types by name, from Discord's component reference. */
export const LayoutType = { Section: 9, TextDisplay: 10, Thumbnail: 11, MediaGallery: 12, File: 13, Separator: 14, Container: 17 } as const;

const TOP_LEVEL: readonly number[] = [ComponentType.ActionRow, LayoutType.Section, LayoutType.TextDisplay, LayoutType.MediaGallery, LayoutType.File, LayoutType.Separator, LayoutType.Container];
// A container holds everything the top level does but another container.
const IN_CONTAINER: readonly number[] = TOP_LEVEL.filter((type) => type !== LayoutType.Container);
const SECTION_ACCESSORY: readonly number[] = [ComponentType.Button, LayoutType.Thumbnail];
const SEPARATOR_SPACINGS: readonly number[] = [1, 2];

/**
 * The documented rules of a Components V2 layout (the `components` of a message flagged
 * IS_COMPONENTS_V2): which type may sit where, sections, galleries, files, separators, containers,
 * the action rows inside them, and the message's budgets of 40 components (nested ones counted) and
 * 4,000 characters across its text displays.
 * @example layoutProblems([{ type: 10, content: 'x'.repeat(4001) }]) // the text display and the message's budget
 */
export function layoutProblems(components: readonly unknown[]): FieldProblem[] {
  const seenIds = new Set<string>();
  const problems = components.flatMap((component, index) => placedProblems(component, ['components', index], TOP_LEVEL, seenIds));
  if (countComponents(components) > V2_COMPONENTS_MAX) problems.push(tooLong(['components'], V2_COMPONENTS_MAX));
  if (textLength(components) > V2_TEXT_TOTAL_MAX) {
    // Discord documents the budget but not the error it answers; this is the shape of its other length errors.
    problems.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: `The text displays of a message hold ${V2_TEXT_TOTAL_MAX} or fewer characters in all.` });
  }
  return problems;
}

/**
 * A component where only the `allowed` types may stand, checked by its own rules. Also used for
 * the top level of a message without the flag, where only action rows may stand.
 */
export function placedProblems(value: unknown, path: Path, allowed: readonly number[], seenIds: Set<string>): FieldProblem[] {
  const component = asRecord(value) ?? {};
  const type = asNumber(component['type']);
  if (type === undefined || !allowed.includes(type)) return [typeChoices([...path, 'type'], allowed)];
  switch (type) {
    case ComponentType.ActionRow:
      return actionRowProblems(component, path, seenIds);
    case LayoutType.Section:
      return sectionProblems(component, path, seenIds);
    case LayoutType.TextDisplay:
      return textDisplayProblems(component, path);
    case LayoutType.MediaGallery:
      return mediaGalleryProblems(component, path);
    case LayoutType.File:
      return fileProblems(component, path);
    case LayoutType.Separator:
      return separatorProblems(component, path);
    case LayoutType.Container:
      return containerProblems(component, path, seenIds);
    default:
      return [];
  }
}

function typeChoices(path: Path, allowed: readonly number[]): FieldProblem {
  return { path, code: 'UNION_TYPE_CHOICES', message: `Value of field "type" must be one of (${allowed.join(', ')},).` };
}

function sectionProblems(section: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const texts = asArray(section['components']) ?? [];
  const problems: FieldProblem[] = [];
  if (texts.length < 1 || texts.length > SECTION_TEXTS_MAX) problems.push(badLength([...path, 'components'], 1, SECTION_TEXTS_MAX));
  texts.forEach((text, index) => problems.push(...placedProblems(text, [...path, 'components', index], [LayoutType.TextDisplay], seenIds)));
  const accessory = asRecord(section['accessory']);
  if (accessory === undefined) return [...problems, required([...path, 'accessory'])];
  const type = asNumber(accessory['type']);
  if (type === ComponentType.Button) problems.push(...buttonProblems(accessory, [...path, 'accessory'], seenIds));
  else if (type === LayoutType.Thumbnail) problems.push(...mediaProblems(accessory, [...path, 'accessory']));
  else problems.push(typeChoices([...path, 'accessory', 'type'], SECTION_ACCESSORY));
  return problems;
}

function textDisplayProblems(text: JsonRecord, path: Path): FieldProblem[] {
  const content = asString(text['content']);
  if (content === undefined) return [required([...path, 'content'])];
  return content.length < 1 || content.length > TEXT_DISPLAY_MAX ? [badLength([...path, 'content'], 1, TEXT_DISPLAY_MAX)] : [];
}

/** A media gallery item or a thumbnail: a `media.url`, and alt text of at most 1,024 characters. */
function mediaProblems(media: JsonRecord, path: Path): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (asString(asRecord(media['media'])?.['url']) === undefined) problems.push(required([...path, 'media', 'url']));
  const description = asString(media['description']);
  if (description !== undefined && description.length > MEDIA_DESCRIPTION_MAX) problems.push(tooLong([...path, 'description'], MEDIA_DESCRIPTION_MAX));
  return problems;
}

function mediaGalleryProblems(gallery: JsonRecord, path: Path): FieldProblem[] {
  const items = asArray(gallery['items']) ?? [];
  const problems: FieldProblem[] = [];
  if (items.length < 1 || items.length > MEDIA_GALLERY_ITEMS_MAX) problems.push(badLength([...path, 'items'], 1, MEDIA_GALLERY_ITEMS_MAX));
  items.forEach((item, index) => problems.push(...mediaProblems(asRecord(item) ?? {}, [...path, 'items', index])));
  return problems;
}

/** A file component shows one of the message's own uploads, named by `attachment://<filename>`. */
function fileProblems(file: JsonRecord, path: Path): FieldProblem[] {
  const url = asString(asRecord(file['file'])?.['url']);
  if (url === undefined) return [required([...path, 'file', 'url'])];
  if (!url.startsWith('attachment://')) {
    return [{ path: [...path, 'file', 'url'], code: 'BASE_TYPE_INVALID', message: 'A file component points at an uploaded file, as attachment://<filename>.' }];
  }
  return [];
}

function separatorProblems(separator: JsonRecord, path: Path): FieldProblem[] {
  const spacing = separator['spacing'];
  if (spacing === undefined || spacing === null) return [];
  return typeof spacing === 'number' && SEPARATOR_SPACINGS.includes(spacing)
    ? []
    : [{ path: [...path, 'spacing'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of (${SEPARATOR_SPACINGS.join(', ')}).` }];
}

function containerProblems(container: JsonRecord, path: Path, seenIds: Set<string>): FieldProblem[] {
  const children = asArray(container['components']) ?? [];
  const problems: FieldProblem[] = [];
  if (children.length === 0) problems.push({ path: [...path, 'components'], code: 'BASE_TYPE_MIN_LENGTH', message: 'Must be 1 or more in length.' });
  children.forEach((child, index) => problems.push(...placedProblems(child, [...path, 'components', index], IN_CONTAINER, seenIds)));
  const accent = container['accent_color'];
  if (accent !== undefined && accent !== null && (typeof accent !== 'number' || !Number.isInteger(accent) || accent < 0 || accent > ACCENT_COLOR_MAX)) {
    problems.push({ path: [...path, 'accent_color'], code: 'NUMBER_TYPE_MAX', message: `An RGB colour from 0 to ${ACCENT_COLOR_MAX}.` });
  }
  return problems;
}

/** Every component of a layout, nested ones and section accessories included, as Discord counts them. */
export function countComponents(components: readonly unknown[]): number {
  return components.reduce<number>((sum, component) => {
    const record = asRecord(component) ?? {};
    const accessory = record['accessory'] === undefined || record['accessory'] === null ? 0 : 1;
    return sum + 1 + accessory + countComponents(asArray(record['components']) ?? []);
  }, 0);
}

/** The text of every text display of a layout, wherever it sits, in order. */
export function textDisplays(components: readonly unknown[]): string[] {
  return components.flatMap((component) => {
    const record = asRecord(component) ?? {};
    if (record['type'] === LayoutType.TextDisplay) return [asString(record['content']) ?? ''];
    return textDisplays(asArray(record['components']) ?? []);
  });
}

function textLength(components: readonly unknown[]): number {
  return textDisplays(components).reduce((sum, text) => sum + text.length, 0);
}
