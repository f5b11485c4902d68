import { expect, inject, it } from 'vitest';

// Run by test/platform/failing-tests-fail-the-run.test.ts: proves the global setup ran, then fails.
it('fails on purpose', () => {
  expect(inject('databaseUrl')).toMatch(/^postgresql:\/\/.+@127\.0\.0\.1:\d+\//);
  expect('the deliberate failure of the exit-code check').toBe('a pass');
});
