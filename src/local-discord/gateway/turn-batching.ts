import type { WebSocket } from 'ws';

/** The part of a Node stream that holds writes back and lets them go. */
interface Corkable {
  cork(): void;
  uncork(): void;
}

// Sockets whose writes are held for the current turn, each with what must run just before they leave.
const held = new WeakMap<WebSocket, (() => void)[]>();

/**
 * Holds the socket's writes until the event loop's next check phase, so every frame sent in this
 * turn leaves in one write. Under load one turn answers many requests, and one system call per
 * frame was a tenth of the server's time (and woke the bot once per frame); over the internet TCP
 * coalesces a busy stream the same way. ws has no public cork: its own sender corks `_socket`
 * around each frame, and Node nests corks, so this only adds an outer level. When the socket is not
 * there (closed, or a ws that keeps it elsewhere), frames simply go one by one.
 *
 * `beforeWrite` runs just before the frame about to be sent reaches the socket: at the end of the
 * turn, or at once when writes are not held.
 */
export function batchWritesThisTurn(socket: WebSocket, beforeWrite?: () => void): void {
  const waiting = held.get(socket);
  if (waiting !== undefined) {
    if (beforeWrite !== undefined) waiting.push(beforeWrite);
    return;
  }
  const stream = (socket as unknown as { _socket?: unknown })._socket;
  if (!isCorkable(stream)) {
    beforeWrite?.();
    return;
  }
  const callbacks = beforeWrite === undefined ? [] : [beforeWrite];
  held.set(socket, callbacks);
  stream.cork();
  setImmediate(() => {
    held.delete(socket);
    try {
      for (const callback of callbacks) callback();
    } finally {
      stream.uncork();
    }
  });
}

function isCorkable(value: unknown): value is Corkable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Corkable>).cork === 'function' && typeof (value as Partial<Corkable>).uncork === 'function';
}
