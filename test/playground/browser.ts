import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; CI installs it with `apt-get install -y chromium`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const ARTIFACTS_DIR = 'test-artifacts';

/** CI sets this, so that a missing browser fails the run instead of quietly skipping the tests that need it. */
export const REQUIRE_BROWSER_VARIABLE = 'REQUIRE_BROWSER_TESTS';

/**
 * Whether the browser tests can run. Without Chromium they are skipped with a warning on a
 * developer's machine, and fail where the browser is required.
 */
export function browserAvailable(path: string, env: NodeJS.ProcessEnv): boolean {
  if (existsSync(path)) return true;
  const install = 'install it with: apt-get install -y chromium';
  if (env[REQUIRE_BROWSER_VARIABLE] === '1') throw new Error(`The browser tests are required here (${REQUIRE_BROWSER_VARIABLE}=1) but ${path} is missing; ${install}.`);
  console.warn(`Skipping the playground's browser tests: ${path} is missing (${install}).`);
  return false;
}

export const hasChromium = browserAvailable(CHROMIUM_PATH, process.env);

/** Headless Chromium as the project's tests run it: no sandbox (root in CI), no GPU, no network chatter. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Opens the page and records what should never happen: script errors and requests that leave the
 * playground's own address (the page must work offline).
 */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; pageErrors: string[]; offsiteRequests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors: string[] = [];
  const offsiteRequests: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const target = request.url();
    if (!target.startsWith(url) && !target.startsWith('data:')) offsiteRequests.push(target);
  });
  await page.goto(url);
  return { page, pageErrors, offsiteRequests };
}

/** Where screenshots go; the folder is git-ignored. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return `${ARTIFACTS_DIR}/${name}`;
}
