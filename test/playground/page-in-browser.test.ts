import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadClientAssets } from '../../src/playground/client-assets.ts';
import { BUILT_PLAYGROUND_PAGE } from '../support/built.ts';
import { startPageServer, type PageServer } from '../../src/playground/page-server.ts';
import { artifactPath, hasChromium, launchBrowser, openPage } from './browser.ts';
import { TINY_PNG } from '../bot/harness.ts';
import { FakeBackend, FakeDriverError } from './fake-backend.ts';

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
      messageCommands: ['Ask the concurrency guide', 'Explain'],
      channel: CHANNEL,
      users: [YOU, STRANGER],
      assets: await loadClientAssets(BUILT_PLAYGROUND_PAGE),
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
    expect(backend.calls.at(-1)).toMatchObject({ user: YOU.id, method: 'pressButton', args: [expect.any(String), { customId: 'answer:waiting' }] });
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

  describe('a modal the bot opens', () => {
    const ASK_FORM = {
      title: 'Ask the concurrency guide',
      fields: [
        { label: 'What would you like to know?', customId: 'question', style: 'short' as const, placeholder: 'e.g. why not asyncio?', required: true, minLength: 1, maxLength: 300 },
        { label: 'Anything else?', customId: 'detail', style: 'paragraph' as const, required: false, description: 'Optional context' },
      ],
    };
    const dialog = () => page.getByRole('dialog', { name: 'Ask the concurrency guide' });
    const askButton = () => message('Ask me').locator('discord-button', { hasText: 'Ask' });
    /** The id of the field focused in the dialog, or the custom id of the focused discord-button. */
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-custom-id') || document.activeElement?.tagName);

    beforeAll(() => {
      backend.post({ channelId: CHANNEL.id, authorId: backend.bot.userId, content: 'Ask me', components: [[{ type: 'button', label: 'Ask', style: 1, customId: 'ask' }]] });
    });

    it('GIVEN a click answered with a modal THEN a dialog shows its title and labelled fields, focus in the first; Escape closes it unsent and focus returns to the button', async () => {
      backend.modalNext = ASK_FORM;
      await askButton().click();
      await eventually(() => dialog().isVisible()).toBe(true);
      expect(await dialog().getByRole('heading').innerText()).toBe('Ask the concurrency guide');
      const question = dialog().getByLabel('What would you like to know?');
      expect(await question.evaluate((input: HTMLInputElement) => [input.tagName, input.type, input.placeholder, input.minLength, input.maxLength, input.required])).toEqual([
        'INPUT',
        'text',
        'e.g. why not asyncio?',
        1,
        300,
        true,
      ]);
      expect(await dialog().getByLabel('Anything else?').evaluate((area) => area.tagName)).toBe('TEXTAREA');
      expect(await dialog().getByText('Optional context').count()).toBe(1);
      expect(await focused()).toBe('modal-field-0');
      await page.screenshot({ path: artifactPath('page-modal-dialog.png') });

      await page.keyboard.press('Escape');
      await eventually(() => dialog().count()).toBe(0);
      await eventually(() => backend.calls.at(-1)?.method).toBe('closeModal');
      expect(backend.calls.some((call) => call.method === 'submitModal')).toBe(false);
      await eventually(focused).toBe('ask');
    });

    it('GIVEN the keyboard alone THEN Enter on the button opens the dialog, Tab walks the fields, Cancel and Submit, and Enter in the short field submits', async () => {
      backend.modalNext = ASK_FORM;
      // The focus is back on Ask from the test above.
      await page.keyboard.press('Enter');
      await eventually(() => dialog().isVisible()).toBe(true);
      await page.keyboard.type('why not threads?');
      const order: string[] = [];
      for (let step = 0; step < 3; step += 1) {
        await page.keyboard.press('Tab');
        order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
      }
      expect(order).toEqual(['modal-field-1', 'Cancel', 'Submit']);
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.type('for a scraper');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await eventually(() => dialog().count()).toBe(0);
      expect(backend.calls.at(-1)).toEqual({ user: YOU.id, method: 'submitModal', args: [{ question: 'why not threads?', detail: 'for a scraper' }] });
      await eventually(() => message('you asked: question=why not threads?').count()).toBe(1);
      await eventually(focused).toBe('ask');
    });

    it('GIVEN a required field left empty THEN the browser holds the submit back and nothing is sent', async () => {
      backend.modalNext = ASK_FORM;
      await askButton().click();
      await eventually(() => dialog().isVisible()).toBe(true);
      const before = backend.calls.length;
      await dialog().getByRole('button', { name: 'Submit' }).click();
      expect(await dialog().getByLabel('What would you like to know?').evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true);
      expect(backend.calls.length).toBe(before);
      await dialog().getByRole('button', { name: 'Cancel' }).click();
      await eventually(() => dialog().count()).toBe(0);
      await eventually(() => backend.calls.at(-1)?.method).toBe('closeModal');
    });

    it('GIVEN values the bot refuses THEN the dialog stays open with the reason, and a corrected submit goes through', async () => {
      backend.modalNext = ASK_FORM;
      await askButton().click();
      await eventually(() => dialog().isVisible()).toBe(true);
      await dialog().getByLabel('What would you like to know?').fill('?');
      backend.failNext = new FakeDriverError('"What would you like to know?" (question) takes at least 2 characters');
      await page.keyboard.press('Enter');
      await eventually(() => dialog().getByRole('alert').innerText()).toContain('at least 2 characters');
      await dialog().getByLabel('What would you like to know?').fill('why?');
      await page.keyboard.press('Enter');
      await eventually(() => dialog().count()).toBe(0);
      await eventually(() => message('you asked: question=why?').count()).toBe(1);
    });
  });

  describe('the Apps menu of a message', () => {
    const appsButton = () => message('my scraper').getByRole('button', { name: /^Apps for/ });
    // The toolbar hides once neither hovered nor focused; its state is read whether shown or not.
    const expanded = () => message('my scraper').locator('button[aria-haspopup="menu"]').getAttribute('aria-expanded');
    const menuItems = () => message('my scraper').getByRole('menuitem');
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

    beforeAll(() => {
      backend.post({ channelId: CHANNEL.id, authorId: STRANGER.id, content: 'my scraper downloads 500 URLs with requests' });
    });

    it('GIVEN the keyboard THEN Enter opens the menu on its first command, arrows move, Escape closes it back onto Apps', async () => {
      await eventually(() => message('my scraper').count()).toBe(1);
      await message('my scraper').hover();
      await appsButton().focus();
      expect(await appsButton().getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Enter');
      await eventually(() => appsButton().getAttribute('aria-expanded')).toBe('true');
      expect(await menuItems().allInnerTexts()).toEqual(['Ask the concurrency guide', 'Explain']);
      await eventually(focusedText).toBe('Ask the concurrency guide');
      await page.keyboard.press('ArrowDown');
      expect(await focusedText()).toBe('Explain');
      await page.keyboard.press('ArrowDown');
      expect(await focusedText()).toBe('Ask the concurrency guide');
      await page.screenshot({ path: artifactPath('page-apps-menu.png') });
      await page.keyboard.press('Escape');
      await eventually(() => appsButton().getAttribute('aria-expanded')).toBe('false');
      expect(await focusedText()).toBe('⚡ Apps');
    });

    it('GIVEN a command chosen in the menu THEN it runs on that message as you, and the answer appears', async () => {
      const targetId = await message('my scraper').getAttribute('data-message-id');
      await appsButton().focus();
      await page.keyboard.press('ArrowDown');
      await eventually(focusedText).toBe('Ask the concurrency guide');
      await page.keyboard.press('Enter');
      await eventually(() => backend.calls.at(-1)?.method).toBe('runMessageCommand');
      expect(backend.calls.at(-1)).toEqual({ user: YOU.id, method: 'runMessageCommand', args: [targetId, 'Ask the concurrency guide'] });
      await eventually(() => message(`Ask the concurrency guide about ${targetId}`).count()).toBe(1);
      expect(await message('my scraper').getByRole('menu').isVisible()).toBe(false);
    });

    it('GIVEN the menu open THEN a click elsewhere closes it', async () => {
      await message('my scraper').hover();
      await appsButton().click();
      await eventually(() => menuItems().first().isVisible()).toBe(true);
      await page.locator('.channel-header').click();
      await eventually(expanded).toBe('false');
      expect(await message('my scraper').locator('.apps-menu').isVisible()).toBe(false);
    });
  });

  it('GIVEN everything above THEN no script error and no request left the machine', () => {
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
  });
});
