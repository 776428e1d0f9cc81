import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { ApiError, DriverError, InteractionFailedError } from './errors.ts';
import { ACK_WINDOW_MS, type InteractionRecord } from './interactions.ts';
import { answerInteraction } from './rest/interaction-routes.ts';
import { parseBody } from './rest/request-body.ts';
import type { RestContext } from './rest/route.ts';
import type { JsonRecord } from './rules/json.ts';
import type { Violation } from './types.ts';

/*
 * Discord's other way of delivering interactions: an HTTP POST to the app's Interactions Endpoint
 * URL instead of INTERACTION_CREATE on the gateway. Each request is signed with the app's Ed25519
 * key over timestamp + body; the app answers in the HTTP response (JSON, or multipart when files
 * ride along) within 3 s, or with 202 and no body after answering through the callback route.
 */

export const SIGNATURE_HEADER = 'x-signature-ed25519';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';
const USER_AGENT = 'Discord-Interactions/1.0 (+https://discord.com)';

/** The app's Ed25519 key pair: the private half signs, the public half is what the portal shows. */
export interface SigningKey {
  /** 64 hex digits, as the developer portal shows it. */
  readonly publicKey: string;
  readonly privateKey: KeyObject;
}

export function createSigningKey(): SigningKey {
  const keys = generateKeyPairSync('ed25519');
  const jwk = keys.publicKey.export({ format: 'jwk' });
  return { publicKey: Buffer.from(jwk.x ?? '', 'base64url').toString('hex'), privateKey: keys.privateKey };
}

export interface EndpointDeps {
  readonly key: SigningKey;
  readonly context: RestContext;
  /** An answer Discord would refuse (a bad body, a late or second answer), recorded as a violation. */
  readonly onRefusal: (violation: Violation) => void;
  readonly onInternalError: (error: unknown) => void;
  /** Called just before an interaction is posted, as `onInteractionSent` is for the gateway. */
  readonly onSent?: ((interactionId: string) => void) | undefined;
}

interface Posted {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

/** The app's endpoint URLs, its signing key, and delivery of interactions to them. */
export class InteractionsEndpoint {
  private urls: readonly string[] = [];
  private turn = 0;
  /** Kept-alive connections to the endpoints, as Discord's own client keeps them. */
  private readonly agent = new Agent({ keepAlive: true });

  constructor(private readonly deps: EndpointDeps) {}

  /** Whether interactions go to the endpoint; otherwise they go over the gateway. */
  get active(): boolean {
    return this.urls.length > 0;
  }

  /**
   * Sets the endpoint URLs (several stand for replicas behind a load balancer; none returns to the
   * gateway). As the portal does when the URL is saved, each must answer a signed PING with PONG
   * and a PING with a bad signature with 401; otherwise nothing changes and a DriverError says why.
   */
  async configure(urls: readonly string[]): Promise<void> {
    for (const url of urls) {
      // Discord asks for https; the local server reaches endpoints on this machine over plain http.
      if (!URL.canParse(url) || new URL(url).protocol !== 'http:') throw new DriverError(`${JSON.stringify(url)} is not an http:// URL`);
      const body = JSON.stringify(this.ping());
      const pong = await this.post(url, body, this.headers(body)).catch((error: unknown) => unverified(url, `it could not be reached (${describe(error)})`));
      const answered = pong.status === 200 ? readJson(pong.body) : undefined;
      if (answered?.['type'] !== 1) unverified(url, `a signed PING got ${pong.status} ${pong.body.toString('utf8').slice(0, 80)}, not {"type":1}`);
      const forged = { ...this.headers(body), [SIGNATURE_HEADER]: '0'.repeat(128) };
      const probe = await this.post(url, body, forged).catch((error: unknown) => unverified(url, `it could not be reached (${describe(error)})`));
      if (probe.status !== 401) unverified(url, `a PING with a bad signature got ${probe.status}, not 401`);
    }
    this.urls = [...urls];
    this.turn = 0;
  }

  /** Closes the kept-alive connections, so the server can stop. */
  close(): void {
    this.agent.destroy();
  }

  /**
   * Posts an interaction to the next endpoint in turn and applies the answer; the interaction's
   * record settles as the member would see it. An endpoint that refuses the connection is skipped
   * for the next, as a load balancer takes a dead replica out of its turn.
   */
  deliver(interaction: InteractionRecord, payload: JsonRecord): void {
    this.deliverNow(interaction, JSON.stringify(payload)).catch(this.deps.onInternalError);
  }

  private async deliverNow(interaction: InteractionRecord, body: string): Promise<void> {
    // Past an acknowledgement (a deferral through the callback route), the member already sees an answer coming.
    const failed = (detail: string) => {
      if (!interaction.acknowledged) interaction.fail(new InteractionFailedError(interaction.id, detail));
    };
    let resent = false;
    this.deps.onSent?.(interaction.id);
    for (let tried = 0; tried < this.urls.length; tried += 1) {
      const url = this.urls[this.turn % this.urls.length]!;
      this.turn += 1;
      let answer: Posted;
      try {
        answer = await this.post(url, body, this.headers(body));
      } catch (error) {
        if (connectionRefused(error)) continue;
        // A kept-alive connection the endpoint closed (a restarted replica) breaks before any answer. The
        // interaction is known not to have been acted on while unacknowledged, so it is sent once more.
        if (connectionClosed(error) && !interaction.acknowledged && !resent) {
          resent = true;
          tried -= 1;
          continue;
        }
        failed(isTimeout(error) ? `the interactions endpoint did not answer within ${ACK_WINDOW_MS} ms` : `the interactions endpoint failed (${describe(error)})`);
        return;
      }
      this.takeAnswer(interaction, answer);
      return;
    }
    failed('no interactions endpoint could be reached');
  }

  private takeAnswer(interaction: InteractionRecord, answer: Posted): void {
    // Answered through the callback route; the interaction's own 3 s timer watches that it was.
    if (answer.status === 202 && answer.body.length === 0) return;
    if (answer.status !== 200) {
      if (!interaction.acknowledged) interaction.fail(new InteractionFailedError(interaction.id, `the interactions endpoint answered ${answer.status}`));
      return;
    }
    try {
      const parsed = parseBody(answer.body, answer.contentType);
      answerInteraction(this.deps.context, interaction, parsed.json, parsed.files);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.deps.onRefusal({ method: 'POST', route: 'interactions endpoint answer', status: error.status, code: error.code, message: error.message, ...(error.errors === undefined ? {} : { errors: error.errors }) });
      interaction.fail(new InteractionFailedError(interaction.id, `Discord refused the endpoint's answer: ${error.message}`));
    }
  }

  /** A PING as Discord sends one when a URL is saved: an interaction of type 1 with its own id and token. */
  private ping(): JsonRecord {
    const { context } = this.deps;
    return { id: context.newId(), application_id: context.bot.applicationId, type: 1, token: randomBytes(32).toString('base64url'), version: 1 };
  }

  /** Discord's headers: the signature over timestamp + body, with the timestamp in Unix seconds. */
  private headers(body: string): Record<string, string> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), this.deps.key.privateKey).toString('hex');
    return { 'content-type': 'application/json', 'user-agent': USER_AGENT, [SIGNATURE_HEADER]: signature, [TIMESTAMP_HEADER]: timestamp };
  }

  /**
   * One POST over a kept-alive connection, given up after Discord's 3 s. node:http rather than
   * fetch: this process also plays every member in tests and benchmarks, and fetch cost it about
   * 0.9 ms more CPU per interaction.
   */
  private post(url: string, body: string, headers: Record<string, string>): Promise<Posted> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', reject);
        response.once('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? '', body: Buffer.concat(chunks) });
        });
      });
      const timer = setTimeout(() => request.destroy(Object.assign(new Error(`no answer within ${ACK_WINDOW_MS} ms`), { name: 'TimeoutError' })), ACK_WINDOW_MS);
      request.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    });
  }
}

function unverified(url: string, why: string): never {
  throw new DriverError(`The interactions endpoint URL ${url} could not be verified: ${why}.`);
}

function readJson(body: Buffer): JsonRecord | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
  } catch {
    return undefined;
  }
}

const errorCode = (error: unknown): unknown => (error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined);

function connectionRefused(error: unknown): boolean {
  return errorCode(error) === 'ECONNREFUSED';
}

function connectionClosed(error: unknown): boolean {
  return errorCode(error) === 'ECONNRESET' || errorCode(error) === 'EPIPE';
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
