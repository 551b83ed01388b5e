import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium';

/**
 * Browser tests drive the production build, served by `npm run serve` (the production server and
 * its proxy), against a fresh in-memory sandbox.
 * Chromium: $CHROMIUM_PATH, else the system's (Debian's /usr/bin/chromium), else Playwright's own.
 */
// Overridable so two checkouts can run their browser tests side by side.
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 8790);
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 4180);
// `npm start`'s development server (React's development mode), with a sandbox of its own.
const DEV_PORT = APP_PORT + 1;
const DEV_SANDBOX_PORT = E2E_SANDBOX_PORT + 1;
// Side-by-side runs also need their own build and result folders.
const SIDE_BY_SIDE = process.env.E2E_APP_PORT !== undefined;
const OUT_DIR = SIDE_BY_SIDE ? `dist-e2e-${APP_PORT}` : 'dist';
const SERVER_ENV = {
  SANDBOX_DB: ':memory:',
  SANDBOX_IMPORT_DELAY_MS: '50',
  WHISPIR_API_URL: '',
  WHISPIR_REGION: '',
};
const browser = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 900 },
  launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report is what .ci/run counts.
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: SIDE_BY_SIDE ? `test-reports/e2e-${APP_PORT}.json` : 'test-reports/e2e.json' },
    ],
  ],
  outputDir: SIDE_BY_SIDE ? `test-results/${APP_PORT}` : 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'on-first-retry',
    viewport: { width: 1280, height: 900 },
  },
  projects: [
    { name: 'chromium', testIgnore: /dev-server\.spec\.ts/, use: browser },
    {
      name: 'dev-server',
      testMatch: /dev-server\.spec\.ts/,
      use: { ...browser, baseURL: `http://127.0.0.1:${DEV_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx vite build --logLevel warn --outDir ${OUT_DIR} && npx tsx src/proxy/serve.ts --dir ${OUT_DIR}`,
      url: `http://127.0.0.1:${APP_PORT}`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { ...SERVER_ENV, SANDBOX_PORT: String(E2E_SANDBOX_PORT), PORT: String(APP_PORT) },
    },
    {
      command: `npx vite --port ${DEV_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEV_PORT}`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: { ...SERVER_ENV, SANDBOX_PORT: String(DEV_SANDBOX_PORT) },
    },
  ],
});
