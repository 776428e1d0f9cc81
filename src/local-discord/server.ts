import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { systemClock } from './clock.ts';
import { DriverError } from './errors.ts';
import { createUserActor } from './driver/user-actor.ts';
import { visibleTo, type DriverDeps } from './driver/user-access.ts';
import { waitFor } from './driver/wait.ts';
import { worldBuilder } from './driver/world-builder.ts';
import { Gateway } from './gateway/gateway.ts';
import { forwardWorldEvents } from './gateway/world-events.ts';
import type { DispatchWriteListener } from './gateway/session.ts';
import { ACK_WINDOW_MS, InteractionRegistry, TOKEN_LIFETIME_MS } from './interactions.ts';
import { createSigningKey, InteractionsEndpoint } from './interactions-endpoint.ts';
import { restReader } from './message-content.ts';
import { renderMessage } from './render.ts';
import { specProblems } from './rules/spec-validation.ts';
import { serveAttachment } from './rest/attachments.ts';
import { describeCommands, toChangeEvent } from './views.ts';
import { appRoutes } from './rest/app-routes.ts';
import { channelRoutes } from './rest/channel-routes.ts';
import { commandRoutes } from './rest/command-routes.ts';
import { interactionRoutes } from './rest/interaction-routes.ts';
import { RestServer } from './rest/rest-server.ts';
import type { RestContext } from './rest/route.ts';
import { createSnowflakeFactory } from './snowflake.ts';
import type { BotIdentity, LocalDiscord, LocalDiscordOptions, RecordedRequest, Violation } from './types.ts';
import { World } from './world.ts';

const DEFAULT_HEARTBEAT_INTERVAL_MS = 41_250;
/** What Discord gives most apps a day. */
const DEFAULT_SESSION_START_LIMIT = 1000;
const DEFAULT_READY_WAIT_MS = 10_000;

/**
 * Starts a Discord-compatible server on 127.0.0.1: REST under `/api/v10`, the gateway under
 * `/gateway`, Discord's documented rules enforced, and a driver to act as users.
 * @example
 * const discord = await startLocalDiscord();
 * const client = new Client({ intents, rest: { api: discord.apiBaseUrl } });
 * await client.login(discord.bot.token);
 */
export async function startLocalDiscord(options: LocalDiscordOptions = {}): Promise<LocalDiscord> {
  const settings = checkOptions(options);
  const clock = options.clock ?? systemClock;
  const newId = createSnowflakeFactory(() => clock.now());
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const internalErrors: unknown[] = [];
  const onInternalError = (error: unknown) => internalErrors.push(error);
  const world = new World(onInternalError);

  const applicationId = newId();
  const signingKey = createSigningKey();
  const bot: BotIdentity = {
    applicationId,
    // Bot users share their application's id, as for every app created since 2021.
    userId: applicationId,
    username: 'LocalBot',
    token: `${Buffer.from(applicationId).toString('base64url')}.${randomBytes(4).toString('base64url')}.${randomBytes(27).toString('base64url')}`,
    publicKey: signingKey.publicKey,
  };
  world.addUser({ id: bot.userId, username: bot.username, bot: true });

  let origin = '';
  const gatewayUrl = () => `${origin.replace(/^http/, 'ws')}/gateway`;
  const gateway = new Gateway({
    world,
    bot,
    allowed: settings.allowed,
    heartbeatIntervalMs: settings.heartbeatIntervalMs,
    sessionStartLimit: settings.sessionStartLimit,
    gatewayUrl,
    onViolation: (code, message) => violations.push({ method: 'GATEWAY', route: '/gateway', status: code, code, message }),
    onInternalError,
    ...(options.onInteractionSent === undefined ? {} : { onDispatchWrite: interactionSentListener(options.onInteractionSent, onInternalError) }),
  });
  const interactions = new InteractionRegistry(clock, settings.tokenLifetimeMs);
  const context: RestContext = { world, interactions, gateway, bot, clock, newId, now: () => clock.now(), origin: () => origin, gatewayUrl, reader: restReader(bot.userId, settings.allowed.messageContent), recommendedShards: settings.shards, integrationTypes: settings.integrationTypes, checkSpec: options.schemaChecks === false ? () => [] : specProblems };
  const rest = new RestServer({
    context,
    routes: [...appRoutes, ...channelRoutes, ...commandRoutes, ...interactionRoutes],
    requests,
    recordRequests: options.recordRequests !== false,
    violations,
    onInternalError,
    serveOther: (path, response) => serveAttachment(world, path, response),
  });
  const endpoint = new InteractionsEndpoint({ key: signingKey, context, onRefusal: (violation) => violations.push(violation), onInternalError, onSent: options.onInteractionSent });
  const stopForwarding = forwardWorldEvents(world, gateway, bot, () => origin);

  const http = createServer((request, response) => {
    rest.handle(request, response).catch((error: unknown) => {
      onInternalError(error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' }).end('{"message":"500: Internal Server Error","code":0}');
    });
  });
  const sockets = new WebSocketServer({ noServer: true });
  http.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'ws://localhost').pathname !== '/gateway') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => gateway.handleConnection(ws, request));
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(settings.port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const driverDeps: DriverDeps = { world, interactions, gateway, bot, newId, now: () => clock.now(), origin: () => origin, reader: context.reader, endpoint };
  const builder = worldBuilder({ world, bot, newId, now: () => clock.now(), userInstall: settings.integrationTypes.includes(1) });

  return {
    apiBaseUrl: `${origin}/api`,
    gatewayUrl: gatewayUrl(),
    bot,
    clock,
    requests,
    violations,
    internalErrors,
    ...builder,
    as: (user) => createUserActor(driverDeps, user),
    async waitForBotReady({ timeoutMs = DEFAULT_READY_WAIT_MS, shard } = {}) {
      const ready = () => (shard === undefined ? gateway.allShardsLive() : gateway.isShardLive(shard));
      if (ready()) return;
      let unsubscribe = () => {};
      const became = new Promise<void>((resolve) => {
        unsubscribe = gateway.onReadyChange(() => {
          if (ready()) resolve();
        });
      });
      try {
        await waitFor(became, timeoutMs, () => `the bot did not finish connecting ${shard === undefined ? 'all shards' : `shard ${shard}`} within ${timeoutMs} ms`);
      } finally {
        unsubscribe();
      }
    },
    messages(channelId, viewerId) {
      if (!world.channels.has(channelId)) throw new DriverError(`unknown channel ${channelId}`);
      return world.channelMessages(channelId).filter((message) => visibleTo(message, viewerId)).map(renderMessage);
    },
    registeredCommands: (guildId) => describeCommands(world, guildId),
    setInteractionsEndpoint: (urls) => endpoint.configure(urls),
    onChange(listener) {
      return world.subscribe((event) => {
        const change = toChangeEvent(event);
        if (change !== undefined) listener(change);
      });
    },
    forgetMessage(messageId) {
      const message = world.message(messageId);
      if (message === undefined) return false;
      world.forgetMessage(message);
      return true;
    },
    faults: {
      rateLimitNext: (opts) => rest.rateLimitNext(opts),
      serverErrorNext: (opts) => rest.serverErrorNext(opts),
      dropGateway: (shard = 0) => gateway.drop(shard),
      sendReconnect: (shard = 0) => gateway.sendReconnect(shard),
      sendInvalidSession: (resumable, shard = 0) => gateway.sendInvalidSession(resumable, shard),
      closeGateway: (code, shard = 0) => gateway.closeShard(code, shard),
    },
    async close() {
      stopForwarding();
      endpoint.close();
      gateway.closeAll();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function interactionSentListener(listener: (interactionId: string) => void, onInternalError: (error: unknown) => void): DispatchWriteListener {
  return (t, d) => {
    if (t !== 'INTERACTION_CREATE') return;
    try {
      listener((d as { id: string }).id);
    } catch (error) {
      onInternalError(error);
    }
  };
}

function checkOptions(options: LocalDiscordOptions) {
  const shards = options.shards ?? 1;
  if (!Number.isInteger(shards) || shards < 1) throw new RangeError(`shards must be a positive integer, got ${shards}`);
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? DEFAULT_HEARTBEAT_INTERVAL_MS;
  if (!Number.isFinite(heartbeatIntervalMs) || heartbeatIntervalMs <= 0) throw new RangeError(`heartbeatIntervalMs must be positive, got ${heartbeatIntervalMs}`);
  const tokenLifetimeMs = options.interactionTokenLifetimeMs ?? TOKEN_LIFETIME_MS;
  if (!Number.isFinite(tokenLifetimeMs) || tokenLifetimeMs <= ACK_WINDOW_MS) throw new RangeError(`interactionTokenLifetimeMs must be longer than the ${ACK_WINDOW_MS} ms answer window, got ${tokenLifetimeMs}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`port must be 0-65535, got ${port}`);
  const sessionStartLimit = options.sessionStartLimit ?? DEFAULT_SESSION_START_LIMIT;
  if (!Number.isInteger(sessionStartLimit) || sessionStartLimit < 1) throw new RangeError(`sessionStartLimit must be a positive integer, got ${sessionStartLimit}`);
  return {
    shards,
    sessionStartLimit,
    // Guild install always; user install unless the app turned it off, as the portal's Installation page does.
    integrationTypes: options.userInstall === false ? [0] : [0, 1],
    heartbeatIntervalMs,
    tokenLifetimeMs,
    port,
    allowed: { messageContent: options.messageContent === true, guildMembers: options.guildMembers === true, guildPresences: options.guildPresences === true },
  };
}
