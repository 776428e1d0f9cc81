import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readRequestBody, type BodyRead } from '../../src/common/read-request-body.ts';

const LIMIT = 1024;

/** A server that reads each body with the helper and answers 200 or 413, as both callers do. */
async function serve(): Promise<{ server: Server; port: number; reads: BodyRead[] }> {
  const reads: BodyRead[] = [];
  const server = createServer((request, response) => {
    void readRequestBody(request, LIMIT).then((read) => {
      reads.push(read);
      response.writeHead(read.ok ? 200 : 413).end(read.ok ? String(read.bytes.length) : read.reason);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, reads };
}

/** Sends `chunks` one by one; without a length header they go chunked, so the size is only known as they stream. */
function post(port: number, chunks: readonly Buffer[], headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => (text += part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}

let open: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => open?.close(resolve) ?? resolve(undefined));
  open = undefined;
});

describe('readRequestBody', () => {
  it('GIVEN a body in several chunks within the limit THEN it returns all of its bytes in order', async () => {
    const { server, port, reads } = await serve();
    open = server;
    expect(await post(port, [Buffer.from('ab'), Buffer.from('cd'), Buffer.alloc(1000, 'e')])).toEqual({ status: 200, text: '1004' });
    expect(reads[0]?.ok === true && reads[0].bytes.subarray(0, 5).toString()).toBe('abcde');
  });

  it('GIVEN a body that streams past the limit THEN it is refused as too large and the client still gets the answer', async () => {
    const { server, port } = await serve();
    open = server;
    expect(await post(port, [Buffer.alloc(800), Buffer.alloc(800)])).toEqual({ status: 413, text: 'too-large' });
  });

  it('GIVEN a declared length over the limit THEN it is refused as too large', async () => {
    const { server, port } = await serve();
    open = server;
    const body = Buffer.alloc(LIMIT + 1);
    expect(await post(port, [body], { 'content-length': String(body.length) })).toEqual({ status: 413, text: 'too-large' });
  });

  it('GIVEN a client that goes away before its body ends THEN the read settles as incomplete instead of hanging', async () => {
    const { server, port, reads } = await serve();
    open = server;
    const arrived = new Promise((resolve) => server.once('request', resolve));
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-length': '500' } });
    request.on('error', () => undefined);
    request.write(Buffer.alloc(100));
    // Leaves once the server is reading it: 100 of the 500 bytes it promised have been sent.
    await arrived;
    request.destroy();
    await expect.poll(() => reads).toEqual([{ ok: false, reason: 'incomplete' }]);
  });
});
