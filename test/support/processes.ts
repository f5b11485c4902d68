import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ScriptRun {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the output matches (rejects if the process exits first or after `timeoutMs`). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (rejects after `timeoutMs`). */
  exited(timeoutMs?: number): Promise<number | null>;
}

/**
 * Runs one of the repository's entry points (`scripts/start.ts`, `scripts/serve.ts crm`...) as its own
 * process, as a person or a container would, with the given environment on top of a clean one: nothing
 * of vitest's own environment (DATABASE_URL, NODE_ENV=test) leaks in unless given.
 */
export function runScript(args: string[], env: Record<string, string | undefined> = {}): ScriptRun {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !['DATABASE_URL', 'NODE_ENV', 'CONTEXT_SECRET', 'JWT_SECRET', 'SECRET_KEYS'].includes(name) && !name.startsWith('VITEST'),
    ),
  );
  // `node --import tsx`, not the tsx CLI: one process, so a kill reaches the script itself, as a crash would
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repositoryRoot,
    env: { ...base, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const within = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
      promise.then(
        (value) => (clearTimeout(timer), resolve(value)),
        (error: unknown) => (clearTimeout(timer), reject(error)),
      );
    });
  return {
    child,
    output: () => output,
    waitFor(pattern, timeoutMs = 90_000) {
      const matched = new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
        void exit.then((code) => reject(new Error(`exited (${code}) before printing ${pattern}; output:\n${output}`)));
      });
      return within(matched, timeoutMs, `no ${pattern}`);
    },
    exited: (timeoutMs = 90_000) => within(exit, timeoutMs, 'did not exit'),
  };
}
