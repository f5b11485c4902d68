import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

/** The suite's own configuration (global setup included), run on one test that fails on purpose. */
export default defineConfig({ ...base, test: { ...base.test, include: ['test/exit-code/*.fixture.ts'] } });
