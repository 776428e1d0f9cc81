import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { clickRequest, commandRequest, describeIssues, messageCommandRequest, messageRequest, modalCloseRequest, modalSubmitRequest, selectRequest } from './api-schemas.ts';
import type { BackendActor, BackendMessage, BackendModal, BackendUser, ChatBackend } from './backend.ts';
import { describeActionError } from './action-errors.ts';
import { isInlineImage, toPageMessage } from './to-page-message.ts';
import { PAGE_HTML } from './page-html.ts';
import type { CommandSummary } from './common/command-hints.ts';
import type { ClickResult, PageState, PageUser } from './common/page-types.ts';
import { toPageModal } from './to-page-modal.ts';

export interface PageServerOptions {
  readonly backend: ChatBackend;
  readonly guildName: string;
  readonly commands: readonly CommandSummary[];
  /** The message commands the bot registered, offered under Apps on each message. */
  readonly messageCommands?: readonly string[];
  readonly channel: { readonly id: string; readonly name: string };
  /** The people the page can act as, in the order the switch shows them. */
  readonly users: readonly BackendUser[];
  readonly assets: { readonly script: string; readonly styles: string };
  readonly logger: Logger;
}

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

// A modal's values can reach 5 x 4000 characters, each up to 4 bytes in UTF-8.
const MAX_BODY_BYTES = 96 * 1024;
/** Open modals kept at once; opening one more forgets the oldest, as a closed browser tab would leave it. */
const MAX_OPEN_MODALS = 50;
const KEEP_ALIVE_MS = 20_000;
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
};

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves the channel page and its small JSON API on 127.0.0.1. Every action runs as the user the
 * request names, through the local server's user driver, as a person clicking in Discord would.
 *
 * @example const page = await startPageServer({ ...options, port: 3000 }); console.log(page.url)
 */
export async function startPageServer(options: PageServerOptions & { readonly port: number }): Promise<PageServer> {
  const streams = new Set<ServerResponse>();
  const modals = new OpenModals();
  const stopListening = options.backend.onChange((event) => {
    // DMs and other channels change too; the page shows one channel.
    const channelId = (event as { channelId?: unknown } | null)?.channelId;
    if (channelId !== undefined && channelId !== options.channel.id) return;
    for (const stream of streams) stream.write('event: change\ndata: {}\n\n');
  });
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': still here\n\n');
  }, KEEP_ALIVE_MS);
  keepAlive.unref();

  const server = createServer((request, response) => {
    handle(options, streams, modals, request, response).catch((error: unknown) => {
      options.logger.error({ err: error }, 'playground request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'The playground hit an unexpected error; see its log.' });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      stopListening();
      clearInterval(keepAlive);
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The modals the bot opened for people on the page, by the id the page got, until submitted or closed. */
class OpenModals {
  private readonly byId = new Map<string, { readonly viewerId: string; readonly modal: BackendModal }>();

  add(viewerId: string, modal: BackendModal): string {
    const id = randomUUID();
    this.byId.set(id, { viewerId, modal });
    for (const [oldest, entry] of this.byId) {
      if (this.byId.size <= MAX_OPEN_MODALS) break;
      entry.modal.close();
      this.byId.delete(oldest);
    }
    return id;
  }

  /** The modal, only for the person it was opened for. */
  get(id: string, viewerId: string): BackendModal {
    const entry = this.byId.get(id);
    if (entry === undefined || entry.viewerId !== viewerId) throw new HttpProblem(404, 'This form is no longer open; click the button again to reopen it.');
    return entry.modal;
  }

  delete(id: string): void {
    this.byId.delete(id);
  }
}

async function handle(options: PageServerOptions, streams: Set<ServerResponse>, modals: OpenModals, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  try {
    checkHost(request);
    const route = `${request.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(response, 200, 'text/html; charset=utf-8', PAGE_HTML);
      case 'GET /app.js':
        return send(response, 200, 'text/javascript; charset=utf-8', options.assets.script);
      case 'GET /app.css':
        return send(response, 200, 'text/css; charset=utf-8', options.assets.styles);
      case 'GET /favicon.ico':
        response.writeHead(204).end();
        return;
      case 'GET /api/state':
        return sendJson(response, 200, pageState(options, viewerOf(options, url.searchParams.get('viewer'))));
      case 'GET /api/events':
        return openEventStream(streams, request, response);
      case 'POST /api/command': {
        const body = await readJson(request, commandRequest);
        return await act(options, response, body.viewer, (actor) => actor.runSlashCommand(options.channel.id, body.name, body.options));
      }
      case 'POST /api/message': {
        const body = await readJson(request, messageRequest);
        const extra = { ...(body.replyTo === undefined ? {} : { replyTo: body.replyTo }), mentionBot: body.mentionBot };
        return await act(options, response, body.viewer, (actor) => actor.sendMessage(options.channel.id, body.content, extra));
      }
      case 'POST /api/click': {
        const body = await readJson(request, clickRequest);
        return await perform(options, response, body.viewer, async (actor): Promise<ClickResult> => {
          const answer = await actor.pressButton(body.messageId, { customId: body.customId });
          if (answer.kind === 'message') return { ok: true, messageId: answer.message.id };
          return { ok: true, modal: toPageModal(modals.add(body.viewer, answer.modal), answer.modal) };
        });
      }
      case 'POST /api/modal/submit': {
        const body = await readJson(request, modalSubmitRequest);
        viewerOf(options, body.viewer);
        const modal = modals.get(body.modalId, body.viewer);
        return await act(options, response, body.viewer, async () => {
          const answer = await modal.submit(body.values);
          modals.delete(body.modalId);
          return answer;
        });
      }
      case 'POST /api/modal/close': {
        const body = await readJson(request, modalCloseRequest);
        viewerOf(options, body.viewer);
        modals.get(body.modalId, body.viewer).close();
        modals.delete(body.modalId);
        return sendJson(response, 200, { ok: true });
      }
      case 'POST /api/message-command': {
        const body = await readJson(request, messageCommandRequest);
        return await act(options, response, body.viewer, (actor) => actor.runMessageCommand(body.messageId, body.name));
      }
      case 'POST /api/select': {
        const body = await readJson(request, selectRequest);
        return await act(options, response, body.viewer, (actor) =>
          actor.selectOption(body.messageId, { customId: body.customId, values: body.values }),
        );
      }
      default:
        if (url.pathname.startsWith('/attachments/') && request.method === 'GET') return sendAttachment(options, url, response);
        throw new HttpProblem(404, `Nothing here: ${request.method ?? 'GET'} ${url.pathname}`);
    }
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error;
    // The rest of a refused, too large body is never read: the connection cannot be reused.
    if (error.status === 413) response.setHeader('connection', 'close');
    sendJson(response, error.status, { error: error.message });
  }
}

// The API changes what people see; refusing other Host names keeps a web page elsewhere from
// reaching it through DNS rebinding.
function checkHost(request: IncomingMessage): void {
  const host = request.headers.host ?? '';
  if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(host)) {
    throw new HttpProblem(421, 'The playground only answers on 127.0.0.1 or localhost.');
  }
}

/** The user a request acts or looks as; the page's first user when the request names none. */
function viewerOf(options: PageServerOptions, id: string | null): BackendUser {
  const viewer = id === null ? options.users[0] : options.users.find((user) => user.id === id);
  if (viewer === undefined) {
    const known = options.users.map((user) => `${user.id} (${user.username})`).join(', ');
    throw new HttpProblem(400, `Unknown user ${JSON.stringify(id ?? '')}; the playground knows ${known}.`);
  }
  return viewer;
}

function pageState(options: PageServerOptions, viewer: BackendUser): PageState {
  const botUser: PageUser = { id: options.backend.bot.userId, name: options.backend.bot.username, bot: true };
  const people: PageUser[] = options.users.map((user) => ({ id: user.id, name: user.username, bot: false }));
  const userById = (id: string): PageUser =>
    id === botUser.id ? botUser : (people.find((user) => user.id === id) ?? { id, name: 'Unknown user', bot: false });
  const visible = options.backend.messages(options.channel.id, viewer.id);
  return {
    guildName: options.guildName,
    commands: options.commands,
    messageCommands: options.messageCommands ?? [],
    channel: options.channel,
    viewer: userById(viewer.id),
    users: people,
    bot: botUser,
    messages: visible.map((message) => toPageMessage(message, userById, visible)),
  };
}

/** Runs an action as the viewer and answers with the id of the message the bot answered with. */
function act(options: PageServerOptions, response: ServerResponse, viewerId: string, action: (actor: BackendActor) => Promise<BackendMessage>): Promise<void> {
  return perform(options, response, viewerId, async (actor) => ({ ok: true, messageId: (await action(actor)).id }));
}

/** Runs an action as the viewer and answers with what it returns, or with the sentence its failure calls for. */
async function perform(options: PageServerOptions, response: ServerResponse, viewerId: string, action: (actor: BackendActor) => Promise<unknown>): Promise<void> {
  const actor = options.backend.as(viewerOf(options, viewerId));
  try {
    sendJson(response, 200, await action(actor));
  } catch (error) {
    const problem = describeActionError(error);
    if (problem.status >= 500) options.logger.warn({ err: error }, 'playground action failed');
    sendJson(response, problem.status, { error: problem.message });
  }
}

function openEventStream(streams: Set<ServerResponse>, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.write('event: ready\ndata: {}\n\n');
  streams.add(response);
  request.on('close', () => streams.delete(response));
}

function sendAttachment(options: PageServerOptions, url: URL, response: ServerResponse): void {
  const [, , messageId = '', index = ''] = url.pathname.split('/');
  // Any user's view will do: attachments of private messages are as private as their URL.
  const message = options.users
    .flatMap((user) => options.backend.messages(options.channel.id, user.id))
    .find((candidate) => candidate.id === messageId);
  const attachment = message?.attachments[Number(index)];
  if (attachment === undefined || !/^\d+$/.test(index)) throw new HttpProblem(404, 'No such attachment.');
  const inline = isInlineImage(attachment.contentType);
  response.writeHead(200, {
    'content-type': inline ? (attachment.contentType ?? 'application/octet-stream') : 'application/octet-stream',
    'content-disposition': inline ? 'inline' : 'attachment',
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
  });
  response.end(Buffer.from(attachment.data));
}

async function readJson<T extends z.ZodType>(request: IncomingMessage, schema: T): Promise<z.output<T>> {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    throw new HttpProblem(415, 'Send the request as JSON (content-type: application/json).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, `The request is too large (at most ${MAX_BODY_BYTES} bytes).`);
    chunks.push(chunk as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpProblem(400, `Invalid request: ${describeIssues(parsed.error)}.`);
  return parsed.data;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
