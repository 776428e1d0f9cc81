import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../src/config/load-environment.ts';

function envFileWith(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'env-')), '.env');
  writeFileSync(path, text);
  return path;
}

describe('loadEnvironment', () => {
  it('GIVEN a value in both .env and the environment THEN the environment wins', () => {
    const loaded = loadEnvironment({ LOG_LEVEL: 'warn' }, envFileWith('LOG_LEVEL=debug\n'));
    expect(loaded.ok && loaded.value.logLevel).toBe('warn');
  });

  it('GIVEN a value only in .env THEN it is used', () => {
    const loaded = loadEnvironment({}, envFileWith('LOG_LEVEL=debug\n'));
    expect(loaded.ok && loaded.value.logLevel).toBe('debug');
  });

  it('GIVEN a malformed .env line and a bad setting THEN both are reported together', () => {
    const path = envFileWith('LOG_LEVEL=loud\nnonsense\n');
    const loaded = loadEnvironment({}, path);
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error).toHaveLength(2);
    expect(loaded.error[0]).toContain('line 2');
    expect(loaded.error[1]).toContain('LOG_LEVEL');
  });
});
