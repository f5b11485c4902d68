import { logger } from './logger.ts';

/**
 * A start-up failure whose message says what to do (a busy port, a missing secret): entry points print
 * the message alone, without a stack, and exit non-zero.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** How every entry point reports that it could not start; the caller then exits non-zero. */
export function reportStartupFailure(error: unknown): void {
  if (error instanceof StartupError) console.error(`\nAtelier could not start: ${error.message}\n`);
  else logger.error({ err: error }, 'could not start');
}
