/** Discord lets a client send 120 gateway payloads per 60 seconds; more closes the socket with 4008. */
export const SEND_LIMIT = 120;
export const SEND_WINDOW_MS = 60_000;
/** Discord refuses client payloads over 4096 bytes with 4002. */
export const MAX_PAYLOAD_BYTES = 4096;

/**
 * Counts one socket's payloads in fixed windows of real time (discord.js paces itself by real
 * time, so the injected clock would be the wrong ruler here).
 */
export class SendLimiter {
  private windowStart = Date.now();
  private count = 0;

  /** Records one payload; false once the window's allowance is spent. */
  allow(now: number = Date.now()): boolean {
    if (now - this.windowStart >= SEND_WINDOW_MS) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    return this.count <= SEND_LIMIT;
  }
}
