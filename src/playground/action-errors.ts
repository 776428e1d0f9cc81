/**
 * What the page says when an action fails. The local server's user driver rejects with named
 * errors; matching on the name keeps this module free of the server's classes.
 */
export interface ActionProblem {
  readonly status: number;
  readonly message: string;
}

/** @example describeActionError(new InteractionFailedError(...)) // { status: 504, message: 'The bot did not answer…' } */
export function describeActionError(error: unknown): ActionProblem {
  const name = error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'InteractionFailedError') {
    return {
      status: 504,
      message: `This interaction failed: the bot did not answer within 3 seconds, so Discord would show an error too. (${detail})`,
    };
  }
  if (name === 'DriverError') return { status: 409, message: detail };
  return { status: 500, message: `Something went wrong while talking to the bot: ${detail}` };
}
