import type { PageError, PageState } from '../common/page-types.ts';

/** An API call the server refused, with the sentence to show on the page. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

/** Reads the channel as one user sees it. */
export async function fetchState(viewerId: string | null): Promise<PageState> {
  const query = viewerId === null ? '' : `?viewer=${encodeURIComponent(viewerId)}`;
  return (await call(`/api/state${query}`, { method: 'GET' })) as PageState;
}

export type ActionPath = '/api/command' | '/api/message' | '/api/click' | '/api/select' | '/api/message-command' | '/api/modal/submit' | '/api/modal/close';

/** Posts an action as the selected user; resolves with the server's answer once the bot has answered it. */
export async function post(path: ActionPath, body: unknown): Promise<unknown> {
  return call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function call(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError('The playground server is not answering. Is `npm start` still running?');
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (body as Partial<PageError> | null)?.error;
    throw new ApiError(typeof message === 'string' ? message : `The playground answered ${response.status}.`, response.status);
  }
  return body;
}
