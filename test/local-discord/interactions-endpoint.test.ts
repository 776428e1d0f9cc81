import { createPublicKey, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST, Routes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DriverError, InteractionFailedError, startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';
import { guildWithUser } from './harness.ts';

/*
 * Discord's HTTP delivery of interactions, as its docs describe it: a signed POST to the app's
 * endpoint, the answer in the HTTP response (JSON or multipart) or through the callback route with
 * a 202, the portal's check of a new URL, and several URLs taking turns as replicas behind a load balancer.
 */

interface Received {
  readonly body: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

interface Answer {
  readonly status: number;
  readonly contentType?: string;
  readonly body?: string | Buffer;
}

interface Endpoint {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

/** The app's public key in the form node:crypto verifies with. */
function keyOf(publicKeyHex: string) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') }, format: 'jwk' });
}

function readAll(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** A well-behaved endpoint: checks signatures (401 if bad), answers PING, and hands the rest to `answer`. */
async function startEndpoint(publicKeyHex: string, answer: (interaction: Record<string, unknown>) => Answer | Promise<Answer>, checkSignatures = true): Promise<Endpoint> {
  const key = keyOf(publicKeyHex);
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    void readAll(request).then(async (body) => {
      const signature = request.headers['x-signature-ed25519'] as string | undefined;
      const timestamp = request.headers['x-signature-timestamp'] as string | undefined;
      const valid = signature !== undefined && timestamp !== undefined && /^[0-9a-f]{128}$/.test(signature) && verify(null, Buffer.from(timestamp + body), key, Buffer.from(signature, 'hex'));
      if (checkSignatures && !valid) return void response.writeHead(401).end('bad signature');
      const interaction = JSON.parse(body) as Record<string, unknown>;
      if (interaction['type'] === 1) return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":1}');
      received.push({ body, signature, timestamp });
      const reply = await answer(interaction);
      response.writeHead(reply.status, reply.contentType === undefined ? {} : { 'content-type': reply.contentType }).end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/interactions`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  opened.push(endpoint);
  return endpoint;
}

const jsonAnswer = (body: unknown): Answer => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
const say = (content: string) => () => jsonAnswer({ type: 4, data: { content } });

async function world() {
  const discord = await startLocalDiscord();
  opened.push(discord);
  const place = guildWithUser(discord);
  const rest = new REST({ api: discord.apiBaseUrl }).setToken(discord.bot.token);
  await rest.put(Routes.applicationGuildCommands(discord.bot.applicationId, place.guild.id), { body: [{ name: 'hello', description: 'Says hello' }] });
  return { discord, ...place };
}

async function withEndpoint(discord: LocalDiscord, answer: (interaction: Record<string, unknown>) => Answer | Promise<Answer>): Promise<Endpoint> {
  const endpoint = await startEndpoint(discord.bot.publicKey, answer);
  await discord.setInteractionsEndpoint([endpoint.url]);
  return endpoint;
}

describe('Interactions delivered to an HTTP endpoint', () => {
  it('GIVEN an endpoint that accepts a bad signature WHEN it is saved THEN it is refused, as the portal refuses it', async () => {
    const { discord } = await world();
    const careless = await startEndpoint(discord.bot.publicKey, say('hi'), false);
    await expect(discord.setInteractionsEndpoint([careless.url])).rejects.toThrow(/could not be verified: a PING with a bad signature got 200, not 401/);
  });

  it('GIVEN an endpoint that does not answer PING with PONG WHEN it is saved THEN it is refused', async () => {
    const { discord } = await world();
    const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":4}'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    opened.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await expect(discord.setInteractionsEndpoint([url])).rejects.toThrow(DriverError);
    await expect(discord.setInteractionsEndpoint(['http://127.0.0.1:1/nothing-here'])).rejects.toThrow(/could not be reached/);
  });

  it('GIVEN a saved endpoint WHEN a member runs a command THEN it is POSTed there signed over timestamp + body, and the JSON answer is what the member sees', async () => {
    const { discord, channel, actor } = await world();
    const endpoint = await withEndpoint(discord, say('Hello over HTTP'));
    const answer = await actor.runSlashCommand(channel.id, 'hello');
    expect(answer.content).toBe('Hello over HTTP');
    const [request] = endpoint.received;
    expect(request).toBeDefined();
    const { body, signature, timestamp } = request!;
    expect(verify(null, Buffer.from(`${timestamp}${body}`), keyOf(discord.bot.publicKey), Buffer.from(signature!, 'hex'))).toBe(true);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(JSON.parse(body)).toMatchObject({ type: 2, data: { name: 'hello' }, application_id: discord.bot.applicationId });
  });

  it('GIVEN no bot on the gateway WHEN interactions go to the endpoint THEN they need none', async () => {
    const { discord, channel, actor } = await world();
    await withEndpoint(discord, say('no gateway needed'));
    await expect(actor.runSlashCommand(channel.id, 'hello')).resolves.toMatchObject({ content: 'no gateway needed' });
    await discord.setInteractionsEndpoint([]);
    await expect(actor.runSlashCommand(channel.id, 'hello')).rejects.toThrow(/no bot is connected to the gateway/);
  });

  it('GIVEN an answer with a file WHEN it comes as multipart with payload_json THEN the member sees the attachment', async () => {
    const { discord, channel, actor } = await world();
    await withEndpoint(discord, async () => {
      const form = new FormData();
      form.append('payload_json', JSON.stringify({ type: 4, data: { content: 'a file', attachments: [{ id: '0', filename: 'note.txt', description: 'A note' }] } }));
      form.append('files[0]', new Blob(['hello file'], { type: 'text/plain' }), 'note.txt');
      const response = new Response(form);
      return { status: 200, contentType: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
    });
    const answer = await actor.runSlashCommand(channel.id, 'hello');
    expect(answer.attachments).toEqual([expect.objectContaining({ filename: 'note.txt', description: 'A note' })]);
  });

  it('GIVEN an endpoint that answers through the callback route WHEN it then returns 202 with no body THEN the member sees that answer', async () => {
    const { discord, channel, actor } = await world();
    await withEndpoint(discord, async (interaction) => {
      await fetch(`${discord.apiBaseUrl}/v10/interactions/${String(interaction['id'])}/${String(interaction['token'])}/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 4, data: { content: 'through the callback' } }),
      });
      return { status: 202 };
    });
    await expect(actor.runSlashCommand(channel.id, 'hello')).resolves.toMatchObject({ content: 'through the callback' });
  });

  it('GIVEN an endpoint that errors WHEN a member runs a command THEN the interaction fails as Discord shows it', async () => {
    const { discord, channel, actor } = await world();
    await withEndpoint(discord, () => ({ status: 500, body: 'oops' }));
    await expect(actor.runSlashCommand(channel.id, 'hello')).rejects.toThrow(/This interaction failed: the interactions endpoint answered 500/);
  });

  it('GIVEN an answer Discord would refuse WHEN it comes in the HTTP response THEN the interaction fails and the refusal is recorded', async () => {
    const { discord, channel, actor } = await world();
    // UPDATE_MESSAGE is for clicks, not commands.
    await withEndpoint(discord, () => jsonAnswer({ type: 7, data: { content: 'no' } }));
    await expect(actor.runSlashCommand(channel.id, 'hello')).rejects.toThrow(InteractionFailedError);
    expect(discord.violations).toEqual([expect.objectContaining({ route: 'interactions endpoint answer', status: 400, code: 50035 })]);
  });

  it('GIVEN three endpoints WHEN members act THEN each gets interactions in turn, and one that refuses connections is skipped', async () => {
    const { discord, channel, actor } = await world();
    const replicas = await Promise.all(['one', 'two', 'three'].map((name) => startEndpoint(discord.bot.publicKey, say(name))));
    await discord.setInteractionsEndpoint(replicas.map((replica) => replica.url));
    const seen: string[] = [];
    for (let i = 0; i < 6; i += 1) seen.push((await actor.runSlashCommand(channel.id, 'hello')).content);
    expect(seen).toEqual(['one', 'two', 'three', 'one', 'two', 'three']);
    await replicas[1]!.close();
    const after: string[] = [];
    for (let i = 0; i < 3; i += 1) after.push((await actor.runSlashCommand(channel.id, 'hello')).content);
    // The turn goes on past the closed one: one, (two refused) three, one.
    expect(after).toEqual(['one', 'three', 'one']);
  });
});
