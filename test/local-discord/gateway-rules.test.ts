import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';

interface RawGateway {
  readonly received: unknown[];
  send(payload: unknown): void;
  closed: Promise<number>;
}

/** A raw gateway client: what a misbehaving library would send, one frame at a time. */
async function openRaw(discord: LocalDiscord, query = '?v=10&encoding=json'): Promise<RawGateway> {
  const socket = new WebSocket(`${discord.gatewayUrl}${query}`);
  const received: unknown[] = [];
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('message', (data) => received.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { received, send: (payload) => socket.send(JSON.stringify(payload)), closed };
}

const identify = (token: string, intents = 1, extra: Record<string, unknown> = {}) => ({ op: 2, d: { token, intents, properties: { os: 'linux', browser: 'raw', device: 'raw' }, ...extra } });

let discord: LocalDiscord;
beforeAll(async () => {
  discord = await startLocalDiscord();
});
afterAll(async () => {
  expect(discord.internalErrors).toEqual([]);
  await discord.close();
});

describe('gateway close codes', () => {
  it('GIVEN a connection WHEN it opens THEN HELLO carries the heartbeat interval, and a heartbeat is acknowledged', async () => {
    const raw = await openRaw(discord);
    raw.send({ op: 1, d: null });
    await expect.poll(() => raw.received).toEqual([{ op: 10, d: { heartbeat_interval: 41_250 } }, { op: 11 }]);
  });

  it.each([
    { rule: 'a payload before IDENTIFY', frames: (token: string) => [{ op: 3, d: {} }, identify(token)], code: 4003 },
    { rule: 'a wrong token', frames: () => [identify('wrong')], code: 4004 },
    { rule: 'a second IDENTIFY', frames: (token: string) => [identify(token), identify(token)], code: 4005 },
    { rule: 'invalid intent bits', frames: (token: string) => [identify(token, 1 << 30)], code: 4013 },
    { rule: 'a privileged intent the app lacks', frames: (token: string) => [identify(token, 1 << 15)], code: 4014 },
    { rule: 'an invalid shard', frames: (token: string) => [identify(token, 1, { shard: [2, 2] })], code: 4010 },
    { rule: 'an unknown opcode', frames: (token: string) => [identify(token), { op: 42 }], code: 4001 },
    { rule: 'a payload over 4096 bytes', frames: (token: string) => [identify(token, 1, { padding: 'x'.repeat(4096) })], code: 4002 },
    { rule: 'more than 120 payloads a minute', frames: () => Array.from({ length: 121 }, () => ({ op: 1, d: null })), code: 4008 },
  ])('GIVEN $rule WHEN it reaches the gateway THEN the socket closes with $code', async ({ frames, code }) => {
    const raw = await openRaw(discord);
    for (const frame of frames(discord.bot.token)) raw.send(frame);
    expect(await raw.closed).toBe(code);
    expect(discord.violations.at(-1)).toMatchObject({ code });
  });

  it('GIVEN an unsupported API version WHEN the client connects THEN the socket closes with 4012', async () => {
    const raw = await openRaw(discord, '?v=6&encoding=json');
    expect(await raw.closed).toBe(4012);
  });

  it('GIVEN compression asked for WHEN the client connects THEN the server refuses it clearly rather than send plain frames', async () => {
    const raw = await openRaw(discord, '?v=10&encoding=json&compress=zlib-stream');
    expect(await raw.closed).toBe(4002);
    expect(discord.violations.at(-1)?.message).toMatch(/zlib-sync/);
  });

  it('GIVEN a valid IDENTIFY WHEN READY arrives THEN sequence numbers increase and READY names the session and resume URL', async () => {
    discord.createGuild('Seq guild');
    const raw = await openRaw(discord);
    raw.send(identify(discord.bot.token));
    await expect.poll(() => raw.received.length).toBeGreaterThanOrEqual(3);
    const [, ready, guildCreate] = raw.received as { t?: string; s?: number; d: Record<string, unknown> }[];
    expect(ready?.t).toBe('READY');
    expect(ready?.d).toMatchObject({ session_id: expect.any(String), resume_gateway_url: discord.gatewayUrl, application: { id: discord.bot.applicationId } });
    expect(guildCreate?.t).toBe('GUILD_CREATE');
    expect((guildCreate?.s ?? 0) > (ready?.s ?? 0)).toBe(true);
  });
});

describe('gateway writes', () => {
  const GUILDS_AND_GUILD_MESSAGES = (1 << 0) | (1 << 9);
  type Frame = { readonly t?: string; readonly s?: number; readonly d?: { readonly id?: string } };

  it('GIVEN many events in one turn WHEN they are dispatched THEN every one arrives, in order and numbered one after another (they leave in one write)', async () => {
    const guild = discord.createGuild('Busy guild');
    const channel = discord.createChannel(guild.id, 'general');
    const user = discord.createUser('member');
    discord.addMember(guild.id, user.id);
    const raw = await openRaw(discord);
    raw.send(identify(discord.bot.token, GUILDS_AND_GUILD_MESSAGES));
    const frames = raw.received as Frame[];
    await expect.poll(() => frames.some((frame) => frame.t === 'GUILD_CREATE')).toBe(true);
    const before = frames.length;

    const texts = Array.from({ length: 30 }, (_, index) => `message ${index}`);
    const sent = await Promise.all(texts.map((text) => discord.as(user).sendMessage(channel.id, text)));

    await expect.poll(() => frames.length - before).toBe(texts.length);
    const created = frames.slice(before);
    expect(created.map((frame) => [frame.t, frame.d?.id])).toEqual(sent.map((message) => ['MESSAGE_CREATE', message.id]));
    const sequence = created.map((frame) => frame.s ?? 0);
    expect(sequence).toEqual(sequence.map((_, index) => (sequence[0] ?? 0) + index));
  });
});

describe('the daily IDENTIFY budget (session_start_limit)', () => {
  it('GIVEN a budget of two WHEN sessions start THEN /gateway/bot counts them down, and an IDENTIFY past the budget closes with 4004', async () => {
    const budgeted = await startLocalDiscord({ sessionStartLimit: 2 });
    const remaining = async () => {
      const response = await fetch(`${budgeted.apiBaseUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${budgeted.bot.token}` } });
      return ((await response.json()) as { session_start_limit: { total: number; remaining: number } }).session_start_limit;
    };
    try {
      expect(await remaining()).toMatchObject({ total: 2, remaining: 2 });
      for (const left of [1, 0]) {
        const raw = await openRaw(budgeted);
        raw.send(identify(budgeted.bot.token));
        await expect.poll(() => raw.received.some((frame) => (frame as { t?: string }).t === 'READY')).toBe(true);
        expect(await remaining()).toMatchObject({ remaining: left });
      }
      const late = await openRaw(budgeted);
      late.send(identify(budgeted.bot.token));
      expect(await late.closed).toBe(4004);
      expect(budgeted.violations.at(-1)).toMatchObject({ code: 4004, message: expect.stringContaining('IDENTIFYs are used up') });
    } finally {
      await budgeted.close();
    }
  });
});
