import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config/config.ts';

export type { Logger } from 'pino';

/**
 * One JSON line per event, on stdout unless a stream is given. Anything that could carry a token
 * is redacted, even though the code never logs one on purpose: a stray options object might.
 *
 * @example createLogger('info').info({ kind: 'button', latencyMs: 12 }, 'interaction')
 */
export function createLogger(level: LogLevel, stream?: DestinationStream): Logger {
  const options = {
    level,
    base: null,
    redact: { paths: ['token', '*.token', '*.*.token', 'authorization', '*.authorization', '*.headers.authorization'], censor: '[redacted]' },
  };
  return stream === undefined ? pino(options) : pino(options, stream);
}
