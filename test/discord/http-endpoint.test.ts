import { generateKeyPairSync, sign } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINT_PATH, startHttpBot, type RunningHttpBot } from '../../src/discord/http/index.ts';
import { BODY_LIMIT_BYTES, startEndpointServer } from '../../src/discord/http/endpoint-server.ts';
import { encodeGuideId } from '../../src/core/guide-id.ts';
import { createLogger } from '../../src/logger.ts';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';
import { tinyPictures } from '../bot/harness.ts';

/*
 * The interactions endpoint as Discord's security rules describe it: a request is acted on only
 * when its Ed25519 signature over timestamp + body is valid; every other request gets 401 and
 * changes nothing. Signed nonsense gets 400, never a crash. The key pair here is the test's own,
 * so it can sign whatever it likes.
 */

const keys = generateKeyPairSync('ed25519');
const publicKeyHex = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
const DISCORD_EPOCH = 1_420_070_400_000n;
const APPLICATION_ID = '1234567890123456789';

let discord: LocalDiscord;
let bot: RunningHttpBot;
let url: string;
const logs: Record<string, unknown>[] = [];
let rawLogs = '';

beforeAll(async () => {
  // Only for the webhook routes a deferral would use; these tests mostly never reach them.
  discord = await startLocalDiscord();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      rawLogs += chunk.toString();
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  bot = await startHttpBot({ publicKey: publicKeyHex, port: 0, host: '127.0.0.1', applicationId: APPLICATION_ID, apiUrl: discord.apiBaseUrl }, { logger: createLogger('debug', stream), pictures: tinyPictures() });
  url = `http://127.0.0.1:${bot.port}${ENDPOINT_PATH}`;
});
afterAll(async () => {
  await bot.stop();
  await discord.close();
});

/** A snowflake made now, as Discord's interaction ids are. */
const freshId = () => String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) + BigInt(Math.floor(Math.random() * 4096)));

const TOKEN = 'interaction-token-that-must-never-be-logged';

function slashCommand(): Record<string, unknown> {
  return { id: freshId(), application_id: APPLICATION_ID, type: 2, token: TOKEN, version: 1, member: { user: { id: '42', username: 'ada' } }, data: { id: '7', name: 'concurrency', type: 1 } };
}

function signed(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
  return { 'content-type': 'application/json', 'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), keys.privateKey).toString('hex'), 'x-signature-timestamp': timestamp };
}

async function post(body: string, headers: Record<string, string>, path = ENDPOINT_PATH) {
  const response = await fetch(`http://127.0.0.1:${bot.port}${path}`, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}

/** The callback type of an answer in the HTTP response: JSON, or multipart's payload_json when a file rides along. */
async function callbackType(answer: { text: string; contentType: string }): Promise<number> {
  const json = answer.contentType.startsWith('multipart/') ? await new Response(answer.text, { headers: { 'content-type': answer.contentType } }).formData().then((form) => String(form.get('payload_json'))) : answer.text;
  return (JSON.parse(json) as { type: number }).type;
}

const rejections = () => logs.filter((line) => line['msg'] === 'interactions request rejected');
const handled = () => logs.filter((line) => line['msg'] === 'interaction').length;

describe('GIVEN the endpoint stopping while an answer is still being finished through the webhook', () => {
  it('THEN stop waits for that work (a deferral edited in later) before it resolves', async () => {
    let finished = false;
    const server = await startEndpointServer({
      port: 0,
      host: '127.0.0.1',
      publicKey: keys.publicKey,
      applicationId: APPLICATION_ID,
      logger: createLogger('silent'),
      answerTimeoutMs: 3000,
      receive: async (_request, respond) => {
        await respond({ status: 202 });
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      },
    });
    const body = JSON.stringify(slashCommand());
    const answer = await fetch(`http://127.0.0.1:${server.port}${ENDPOINT_PATH}`, { method: 'POST', headers: signed(body), body });
    expect(answer.status).toBe(202);
    await server.stop();
    expect(finished).toBe(true);
  });
});

describe('GIVEN the HTTP interactions endpoint', () => {
  it('THEN a signed PING gets PONG', async () => {
    const body = JSON.stringify({ id: freshId(), application_id: APPLICATION_ID, type: 1, token: TOKEN, version: 1 });
    const answer = await post(body, signed(body));
    expect(answer).toMatchObject({ status: 200, text: '{"type":1}' });
  });

  it('THEN a signed slash command gets the first step of the guide in the HTTP response', async () => {
    const body = JSON.stringify(slashCommand());
    const answer = await post(body, signed(body));
    expect(answer.status).toBe(200);
    const callback = JSON.parse(answer.text) as { type: number; data: { flags: number; components: { type: number }[]; allowed_mentions: unknown } };
    expect(callback.type).toBe(4);
    // A Components V2 message: one container.
    expect(callback.data.flags & (1 << 15)).not.toBe(0);
    expect(callback.data.components.map((component) => component.type)).toEqual([17]);
    expect(callback.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it.each([
    ['a forged signature', (body: string) => ({ ...signed(body), 'x-signature-ed25519': 'ab'.repeat(64) })],
    ['a signature over a different body', (body: string) => signed(body.replace('concurrency', 'concurrencx'))],
    ['a signature with another timestamp', (body: string) => ({ ...signed(body), 'x-signature-timestamp': '1' })],
    ['no signature header', (body: string) => Object.fromEntries(Object.entries(signed(body)).filter(([name]) => name !== 'x-signature-ed25519'))],
    ['no timestamp header', (body: string) => Object.fromEntries(Object.entries(signed(body)).filter(([name]) => name !== 'x-signature-timestamp'))],
    ['a signature that is not hex', (body: string) => ({ ...signed(body), 'x-signature-ed25519': 'not-a-signature' })],
  ])('WHEN a request comes with %s THEN it gets 401, one log line, and nothing is acted on', async (_what, headersFor) => {
    const body = JSON.stringify(slashCommand());
    const [before, rejectedBefore, restBefore] = [handled(), rejections().length, discord.requests.length];
    const answer = await post(body, headersFor(body));
    expect(answer.status).toBe(401);
    expect(handled()).toBe(before);
    expect(discord.requests.length).toBe(restBefore);
    expect(rejections().slice(rejectedBefore)).toEqual([expect.objectContaining({ status: 401, reason: 'bad-signature' })]);
  });

  it('THEN other paths, other methods, bodies past the limit and signed non-JSON are refused with their status', async () => {
    const body = JSON.stringify(slashCommand());
    expect((await post(body, signed(body), '/other')).status).toBe(404);
    expect((await fetch(url)).status).toBe(405);
    const huge = 'x'.repeat(BODY_LIMIT_BYTES + 1);
    expect((await post(huge, signed(huge))).status).toBe(413);
    expect((await post('{not json', signed('{not json'))).status).toBe(400);
    expect(rejections().map((line) => line['reason'])).toEqual(expect.arrayContaining(['not-found', 'method-not-allowed', 'too-large', 'malformed: not JSON']));
  });

  it('WHEN a client goes away halfway through its body THEN the endpoint logs one rejection, no failure, and keeps answering', async () => {
    const rejectedBefore = rejections().length;
    const leaving = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '4000' } });
    leaving.on('error', () => undefined);
    // Gone once its first bytes are on their way: the endpoint then has headers and part of a body.
    leaving.write('{"type":', () => leaving.destroy());
    await expect.poll(() => rejections().slice(rejectedBefore)).toEqual([expect.objectContaining({ status: 400, reason: 'incomplete-body' })]);
    expect(logs.filter((line) => line['msg'] === 'interactions request failed')).toEqual([]);
    const ping = JSON.stringify({ type: 1 });
    expect((await post(ping, signed(ping))).status).toBe(200);
  });

  it('THEN a signed body nested past the stack, or a user command the guide never registered, gets 400 and the endpoint carries on', async () => {
    // Written out as text: building it as objects would overflow this process's stack first.
    const depth = 13_000;
    const nested = `${'{"components":['.repeat(depth)}{"custom_id":"question","value":"why?"}${']}'.repeat(depth)}`;
    const deep = JSON.stringify({ ...slashCommand(), type: 5, data: { custom_id: 'x', components: ['NESTED'] } }).replace('"NESTED"', nested);
    expect((await post(deep, signed(deep))).status).toBe(400);
    const userCommand = JSON.stringify({ ...slashCommand(), data: { id: '7', name: 'Some user command', type: 2, target_id: '42' } });
    expect((await post(userCommand, signed(userCommand))).status).toBe(400);
    const ping = JSON.stringify({ type: 1 });
    expect((await post(ping, signed(ping))).status).toBe(200);
  });

  it('THEN no log line carries a body, a token or a signature', () => {
    expect(rawLogs).not.toContain(TOKEN);
    expect(rawLogs).not.toContain('concurrencx');
    expect(rawLogs).not.toContain('ab'.repeat(64));
  });

  it('THEN 1,000 random bodies, each signed correctly, get a valid answer or a 400, and the endpoint keeps serving', async () => {
    const click = (customId: string) => ({
      id: freshId(),
      application_id: APPLICATION_ID,
      type: 3,
      token: TOKEN,
      member: { user: { id: '42' } },
      data: { custom_id: customId, component_type: 2 },
      message: { id: freshId(), flags: 0, edited_timestamp: null },
    });
    const validId = encodeGuideId({ owner: '42', path: ['io'], action: { kind: 'answer', option: 'asyncio' } });
    // Whole random JSON, and near-valid interactions with one field replaced by anything.
    const nearValid = fc
      .tuple(fc.constantFrom(slashCommand(), click(validId)), fc.constantFrom('id', 'type', 'token', 'member', 'data', 'message', 'application_id'), fc.jsonValue())
      .map(([base, field, value]) => ({ ...base, [field]: value }));
    const bodies = fc.sample(fc.oneof(fc.jsonValue(), nearValid, nearValid.map((value) => ({ ...value, data: { custom_id: 'guide/x/y', component_type: 2, values: ['a'] } }))), 1000);
    const statuses = new Map<number, number>();
    for (const value of bodies) {
      const body = JSON.stringify(value) ?? 'null';
      const answer = await post(body, signed(body));
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 200) expect([1, 4, 7, 9]).toContain(await callbackType(answer));
      else expect(answer.status).toBe(400);
    }
    // Both kinds really happened: some bodies were guides, most were nonsense.
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    const ping = JSON.stringify({ type: 1 });
    expect((await post(ping, signed(ping))).status).toBe(200);
    expect(logs.filter((line) => line['msg'] === 'interactions request failed')).toEqual([]);
  });
});
