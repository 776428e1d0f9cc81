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
    // The driver's message already reads "This interaction failed: …", as Discord's client says.
    return { status: 504, message: `${detail}. A bot must answer within 3 seconds; Discord shows the same message.` };
  }
  if (name === 'DriverError') return { status: 409, message: detail };
  return { status: 500, message: `Something went wrong while talking to the bot: ${detail}` };
}
