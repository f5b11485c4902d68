import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Secrets never reach a log line: the redaction list covers the places they could
 * appear (headers, credentials in variables), and resolvers log IDs, never payloads.
 */
const taps = new Set<(line: string) => void>();

/** Sees every log line as written (tests scan them for secrets); returns the function that stops it. */
export function tapLogLines(listener: (line: string) => void): () => void {
  taps.add(listener);
  return () => taps.delete(listener);
}

export const logger: Logger = pino({
  hooks: {
    streamWrite(line) {
      for (const tap of taps) tap(line);
      return line;
    },
  },
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: process.env.SERVICE_NAME ?? 'atelier' },
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers["x-api-key"]',
      'req.headers["x-atelier-context"]',
      '*.password',
      '*.secret',
      '*.token',
      'variables.*.password',
      'variables.password',
      'err.client', // node-postgres hangs its whole client (settings, buffers) on a lost connection's error
    ],
    censor: '[redacted]',
  },
});

export type { Logger };
