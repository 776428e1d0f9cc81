import { badLength, tooLong, type FieldProblem } from './form-errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from './json.ts';
import { MAX_CHAT_INPUT_COMMANDS, MAX_CHOICES, MAX_COMBINED_CHARACTERS, MAX_CONTEXT_MENU_COMMANDS, MAX_OPTIONS } from './limits.ts';

/** Discord's documented pattern for command and option names. */
const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const CHAT_INPUT = 1;
const USER = 2;
const MESSAGE = 3;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;

type Path = (string | number)[];

/**
 * The documented rules for a bulk overwrite of application commands (names, descriptions, option
 * counts, ordering, totals), on top of the OpenAPI schema.
 * @example commandListProblems([{ name: 'Guide', description: '' }]) // name not lowercase, description too short
 */
export function commandListProblems(commands: readonly unknown[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const counts = new Map<number, number>();
  commands.forEach((raw, index) => {
    const command = asRecord(raw) ?? {};
    const type = asNumber(command['type']) ?? CHAT_INPUT;
    const name = asString(command['name']) ?? '';
    const key = `${type}:${name}`;
    if (seen.has(key)) problems.push({ path: [index, 'name'], code: 'APPLICATION_COMMAND_ALREADY_EXISTS', message: 'Application command names must be unique' });
    seen.add(key);
    counts.set(type, (counts.get(type) ?? 0) + 1);
    problems.push(...commandProblems(command, type, [index]));
  });
  if ((counts.get(CHAT_INPUT) ?? 0) > MAX_CHAT_INPUT_COMMANDS) problems.push(tooLong([], MAX_CHAT_INPUT_COMMANDS));
  for (const [type, kind] of [[USER, 'user'], [MESSAGE, 'message']] as const) {
    if ((counts.get(type) ?? 0) > MAX_CONTEXT_MENU_COMMANDS) {
      problems.push({ path: [], code: 'APPLICATION_COMMANDS_TOO_MANY', message: `An app has at most ${MAX_CONTEXT_MENU_COMMANDS} ${kind} commands.` });
    }
  }
  return problems;
}

function commandProblems(command: JsonRecord, type: number, path: Path): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = asString(command['name']) ?? '';
  if (type === CHAT_INPUT) {
    problems.push(...nameProblems(name, [...path, 'name']));
    problems.push(...descriptionProblems(command['description'], [...path, 'description']));
    problems.push(...optionListProblems(asArray(command['options']) ?? [], [...path, 'options'], 0));
    if (combinedLength(command) > MAX_COMBINED_CHARACTERS) {
      problems.push({ path, code: 'APPLICATION_COMMAND_TOO_LARGE', message: `Command exceeds maximum size (${MAX_COMBINED_CHARACTERS})` });
    }
  } else {
    // User and message commands: any name of 1-32 characters (spaces and capitals too), no description, no options.
    if (name.length < 1 || name.length > 32) problems.push(badLength([...path, 'name'], 1, 32));
    const description = asString(command['description']) ?? '';
    if (description !== '') problems.push({ path: [...path, 'description'], code: 'APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED', message: 'User and message commands have no description.' });
    if ((asArray(command['options']) ?? []).length > 0) {
      problems.push({ path: [...path, 'options'], code: 'APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED', message: 'User and message commands have no options.' });
    }
  }
  return problems;
}

function nameProblems(name: string, path: Path): FieldProblem[] {
  if (!NAME_PATTERN.test(name)) return [{ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` }];
  if (name !== name.toLowerCase()) return [{ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command names must be lowercase' }];
  return [];
}

function descriptionProblems(value: unknown, path: Path): FieldProblem[] {
  const description = asString(value) ?? '';
  return description.length < 1 || description.length > 100 ? [badLength(path, 1, 100)] : [];
}

function optionListProblems(options: readonly unknown[], path: Path, depth: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (options.length > MAX_OPTIONS) problems.push(tooLong(path, MAX_OPTIONS));
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((raw, index) => {
    const option = asRecord(raw) ?? {};
    const at: Path = [...path, index];
    const name = asString(option['name']) ?? '';
    problems.push(...nameProblems(name, [...at, 'name']));
    if (names.has(name)) problems.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
    names.add(name);
    problems.push(...descriptionProblems(option['description'], [...at, 'description']));
    const choices = asArray(option['choices']) ?? [];
    if (choices.length > MAX_CHOICES) problems.push(tooLong([...at, 'choices'], MAX_CHOICES));
    const type = asNumber(option['type']);
    if (type === SUBCOMMAND || type === SUBCOMMAND_GROUP) {
      if (depth >= (type === SUBCOMMAND_GROUP ? 1 : 2)) problems.push({ path: [...at, 'type'], code: 'APPLICATION_COMMAND_OPTION_NESTING_INVALID', message: 'Subcommands nest at most two levels deep.' });
      problems.push(...optionListProblems(asArray(option['options']) ?? [], [...at, 'options'], depth + 1));
      return;
    }
    if (option['required'] === true && optionalSeen) {
      problems.push({ path: [...at, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    if (option['required'] !== true) optionalSeen = true;
  });
  return problems;
}

/** Name, description, and every option's name, description and choices, counted together. */
function combinedLength(node: JsonRecord): number {
  const text = (value: unknown) => asString(value)?.length ?? 0;
  const choices = (asArray(node['choices']) ?? []).reduce<number>((sum, choice) => {
    const record = asRecord(choice) ?? {};
    return sum + text(record['name']) + String(record['value'] ?? '').length;
  }, 0);
  const options = (asArray(node['options']) ?? []).reduce<number>((sum, option) => sum + combinedLength(asRecord(option) ?? {}), 0);
  return text(node['name']) + text(node['description']) + choices + options;
}

/**
 * A global command may declare only installation contexts the app supports (the portal's
 * Installation page), as documented; the schema already limits the values to 0 and 1.
 * @example integrationTypeProblems([{ name: 'guide', description: 'd', integration_types: [1] }], [0]) // one problem
 */
export function integrationTypeProblems(commands: readonly unknown[], supported: readonly number[]): FieldProblem[] {
  return commands.flatMap((raw, index) =>
    (asArray(asRecord(raw)?.['integration_types']) ?? []).flatMap((value, at) =>
      typeof value === 'number' && !supported.includes(value)
        ? [{ path: [index, 'integration_types', at], code: 'APPLICATION_COMMAND_INTEGRATION_TYPE_NOT_SUPPORTED', message: `The application does not support installation context ${value}.` }]
        : [],
    ),
  );
}
