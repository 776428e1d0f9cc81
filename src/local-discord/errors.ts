import { toErrorTree, type ErrorTree, type FieldProblem } from './rules/form-errors.ts';

/** A refusal the server answers with Discord's status and JSON error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: ErrorTree,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The body Discord sends: `{ code, message, errors? }`. */
  get body(): Record<string, unknown> {
    return this.errors === undefined ? { message: this.message, code: this.code } : { message: this.message, code: this.code, errors: this.errors };
  }
}

/** A test asked the driver for something no user could do, or the bot never answered. */
export class DriverError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DriverError';
  }
}

/** The bot did not acknowledge an interaction in time; Discord shows "This interaction failed". */
export class InteractionFailedError extends Error {
  constructor(readonly interactionId: string, detail: string) {
    super(`This interaction failed: ${detail}`);
    this.name = 'InteractionFailedError';
  }
}

/** Discord's JSON error responses, named by what went wrong. */
export const apiErrors = {
  unauthorized: () => new ApiError(401, 0, '401: Unauthorized'),
  notFound: () => new ApiError(404, 0, '404: Not Found'),
  methodNotAllowed: () => new ApiError(405, 0, '405: Method Not Allowed'),
  unknownChannel: () => new ApiError(404, 10003, 'Unknown Channel'),
  unknownMessage: () => new ApiError(404, 10008, 'Unknown Message'),
  unknownWebhook: () => new ApiError(404, 10015, 'Unknown Webhook'),
  unknownInteraction: () => new ApiError(404, 10062, 'Unknown interaction'),
  unknownCommand: () => new ApiError(404, 10063, 'Unknown application command'),
  missingAccess: () => new ApiError(403, 50001, 'Missing Access'),
  cannotEditOthers: () => new ApiError(403, 50005, 'Cannot edit a message authored by another user'),
  emptyMessage: () => new ApiError(400, 50006, 'Cannot send an empty message'),
  invalidWebhookToken: () => new ApiError(401, 50027, 'Invalid Webhook Token'),
  alreadyAcknowledged: () => new ApiError(400, 40060, 'Interaction has already been acknowledged.'),
  followUpLimit: () => new ApiError(400, 40094, 'This interaction has hit the maximum number of follow up messages'),
  tooLarge: () => new ApiError(413, 40005, 'Request entity too large'),
  invalidJson: () => new ApiError(400, 50109, 'The request body contains invalid JSON.'),
  invalidFormBody: (problems: readonly FieldProblem[]) => new ApiError(400, 50035, 'Invalid Form Body', toErrorTree(distinct(problems))),
} as const;

/** The schema and the documented rules can both catch one mistake; Discord reports it once. */
function distinct(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path.join('.')}|${problem.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
