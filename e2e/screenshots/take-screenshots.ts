/**
 * `npm run screenshots`: builds the app, starts it with a fresh sandbox, walks through every step
 * with the sample file and saves a screenshot of each (light and dark) for the README.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'docs', 'screenshots');
const APP_PORT = 4390;
const SANDBOX_PORT = 8990;
const env = {
  ...process.env,
  SANDBOX_PORT: String(SANDBOX_PORT),
  SANDBOX_DB: ':memory:',
  SANDBOX_IMPORT_DELAY_MS: '50',
  WHISPIR_API_URL: '',
  WHISPIR_REGION: '',
};

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not start within ${timeoutMs} ms`);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
  console.log(`  docs/screenshots/${name}.png`);
}

async function walk(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const suffix = theme === 'dark' ? '-dark' : '';
  await fetch(`http://127.0.0.1:${SANDBOX_PORT}/__sandbox/reset`, { method: 'POST' });
  await page.goto(`http://127.0.0.1:${APP_PORT}/`);
  await page.getByText('✓ connection works').waitFor();
  await shoot(page, `1-choose-file${suffix}`);
  await page.getByRole('button', { name: 'Use a sample CSV file' }).click();
  await page.getByRole('heading', { name: 'Check your rows' }).waitFor();
  await shoot(page, `2-check-rows${suffix}`);
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('heading', { name: /Match your columns/ }).waitFor();
  await shoot(page, `3-match-columns${suffix}`);
  await page.getByRole('button', { name: 'Continue to review' }).click();
  const settings = page.getByRole('heading', { name: 'Choose how to import' });
  const review = page.getByRole('heading', { name: /review/i });
  await settings.or(review).waitFor();
  if (await review.isVisible()) {
    await shoot(page, `4-review-rows${suffix}`);
    await page.getByRole('button', { name: 'Continue to import settings' }).click();
    await settings.waitFor();
  }
  await shoot(page, `5-import-settings${suffix}`);
  await page.getByRole('button', { name: /^Import \d+ contacts?$/ }).click();
  await page.getByRole('heading', { name: 'Import sent to Whispir' }).waitFor({ timeout: 60_000 });
  await shoot(page, `6-result${suffix}`);
  await page.getByRole('link', { name: /^Show the API calls/ }).click();
  await page.locator('details.exchange summary').first().click();
  await page.evaluate(() => document.getElementById('api-inspector')?.scrollIntoView());
  await shoot(page, `7-api-inspector${suffix}`);
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  console.log('Building…');
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('vite build failed');
  const server: ChildProcess = spawn(
    'npx',
    ['vite', 'preview', '--port', String(APP_PORT), '--strictPort'],
    {
      cwd: root,
      env,
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    await waitFor(`http://127.0.0.1:${APP_PORT}/`);
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.newPage({
        viewport: { width: 1280, height: 720 },
        colorScheme: theme,
      });
      await walk(page, theme);
      await page.close();
    }
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
