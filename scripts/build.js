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
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { URL } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const at = (/** @type {string} */ path) => new URL(path, root).pathname;
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));

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
