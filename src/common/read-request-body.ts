import type { IncomingMessage } from 'node:http';

/** A request's body as read within a limit: its bytes, or why there are none to use. */
export type BodyRead =
  | { readonly ok: true; readonly bytes: Buffer }
  /** `too-large`: declared or streamed past the limit; `incomplete`: the client went away (or the socket failed) before its body ended. */
  | { readonly ok: false; readonly reason: 'too-large' | 'incomplete' };

const TOO_LARGE: BodyRead = { ok: false, reason: 'too-large' };

/**
 * Reads a request's whole body, keeping at most `limitBytes` of it in memory. A body declared
 * larger is refused before it is read. One that grows past the limit as it streams in is still
 * drained to its end, so that the client gets the server's answer (a 413) rather than a reset
 * socket. It never rejects: a client that goes away mid-body, which Node reports as an error of
 * the request ("aborted"), is an `incomplete` read that the caller answers like any bad request.
 *
 * @example const read = await readRequestBody(request, 256 * 1024); if (!read.ok) return refuse(read.reason);
 */
export function readRequestBody(request: IncomingMessage, limitBytes: number): Promise<BodyRead> {
  if (Number(request.headers['content-length'] ?? 0) > limitBytes) {
    request.resume();
    return Promise.resolve(TOO_LARGE);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limitBytes) chunks.push(chunk);
    });
    // 'close' also follows a normal 'end'; by then the promise is settled and this does nothing.
    const incomplete = () => resolve({ ok: false, reason: 'incomplete' });
    request.once('error', incomplete);
    request.once('close', incomplete);
    request.once('end', () => {
      if (size > limitBytes) resolve(TOO_LARGE);
      // Most bodies, a picture upload included, arrive in one chunk: no need to copy it.
      else resolve({ ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    });
  });
}
