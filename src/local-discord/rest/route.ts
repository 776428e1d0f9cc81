import type { specProblems } from '../rules/spec-validation.ts';
import type { Clock } from '../clock.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { InteractionRegistry } from '../interactions.ts';
import type { ContentReader } from '../message-content.ts';
import type { BotIdentity } from '../types.ts';
import type { World } from '../world.ts';
import type { UploadedFile } from './request-body.ts';

/** What every route handler can reach. */
export interface RestContext {
  readonly world: World;
  readonly interactions: InteractionRegistry;
  readonly gateway: Gateway;
  readonly bot: BotIdentity;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly now: () => number;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  readonly origin: () => string;
  readonly gatewayUrl: () => string;
  readonly recommendedShards: number;
  /** The installation contexts the app supports (the portal's Installation page): 0 guild, 1 user. */
  readonly integrationTypes: readonly number[];
  /** Gates the content of every message object a REST answer carries, by the app's own Message Content setting. */
  readonly reader: ContentReader;
  /** specProblems, or a stand-in that finds none when schema checks are off. */
  readonly checkSpec: typeof specProblems;
}

export interface RestRequest {
  readonly method: string;
  /** The decoded path after the version prefix, e.g. `/webhooks/1/abc/messages/@original`. */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly files: readonly UploadedFile[];
}

export interface RestResponse {
  readonly status: number;
  /** Sent as JSON; absent for 204. */
  readonly json?: unknown;
  /** Sent as-is with `contentType`, e.g. an attachment's bytes. */
  readonly raw?: { readonly data: Buffer; readonly contentType: string };
}

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments with `:name` placeholders, e.g. `/channels/:channelId/messages`. */
  readonly path: string;
  /** Bot-token routes need `Authorization: Bot <token>`; interaction and webhook routes need none. */
  readonly auth: boolean;
  /** Requests in one rate-limit bucket share their counters, as Discord's per-route buckets do. */
  readonly bucket: (params: Readonly<Record<string, string>>) => string;
  readonly handle: (context: RestContext, request: RestRequest) => RestResponse | Promise<RestResponse>;
}

export const json = (json: unknown, status = 200): RestResponse => ({ status, json });
export const noContent = (): RestResponse => ({ status: 204 });

/** Finds the route for a method and decoded path; `methodMismatch` when only the method is wrong. */
export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | 'methodMismatch' | undefined {
  const segments = splitPath(path);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchSegments(splitPath(route.path), segments);
    if (params === undefined) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? 'methodMismatch' : undefined;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const value = actual[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return undefined;
  }
  return params;
}
