import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';
import { apiGuildCreate, apiUser } from '../api-objects.ts';
import { DriverError } from '../errors.ts';
import { botInGuild } from '../installations.ts';
import { asArray, asNumber, asRecord, asString } from '../rules/json.ts';
import { shardOf } from '../snowflake.ts';
import type { BotIdentity } from '../types.ts';
import type { World } from '../world.ts';
import { applicationFlags, intentsCloseCode, type PrivilegedIntentsAllowed } from './intents.ts';
import { MAX_PAYLOAD_BYTES, SEND_LIMIT, SEND_WINDOW_MS, SendLimiter } from './send-limit.ts';
import { GatewaySession, type DispatchWriteListener } from './session.ts';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, PresenceUpdate: 3, VoiceStateUpdate: 4, Resume: 6, Reconnect: 7, RequestGuildMembers: 8, InvalidSession: 9, Hello: 10, HeartbeatAck: 11, RequestSoundboardSounds: 31 } as const;
const SUPPORTED_VERSIONS = new Set(['10', '9']);

export interface GatewayDeps {
  readonly world: World;
  readonly bot: BotIdentity;
  readonly allowed: PrivilegedIntentsAllowed;
  readonly heartbeatIntervalMs: number;
  /** IDENTIFYs the app may make (the day's session_start_limit.total). */
  readonly sessionStartLimit: number;
  readonly gatewayUrl: () => string;
  /** A client broke a gateway rule; the server closed or refused it as Discord would. */
  readonly onViolation: (code: number, message: string) => void;
  readonly onInternalError: (error: unknown) => void;
  /** Told of each live dispatch just before it leaves for the bot (replays after RESUME excepted). */
  readonly onDispatchWrite?: DispatchWriteListener;
}

/** What a delivery sends to one session, or undefined to skip that session (e.g. a missing intent). */
export type DispatchBuilder = (session: GatewaySession) => { readonly t: string; readonly d: unknown } | undefined;

/**
 * The gateway side of the server: HELLO, IDENTIFY/READY, heartbeats, RESUME with replay, shard
 * routing and the documented close codes.
 */
export class Gateway {
  private readonly sessions = new Map<number, GatewaySession>();
  /** The session each authenticated socket belongs to; INVALID_SESSION unauthenticates a socket. */
  private readonly socketSessions = new WeakMap<WebSocket, GatewaySession>();
  private readonly readyWaiters = new Set<() => void>();
  private sessionStarts = 0;

  constructor(private readonly deps: GatewayDeps) {}

  /** The day's IDENTIFY budget. */
  get sessionStartLimit(): number {
    return this.deps.sessionStartLimit;
  }

  /** IDENTIFYs left of the budget, as `session_start_limit.remaining` reports them. */
  get sessionStartsRemaining(): number {
    return Math.max(0, this.deps.sessionStartLimit - this.sessionStarts);
  }

  /** Sessions by shard id, the latest IDENTIFY of each shard. */
  get liveShards(): ReadonlyMap<number, GatewaySession> {
    return this.sessions;
  }

  /** True when the shard's session is connected and past READY or RESUMED. */
  isShardLive(shard: number): boolean {
    return this.sessions.get(shard)?.live === true;
  }

  /** True when every shard the bot identified with is live. */
  allShardsLive(): boolean {
    const first = [...this.sessions.values()][0];
    if (first === undefined) return false;
    for (let shard = 0; shard < first.shardCount; shard += 1) if (!this.isShardLive(shard)) return false;
    return true;
  }

  /** Calls back each time a shard becomes live; returns an unsubscribe. */
  onReadyChange(listener: () => void): () => void {
    this.readyWaiters.add(listener);
    return () => this.readyWaiters.delete(listener);
  }

  /** True when some session would receive this guild's events (or DMs, for no guild). */
  hasSessionFor(guildId: string | undefined): boolean {
    return this.sessionsFor(guildId).length > 0;
  }

  /** Sends a dispatch to the session(s) of the shard that owns the guild; DMs go to shard 0. */
  deliver(guildId: string | undefined, build: DispatchBuilder): void {
    for (const session of this.sessionsFor(guildId)) {
      const event = build(session);
      if (event !== undefined) session.dispatch(event.t, event.d);
    }
  }

  private sessionsFor(guildId: string | undefined): GatewaySession[] {
    return [...this.sessions.values()].filter((session) => (guildId === undefined ? session.shardId === 0 : shardOf(guildId, session.shardCount) === session.shardId));
  }

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'ws://localhost').searchParams;
    const version = query.get('v');
    if (version === null || !SUPPORTED_VERSIONS.has(version)) {
      this.refuse(socket, 4012, `gateway version ${version ?? '(none)'} is not supported; use v=10`);
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      this.refuse(socket, 4002, `encoding=${query.get('encoding')} is not supported by the local server; use json`);
      return;
    }
    if (query.has('compress')) {
      this.refuse(socket, 4002, `compress=${query.get('compress')} is not supported by the local server (is zlib-sync installed?)`);
      return;
    }
    const limiter = new SendLimiter();
    socket.on('message', (data, isBinary) => {
      try {
        if (!limiter.allow()) {
          this.refuse(socket, 4008, `more than ${SEND_LIMIT} payloads in ${SEND_WINDOW_MS / 1000} s`);
          return;
        }
        if (rawLength(data) > MAX_PAYLOAD_BYTES) {
          this.refuse(socket, 4002, `a payload of more than ${MAX_PAYLOAD_BYTES} bytes`);
          return;
        }
        const session = this.onPayload(socket, this.socketSessions.get(socket), data, isBinary);
        if (session !== undefined) this.socketSessions.set(socket, session);
      } catch (error) {
        this.deps.onInternalError(error);
      }
    });
    socket.on('close', (code) => {
      const session = this.socketSessions.get(socket);
      if (session === undefined || session.socket !== socket) return;
      session.socket = undefined;
      session.live = false;
      // A normal close ends the session, as Discord documents; anything else leaves it resumable.
      if (code === 1000 || code === 1001) this.forget(session);
    });
    // A socket error is the client's broken frame, not a bug of the server.
    socket.on('error', (error) => this.deps.onViolation(1002, `gateway socket error: ${error.message}`));
    this.send(socket, { op: Op.Hello, d: { heartbeat_interval: this.deps.heartbeatIntervalMs } });
  }

  private onPayload(socket: WebSocket, session: GatewaySession | undefined, data: RawData, isBinary: boolean): GatewaySession | undefined {
    const payload = isBinary ? undefined : parseJson(rawText(data));
    const op = asNumber(payload?.['op']);
    if (payload === undefined || op === undefined) {
      this.refuse(socket, 4002, 'the gateway received a payload that is not a JSON object with an op');
      return session;
    }
    if (op === Op.Heartbeat) {
      this.send(socket, { op: Op.HeartbeatAck });
      return session;
    }
    if (session === undefined) {
      if (op === Op.Identify) return this.identify(socket, payload['d']);
      if (op === Op.Resume) return this.resume(socket, payload['d']);
      this.refuse(socket, 4003, `op ${op} was sent before IDENTIFY`);
      return undefined;
    }
    switch (op) {
      case Op.Identify:
      case Op.Resume:
        this.refuse(socket, 4005, 'a second IDENTIFY or RESUME was sent on an authenticated connection');
        return session;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
      case Op.RequestSoundboardSounds:
        return session;
      default:
        this.refuse(socket, 4001, `unknown gateway opcode ${op}`);
        return session;
    }
  }

  private identify(socket: WebSocket, raw: unknown): GatewaySession | undefined {
    const d = asRecord(raw);
    if (d === undefined || asRecord(d['properties']) === undefined) {
      this.refuse(socket, 4002, 'IDENTIFY needs d.token, d.properties and d.intents');
      return undefined;
    }
    if (d['token'] !== this.deps.bot.token) {
      this.refuse(socket, 4004, 'IDENTIFY carried a token that is not the bot token');
      return undefined;
    }
    const intentsCode = intentsCloseCode(d['intents'], this.deps.allowed);
    if (intentsCode !== undefined) {
      const reason = intentsCode === 4013 ? `invalid intents ${String(d['intents'])}` : `privileged intents not enabled for this app were requested (${String(d['intents'])})`;
      this.refuse(socket, intentsCode, reason);
      return undefined;
    }
    const shard = asArray(d['shard']) ?? [0, 1];
    const [shardId, shardCount] = shard;
    if (typeof shardId !== 'number' || typeof shardCount !== 'number' || !Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      this.refuse(socket, 4010, `invalid shard ${JSON.stringify(d['shard'])}`);
      return undefined;
    }
    if (this.sessionStartsRemaining === 0) {
      // Discord resets the token of an app that used up its budget: the same token cannot log in again today.
      this.refuse(socket, 4004, `the day's ${this.deps.sessionStartLimit} IDENTIFYs are used up; Discord has reset the token`);
      return undefined;
    }
    this.sessionStarts += 1;
    const previous = this.sessions.get(shardId);
    if (previous !== undefined) this.forget(previous);
    const session = new GatewaySession(randomBytes(16).toString('hex'), shardId, shardCount, d['intents'] as number, this.deps.onDispatchWrite);
    this.sessions.set(shardId, session);
    session.socket = socket;
    // Only the servers that added the bot; one a user reached through their own installation is not the bot's.
    const guilds = [...this.deps.world.guilds.values()].filter((guild) => shardOf(guild.id, shardCount) === shardId && botInGuild(guild, this.deps.bot.userId));
    session.dispatch('READY', {
      v: 10,
      user: { ...apiUser(this.botUser()), verified: true, mfa_enabled: false },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.deps.gatewayUrl(),
      shard: [shardId, shardCount],
      application: { id: this.deps.bot.applicationId, flags: applicationFlags(this.deps.allowed) },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_type: 'normal',
      auth: {},
      user_settings: {},
    });
    for (const guild of guilds) session.dispatch('GUILD_CREATE', apiGuildCreate(guild, this.deps.world));
    this.markLive(session);
    return session;
  }

  private resume(socket: WebSocket, raw: unknown): GatewaySession | undefined {
    const d = asRecord(raw);
    const sessionId = asString(d?.['session_id']);
    const seq = asNumber(d?.['seq']);
    if (d === undefined || sessionId === undefined || seq === undefined) {
      this.refuse(socket, 4002, 'RESUME needs d.token, d.session_id and d.seq');
      return undefined;
    }
    if (d['token'] !== this.deps.bot.token) {
      this.refuse(socket, 4004, 'RESUME carried a token that is not the bot token');
      return undefined;
    }
    const session = [...this.sessions.values()].find((candidate) => candidate.id === sessionId);
    const missed = session?.missedSince(seq);
    if (session === undefined || missed === undefined) {
      // Discord answers an unknown or too-old session with a non-resumable INVALID_SESSION.
      this.send(socket, { op: Op.InvalidSession, d: false });
      return undefined;
    }
    session.socket?.terminate();
    session.socket = socket;
    for (const payload of missed) this.send(socket, payload);
    session.dispatch('RESUMED', null);
    this.markLive(session);
    return session;
  }

  private markLive(session: GatewaySession): void {
    session.live = true;
    for (const listener of [...this.readyWaiters]) listener();
  }

  private forget(session: GatewaySession): void {
    session.live = false;
    if (this.sessions.get(session.shardId) === session) this.sessions.delete(session.shardId);
  }

  private botUser() {
    return { id: this.deps.bot.userId, username: this.deps.bot.username, bot: true };
  }

  private refuse(socket: WebSocket, code: number, reason: string): void {
    this.deps.onViolation(code, reason);
    socket.close(code, reason.slice(0, 120));
  }

  private send(socket: WebSocket, payload: unknown): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  /** Cuts the shard's socket without a close frame; the client should RESUME. */
  drop(shard: number): void {
    this.requireSession(shard).socket?.terminate();
  }

  /** Asks the shard's client to reconnect and resume (op 7). */
  sendReconnect(shard: number): void {
    const socket = this.requireSession(shard).socket;
    if (socket !== undefined) this.send(socket, { op: Op.Reconnect, d: null });
  }

  /** Sends op 9; a non-resumable one also forgets the session, so only a fresh IDENTIFY works. */
  sendInvalidSession(resumable: boolean, shard: number): void {
    const session = this.requireSession(shard);
    const socket = session.socket;
    // The socket goes back to unauthenticated: discord.js answers a resumable op 9 with RESUME on it.
    session.socket = undefined;
    session.live = false;
    if (socket !== undefined) this.socketSessions.delete(socket);
    if (!resumable) this.forget(session);
    if (socket !== undefined) this.send(socket, { op: Op.InvalidSession, d: resumable });
  }

  private requireSession(shard: number): GatewaySession {
    const session = this.sessions.get(shard);
    if (session === undefined) throw new DriverError(`no gateway session for shard ${shard}; has the bot logged in (await waitForBotReady())?`);
    return session;
  }

  /** Closes the shard's socket with `code`; the close frame goes out after anything already sent. */
  closeShard(code: number, shard: number): void {
    this.requireSession(shard).socket?.close(code, 'closed by the server');
  }

  /** Closes every socket (code 1001, going away). */
  closeAll(): void {
    for (const session of this.sessions.values()) session.socket?.close(1001, 'server closing');
  }
}

function rawLength(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return Buffer.isBuffer(data) ? data.length : data.byteLength;
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function parseJson(text: string): Readonly<Record<string, unknown>> | undefined {
  try {
    return asRecord(JSON.parse(text));
  } catch {
    return undefined;
  }
}
