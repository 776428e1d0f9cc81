import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';

/** What a .env file held, and the lines that could not be read as `KEY=value`. */
export interface EnvFile {
  readonly values: Readonly<Record<string, string>>;
  readonly problems: readonly string[];
}

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*[=:]/;
const QUOTE_OPENERS = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*[=:]\s*(["'`])/;

/**
 * Reads a .env file with dotenv, and also reports lines dotenv would skip in silence, so a typo
 * such as `DISCORD_TOKEN abc` is named instead of leaving the setting mysteriously empty.
 * A missing file is not a problem: the environment alone may be enough.
 *
 * @example readEnvFile('.env') // { values: { LOG_LEVEL: 'debug' }, problems: [] }
 */
export function readEnvFile(path: string): EnvFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, problems: [] };
    return { values: {}, problems: [`${path} could not be read: ${(error as Error).message}`] };
  }
  return { values: parse(text), problems: findMalformedLines(text, path) };
}

function findMalformedLines(text: string, path: string): string[] {
  const problems: string[] = [];
  let openQuote: string | undefined;
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (openQuote !== undefined) {
      // Inside a multi-line quoted value: every line is content until the closing quote.
      if (line.includes(openQuote)) openQuote = undefined;
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!ASSIGNMENT.test(line)) {
      problems.push(`${path} line ${index + 1} is not of the form KEY=value`);
      continue;
    }
    const quote = QUOTE_OPENERS.exec(line)?.[1];
    if (quote !== undefined) {
      const afterOpen = line.slice(line.indexOf(quote) + 1);
      if (!afterOpen.includes(quote)) openQuote = quote;
    }
  }
  if (openQuote !== undefined) problems.push(`${path} has a quoted value that is never closed`);
  return problems;
}
