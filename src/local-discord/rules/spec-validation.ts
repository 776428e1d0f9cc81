import type { SpecIssue, SpecSchema } from 'discord-api-spec/zod';
import type { FieldProblem } from './form-errors.ts';

type Path = readonly (string | number)[];

/**
 * Checks a body against one of Discord's own OpenAPI request schemas and explains each refusal in
 * Discord's error vocabulary. The spec is looser than the docs in places; the documented rules add to it.
 * @example specProblems(MessageCreateRequestSchema, body) // [] when the spec accepts it
 */
export function specProblems(schema: SpecSchema, body: unknown): FieldProblem[] {
  const result = schema.safeParse(body);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => describeIssue(issue, [], body));
}

function describeIssue(issue: SpecIssue, base: Path, body: unknown): FieldProblem[] {
  const path = [...base, ...issue.path.map((key) => (typeof key === 'number' ? key : String(key)))];
  const value = valueAt(body, path);
  switch (issue.code) {
    case 'invalid_union':
      return describeUnion(issue, path, body);
    case 'invalid_type':
      return [value === undefined || value === null ? requiredAt(path) : wrongType(path, issue.expected ?? 'value', value)];
    case 'too_big':
      return [tooBig(path, issue)];
    case 'too_small':
      return [tooSmall(path, issue)];
    case 'invalid_value':
      return [{ path, code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${formatChoices(issue.values ?? [])}.` }];
    case 'invalid_format':
      return [{ path, code: 'BASE_TYPE_INVALID', message: `Not a well formed ${issue.origin ?? 'value'}.` }];
    default:
      return [{ path, code: 'BASE_TYPE_INVALID', message: 'Invalid value.' }];
  }
}

/** A union failed: report the branch whose `type` matched, as Discord does for components. */
function describeUnion(issue: SpecIssue, path: Path, body: unknown): FieldProblem[] {
  const branches = issue.errors ?? [];
  const matching = branches.filter((branch) => !branch.some((inner) => inner.code === 'invalid_value' && inner.path.length === 1 && inner.path[0] === 'type'));
  const best = [...matching].sort((a, b) => a.length - b.length)[0];
  if (best !== undefined && matching.length > 0) return best.flatMap((inner) => describeIssue(inner, path, body));
  const types = branches.flatMap((branch) => branch.filter((inner) => inner.path[0] === 'type').flatMap((inner) => inner.values ?? []));
  if (types.length > 0) {
    return [{ path: [...path, 'type'], code: 'UNION_TYPE_CHOICES', message: `Value of field "type" must be one of ${formatChoices(types)}.` }];
  }
  return [{ path, code: 'BASE_TYPE_INVALID', message: 'Invalid value.' }];
}

function tooBig(path: Path, issue: SpecIssue): FieldProblem {
  const max = String(issue.maximum);
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    return { path, code: 'NUMBER_TYPE_MAX', message: `int value should be less than or equal to ${max}.` };
  }
  return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}

function tooSmall(path: Path, issue: SpecIssue): FieldProblem {
  const min = String(issue.minimum);
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    return { path, code: 'NUMBER_TYPE_MIN', message: `int value should be greater than or equal to ${min}.` };
  }
  return { path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` };
}

function requiredAt(path: Path): FieldProblem {
  return { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
}

function wrongType(path: Path, expected: string, value: unknown): FieldProblem {
  const shown = JSON.stringify(value)?.slice(0, 50) ?? String(value);
  if (expected === 'number' || expected === 'int') return { path, code: 'NUMBER_TYPE_COERCE', message: `Value ${shown} is not int.` };
  if (expected === 'boolean') return { path, code: 'BASE_TYPE_BOOLEAN', message: 'Must be either true or false.' };
  if (expected === 'string') return { path, code: 'BASE_TYPE_STRING', message: `Could not interpret ${shown} as string.` };
  if (expected === 'array') return { path, code: 'BASE_TYPE_ARRAY', message: `Could not interpret ${shown} as a list.` };
  return { path, code: 'DICT_TYPE_CONVERT', message: `Only dictionaries may be used in a ${expected} field.` };
}

function formatChoices(values: readonly unknown[]): string {
  return `(${[...new Set(values)].map((value) => JSON.stringify(value)).join(', ')})`;
}

function valueAt(body: unknown, path: Path): unknown {
  let node = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
