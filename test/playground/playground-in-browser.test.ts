import type { Browser, Locator, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionId } from '../../machines/questions.ts';
import { knowledge, optionKnowledge } from '../../src/core/knowledge/index.ts';
import { askForm, becauseYouSaid, buttonLabels as ui, recommendationTitle, whyNotPlaceholder } from '../../src/core/ui-text.ts';
import { describeTreePicture, storedPictures } from '../../src/picture/index.ts';
import { startPlayground } from '../../src/playground-with-bot.ts';
import { BUILT_PLAYGROUND_PAGE } from '../support/built.ts';
import type { RunningPlayground } from '../../src/playground/index.ts';
import { answersFor } from '../support/decision-table.ts';
import { artifactPath, hasChromium, launchBrowser, openPage } from './browser.ts';

// Generous: the bot, the local server, picture drawing and Chromium share two busy cores.
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

const PATH: readonly OptionId[] = answersFor('threadPoolExecutor');
const OUTCOME = knowledge.outcomes.threadPoolExecutor;

describe.skipIf(!hasChromium)('GIVEN the playground as `npm start` runs it, in Chromium', () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let pageErrors: string[];
  let offsiteRequests: string[];
  // The committed pictures, nothing read ahead: the first outcome reads its file, as on a fresh start.
  const pictures = storedPictures(new URL('../../assets/pictures/', import.meta.url));

  beforeAll(async () => {
    playground = await startPlayground({ port: 0, logger: pino({ level: 'silent' }), page: BUILT_PLAYGROUND_PAGE, pictures: { get: pictures.get, describe: describeTreePicture } });
    browser = await launchBrowser();
    ({ page, pageErrors, offsiteRequests } = await openPage(browser, playground.url));
    await page.getByText('live', { exact: true }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  const botMessages = (): Locator => page.locator('discord-message[bot]');
  const guide = (): Locator => botMessages().filter({ has: page.locator('discord-button', { hasText: ui.startOver }) }).first();
  const button = (message: Locator, label: string): Locator => message.locator('discord-button', { hasText: label }).first();

  it('WHEN you run /concurrency and click the answers THEN the guide ends in its outcome, with the picture of your path', async () => {
    await page.locator('#composer-input').fill('/concurrency');
    await page.locator('#composer-input').press('Enter');
    for (const option of PATH) {
      const label = optionKnowledge(option).label;
      await eventually(() => button(guide(), label).count()).toBe(1);
      await button(guide(), label).click();
    }
    // The bot's own Components V2 outcome: the recommendation as a heading, the picture of the path with its alt text.
    await eventually(() => guide().locator('.v2-container h2.md-heading').innerText()).toBe(recommendationTitle(OUTCOME.api));
    const picture = guide().locator('.v2-gallery img');
    await eventually(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    expect(await picture.getAttribute('alt')).toBe(describeTreePicture(PATH));
    // The outcome as the README shows it (docs/playground-outcome.png is a copy of this).
    await page.setViewportSize({ width: 1100, height: 2200 });
    await guide().evaluate((message) => message.scrollIntoView({ block: 'start' }));
    await page.mouse.move(0, 0);
    const shown = await guide().boundingBox();
    if (shown !== null) await page.screenshot({ path: artifactPath('playground-outcome.png'), clip: { ...shown, height: Math.min(shown.height, 2200 - shown.y) } });
    await page.setViewportSize({ width: 1280, height: 900 });
    // A public guide: nothing says it is private.
    expect(await guide().getByText('Only you can see this').count()).toBe(0);
  }, 120_000);

  it('WHEN you click Why? THEN the same message explains with each of your answers', async () => {
    await button(guide(), ui.why).click();
    // The outcome itself already says "Because you said", so wait for the answers the Why? view names.
    const labels = PATH.map((option) => optionKnowledge(option).label);
    await eventually(async () => {
      const text = await guide().innerText();
      return labels.filter((label) => !text.includes(label));
    }).toEqual([]);
  }, 60_000);

  it('WHEN you pick asyncio from "Why not …?" THEN the guide says why not asyncio', async () => {
    await guide().locator('discord-string-select-menu').getByText(whyNotPlaceholder).click();
    await guide().locator('discord-string-select-menu-option[data-value="asyncio"]').click();
    await eventually(() => guide().innerText()).toContain(`Why not ${knowledge.outcomes.asyncio.shortName}?`);
  }, 60_000);

  // The playground's app has no Message Content intent by default, as on Discord: a reply to the guide
  // (an interaction response) reaches the bot with an explicit mention, not by its ping alone.
  it('WHEN you reply "@LocalBot why?" to the guide THEN the bot answers in a reply to you', async () => {
    const before = await botMessages().count();
    await guide().hover();
    await guide().getByRole('button', { name: /Reply to/ }).click();
    await page.locator('#composer-input').fill(`@${playground.server.bot.username} why?`);
    await page.locator('#composer-input').press('Enter');
    await eventually(() => botMessages().count()).toBe(before + 1);
    const answer = botMessages().last();
    expect(await answer.locator('discord-reply').getAttribute('author')).toBe('you');
    expect(await answer.innerText()).toContain(becauseYouSaid);
  }, 60_000);

  it('WHEN you mention the bot with "why not asyncio?" THEN it answers about asyncio, and the mention shows as @name', async () => {
    const before = await botMessages().count();
    await page.locator('#composer-input').fill(`@${playground.server.bot.username} why not asyncio?`);
    await page.locator('#composer-input').press('Enter');
    await eventually(() => botMessages().count()).toBe(before + 1);
    expect(await botMessages().last().innerText()).toContain(knowledge.outcomes.asyncio.shortName);
    const mine = page.locator('discord-message:not([bot])').last();
    expect(await mine.locator('discord-mention').innerText()).toBe(playground.server.bot.username);
  }, 60_000);

  it('WHEN you click Ask on the guide, type "why not threads?" and submit THEN a dialog asks, focused, and the answer mentions threading.Thread', async () => {
    const before = await botMessages().count();
    await button(guide(), ui.ask).click();
    const dialog = page.getByRole('dialog', { name: askForm.title });
    await eventually(() => dialog.isVisible()).toBe(true);
    const field = dialog.getByLabel(askForm.label);
    expect(await field.getAttribute('placeholder')).toBe(askForm.placeholder);
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('why not threads?');
    await page.screenshot({ path: artifactPath('playground-ask-dialog.png') });
    await page.keyboard.press('Enter');
    await eventually(() => dialog.count()).toBe(0);
    await eventually(() => botMessages().count()).toBe(before + 1);
    expect(await botMessages().last().innerText()).toContain('threading.Thread');
    // Back on the Ask button that opened it.
    await eventually(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(ui.ask);
  }, 60_000);

  it('WHEN you close the Ask dialog with Escape THEN nothing is sent and the focus is back on Ask', async () => {
    const before = await botMessages().count();
    const interactionsBefore = playground.server.requests.filter((request) => request.route.startsWith('/interactions/')).length;
    // The Ask under the answer: the bot takes a second click on the same button within 3 s for a double click.
    const answer = botMessages().last();
    await button(answer, ui.ask).click();
    const dialog = page.getByRole('dialog', { name: askForm.title });
    await eventually(() => dialog.isVisible()).toBe(true);
    await page.keyboard.type('never mind');
    await page.keyboard.press('Escape');
    await eventually(() => dialog.count()).toBe(0);
    await eventually(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(ui.ask);
    // Only the click's own answer (the modal) went through the interaction routes.
    expect(playground.server.requests.filter((request) => request.route.startsWith('/interactions/')).length).toBe(interactionsBefore + 1);
    expect(await botMessages().count()).toBe(before);
  }, 60_000);

  it('WHEN you run "Ask the concurrency guide" from Apps on "my scraper downloads 500 URLs with requests" THEN a guide about it appears', async () => {
    const guides = botMessages().filter({ has: page.locator('discord-button', { hasText: ui.startOver }) });
    const guidesBefore = await guides.count();
    await page.locator('#composer-input').fill('my scraper downloads 500 URLs with requests');
    await page.locator('#composer-input').press('Enter');
    const mine = page.locator('discord-message:not([bot])', { hasText: 'my scraper downloads 500 URLs with requests' }).last();
    await eventually(() => mine.count()).toBe(1);
    await mine.hover();
    await mine.getByRole('button', { name: /^Apps for/ }).click();
    const item = mine.getByRole('menuitem', { name: 'Ask the concurrency guide' });
    await eventually(() => item.isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('playground-apps-menu.png') });
    await item.click();
    await eventually(() => guides.count()).toBe(guidesBefore + 1);
    // The page redraws as the bot edits the guide (its picture comes later): read it afresh each time.
    await eventually(() => guides.last().locator('.v2-container').count()).toBe(1);
    await page.locator('#scroller').evaluate((scroller) => scroller.scrollTo(0, scroller.scrollHeight));
    await page.screenshot({ path: artifactPath('playground-guide-about-message.png') });
  }, 60_000);

  it('WHEN the stranger looks and clicks your guide THEN they get a private copy marked "Only you can see this", which you do not see', async () => {
    await page.getByRole('radio', { name: 'a stranger' }).click();
    await eventually(() => page.locator('body').getAttribute('data-viewer')).toBe('a stranger');
    // The public guide and the typed answer are in the channel for everyone.
    await eventually(() => guide().count()).toBe(1);
    // What the message says, without the Reply action that shows while the mouse is over it.
    const shownText = async (): Promise<string> => {
      await page.mouse.move(0, 0);
      return guide().innerText();
    };
    const ownerView = await shownText();
    await button(guide(), ui.startOver).click();
    const privateCopy = page.locator('discord-message[ephemeral]');
    await eventually(() => privateCopy.count()).toBe(1);
    expect(await privateCopy.getByText('Only you can see this').count()).toBe(1);
    expect(await shownText()).toBe(ownerView);
    await privateCopy.evaluate((element) => element.scrollIntoView({ block: 'end' }));
    await page.screenshot({ path: artifactPath('playground-stranger.png') });

    await page.getByRole('radio', { name: 'you' }).click();
    await eventually(() => page.locator('body').getAttribute('data-viewer')).toBe('you');
    await eventually(() => guide().count()).toBe(1);
    expect(await page.locator('discord-message[ephemeral]').count()).toBe(0);
    await page.screenshot({ path: artifactPath('playground-you.png') });
  }, 60_000);

  it('WHEN you run /concurrency private:true THEN only you see the guide, and Share to channel posts its result for everyone', async () => {
    await page.locator('#composer-input').fill('/concurrency private:true');
    await page.locator('#composer-input').press('Enter');
    const privateGuide = page.locator('discord-message[ephemeral]').last();
    for (const option of answersFor('asyncio')) {
      const label = optionKnowledge(option).label;
      await eventually(() => button(privateGuide, label).count()).toBe(1);
      await button(privateGuide, label).click();
    }
    await eventually(() => button(privateGuide, ui.share).count()).toBe(1);
    expect(await privateGuide.getByText('Only you can see this').count()).toBe(1);
    const privateGuideId = await privateGuide.getAttribute('data-message-id');
    const publicPosts = botMessages().filter({ hasText: knowledge.outcomes.asyncio.api }).locator(':scope:not([ephemeral])');
    const publicBefore = await publicPosts.count();
    await button(privateGuide, ui.share).click();
    await eventually(() => publicPosts.count()).toBe(publicBefore + 1);

    await page.getByRole('radio', { name: 'a stranger' }).click();
    await eventually(() => page.locator('body').getAttribute('data-viewer')).toBe('a stranger');
    // The stranger sees the shared result but not your private guide.
    await eventually(() => publicPosts.count()).toBe(publicBefore + 1);
    expect(await page.locator(`discord-message[data-message-id="${privateGuideId}"]`).count()).toBe(0);
    await page.getByRole('radio', { name: 'you' }).click();
  }, 90_000);

  /**
   * Posts an outcome laid out in Components V2 as the bot's own REST call would (its token, a
   * multipart body with the picture), so the page is checked before the bot itself switches over.
   */
  async function postComponentsV2Outcome(): Promise<string> {
    const body = {
      flags: 1 << 15,
      attachments: [{ id: '0', filename: 'tree.png' }],
      components: [
        {
          type: 17,
          accent_color: 0x3ba55c,
          components: [
            { type: 10, content: `## Use ${OUTCOME.shortName}\n${OUTCOME.summary}` },
            { type: 10, content: `\`\`\`py\n${OUTCOME.sketch}\n\`\`\`` },
            { type: 14, divider: true, spacing: 1 },
            { type: 12, items: [{ media: { url: 'attachment://tree.png' }, description: describeTreePicture(PATH) }] },
            { type: 9, components: [{ type: 10, content: '-# Not what you expected?' }], accessory: { type: 2, style: 2, label: 'Why?', custom_id: 'v2-preview/why' } },
            { type: 1, components: OUTCOME.links.slice(0, 3).map((link) => ({ type: 2, style: 5, label: link.label, url: link.url })) },
          ],
        },
      ],
    };
    const form = new FormData();
    form.append('payload_json', JSON.stringify(body));
    form.append('files[0]', new Blob([new Uint8Array(await pictures.get(PATH))], { type: 'image/png' }), 'tree.png');
    const { server, channelId } = playground;
    const response = await fetch(`${server.apiBaseUrl}/v10/channels/${channelId}/messages`, { method: 'POST', headers: { authorization: `Bot ${server.bot.token}` }, body: form });
    expect(response.status).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }

  /** How far the page, or anything in the channel, reaches past the right edge of the window, in pixels. */
  const overflowRight = (): Promise<number> =>
    page.evaluate(() => {
      const scroller = document.getElementById('scroller');
      const parts = Array.from(document.querySelectorAll('discord-message, discord-embed, .v2-container, .code-block, img')).map((part) => part.getBoundingClientRect().right);
      return Math.max(document.documentElement.scrollWidth, scroller?.scrollWidth ?? 0, ...parts) - window.innerWidth;
    });

  it('WHEN an outcome in Components V2 is posted THEN its container, Markdown, code with Copy and picture show at desktop and at phone width, nothing scrolls sideways, and Copy copies the sketch', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: playground.url });
    const id = await postComponentsV2Outcome();
    const message = page.locator(`discord-message[data-message-id="${id}"]`);
    const container = message.locator('.v2-container');
    const code = message.locator('.code-block');
    const picture = message.locator('.v2-gallery img');
    await eventually(() => container.count()).toBe(1);
    expect(await container.evaluate((box) => getComputedStyle(box).borderLeftColor)).toBe('rgb(59, 165, 92)');
    expect(await message.locator('h2.md-heading').innerText()).toBe(`Use ${OUTCOME.shortName}`);
    expect(await picture.getAttribute('alt')).toBe(describeTreePicture(PATH));
    expect(await container.locator(':scope > hr.v2-separator').count()).toBe(1);
    expect(await container.locator('.v2-section .v2-accessory discord-button').innerText()).toBe('Why?');
    expect(await container.locator(':scope > discord-action-row discord-button[url]').count()).toBe(3);

    for (const [width, height, name] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
      await page.setViewportSize({ width, height });
      // The page redraws the channel on every change, so the element is looked up as it scrolls.
      await container.evaluate((box) => box.scrollIntoView({ block: 'start' }));
      await eventually(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
      expect(await code.isVisible()).toBe(true);
      expect(await picture.isVisible()).toBe(true);
      expect(await code.locator('discord-code').innerText()).toContain(OUTCOME.sketch.split('\n')[0]);
      expect(await overflowRight()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: artifactPath(`playground-v2-outcome-${name}.png`) });
      // And the whole message at that width, in a window tall enough to hold it.
      await page.setViewportSize({ width, height: 2400 });
      await container.evaluate((box) => box.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: artifactPath(`playground-v2-outcome-${name}-whole.png`) });
    }

    await code.getByRole('button', { name: 'Copy code' }).click();
    await eventually(() => code.getByRole('button', { name: 'Copy code' }).innerText()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(OUTCOME.sketch);

    // The classic guides above it fit the phone too: scroll through the whole channel.
    await page.locator('#scroller').evaluate((scroller) => scroller.scrollTo(0, 0));
    expect(await overflowRight()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: artifactPath('playground-phone-classic-guide.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('THEN the page raised no error, showed no failed action, fetched nothing from outside, and Discord would have accepted every request', async () => {
    // A choice sent twice would leave one answer the bot rightly never gives, and the page would say it failed.
    expect(await page.locator('#error').isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
    expect(playground.server.violations).toEqual([]);
    expect(playground.server.internalErrors).toEqual([]);
  });
});
