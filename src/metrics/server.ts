import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServerOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Where to listen; all interfaces by default, so a load balancer or Prometheus on another host can reach it. */
  readonly host?: string;
  readonly registry: Registry;
  /** Whether the bot can take interactions now (its gateway connection is up). */
  readonly healthy: () => boolean;
}

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9100 */
  readonly url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * Serves `GET /healthz` (200 while the bot is connected, 503 otherwise) and `GET /metrics`
 * (Prometheus text format) on a port of its own, apart from anything members reach.
 *
 * @example const server = await startMetricsServer({ port: 9100, registry, healthy: () => true })
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Only GET is served here.\n');
    if (path === '/healthz') return options.healthy() ? send(response, 200, 'ok\n') : send(response, 503, 'not connected to Discord\n');
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => send(response, 200, text, options.registry.contentType),
        (error: unknown) => send(response, 500, `metrics failed: ${error instanceof Error ? error.message : String(error)}\n`),
      );
      return;
    }
    send(response, 404, 'Try /healthz or /metrics.\n');
  });
  // A scrape is one short request; a client that holds a socket open gets no more than this.
  server.requestTimeout = 10_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
