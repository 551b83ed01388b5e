import { defineConfig } from 'vitest/config';

const report = process.env.VITEST_REPORT;

// Unit and contract tests. Kept apart from vite.config.ts so tests never start the dev proxy
// or the sandbox plugin; sandbox tests start their own sandbox on a free port.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'sandbox/**/*.test.ts', 'e2e/fixtures/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
