import type { WebSocket } from 'ws';

/** Told of each dispatch just before it is written to the bot's socket. */
export type DispatchWriteListener = (t: string, d: unknown) => void;

export interface DispatchPayload {
  readonly op: 0;
  readonly t: string;
  readonly s: number;
  readonly d: unknown;
}

/** How many past dispatches a session keeps for RESUME; older gaps need a fresh IDENTIFY. */
const REPLAY_LIMIT = 1000;

/** One gateway session: it outlives its socket so a client can RESUME and get what it missed. */
export class GatewaySession {
  private seq = 0;
  private readonly log: DispatchPayload[] = [];
  socket: WebSocket | undefined;
  /** True between READY (or RESUMED) and the socket closing. */
  live = false;

  constructor(
    readonly id: string,
    readonly shardId: number,
    readonly shardCount: number,
    readonly intents: number,
    private readonly onWrite?: DispatchWriteListener,
  ) {}

  get sequence(): number {
    return this.seq;
  }

  /** Numbers the event and sends it now, or keeps it for the replay after a RESUME. */
  dispatch(t: string, d: unknown): void {
    this.seq += 1;
    const payload: DispatchPayload = { op: 0, t, s: this.seq, d };
    this.log.push(payload);
    if (this.log.length > REPLAY_LIMIT) this.log.shift();
    if (this.socket !== undefined && this.socket.readyState === this.socket.OPEN) {
      this.onWrite?.(t, d);
      this.socket.send(JSON.stringify(payload));
    }
  }

  /** The dispatches after `seq`, or undefined when the gap reaches past what was kept. */
  missedSince(seq: number): readonly DispatchPayload[] | undefined {
    if (!Number.isInteger(seq) || seq < 0 || seq > this.seq) return undefined;
    const first = this.log[0];
    if (first !== undefined && seq < first.s - 1) return undefined;
    return this.log.filter((payload) => payload.s > seq);
  }
}
