import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../../logger.ts';
import type { EndpointReply } from './http-answers.ts';
import type { EndpointRequest } from './read-interaction.ts';
import { readInteraction } from './read-interaction.ts';
import { isSignedByDiscord } from './signature.ts';
import { readRequestBody } from '../../common/read-request-body.ts';

/*
 * The HTTP side of the interactions endpoint: one route, `POST /interactions`, with a body limit,
 * a timeout, the signature checked before anything in the body is read, and one log line for every
 * request it turns away (its reason and status; never the body, a header's value or a token).
 */

export const ENDPOINT_PATH = '/interactions';
/** Discord's interaction payloads are a few kilobytes; a message command's target at most some tens. */
export const BODY_LIMIT_BYTES = 256 * 1024;
/** Discord waits 3 s for the answer; a request that has not even arrived in 10 s is not Discord's. */
const REQUEST_TIMEOUT_MS = 10_000;
/** How long a stop waits for interactions still being answered through their webhook. */
const FINISH_ON_STOP_MS = 5_000;

/** Handles one signed interaction; `respond` writes the HTTP answer (at most once). */
export type InteractionReceiver = (request: Extract<EndpointRequest, { kind: 'interaction' }>, respond: (reply: EndpointReply) => Promise<void>) => Promise<void>;

export interface EndpointServerOptions {
  readonly port: number;
  /** 0.0.0.0 unless told otherwise: Discord, or a load balancer, reaches it from outside. */
  readonly host?: string;
  readonly publicKey: KeyObject;
  readonly applicationId: string;
  readonly logger: Logger;
  readonly receive: InteractionReceiver;
  /** How long the endpoint waits for the handler's first answer before giving up on the request. */
  readonly answerTimeoutMs: number;
}

export interface EndpointServer {
  readonly port: number;
  /** Whether it accepts requests: false once stopping. */
  listening(): boolean;
  stop(): Promise<void>;
}

class Rejected extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Starts the endpoint and resolves once it listens.
 * @example const server = await startEndpointServer({ port: 8080, publicKey, applicationId, logger, receive, answerTimeoutMs: 3000 });
 */
export async function startEndpointServer(options: EndpointServerOptions): Promise<EndpointServer> {
  const { logger } = options;
  const reject = (response: ServerResponse, status: number, reason: string) => {
    logger.warn({ status, reason }, 'interactions request rejected');
    if (!response.headersSent) response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: reason }));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof Rejected) return reject(response, error.status, error.reason);
      logger.error({ err: error instanceof Error ? error.message : String(error) }, 'interactions request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://endpoint').pathname;
    if (path !== ENDPOINT_PATH) throw new Rejected(404, 'not-found');
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      throw new Rejected(405, 'method-not-allowed');
    }
    const body = await readBody(request);
    const signature = header(request, 'x-signature-ed25519');
    const timestamp = header(request, 'x-signature-timestamp');
    if (!isSignedByDiscord(options.publicKey, body, signature, timestamp)) throw new Rejected(401, 'bad-signature');
    const parsed = readSafely(parseJson(body));
    if (!parsed.ok) throw new Rejected(400, `malformed: ${parsed.error}`);
    const received = parsed.value;
    if (received.kind === 'ping') return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":1}');
    if (received.applicationId !== options.applicationId) throw new Rejected(400, 'another-application');
    await answerWithin(received, response);
  }

  /** Handlers still at work, some after their HTTP response (an edit after a deferral, a Share's follow-up). */
  const working = new Set<Promise<void>>();

  /** Runs the handler; the response is its first answer, or a refusal when it gives none in time. */
  async function answerWithin(received: Extract<EndpointRequest, { kind: 'interaction' }>, response: ServerResponse): Promise<void> {
    let answered = false;
    const respond = async (reply: EndpointReply) => {
      if (answered || response.writableEnded) throw new Error('the HTTP request was already answered');
      answered = true;
      await writeReply(response, reply);
    };
    const timer = setTimeout(() => {
      if (answered) return;
      answered = true;
      reject(response, 503, 'no-answer-in-time');
    }, options.answerTimeoutMs);
    const handled = options.receive(received, respond);
    working.add(handled);
    try {
      await handled;
    } finally {
      working.delete(handled);
      clearTimeout(timer);
    }
    if (!answered) {
      answered = true;
      reject(response, 400, received.input.kind === 'other' ? 'unsupported-interaction-type' : 'no-answer');
    }
  }

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', rejectListen);
      resolve();
    });
  });
  let stopping = false;
  return {
    port: (server.address() as AddressInfo).port,
    listening: () => !stopping && server.listening,
    async stop() {
      if (stopping) return;
      stopping = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      // An interaction's token outlives its request: let what was started finish (Discord waits 15 minutes; a stop, a few seconds).
      await Promise.race([Promise.allSettled([...working]), new Promise((resolve) => setTimeout(resolve, FINISH_ON_STOP_MS).unref())]);
    },
  };
}

/** Reads the body; anything the reader did not foresee (a body nested past the stack, say) is a 400 too. */
function readSafely(json: unknown): ReturnType<typeof readInteraction> {
  try {
    return readInteraction(json);
  } catch {
    return { ok: false, error: 'unreadable' };
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Rejected(400, 'malformed: not JSON');
  }
}

/** The raw body, refused with 413 past the limit and with 400 when the client left before sending it all. */
async function readBody(request: IncomingMessage): Promise<Buffer> {
  const read = await readRequestBody(request, BODY_LIMIT_BYTES);
  if (read.ok) return read.bytes;
  throw read.reason === 'too-large' ? new Rejected(413, 'too-large') : new Rejected(400, 'incomplete-body');
}

async function writeReply(response: ServerResponse, reply: EndpointReply): Promise<void> {
  if (reply.status === 202) {
    await endWith(response, 202, {}, undefined);
  } else if ('form' in reply) {
    // The web platform's own multipart encoding: Response knows how to turn FormData into a body.
    const encoded = new Response(reply.form);
    const body = Buffer.from(await encoded.arrayBuffer());
    await endWith(response, 200, { 'content-type': encoded.headers.get('content-type') ?? 'multipart/form-data' }, body);
  } else {
    await endWith(response, 200, { 'content-type': 'application/json' }, JSON.stringify(reply.json));
  }
}

function endWith(response: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string | undefined): Promise<void> {
  return new Promise((resolve, rejectWrite) => {
    response.once('error', rejectWrite);
    // Discord gave up on the request (past its 3 s) and closed it: the answer never arrived.
    response.once('close', () => (response.writableFinished ? resolve() : rejectWrite(new Error('the request closed before the answer was sent'))));
    response.writeHead(status, headers).end(body, () => resolve());
  });
}
