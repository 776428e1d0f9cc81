import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startLocalDiscord, type LocalDiscord } from '../../src/local-discord/index.ts';

interface Frame {
  readonly op: number;
  readonly t?: string;
  readonly s?: number;
  readonly d?: { readonly id?: string };
}

const GUILDS_AND_GUILD_MESSAGES = (1 << 0) | (1 << 9);

/** A raw gateway client, identified for guild messages. */
async function identifiedClient(discord: LocalDiscord) {
  const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
  const frames: Frame[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ op: 2, d: { token: discord.bot.token, intents: GUILDS_AND_GUILD_MESSAGES, properties: { os: 'linux', browser: 'raw', device: 'raw' } } }));
  await expect.poll(() => frames.some((frame) => frame.t === 'GUILD_CREATE')).toBe(true);
  return { socket, frames };
}

describe('gateway writes under load', () => {
  let discord: LocalDiscord;
  beforeAll(async () => {
    discord = await startLocalDiscord();
  });
  afterAll(async () => {
    expect(discord.internalErrors).toEqual([]);
    await discord.close();
  });

  it('GIVEN many events in one turn WHEN they are dispatched THEN every one arrives, in order and numbered one after another (they leave in one write)', async () => {
    const guild = discord.createGuild('Busy guild');
    const channel = discord.createChannel(guild.id, 'general');
    const user = discord.createUser('member');
    discord.addMember(guild.id, user.id);
    const client = await identifiedClient(discord);
    const before = { frames: client.frames.length };

    const texts = Array.from({ length: 30 }, (_, index) => `message ${index}`);
    const sent = await Promise.all(texts.map((text) => discord.as(user).sendMessage(channel.id, text)));

    await expect.poll(() => client.frames.length - before.frames).toBe(texts.length);
    const created = client.frames.slice(before.frames);
    expect(created.map((frame) => [frame.t, frame.d?.id])).toEqual(sent.map((message) => ['MESSAGE_CREATE', message.id]));
    const sequence = created.map((frame) => frame.s ?? 0);
    expect(sequence).toEqual(sequence.map((_, index) => (sequence[0] ?? 0) + index));
    client.socket.close();
  });
});
