import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = `${root}node_modules/vitest/vitest.mjs`; // the package's bin, as `npm test` runs it

/** Runs vitest as `npm test` does, with the suite's global setup and the embedded PostgreSQL. */
function runFailingFixture(): Promise<{ code: number | null; output: string }> {
  // without DATABASE_URL the global setup starts an embedded PostgreSQL, whose package once turned every exit into 0
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'DATABASE_URL' && !name.startsWith('VITEST')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitest, 'run', '--config', 'test/exit-code/vitest.config.ts', '--reporter', 'dot'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the test command', () => {
  it('exits non-zero when a test fails, with the real global setup and its embedded PostgreSQL', async () => {
    const { code, output } = await runFailingFixture();
    expect(output).toContain('the deliberate failure of the exit-code check');
    expect(output).toMatch(/1 failed/);
    expect(code).toBe(1);
  }, 180_000);
});
