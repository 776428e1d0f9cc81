/** One reason a request body is refused, at a path inside the body (array indexes as numbers). */
export interface FieldProblem {
  readonly path: readonly (string | number)[];
  /** Discord's upper-case error code, e.g. `BASE_TYPE_MAX_LENGTH`. */
  readonly code: string;
  readonly message: string;
}

/** Discord's nested `errors` object: each key a field or index, leaves `{ _errors: [{code, message}] }`. */
export interface ErrorTree {
  [key: string]: ErrorTree | { code: string; message: string }[];
}

/**
 * Folds problems into the nested shape Discord returns with code 50035.
 * @example toErrorTree([{ path: ['content'], code: 'BASE_TYPE_MAX_LENGTH', message: '...' }])
 *   // { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: '...' }] } }
 */
export function toErrorTree(problems: readonly FieldProblem[]): ErrorTree {
  const root: ErrorTree = {};
  for (const problem of problems) {
    let node = root;
    for (const key of problem.path) {
      const existing = node[String(key)];
      if (existing === undefined || Array.isArray(existing)) {
        const child: ErrorTree = {};
        node[String(key)] = child;
        node = child;
      } else {
        node = existing;
      }
    }
    const leaf = node['_errors'];
    const entry = { code: problem.code, message: problem.message };
    if (Array.isArray(leaf)) leaf.push(entry);
    else node['_errors'] = [entry];
  }
  return root;
}

export const tooLong = (path: readonly (string | number)[], max: number): FieldProblem => ({
  path,
  code: 'BASE_TYPE_MAX_LENGTH',
  message: `Must be ${max} or fewer in length.`,
});

export const badLength = (path: readonly (string | number)[], min: number, max: number): FieldProblem => ({
  path,
  code: 'BASE_TYPE_BAD_LENGTH',
  message: `Must be between ${min} and ${max} in length.`,
});

export const required = (path: readonly (string | number)[]): FieldProblem => ({
  path,
  code: 'BASE_TYPE_REQUIRED',
  message: 'This field is required',
});
