import { loadConfig, type Config } from './config.ts';
import { readEnvFile } from './env-file.ts';
import { err, type Result } from '../core/result.ts';

/**
 * The configuration from a .env file and the process environment, the environment winning as
 * with dotenv. Problems in either are reported together, one line each.
 *
 * @example loadEnvironment(process.env) // { ok: true, value: { discord: undefined, ... } }
 */
export function loadEnvironment(env: Readonly<Record<string, string | undefined>>, envFilePath = '.env'): Result<Config, string[]> {
  const file = readEnvFile(envFilePath);
  const loaded = loadConfig({ ...file.values, ...definedOnly(env) });
  if (file.problems.length === 0) return loaded;
  return err([...file.problems, ...(loaded.ok ? [] : loaded.error)]);
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
