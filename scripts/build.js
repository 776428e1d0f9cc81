// @ts-check
/**
 * `npm run build`: compiles the bot for Node.js into dist/, so what runs needs only the packages
 * in `dependencies`. Build and test tools (esbuild, tsx, the OpenAPI spec the local server checks
 * requests against) are bundled in or left out, never loaded at run time. Also bundles the
 * playground's page script. Plain JavaScript, so it runs before anything is compiled.
 *
 * dist/main.js     the bot, the playground and the shard manager (`npm start`)
 * dist/register.js `npm run register`
 * dist/chat.js     `npm run chat`
 * dist/playground/ the playground page's script and styles
 * dist/meta.json   esbuild's record of the modules in the bundle
 *
 * Skipped when dist/ was built from the same inputs (see inputsDigest), so `npm start` bundles
 * only after a change.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import process from 'node:process';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);
const at = (/** @type {string} */ path) => new URL(path, root).pathname;
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const STAMP = at('dist/.inputs-sha256');

/**
 * A digest of everything the bundles are made from: the sources, the build scripts and the
 * installed versions. `npm start` builds first; when nothing changed since the last build, dist/
 * is current and the start skips the bundler (`--force` rebuilds anyway).
 */
async function inputsDigest() {
  const files = [at('package.json'), at('package-lock.json'), at('tsconfig.json')];
  for (const folder of ['src', 'machines', 'scripts']) {
    for (const name of await readdir(at(folder), { recursive: true })) {
      const file = `${at(folder)}/${name}`;
      if ((await stat(file)).isFile()) files.push(file);
    }
  }
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(file).update('\0').update(await readFile(file).catch(() => Buffer.alloc(0))).update('\0');
  return hash.digest('hex');
}

const digest = await inputsDigest();
const built = await readFile(STAMP, 'utf8').catch(() => '');
const outputsThere = await Promise.all(['dist/main.js', 'dist/register.js', 'dist/chat.js', 'dist/playground/page.js', 'dist/playground/app.css'].map((file) => stat(at(file)).then(() => true, () => false)));
if (!process.argv.includes('--force') && built === digest && outputsThere.every(Boolean)) process.exit(0);

// Loaded only now: an install pruned of its build tools can still `npm start` a current dist/.
const { build } = await import('esbuild');

await rm(at('dist'), { recursive: true, force: true });

const server = await build({
  entryPoints: { main: at('src/main.ts'), register: at('scripts/register.ts'), chat: at('src/terminal/main.ts') },
  outdir: at('dist'),
  bundle: true,
  // Code the playground alone needs (the local server, its page server) loads only in playground mode.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // What users install stays a package; everything else is compiled in.
  external: Object.keys(pkg.dependencies),
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
// What went into the bundle; a test checks that no build or picture tool did.
await writeFile(at('dist/meta.json'), JSON.stringify(server.metafile));

await mkdir(at('dist/playground'), { recursive: true });
await build({
  entryPoints: [at('src/playground/client/main.ts')],
  outfile: at('dist/playground/page.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  legalComments: 'inline',
  logLevel: 'warning',
});
await copyFile(at('src/playground/client/app.css'), at('dist/playground/app.css'));
// Written last: a build that stopped half-way leaves no stamp, so the next start builds again.
await writeFile(STAMP, digest);
