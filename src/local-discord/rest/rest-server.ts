import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { ApiError, apiErrors } from '../errors.ts';
import type { RateLimitFault, RecordedRequest, ServerErrorFault, Violation } from '../types.ts';
import { readBody, type ParsedBody } from './request-body.ts';
import { matchRoute, type RestContext, type RestResponse, type Route } from './route.ts';

const API_PREFIX = /^\/api\/v(9|10)(\/.*)$/;
/** Discord's documented global ceiling; also used per bucket here, which real buckets never exceed. */
const REQUESTS_PER_WINDOW = 50;
const WINDOW_MS = 1_000;

interface PendingFault {
  readonly kind: 'rateLimit' | 'serverError';
  readonly route?: string;
  readonly retryAfterMs: number;
  readonly status: number;
}

interface Bucket {
  count: number;
  resetAt: number;
}

export interface RestServerDeps {
  readonly context: RestContext;
  readonly routes: readonly Route[];
  readonly requests: RecordedRequest[];
  /** False to skip the request log (long runs); violations are recorded regardless. */
  readonly recordRequests: boolean;
  readonly violations: Violation[];
  readonly onInternalError: (error: unknown) => void;
  /** Serves anything outside `/api`, e.g. attachment downloads; false when it did not. */
  readonly serveOther: (path: string, response: ServerResponse) => boolean;
}

/** The REST half of the server: routing, auth, bodies, rate-limit headers, injected faults, recording. */
export class RestServer {
  private readonly faults: PendingFault[] = [];
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  constructor(private readonly deps: RestServerDeps) {}

  rateLimitNext(opts: RateLimitFault = {}): void {
    const retryAfterMs = opts.retryAfterMs ?? 1_000;
    if (!Number.isFinite(retryAfterMs) || retryAfterMs < 0) throw new RangeError(`retryAfterMs must be a non-negative number, got ${retryAfterMs}`);
    this.faults.push({ kind: 'rateLimit', retryAfterMs, status: 429, ...(opts.route === undefined ? {} : { route: opts.route }) });
  }

  serverErrorNext(opts: ServerErrorFault = {}): void {
    const status = opts.status ?? 500;
    if (!Number.isInteger(status) || status < 500 || status > 599) throw new RangeError(`serverErrorNext needs a 5xx status, got ${status}`);
    this.faults.push({ kind: 'serverError', retryAfterMs: 0, status, ...(opts.route === undefined ? {} : { route: opts.route }) });
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (this.deps.serveOther(url.pathname, response)) return;
    const prefixed = API_PREFIX.exec(url.pathname);
    const route = decodePath(prefixed?.[2] ?? url.pathname);
    let body: ParsedBody = { json: undefined, files: [] };
    let answer: RestResponse | ApiError;
    let headers: Record<string, string> = {};
    let injected = false;
    try {
      body = await readBody(request);
      if (prefixed === undefined || route === undefined) throw apiErrors.notFound();
      const match = matchRoute(this.deps.routes, method, route);
      if (match === undefined) throw apiErrors.notFound();
      if (match === 'methodMismatch') throw apiErrors.methodNotAllowed();
      const fault = this.takeFault(route);
      if (fault !== undefined) {
        injected = true;
        answer = faultResponse(fault);
        headers = fault.kind === 'rateLimit' ? rateLimitedHeaders(fault.retryAfterMs, 'injected') : {};
      } else {
        if (match.route.auth && request.headers.authorization !== `Bot ${this.deps.context.bot.token}`) throw apiErrors.unauthorized();
        const bucketKey = `${method}:${match.route.path}:${match.route.bucket(match.params)}`;
        headers = this.countRequest(bucketKey);
        answer = headers['Retry-After'] === undefined
          ? await match.route.handle(this.deps.context, { method, route, params: match.params, query: url.searchParams, body: body.json, files: body.files })
          : new ApiError(429, 0, 'You are being rate limited.');
      }
    } catch (error) {
      if (error instanceof ApiError) answer = error;
      else {
        this.deps.onInternalError(error);
        answer = new ApiError(500, 0, '500: Internal Server Error');
      }
    }
    this.record(method, route ?? url.pathname, body, answer, injected);
    write(response, answer, headers);
  }

  private takeFault(route: string): PendingFault | undefined {
    const index = this.faults.findIndex((fault) => fault.route === undefined || route.includes(fault.route));
    if (index < 0) return undefined;
    return this.faults.splice(index, 1)[0];
  }

  /** Counts a request in its bucket and returns the headers Discord sends with it. */
  private countRequest(bucketKey: string): Record<string, string> {
    const now = Date.now();
    // Interaction buckets are one-off; sweep the expired ones so long runs do not pile them up. Once
    // a window is enough: nothing expires sooner, and a sweep per request would walk every bucket.
    if (this.buckets.size > 1_000 && now - this.lastSweep >= WINDOW_MS) {
      this.lastSweep = now;
      for (const [key, old] of this.buckets) if (old.resetAt <= now) this.buckets.delete(key);
    }
    let bucket = this.buckets.get(bucketKey);
    if (bucket === undefined || bucket.resetAt <= now) {
      bucket = { count: 0, resetAt: now + WINDOW_MS };
      this.buckets.set(bucketKey, bucket);
    }
    bucket.count += 1;
    const resetAfterMs = bucket.resetAt - now;
    if (bucket.count > REQUESTS_PER_WINDOW) return rateLimitedHeaders(resetAfterMs, bucketKey);
    return {
      'X-RateLimit-Limit': String(REQUESTS_PER_WINDOW),
      'X-RateLimit-Remaining': String(REQUESTS_PER_WINDOW - bucket.count),
      'X-RateLimit-Reset': String(bucket.resetAt / 1000),
      'X-RateLimit-Reset-After': String(resetAfterMs / 1000),
      'X-RateLimit-Bucket': bucketHash(bucketKey),
    };
  }

  private record(method: string, route: string, body: ParsedBody, answer: RestResponse | ApiError, injected: boolean): void {
    const status = answer.status;
    if (this.deps.recordRequests) this.deps.requests.push({ method, route, body: body.json, status, at: Date.now() });
    if (answer instanceof ApiError && status < 500 && !injected) {
      this.deps.violations.push({ method, route, status, code: answer.code, message: answer.message, ...(answer.errors === undefined ? {} : { errors: answer.errors }) });
    }
  }
}

function faultResponse(fault: PendingFault): ApiError {
  if (fault.kind === 'serverError') return new ApiError(fault.status, 0, `${fault.status}: injected server error`);
  return new ApiError(429, 0, 'You are being rate limited.');
}

function rateLimitedHeaders(retryAfterMs: number, bucketKey: string): Record<string, string> {
  const seconds = String(retryAfterMs / 1000);
  return {
    'Retry-After': seconds,
    'X-RateLimit-Limit': String(REQUESTS_PER_WINDOW),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset-After': seconds,
    'X-RateLimit-Bucket': bucketHash(bucketKey),
    'X-RateLimit-Scope': 'user',
  };
}

function bucketHash(key: string): string {
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}

/** Decodes each path segment (`%40original` becomes `@original`); undefined for a malformed escape. */
function decodePath(path: string): string | undefined {
  try {
    return path.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
}

function write(response: ServerResponse, answer: RestResponse | ApiError, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (answer instanceof ApiError) {
    const retryAfter = headers['Retry-After'];
    const body = answer.status === 429 ? { message: answer.message, retry_after: Number(retryAfter ?? 1), global: false, code: 0 } : answer.body;
    response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  if (answer.raw !== undefined) {
    response.writeHead(answer.status, { 'Content-Type': answer.raw.contentType, 'Content-Length': answer.raw.data.length }).end(answer.raw.data);
    return;
  }
  if (answer.json === undefined) {
    response.writeHead(answer.status).end();
    return;
  }
  response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.json));
}
