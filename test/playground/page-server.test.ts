import { request as httpRequest } from 'node:http';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPageServer, type PageServer } from '../../src/playground/page-server.ts';
import type { PageState } from '../../src/playground/common/page-types.ts';
import { FakeBackend, FakeDriverError, FakeInteractionFailedError } from './fake-backend.ts';

const CHANNEL = { id: '300000000000000001', name: 'python-help' };
const YOU = { id: '100000000000000001', username: 'you' };
const STRANGER = { id: '100000000000000002', username: 'a stranger' };

let backend: FakeBackend;
let page: PageServer;

beforeAll(async () => {
  backend = new FakeBackend();
  page = await startPageServer({
    backend,
    guildName: 'Playground',
    commands: [{ name: 'concurrency', description: 'Find the right API', options: [] }],
    messageCommands: ['Ask the concurrency guide'],
    channel: CHANNEL,
    users: [YOU, STRANGER],
    assets: { script: 'console.log("page")', styles: 'body{}' },
    logger: pino({ level: 'silent' }),
    port: 0,
  });
});
afterAll(async () => page.close());
afterEach(() => {
  backend.calls.length = 0;
  backend.failNext = null;
  backend.modalNext = null;
});

async function postJson(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${page.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function stateFor(viewer: string): Promise<PageState> {
  const response = await fetch(`${page.url}/api/state?viewer=${viewer}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PageState;
}

describe('the page and its assets', () => {
  it('GIVEN GET / THEN serves the channel page that loads the bundled script, under a strict CSP', async () => {
    const response = await fetch(`${page.url}/`);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/app.js">');
    expect(html).toContain('id="composer-input"');
    expect(await (await fetch(`${page.url}/app.js`)).text()).toBe('console.log("page")');
  });

  it('GIVEN an unknown path THEN answers 404 with a sentence', async () => {
    const response = await fetch(`${page.url}/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain('/nope');
  });

  it('GIVEN a Host header that is not local THEN refuses (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${page.url}/api/state`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('GET /api/state', () => {
  it('GIVEN no viewer THEN shows the channel as the first user, with both people to switch between', async () => {
    const state = (await (await fetch(`${page.url}/api/state`)).json()) as PageState;
    expect(state.viewer).toEqual({ id: YOU.id, name: 'you', bot: false });
    expect(state.users.map((user) => user.name)).toEqual(['you', 'a stranger']);
    expect(state.bot).toEqual({ id: backend.bot.userId, name: 'Guide', bot: true });
    expect(state.channel).toEqual(CHANNEL);
    expect(state.commands.map((command) => command.name)).toEqual(['concurrency']);
  });

  it('GIVEN an unknown viewer THEN answers 400 naming the users it knows', async () => {
    const response = await fetch(`${page.url}/api/state?viewer=42`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('a stranger');
  });

  it('GIVEN a private guide THEN its owner sees it marked ephemeral and the stranger does not see it', async () => {
    const { json } = await postJson('/api/command', { viewer: YOU.id, name: 'concurrency', options: { private: true } });
    const mine = (await stateFor(YOU.id)).messages.find((message) => message.id === json['messageId']);
    expect(mine?.ephemeral).toBe(true);
    expect(mine?.author.name).toBe('Guide');
    expect((await stateFor(STRANGER.id)).messages.some((message) => message.id === json['messageId'])).toBe(false);
  });
});

describe('POST actions', () => {
  it('GIVEN /concurrency private:true THEN runs the command in the channel as the chosen user', async () => {
    const { status, json } = await postJson('/api/command', { viewer: STRANGER.id, name: 'concurrency', options: { private: true } });
    expect(status).toBe(200);
    expect(json['ok']).toBe(true);
    expect(backend.calls).toEqual([{ user: STRANGER.id, method: 'runSlashCommand', args: [CHANNEL.id, 'concurrency', { private: true }] }]);
  });

  it('GIVEN a typed reply THEN sends it as that user, replying to the message', async () => {
    const original = backend.post({ channelId: CHANNEL.id, authorId: backend.bot.userId, content: 'Use asyncio' });
    const { status } = await postJson('/api/message', { viewer: YOU.id, content: 'why?', replyTo: original.id });
    expect(status).toBe(200);
    expect(backend.calls[0]).toEqual({ user: YOU.id, method: 'sendMessage', args: [CHANNEL.id, 'why?', { replyTo: original.id, mentionBot: false }] });
    const reply = (await stateFor(YOU.id)).messages.at(-1);
    expect(reply?.replyTo).toMatchObject({ id: original.id, excerpt: 'Use asyncio', author: { name: 'Guide' } });
  });

  it('GIVEN a mention of the bot THEN asks the driver to mention it', async () => {
    await postJson('/api/message', { viewer: YOU.id, content: 'why not threads?', mentionBot: true });
    expect(backend.calls[0]?.args[2]).toEqual({ mentionBot: true });
  });

  it('GIVEN a button click and a selection THEN passes the message and custom id on', async () => {
    const message = backend.post({ channelId: CHANNEL.id, authorId: backend.bot.userId, content: 'pick' });
    expect((await postJson('/api/click', { viewer: YOU.id, messageId: message.id, customId: 'answer:waiting' })).status).toBe(200);
    expect((await postJson('/api/select', { viewer: STRANGER.id, messageId: message.id, customId: 'whynot', values: ['threads'] })).status).toBe(200);
    expect(backend.calls).toEqual([
      { user: YOU.id, method: 'pressButton', args: [message.id, { customId: 'answer:waiting' }] },
      { user: STRANGER.id, method: 'selectOption', args: [message.id, { customId: 'whynot', values: ['threads'] }] },
    ]);
  });

  it.each([
    ['an empty message', '/api/message', { viewer: YOU.id, content: '   ' }, 'content'],
    ['a message over 2000 characters', '/api/message', { viewer: YOU.id, content: 'x'.repeat(2001) }, '2000'],
    ['a field the API does not know', '/api/message', { viewer: YOU.id, content: 'hi', admin: true }, 'admin'],
    ['a custom id over 100 characters', '/api/click', { viewer: YOU.id, messageId: '1', customId: 'x'.repeat(101) }, '100'],
    ['a select with no value', '/api/select', { viewer: YOU.id, messageId: '1', customId: 'c', values: [] }, 'at least one'],
    ['a command name with capitals', '/api/command', { viewer: YOU.id, name: 'Concurrency' }, 'name'],
    ['an unknown user', '/api/command', { viewer: '5', name: 'concurrency' }, 'Unknown user'],
    ['a viewer that is not an id', '/api/click', { viewer: 'you', messageId: '1', customId: 'a' }, 'viewer'],
  ])('GIVEN %s THEN answers 400 with what is wrong and calls nothing', async (_case, path, body, expected) => {
    const { status, json } = await postJson(path, body);
    expect(status).toBe(400);
    expect(String(json['error'])).toContain(expected);
    expect(backend.calls).toEqual([]);
  });

  it('GIVEN a body that is not JSON, not declared JSON, or too large THEN refuses it clearly', async () => {
    const url = `${page.url}/api/message`;
    const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"viewer":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: string }).error).toContain('not valid JSON');
    const form = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const huge = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: 'x'.repeat(200_000) }) });
    expect(huge.status).toBe(413);
    expect(backend.calls).toEqual([]);
  });

  it('GIVEN the bot does not answer in time THEN says the interaction failed', async () => {
    backend.failNext = new FakeInteractionFailedError('This interaction failed: no response within 3000 ms');
    const { status, json } = await postJson('/api/command', { viewer: YOU.id, name: 'concurrency' });
    expect(status).toBe(504);
    expect(String(json['error'])).toContain('This interaction failed');
    expect(String(json['error'])).toContain('within 3 seconds');
  });

  it('GIVEN the driver refuses an action THEN passes its reason on', async () => {
    backend.failNext = new FakeDriverError('Message 123 has no button with custom id "x"');
    const { status, json } = await postJson('/api/click', { viewer: YOU.id, messageId: '123', customId: 'x' });
    expect(status).toBe(409);
    expect(json['error']).toBe('Message 123 has no button with custom id "x"');
  });

  it('GIVEN an unexpected failure THEN answers 500 with a sentence and keeps serving', async () => {
    backend.failNext = new TypeError('boom');
    const { status, json } = await postJson('/api/command', { viewer: YOU.id, name: 'concurrency' });
    expect(status).toBe(500);
    expect(String(json['error'])).toContain('boom');
    expect((await fetch(`${page.url}/api/state`)).status).toBe(200);
  });
});

const ASK_FORM = {
  title: 'Ask the concurrency guide',
  fields: [{ label: 'What would you like to know?', customId: 'question', style: 'short' as const, placeholder: 'e.g. why not asyncio?', required: true, minLength: 1, maxLength: 300 }],
};

describe('modals and message commands', () => {
  const openForm = async (viewer = YOU.id): Promise<{ id: string; title: string; fields: unknown[] }> => {
    const message = backend.post({ channelId: CHANNEL.id, authorId: backend.bot.userId, content: 'guide' });
    backend.modalNext = ASK_FORM;
    const { status, json } = await postJson('/api/click', { viewer, messageId: message.id, customId: 'ask' });
    expect(status).toBe(200);
    return json['modal'] as { id: string; title: string; fields: unknown[] };
  };

  it('GIVEN the bot registered a message command THEN the state offers it under Apps', async () => {
    expect((await stateFor(YOU.id)).messageCommands).toEqual(['Ask the concurrency guide']);
  });

  it('GIVEN a click the bot answers with a modal THEN the click answers with the modal for the page to show, nulls for absent limits', async () => {
    const modal = await openForm();
    expect(modal).toEqual({
      id: expect.stringMatching(/^[\w-]+$/),
      title: 'Ask the concurrency guide',
      fields: [{ customId: 'question', label: 'What would you like to know?', description: null, style: 'short', placeholder: 'e.g. why not asyncio?', required: true, minLength: 1, maxLength: 300, value: null }],
    });
  });

  it('GIVEN the modal is submitted THEN its values go to the bot as that user, and the answer is the message the user sees', async () => {
    const modal = await openForm();
    const { status, json } = await postJson('/api/modal/submit', { viewer: YOU.id, modalId: modal.id, values: { question: 'why not threads?' } });
    expect(status).toBe(200);
    expect(backend.calls.at(-1)).toEqual({ user: YOU.id, method: 'submitModal', args: [{ question: 'why not threads?' }] });
    const answer = (await stateFor(YOU.id)).messages.find((message) => message.id === json['messageId']);
    expect(answer).toMatchObject({ content: 'you asked: question=why not threads?', ephemeral: true });
    // Submitted, it is gone: a second submit finds nothing.
    expect((await postJson('/api/modal/submit', { viewer: YOU.id, modalId: modal.id, values: { question: 'again' } })).status).toBe(404);
  });

  it('GIVEN the bot refuses the values THEN the modal stays open for a corrected submit', async () => {
    const modal = await openForm();
    backend.failNext = new FakeDriverError('"What would you like to know?" (question) is required');
    const refused = await postJson('/api/modal/submit', { viewer: YOU.id, modalId: modal.id, values: { question: '' } });
    expect(refused).toEqual({ status: 409, json: { error: '"What would you like to know?" (question) is required' } });
    expect((await postJson('/api/modal/submit', { viewer: YOU.id, modalId: modal.id, values: { question: 'why?' } })).status).toBe(200);
  });

  it('GIVEN the modal is cancelled THEN it is closed unsent and cannot be submitted afterwards', async () => {
    const modal = await openForm();
    expect((await postJson('/api/modal/close', { viewer: YOU.id, modalId: modal.id })).status).toBe(200);
    expect(backend.calls.at(-1)).toEqual({ user: YOU.id, method: 'closeModal', args: [] });
    const late = await postJson('/api/modal/submit', { viewer: YOU.id, modalId: modal.id, values: { question: 'why?' } });
    expect(late.status).toBe(404);
    expect(String(late.json['error'])).toContain('no longer open');
  });

  it("GIVEN someone else's modal THEN it can be neither submitted nor closed", async () => {
    const modal = await openForm(YOU.id);
    expect((await postJson('/api/modal/submit', { viewer: STRANGER.id, modalId: modal.id, values: { question: 'mine now' } })).status).toBe(404);
    expect((await postJson('/api/modal/close', { viewer: STRANGER.id, modalId: modal.id })).status).toBe(404);
    expect(backend.calls.map((call) => call.method)).toEqual(['pressButton']);
  });

  it('GIVEN a message command run on a message THEN the driver runs it as that user', async () => {
    const message = backend.post({ channelId: CHANNEL.id, authorId: STRANGER.id, content: 'my scraper downloads 500 URLs with requests' });
    const { status, json } = await postJson('/api/message-command', { viewer: YOU.id, messageId: message.id, name: 'Ask the concurrency guide' });
    expect(status).toBe(200);
    expect(backend.calls).toEqual([{ user: YOU.id, method: 'runMessageCommand', args: [message.id, 'Ask the concurrency guide'] }]);
    expect((await stateFor(YOU.id)).messages.find((candidate) => candidate.id === json['messageId'])?.content).toBe(`Ask the concurrency guide about ${message.id}`);
  });

  it.each([
    ['a modal id that is not one', '/api/modal/submit', { viewer: YOU.id, modalId: '../x', values: {} }, 'modalId'],
    ['a value over 4000 characters', '/api/modal/submit', { viewer: YOU.id, modalId: 'abc', values: { question: 'x'.repeat(4001) } }, '4000'],
    ['a message command name over 32 characters', '/api/message-command', { viewer: YOU.id, messageId: '1', name: 'x'.repeat(33) }, '32'],
  ])('GIVEN %s THEN answers 400 with what is wrong and calls nothing', async (_case, path, body, expected) => {
    const { status, json } = await postJson(path, body);
    expect(status).toBe(400);
    expect(String(json['error'])).toContain(expected);
    expect(backend.calls).toEqual([]);
  });
});

describe('live updates', () => {
  it('GIVEN an open event stream THEN a new or edited message is announced', async () => {
    const controller = new AbortController();
    const response = await fetch(`${page.url}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body?.getReader();
    if (reader === undefined) throw new Error('no body');
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!received.includes(needle)) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`stream ended before ${needle}`);
        received += decoder.decode(chunk.value);
      }
    };
    await readUntil('event: ready');
    backend.post({ channelId: CHANNEL.id, authorId: backend.bot.userId, content: 'edited soon' });
    await readUntil('event: change');
    controller.abort();
  });
});

describe('attachments', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  it('GIVEN a PNG shown as the embed image THEN the embed points at it, it is not listed twice, and it is served inline', async () => {
    const message = backend.post({
      channelId: CHANNEL.id,
      authorId: backend.bot.userId,
      embeds: [{ title: 'asyncio', image: { url: 'attachment://tree.png' } }],
      attachments: [
        { filename: 'tree.png', contentType: 'image/png', size: png.length, data: png },
        { filename: 'notes.html', contentType: 'text/html', size: 5, data: new TextEncoder().encode('<b>x') },
      ],
    });
    const shown = (await stateFor(YOU.id)).messages.find((candidate) => candidate.id === message.id);
    const imageUrl = shown?.embeds[0]?.imageUrl;
    expect(imageUrl).toMatch(/^\/attachments\//);
    expect(shown?.attachments.map((file) => file.filename)).toEqual(['notes.html']);

    const image = await fetch(`${page.url}${imageUrl}`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(png);

    // HTML from a bot must never run on the page's origin: it is offered as a download.
    const notes = await fetch(`${page.url}${shown?.attachments[0]?.url}`);
    expect(notes.headers.get('content-type')).toBe('application/octet-stream');
    expect(notes.headers.get('content-disposition')).toBe('attachment');
  });

  it('GIVEN an attachment that does not exist, or a mangled address THEN 404', async () => {
    expect((await fetch(`${page.url}/attachments/1/0/x.png`)).status).toBe(404);
    expect((await fetch(`${page.url}/attachments/%E0%A4%A/0/x.png`)).status).toBe(404);
    expect((await fetch(`${page.url}/attachments/`)).status).toBe(404);
  });
});
