/**
 * Process-wide shutdown state. Once shutdown begins, lost database connections are expected (a terminal's
 * Ctrl-C reaches PostgreSQL too), so they are not reported as errors.
 */
let shuttingDown = false;

export function beginShutdown(): void {
  shuttingDown = true;
}

export const isShuttingDown = () => shuttingDown;
