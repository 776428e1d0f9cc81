import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnvFile } from '../../src/config/env-file.ts';

function envFileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'env-')), '.env');
  writeFileSync(path, text);
  return path;
}

describe('readEnvFile', () => {
  it('GIVEN no .env THEN nothing is read and nothing is wrong', () => {
    expect(readEnvFile(join(tmpdir(), 'surely-missing', '.env'))).toEqual({ values: {}, problems: [] });
  });

  it('GIVEN comments, quotes and export prefixes THEN values are read', () => {
    const path = envFileWith('# comment\nexport LOG_LEVEL=debug\nDISCORD_API_URL="http://127.0.0.1:1/api"\n\n');
    expect(readEnvFile(path)).toEqual({ values: { LOG_LEVEL: 'debug', DISCORD_API_URL: 'http://127.0.0.1:1/api' }, problems: [] });
  });

  it('GIVEN a line without "=" THEN its line number is reported instead of being skipped in silence', () => {
    const path = envFileWith('LOG_LEVEL=debug\nDISCORD_TOKEN abc\n');
    const { problems } = readEnvFile(path);
    expect(problems).toEqual([`${path} line 2 is not of the form KEY=value`]);
    expect(problems.join()).not.toContain('abc');
  });

  it('GIVEN a quoted value that never closes THEN it is reported', () => {
    const path = envFileWith('DISCORD_TOKEN="abc\nLOG_LEVEL=info\n');
    expect(readEnvFile(path).problems).toEqual([`${path} has a quoted value that is never closed`]);
  });

  it('GIVEN a multi-line quoted value THEN its inner lines are not taken for mistakes', () => {
    const path = envFileWith('NOTE="first\nsecond"\nLOG_LEVEL=info\n');
    expect(readEnvFile(path).problems).toEqual([]);
  });
});
