import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Vitest's global setup: builds dist/ once before any test, as `npm start` does, so the tests that
 * start the bot as a process run what users run, and the playground has its page.
 */
export default async function buildOnce(): Promise<void> {
  await promisify(execFile)(process.execPath, ['scripts/build.js'], { cwd: new URL('../..', import.meta.url) });
}
