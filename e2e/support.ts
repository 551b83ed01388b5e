import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

export const SANDBOX_URL = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 8790}`;
const AUTH = {
  'x-api-key': 'sandbox-key',
  authorization: `Basic ${Buffer.from('sandbox:sandbox').toString('base64')}`,
};

export const fixturePath = (name: string) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);

/** Talks to the sandbox directly (not through the app), as a second witness of what arrived. */
export const sandboxApi = {
  async reset(): Promise<void> {
    const response = await fetch(`${SANDBOX_URL}/__sandbox/reset`, { method: 'POST' });
    expect(response.ok, 'sandbox reset').toBe(true);
  },
  async get<T>(pathAndQuery: string, mediaType: string): Promise<T> {
    const response = await fetch(`${SANDBOX_URL}${pathAndQuery}`, {
      headers: { ...AUTH, accept: mediaType },
    });
    expect(response.status, `GET ${pathAndQuery}`).toBe(200);
    return (await response.json()) as T;
  },
  async workspaces(): Promise<{ id: string; projectName: string }[]> {
    const body = await this.get<{ workspaces: { id: string; projectName: string }[] }>(
      '/workspaces',
      'application/vnd.whispir.workspace-v1+json',
    );
    return body.workspaces;
  },
  /** Every contact of a workspace (root = My Company), following the 20-per-page pagination. */
  async contacts(workspaceId?: string): Promise<Record<string, string>[]> {
    const prefix = workspaceId ? `/workspaces/${workspaceId}` : '';
    const fields =
      'firstName,lastName,workEmailAddress1,workMobilePhone1,personalMobilePhone1,workCountry,timezone,department';
    const all: Record<string, string>[] = [];
    for (let offset = 0; ; offset += 20) {
      const body = await this.get<{ contacts?: Record<string, string>[] }>(
        `${prefix}/contacts?limit=20&offset=${offset}&fields=${fields}`,
        'application/vnd.whispir.contact-v1+json',
      );
      const page = body.contacts ?? [];
      all.push(...page);
      if (page.length < 20) return all;
    }
  },
};

export const CONTACT_HEADER =
  'firstName,lastName,workEmailAddress1,workMobilePhone1,workCountry,timezone';

/**
 * Writes a large contact CSV under test-results and returns its path. By default every tenth
 * mobile is written locally ("0412 000010"), as people type it: a fixable error on 10 % of rows.
 * `header` goes with a `line` of other columns.
 */
export function writeContactsCsv(
  name: string,
  rows: number,
  line: (i: number) => string = (i) => {
    const mobile =
      i % 10 === 0 ? `0412 ${String(i).padStart(6, '0')}` : `614${String(i).padStart(8, '0')}`;
    return `First${i},Last${i},person.${i}@example.com,${mobile},Australia,+10`;
  },
  header = CONTACT_HEADER,
): string {
  const lines = [header];
  for (let i = 0; i < rows; i++) lines.push(line(i));
  return writeTestFile(name, lines.join('\n'));
}

/** Writes a file a test made to `test-results/generated-files` and returns its path. */
export function writeTestFile(name: string, content: string | Uint8Array): string {
  const dir = path.join('test-results', 'generated-files');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Drops a real file on the drop zone, as a person dragging it from their desktop. */
export async function dropFile(page: Page, name: string, mimeType = 'text/csv'): Promise<void> {
  const base64 = readFileSync(fixturePath(name)).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, mimeType }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mimeType }));
      return transfer;
    },
    { base64, name, mimeType },
  );
  const zone = page.getByRole('region', { name: 'Drop zone for the contact file' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/** A real pointer drag: press on the source, move in steps, release over the target. */
export async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  await source.scrollIntoViewIfNeeded();
  // hover() waits until the card has stopped moving (the page may still be re-laying out after
  // the last drop) and puts the pointer on it.
  await source.hover();
  const from = await source.boundingBox();
  if (!from) throw new Error('drag source is not visible');
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  // Measure the target only now, and again until the pointer is over it: the page may still be
  // re-rendering after the last drop.
  for (let attempt = 0; ; attempt++) {
    const to = await target.boundingBox();
    if (!to) throw new Error('drag target is not visible');
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, {
      steps: attempt === 0 ? 12 : 3,
    });
    try {
      await expect(target).toHaveClass(/\bover\b/, { timeout: 1_000 });
      break;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
  await page.mouse.up();
}

/** The drop target of a Whispir field on the mapping step. */
export const fieldTarget = (page: Page, fieldKey: string) =>
  page.locator(`li[data-field="${fieldKey}"]`);

/** A source column card on the mapping step. */
export const columnCard = (page: Page, column: string) =>
  page.getByRole('button', { name: new RegExp(`^${column}\\b`) });

export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

export const test = base.extend<{ freshSandbox: void }>({
  freshSandbox: [
    // Playwright reads a fixture's dependencies from this destructuring; it has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await sandboxApi.reset();
      await use();
    },
    { auto: true },
  ],
});
export { expect };

/** The "which column fills this field" list of a Whispir field on the mapping step. */
export const fieldSelect = (page: Page, name: string) =>
  page.getByRole('combobox', { name, exact: true });

/**
 * Keyboard drag: picks up the focused column with Space, presses ArrowDown until the mapping
 * step's live region says it is over `fieldLabel`, then drops it with Space.
 */
export async function keyboardDropOn(page: Page, fieldLabel: string): Promise<void> {
  const live = page.locator('#mapping-announcer');
  await page.keyboard.press('Space');
  await expect(live).toContainText('Picked up column');
  for (let i = 0; i < 40; i++) {
    const before = (await live.textContent()) ?? '';
    if (before.includes(`over ${fieldLabel}.`)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
    await expect(live).not.toHaveText(before);
  }
  throw new Error(
    `the arrow keys never reached ${fieldLabel}; last heard: ${await live.textContent()}`,
  );
}

export interface SandboxImportStatus {
  readonly id: string;
  readonly workspaceName: string;
  readonly importMode: string;
  readonly fieldMapping: Record<string, string>;
  readonly state: string;
  readonly rows: {
    total: number;
    created: number;
    updated: number;
    skipped: number;
    failed: number;
  };
}

/** Every import the sandbox received, oldest first (sandbox-only endpoint). */
export async function sandboxImports(): Promise<SandboxImportStatus[]> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/imports`);
  expect(response.ok).toBe(true);
  const body = (await response.json()) as { imports: SandboxImportStatus[] };
  return body.imports;
}

/** Presses Tab until `target` has focus (fails after 120 presses). */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the target');
}

/**
 * On the review step (after the mapping's "Continue to review"): optionally applies
 * every suggested fix, then continues to the import settings.
 */
export async function continueThroughReview(
  page: Page,
  options: { readonly applyFixes?: boolean } = {},
): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Review your rows' })).toBeVisible();
  // The counts show once every row has been checked.
  await expect(page.getByTestId('row-accounting')).toBeVisible();
  if (options.applyFixes) {
    const fixes = page.getByRole('button', { name: /^Apply to all/ });
    await expect(fixes.first()).toBeVisible();
    for (let left = await fixes.count(); left > 0; left--) {
      await fixes.first().click();
      await expect(fixes).toHaveCount(left - 1);
    }
  }
  await page.getByRole('button', { name: 'Continue to import settings' }).click();
  await expect(page.getByRole('heading', { name: 'Choose how to import' })).toBeVisible();
}

/** Sets the sandbox's rate limit, faults or import delay (sandbox-only endpoint). */
export async function configureSandbox(config: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${SANDBOX_URL}/__sandbox/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
  expect(response.ok, `sandbox config ${JSON.stringify(config)}`).toBe(true);
}

/** The sandbox as every test expects it: no rate limit, no faults, imports done in 50 ms. */
export const resetSandboxConfig = () => configureSandbox({ qps: 0, faults: '', importDelayMs: 50 });

/** From the preview to the import settings, accepting the automatic mapping and the review. */
export async function previewToSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Continue to matching' }).click();
  await page.getByRole('button', { name: 'Continue to review' }).click();
  await continueThroughReview(page);
}

/** The page's first import reaches Whispir, but its answer is lost on the way back. */
export async function loseTheFirstImportAnswer(page: Page): Promise<void> {
  let lost = false;
  await page.route(
    (url) => url.pathname.endsWith('/imports'),
    async (route) => {
      if (lost || route.request().method() !== 'POST') return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    },
  );
}
