import { pino, type Logger } from 'pino';

/**
 * Structured JSON logs. Secrets never reach a log line: the redaction list covers the places they could
 * appear (headers, credentials in variables), and resolvers log IDs, never payloads.
 */
export const logger: Logger = pino({
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
    ],
    censor: '[redacted]',
  },
});

export type { Logger };
