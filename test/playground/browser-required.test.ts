import { describe, expect, it } from 'vitest';
import { browserAvailable, CHROMIUM_PATH, REQUIRE_BROWSER_VARIABLE } from './browser.ts';

describe('browserAvailable', () => {
  const missing = '/nonexistent/chromium';

  it('GIVEN no browser where CI requires one THEN the browser tests fail instead of being skipped', () => {
    expect(() => browserAvailable(missing, { [REQUIRE_BROWSER_VARIABLE]: '1' })).toThrow(/required/);
  });

  it('GIVEN no browser on a developer machine THEN the browser tests are skipped', () => {
    expect(browserAvailable(missing, {})).toBe(false);
  });

  it.runIf(browserAvailable(CHROMIUM_PATH, {}))('GIVEN the browser THEN the tests run', () => {
    expect(browserAvailable(CHROMIUM_PATH, { [REQUIRE_BROWSER_VARIABLE]: '1' })).toBe(true);
  });
});
