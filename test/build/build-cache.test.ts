import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, symlink, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * `npm start` builds first. The build is a cached step: it bundles (the playground's page too) only
 * when something it is made from changed. Tried on a copy of the project, so the dist/ the other
 * tests run is never rebuilt under them.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
let copy: string;

const build = (...args: string[]) => promisify(execFile)(process.execPath, ['scripts/build.js', ...args], { cwd: copy });
const builtAt = async () => (await stat(join(copy, 'dist/main.js'))).mtimeMs;

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'build-cache-'));
  for (const entry of ['src', 'machines', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json']) await cp(join(ROOT, entry), join(copy, entry), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  await build();
}, 60_000);
afterAll(async () => {
  await rm(copy, { recursive: true, force: true });
});

describe('GIVEN a project built once', () => {
  it('WHEN nothing changed THEN the next build leaves dist/ as it was', async () => {
    const before = await builtAt();
    await build();
    expect(await builtAt()).toBe(before);
  });

  it('WHEN a source file changed THEN the next build bundles again, and the page with it', async () => {
    const before = await builtAt();
    const page = await readFile(join(copy, 'dist/playground/page.js'), 'utf8');
    await appendFile(join(copy, 'src/playground/client/main.ts'), '\nconsole.log("changed since the last build");\n');
    await build();
    expect(await builtAt()).not.toBe(before);
    expect(await readFile(join(copy, 'dist/playground/page.js'), 'utf8')).not.toBe(page);
  });

  it('WHEN a build output is missing THEN the next build makes it again', async () => {
    await rm(join(copy, 'dist/chat.js'));
    await build();
    expect((await stat(join(copy, 'dist/chat.js'))).isFile()).toBe(true);
  });

  it('WHEN asked with --force THEN it bundles even though nothing changed', async () => {
    const before = await builtAt();
    await build('--force');
    expect(await builtAt()).not.toBe(before);
    await writeFile(join(copy, 'unrelated.txt'), 'a file outside what the bundles are made from');
    const after = await builtAt();
    await build();
    expect(await builtAt()).toBe(after);
  });
});
