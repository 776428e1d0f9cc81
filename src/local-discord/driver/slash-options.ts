import { DriverError } from '../errors.ts';
import { asArray, asNumber, asRecord, asString, type JsonRecord } from '../rules/json.ts';
import type { SlashOptionValue } from '../types.ts';

const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3, Integer: 4, Boolean: 5, User: 6, Channel: 7, Role: 8, Mentionable: 9, Number: 10 } as const;

/** What the Discord client would put in `data.options` for what the user typed, or a DriverError. */
export interface ResolvedInvocation {
  readonly options: JsonRecord[];
}

/**
 * Checks the user's input against the registered command, as the Discord client does before it
 * sends anything: known options only, required ones present, types, choices and ranges respected.
 * `path` holds subcommand group and subcommand names, e.g. `['settings', 'show']`.
 */
export function resolveInvocation(command: JsonRecord, path: readonly string[], input: Readonly<Record<string, SlashOptionValue>>): ResolvedInvocation {
  const commandName = asString(command['name']) ?? '?';
  let options = optionList(command);
  const chain: { name: string; type: number }[] = [];
  for (const name of path) {
    const sub = options.find((option) => option['name'] === name && (option['type'] === OptionType.Subcommand || option['type'] === OptionType.SubcommandGroup));
    if (sub === undefined) throw new DriverError(`/${commandName} has no subcommand "${name}"`);
    chain.push({ name, type: asNumber(sub['type']) ?? OptionType.Subcommand });
    options = optionList(sub);
  }
  if (options.some((option) => option['type'] === OptionType.Subcommand || option['type'] === OptionType.SubcommandGroup)) {
    throw new DriverError(`/${commandName} needs a subcommand: ${options.map((option) => String(option['name'])).join(', ')}`);
  }
  const leaves = checkValues(commandName, options, input);
  // Nest the values under their subcommand and group, as Discord sends them.
  const nested = chain.reduceRight<JsonRecord[]>((inner, link) => [{ name: link.name, type: link.type, options: inner }], leaves);
  return { options: nested };
}

function optionList(node: JsonRecord): JsonRecord[] {
  return (asArray(node['options']) ?? []).flatMap((option) => {
    const record = asRecord(option);
    return record === undefined ? [] : [record];
  });
}

function checkValues(commandName: string, options: readonly JsonRecord[], input: Readonly<Record<string, SlashOptionValue>>): JsonRecord[] {
  for (const name of Object.keys(input)) {
    if (!options.some((option) => option['name'] === name)) {
      throw new DriverError(`/${commandName} has no option "${name}" (it has: ${options.map((option) => String(option['name'])).join(', ') || 'none'})`);
    }
  }
  const values: JsonRecord[] = [];
  for (const option of options) {
    const name = String(option['name']);
    const value = input[name];
    if (value === undefined) {
      if (option['required'] === true) throw new DriverError(`/${commandName} needs the option "${name}"`);
      continue;
    }
    const type = asNumber(option['type']) ?? OptionType.String;
    checkValue(commandName, option, type, value);
    values.push({ name, type, value });
  }
  return values;
}

function checkValue(commandName: string, option: JsonRecord, type: number, value: SlashOptionValue): void {
  const name = String(option['name']);
  const fail = (why: string) => {
    throw new DriverError(`/${commandName} option "${name}": ${why}`);
  };
  if (type === OptionType.Boolean && typeof value !== 'boolean') fail('expects true or false');
  if (type === OptionType.Integer && !Number.isInteger(value)) fail('expects a whole number');
  if (type === OptionType.Number && (typeof value !== 'number' || !Number.isFinite(value))) fail('expects a number');
  if ((type === OptionType.String || type === OptionType.User || type === OptionType.Channel || type === OptionType.Role || type === OptionType.Mentionable) && typeof value !== 'string') {
    fail('expects text');
  }
  const choices = asArray(option['choices']);
  if (choices !== undefined && choices.length > 0 && !choices.some((choice) => asRecord(choice)?.['value'] === value)) {
    fail(`must be one of ${choices.map((choice) => JSON.stringify(asRecord(choice)?.['value'])).join(', ')}`);
  }
  if (typeof value === 'string') {
    const min = asNumber(option['min_length']) ?? 0;
    const max = asNumber(option['max_length']) ?? 6000;
    if (value.length < min || value.length > max) fail(`must be ${min}-${max} characters long`);
  }
  if (typeof value === 'number') {
    const min = asNumber(option['min_value']);
    const max = asNumber(option['max_value']);
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) fail(`must be between ${min ?? '-inf'} and ${max ?? 'inf'}`);
  }
}
