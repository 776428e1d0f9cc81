import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

// Built once for the whole run by test/support/build-once.ts, exactly as `npm run build` builds it.
const dist = new URL('../../dist/', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The package a bare specifier names: `@scope/name/x` is `@scope/name`, `name/x` is `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

interface Metafile {
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, { readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean }[] }>;
}

/** esbuild's own record of the build: what went in, and what each output file imports. */
const meta = JSON.parse(await readFile(new URL('meta.json', dist), 'utf8')) as Metafile;

/** Every package the built code imports at run time, statically or dynamically, from esbuild's record. */
function packagesImportedByDist(): Set<string> {
  const external = Object.values(meta.outputs).flatMap((output) => output.imports.filter((entry) => entry.external === true).map((entry) => entry.path));
  return new Set(external.filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier)).map(packageOf));
}

/** The packages an output loads before its first line runs: its static imports, followed through the chunks. */
function packagesLoadedAtStart(output: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const entry of meta.outputs[file]?.imports ?? []) {
      if (entry.kind !== 'import-statement') continue;
      if (entry.external !== true) visit(entry.path);
      else if (!entry.path.startsWith('node:') && !builtinModules.includes(entry.path)) packages.add(packageOf(entry.path));
    }
  };
  visit(output);
  return packages;
}

describe('the built bot (dist/)', () => {
  it('GIVEN `npm start` THEN only the packages every mode needs load before the login; zod (the playground) and prom-client (METRICS_PORT) load when used', () => {
    // Each package loaded up front delays the login: zod took about 65 ms of every start, prom-client about 25.
    expect([...packagesLoadedAtStart('dist/main.js')].sort()).toEqual(['discord.js', 'dotenv', 'pino', 'xstate']);
  });

  it('GIVEN a production install (`npm prune --omit=dev`) THEN the code imports exactly the packages in dependencies, each of them', async () => {
    expect([...packagesImportedByDist()].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('GIVEN the bundle THEN no picture, font or build tool was compiled into it; only the API spec the local server checks requests against', async () => {
    const bundled = new Set(Object.keys(meta.inputs).flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? []));
    expect([...bundled]).toEqual(['discord-api-spec']);
    expect(Object.keys(pkg.devDependencies)).toContain('discord-api-spec');
  });
});
