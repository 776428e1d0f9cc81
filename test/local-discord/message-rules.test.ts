import { DiscordAPIError, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, guildWithUser, type Session } from './harness.ts';

const button = (customId: string, label = 'Go') => ({ type: 2, style: 1, custom_id: customId, label });
const row = (...components: unknown[]) => ({ type: 1, components });
const field = (value = 'v') => ({ name: 'n', value });

/** Each documented rule, a body that breaks it, Discord's JSON code, and where `errors` points. */
const cases: { rule: string; body: Record<string, unknown>; code: number; errorPath?: string[] }[] = [
  { rule: 'content is at most 2000 characters (the spec says 4000; the docs win)', body: { content: 'x'.repeat(2001) }, code: 50035, errorPath: ['content'] },
  { rule: 'a message is not empty', body: { content: '' }, code: 50006 },
  { rule: 'a message of only spaces is empty', body: { content: '   ' }, code: 50006 },
  { rule: 'at most 10 embeds', body: { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, code: 50035, errorPath: ['embeds'] },
  { rule: 'embed title at most 256', body: { embeds: [{ title: 't'.repeat(257) }] }, code: 50035, errorPath: ['embeds', '0', 'title'] },
  { rule: 'embed description at most 4096', body: { embeds: [{ description: 'd'.repeat(4097) }] }, code: 50035, errorPath: ['embeds', '0', 'description'] },
  { rule: 'at most 25 embed fields', body: { embeds: [{ fields: Array.from({ length: 26 }, () => field()) }] }, code: 50035, errorPath: ['embeds', '0', 'fields'] },
  { rule: 'field value at most 1024', body: { embeds: [{ fields: [field('v'.repeat(1025))] }] }, code: 50035, errorPath: ['embeds', '0', 'fields', '0', 'value'] },
  { rule: 'footer at most 2048', body: { embeds: [{ footer: { text: 'f'.repeat(2049) } }] }, code: 50035, errorPath: ['embeds', '0', 'footer', 'text'] },
  { rule: 'all embeds together at most 6000', body: { embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }] }, code: 50035, errorPath: ['embeds'] },
  { rule: 'at most 5 action rows', body: { components: Array.from({ length: 6 }, (_, index) => row(button(`b${index}`))) }, code: 50035, errorPath: ['components'] },
  { rule: 'at most 5 buttons in a row', body: { components: [row(...Array.from({ length: 6 }, (_, index) => button(`b${index}`)))] }, code: 50035, errorPath: ['components', '0', 'components'] },
  {
    rule: 'a select fills its row alone',
    body: { components: [row({ type: 3, custom_id: 's', options: [{ label: 'a', value: 'a' }] }, button('b'))] },
    code: 50035,
    errorPath: ['components', '0', 'components'],
  },
  { rule: 'custom_id at most 100', body: { components: [row(button('c'.repeat(101)))] }, code: 50035, errorPath: ['components', '0', 'components', '0', 'custom_id'] },
  { rule: 'custom_id unique in the message', body: { components: [row(button('same')), row(button('same'))] }, code: 50035, errorPath: ['components', '1', 'components', '0', 'custom_id'] },
  { rule: 'button label at most 80', body: { components: [row(button('b', 'l'.repeat(81)))] }, code: 50035, errorPath: ['components', '0', 'components', '0', 'label'] },
  { rule: 'a link button has a url', body: { components: [row({ type: 2, style: 5, label: 'Docs' })] }, code: 50035, errorPath: ['components', '0', 'components', '0', 'url'] },
  {
    rule: 'a link button has no custom_id',
    body: { components: [row({ type: 2, style: 5, label: 'Docs', url: 'https://docs.python.org', custom_id: 'x' })] },
    code: 50035,
    errorPath: ['components', '0', 'components', '0', 'custom_id'],
  },
  { rule: 'a non-link button has a custom_id', body: { components: [row({ type: 2, style: 1, label: 'Go' })] }, code: 50035, errorPath: ['components', '0', 'components', '0', 'custom_id'] },
  { rule: 'the OpenAPI schema rejects a wrong type', body: { content: 42 }, code: 50035, errorPath: ['content'] },
  { rule: 'the OpenAPI schema rejects an unknown component type', body: { components: [{ type: 99 }] }, code: 50035, errorPath: ['components', '0', 'type'] },
  { rule: 'a reply points at an existing message', body: { content: 'hi', message_reference: { message_id: '1234567890123456789' } }, code: 50035, errorPath: ['message_reference'] },
  { rule: 'only documented flags (ephemeral is not for channel messages)', body: { content: 'hi', flags: 64 }, code: 50035, errorPath: ['flags'] },
];

describe('message rules through the REST API', () => {
  let session: Session;
  let channelId: string;
  beforeAll(async () => {
    session = await connect();
    channelId = guildWithUser(session.discord).channel.id;
  });
  afterAll(async () => {
    expect(session.discord.internalErrors).toEqual([]);
    await session.close();
  });

  it.each(cases)('GIVEN a body breaking "$rule" WHEN the bot posts it THEN Discord refuses with $code', async ({ body, code, errorPath }) => {
    const error = await session.client.rest.post(Routes.channelMessages(channelId), { body }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    const apiError = error as DiscordAPIError;
    expect(apiError.code).toBe(code);
    expect(apiError.status).toBe(400);
    if (errorPath !== undefined) {
      const errors = (apiError.rawError as { errors?: unknown }).errors;
      const leaf = errorPath.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], errors) as { _errors?: unknown[] } | undefined;
      expect(leaf?._errors?.length).toBeGreaterThan(0);
    }
    expect(session.discord.violations.at(-1)).toMatchObject({ method: 'POST', status: 400, code });
    expect(session.discord.messages(channelId)).toEqual([]);
  });

  it('GIVEN a body at every limit (embeds total 5977 of 6000) WHEN the bot posts it THEN it is accepted and rendered', async () => {
    const before = session.discord.violations.length;
    await session.client.rest.post(Routes.channelMessages(channelId), {
      body: {
        content: 'x'.repeat(2000),
        embeds: [{ title: 't'.repeat(256), description: 'd'.repeat(4096), fields: [field('v'.repeat(1024))], footer: { text: 'f'.repeat(600) } }],
        components: [row(...Array.from({ length: 5 }, (_, index) => button(`b${index}`, 'l'.repeat(80)))), row({ type: 2, style: 5, label: 'Docs', url: 'https://docs.python.org' })],
      },
    });
    expect(session.discord.violations.length).toBe(before);
    const [message] = session.discord.messages(channelId);
    expect(message?.content.length).toBe(2000);
    expect(message?.components.map((buttons) => buttons.length)).toEqual([5, 1]);
    expect(message?.components[1]?.[0]).toMatchObject({ style: 'link', url: 'https://docs.python.org' });
  });

  it('GIVEN a body that is not JSON WHEN it is posted THEN Discord answers 50109', async () => {
    const response = await fetch(`${session.discord.apiBaseUrl}/v10/channels/${channelId}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bot ${session.discord.bot.token}`, 'Content-Type': 'application/json' },
      body: '{"content": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ code: 50109 });
  });

  it('GIVEN a body over the upload ceiling WHEN it is posted THEN Discord answers 413 and the server goes on answering', async () => {
    const url = `${session.discord.apiBaseUrl}/v10/channels/${channelId}/messages`;
    const headers = { Authorization: `Bot ${session.discord.bot.token}`, 'Content-Type': 'application/json' };
    const tooBig = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ content: 'x'.repeat(27 * 1024 * 1024) }) });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ code: 40005 });
    const fine = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ content: 'still here' }) });
    expect(fine.status).toBe(200);
  });

  it('GIVEN an unknown channel WHEN the bot posts there THEN Discord answers 10003', async () => {
    await expect(session.client.rest.post(Routes.channelMessages('1234567890123456789'), { body: { content: 'hi' } })).rejects.toMatchObject({ code: 10003, status: 404 });
  });
});
