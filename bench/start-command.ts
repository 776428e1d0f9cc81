import { readFileSync } from 'node:fs';

/** How `npm start` runs the bot once built: node's flags and the entry file. */
export interface StartCommand {
  readonly nodeArgs: readonly string[];
  readonly entry: string;
}

const PACKAGE_JSON = new URL('../package.json', import.meta.url);

/**
 * Reads package.json's `start` script, `node [--flag ...] <entry>`, so the benchmark starts our bot
 * with exactly the flags users get from `npm start`, and cannot drift from them.
 * @example parseStartScript('node --heap-growing-percent=50 dist/main.js') // { nodeArgs: ['--heap-growing-percent=50'], entry: 'dist/main.js' }
 */
export function parseStartScript(script: string): StartCommand {
  const words = script.trim().split(/\s+/);
  const entry = words.at(-1);
  const flags = words.slice(1, -1);
  if (words[0] !== 'node' || entry === undefined || words.length < 2 || entry.startsWith('-') || flags.some((flag) => !flag.startsWith('--'))) {
    throw new Error(`package.json's start script is not \`node [--flag ...] <entry>\`: ${script}`);
  }
  return { nodeArgs: flags, entry };
}

/** The start command of this repository's package.json. */
export function npmStartCommand(): StartCommand {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts?: Record<string, string> };
  return parseStartScript(pkg.scripts?.['start'] ?? '');
}
