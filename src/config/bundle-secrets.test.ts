/**
 * The production bundle must not contain a credential, even when the credentials are in the
 * environment at build time (the proxy reads them on the server; the browser never needs them).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { build } from 'vite';

const SECRETS = {
  WHISPIR_API_KEY: 'key-5f0c1e9a-never-in-bundle',
  WHISPIR_PASSWORD: 'pass-7d2b-never-in-bundle',
  WHISPIR_BEARER_TOKEN: 'token-91aa-never-in-bundle',
};
const outDir = mkdtempSync(path.join(tmpdir(), 'bundle-secrets-'));
const saved = { ...process.env };

afterAll(() => {
  process.env = saved;
  rmSync(outDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

it('builds a bundle that contains no Whispir secret', { timeout: 180_000 }, async () => {
  Object.assign(process.env, SECRETS, {
    WHISPIR_REGION: 'au',
    WHISPIR_USERNAME: 'someone@example.com',
  });
  await build({
    configFile: 'vite.config.ts',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  const files = filesUnder(outDir);
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  const basic = Buffer.from(`someone@example.com:${SECRETS.WHISPIR_PASSWORD}`).toString('base64');
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    for (const secret of [...Object.values(SECRETS), basic]) {
      expect(text.includes(secret), `${secret} found in ${path.relative(outDir, file)}`).toBe(
        false,
      );
    }
  }
  // The bundle does know where it is connected, as a label.
  const js = files.filter((file) => file.endsWith('.js')).map((file) => readFileSync(file, 'utf8'));
  expect(js.some((text) => text.includes('Whispir AU'))).toBe(true);
});
