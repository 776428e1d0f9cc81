import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const PROBE_SOURCE = fileURLToPath(new URL('./probe.ts', import.meta.url));

/** The probe as one plain-JavaScript file a bot process loads with `--import`. */
export interface ProbeBundle {
  readonly path: string;
  remove(): Promise<void>;
}

/**
 * Compiles bench/probe.ts into a temporary .mjs file. The bots under test run as users run them,
 * with plain `node` and no TypeScript loader, whose start-up time and memory would otherwise be
 * counted as the bot's; the probe has to be JavaScript too.
 * @example const probe = await bundleProbe(); spawnBot({ ..., probe: probe.path }); await probe.remove();
 */
export async function bundleProbe(): Promise<ProbeBundle> {
  const directory = await mkdtemp(join(tmpdir(), 'bench-probe-'));
  const path = join(directory, 'probe.mjs');
  await build({ entryPoints: [PROBE_SOURCE], outfile: path, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  return { path, remove: () => rm(directory, { recursive: true, force: true }) };
}
