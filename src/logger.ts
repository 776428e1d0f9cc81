import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config/config.ts';

export type { Logger } from 'pino';

/**
 * One JSON line per event, on stdout unless a stream is given. Anything that could carry a token
 * is redacted, even though the code never logs one on purpose: a stray options object might.
 * Stdout is written asynchronously and in batches: a write per interaction cost several percent of
 * the bot's CPU under load. Lines wait at most a second; pino flushes what is left at exit.
 *
 * @example createLogger('info').info({ kind: 'button', latencyMs: 12 }, 'interaction')
 */
export function createLogger(level: LogLevel, stream?: DestinationStream): Logger {
  const options = {
    level,
    base: null,
    redact: { paths: ['token', '*.token', '*.*.token', 'authorization', '*.authorization', '*.headers.authorization'], censor: '[redacted]' },
  };
  return pino(options, stream ?? batchedStdout());
}

const BATCH_BYTES = 4096;
const MAX_WAIT_MS = 1000;

function batchedStdout(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES });
  const timer = setInterval(() => {
    try {
      destination.flush();
    } catch {
      // Already closed at exit, when pino has flushed it for the last time.
      clearInterval(timer);
    }
  }, MAX_WAIT_MS);
  timer.unref();
  return destination;
}
