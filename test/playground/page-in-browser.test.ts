import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientAssets } from '../../src/playground/client-assets.ts';
import { startPageServer, type PageServer } from '../../src/playground/page-server.ts';
import { hasChromium, launchBrowser, openPage } from './browser.ts';
import { TINY_PNG } from '../bot/harness.ts';
import { FakeBackend } from './fake-backend.ts';

// Generous: the machine runs other suites in parallel, and a poll returns as soon as it holds.
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 50 });

const CHANNEL = { id: '300000000000000001', name: 'python-help' };
const YOU = { id: '100000000000000001', username: 'you' };
const STRANGER = { id: '100000000000000002', username: 'a stranger' };

// The page's own behaviour, against a scripted backend; the real bot walks the page in playground.test.ts.
describe.skipIf(!hasChromium)('the playground page in Chromium', () => {
  let backend: FakeBackend;
  let server: PageServer;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let offsiteRequests: string[];

  beforeAll(async () => {
    backend = new FakeBackend();
    server = await startPageServer({
      backend,
      guildName: 'Playground',
      commands: [{ name: 'concurrency', description: 'Find the right API', options: [{ name: 'private', description: 'Only you', type: 'boolean' }] }],
      channel: CHANNEL,
      users: [YOU, STRANGER],
      assets: await buildClientAssets(),
      logger: pino({ level: 'silent' }),
      port: 0,
    });
    browser = await launchBrowser();
    ({ page, pageErrors, offsiteRequests } = await openPage(browser, server.url));
    await page.getByText('live', { exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const message = (text: string | RegExp) => page.locator('discord-message').filter({ hasText: text });

  it('GIVEN a message full of HTML THEN the page shows it as text and runs nothing', async () => {
    backend.post({ channelId: CHANNEL.id, authorId: STRANGER.id, content: '<img src=x onerror="window.pwned=1"> **really**' });
    const shown = message('onerror');
    await eventually(() => shown.count()).toBe(1);
    expect(await shown.locator('img[src=x]').count()).toBe(0);
    expect(await shown.locator('strong').innerText()).toBe('really');
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('GIVEN /concurrency private:true typed THEN the command runs privately and the answer appears live, marked for you only', async () => {
    await page.locator('#composer-input').fill('/concurrency private:true');
    await page.locator('#composer-input').press('Enter');
    await eventually(() => message('Step 1 of 3').count()).toBe(1);
    expect(backend.calls.at(-1)).toMatchObject({ user: YOU.id, method: 'runSlashCommand', args: [CHANNEL.id, 'concurrency', { private: true }] });
    await eventually(() => message('Step 1 of 3').getByText('Only you can see this').count()).toBe(1);
  });

  it('GIVEN a button click THEN the click reaches the bot and the edited message replaces the old one', async () => {
    await message('Step 1 of 3').locator('discord-button', { hasText: 'Waiting' }).click();
    await eventually(() => message('Use asyncio').count()).toBe(1);
    expect(backend.calls.at(-1)).toMatchObject({ user: YOU.id, method: 'clickButton', args: [expect.any(String), { customId: 'answer:waiting' }] });
    expect(await message('Use asyncio').getByText('(edited)').count()).toBe(1);
    expect(await message('Step 1 of 3').count()).toBe(0);
  });

  it('GIVEN the switch to the stranger THEN the private message is gone from view', async () => {
    await page.getByRole('radio', { name: 'a stranger' }).click();
    await eventually(() => page.locator('body').getAttribute('data-viewer')).toBe('a stranger');
    expect(await message('Use asyncio').count()).toBe(0);
    await page.getByRole('radio', { name: 'you' }).click();
    await eventually(() => message('Use asyncio').count()).toBe(1);
  });

  it('GIVEN a link button THEN it opens its page in a new tab', async () => {
    backend.post({
      channelId: CHANNEL.id,
      authorId: backend.bot.userId,
      content: 'Read on',
      components: [[{ type: 'button', label: 'asyncio docs', style: 'link', url: 'https://docs.python.org/3/library/asyncio.html' }]],
    });
    const link = message('Read on').locator('discord-button a');
    await eventually(() => link.count()).toBe(1);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toBe('https://docs.python.org/3/library/asyncio.html');
  });

  it('GIVEN a message with a picture and a file THEN the picture shows inline and the file is offered with its size', async () => {
    backend.post({
      channelId: CHANNEL.id,
      authorId: STRANGER.id,
      content: 'my run',
      attachments: [
        { filename: 'dot.png', contentType: 'image/png', size: TINY_PNG.length, data: TINY_PNG },
        { filename: 'trace.txt', contentType: 'text/plain', size: 2048, data: Buffer.alloc(2048, 'x') },
      ],
    });
    const picture = message('my run').locator('.image-attachment img');
    await eventually(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
    expect(await message('my run').getByText('2 KB').count()).toBe(1);
    expect(await message('my run').locator('discord-file-attachment').getAttribute('name')).toBe('trace.txt');
  });

  it('GIVEN a malformed command THEN the problem shows on the page and nothing is sent', async () => {
    const before = backend.calls.length;
    await page.locator('#composer-input').fill('/concurrency private');
    await page.locator('#composer-input').press('Enter');
    await eventually(() => page.getByRole('alert').innerText()).toContain('name:value');
    expect(backend.calls.length).toBe(before);
  });

  it('GIVEN a reply typed from the Reply action THEN it is sent as a reply to that message', async () => {
    const target = message('Read on');
    // Read the id first: once the reply shows, its preview also contains "Read on".
    const targetId = await target.getAttribute('data-message-id');
    await target.hover();
    await target.getByRole('button', { name: 'Reply to Guide' }).click();
    await page.locator('#composer-input').fill('why?');
    await page.locator('#composer-input').press('Enter');
    await eventually(() => backend.calls.at(-1)?.method).toBe('sendMessage');
    expect(backend.calls.at(-1)?.args).toEqual([CHANNEL.id, 'why?', { replyTo: targetId, mentionBot: false }]);
    await eventually(() => page.locator('discord-reply', { hasText: 'Read on' }).count()).toBe(1);
  });

  it('GIVEN an address naming a user from an earlier run THEN the page shows the channel as its first user', async () => {
    const stale = await browser.newPage();
    try {
      await stale.goto(`${server.url}/?as=199999999999999999`);
      await eventually(() => stale.locator('body').getAttribute('data-viewer')).toBe('you');
      expect(new URL(stale.url()).searchParams.get('as')).toBe(YOU.id);
      expect(await stale.getByRole('alert').isVisible()).toBe(false);
    } finally {
      await stale.close();
    }
  });

  it('GIVEN everything above THEN no script error and no request left the machine', () => {
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
  });
});
