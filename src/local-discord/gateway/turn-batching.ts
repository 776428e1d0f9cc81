import type { WebSocket } from 'ws';

/** The part of a Node stream that holds writes back and lets them go. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

// Sockets whose writes are already held for the current turn.
const held = new WeakSet<WebSocket>();

/**
 * Holds the socket's writes until the event loop's next check phase, so every frame sent in this
 * turn leaves in one write. Under load one turn answers many requests, and one system call per
 * frame was a tenth of the server's time (and woke the bot once per frame); over the internet TCP
 * coalesces a busy stream the same way. ws has no public cork: its own sender corks `_socket`
 * around each frame, and Node nests corks, so this only adds an outer level. When the socket is not
 * there (closed, or a ws that keeps it elsewhere), frames simply go one by one.
 */
export function batchWritesThisTurn(socket: WebSocket): void {
  if (held.has(socket)) return;
  const stream = (socket as unknown as { _socket?: unknown })._socket;
  if (!isCorkable(stream)) return;
  held.add(socket);
  stream.cork();
  setImmediate(() => {
    held.delete(socket);
    stream.uncork();
  });
}

function isCorkable(value: unknown): value is Corkable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Corkable>).cork === 'function' && typeof (value as Partial<Corkable>).uncork === 'function';
}
