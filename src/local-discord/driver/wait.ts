import { DriverError } from '../errors.ts';

/**
 * Waits for a promise for at most `timeoutMs` real milliseconds, so a silent bot fails a test with
 * a clear message instead of hanging it. Real time on purpose: the injected clock only moves when a
 * test advances it.
 */
export async function waitFor<T>(promise: Promise<T>, timeoutMs: number, describe: () => string): Promise<T> {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new DriverError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DriverError(describe())), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
