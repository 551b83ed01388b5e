import { describe, expect, it } from 'vitest';
import { resolveWhispirTarget } from './whispir-target';

const basic = (user: string, pass: string) =>
  `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('resolveWhispirTarget', () => {
  it('defaults to the local sandbox with its own credentials', () => {
    expect(resolveWhispirTarget({})).toEqual({
      url: 'http://127.0.0.1:8787',
      isSandbox: true,
      label: 'Local sandbox',
      headers: { 'x-api-key': 'sandbox-key', authorization: basic('sandbox', 'sandbox') },
    });
  });

  it('uses the sandbox port and credentials from the environment', () => {
    const target = resolveWhispirTarget({
      SANDBOX_PORT: '9999',
      SANDBOX_API_KEY: 'k',
      SANDBOX_USERNAME: 'u',
      SANDBOX_PASSWORD: 'p',
      WHISPIR_API_KEY: 'real-key-not-for-the-sandbox',
    });
    expect(target.url).toBe('http://127.0.0.1:9999');
    expect(target.headers).toEqual({ 'x-api-key': 'k', authorization: basic('u', 'p') });
  });

  it('expands a region to its API host, with Basic auth', () => {
    const target = resolveWhispirTarget({
      WHISPIR_REGION: 'au',
      WHISPIR_API_KEY: 'key',
      WHISPIR_USERNAME: 'jo',
      WHISPIR_PASSWORD: 'pw',
    });
    expect(target).toMatchObject({
      url: 'https://api.au.whispir.com',
      isSandbox: false,
      label: 'Whispir AU',
    });
    expect(target.headers).toEqual({ 'x-api-key': 'key', authorization: basic('jo', 'pw') });
  });

  it('prefers a bearer token, and an explicit URL over a region', () => {
    const target = resolveWhispirTarget({
      WHISPIR_API_URL: 'https://api.nz.whispir.com/',
      WHISPIR_REGION: 'us',
      WHISPIR_API_KEY: 'key',
      WHISPIR_USERNAME: 'jo',
      WHISPIR_PASSWORD: 'pw',
      WHISPIR_BEARER_TOKEN: 'jwt',
    });
    expect(target.url).toBe('https://api.nz.whispir.com');
    expect(target.headers).toEqual({ 'x-api-key': 'key', authorization: 'Bearer jwt' });
  });

  it('treats blank settings as unset and rejects an unknown region', () => {
    expect(resolveWhispirTarget({ WHISPIR_API_URL: '', WHISPIR_REGION: '' }).isSandbox).toBe(true);
    expect(() => resolveWhispirTarget({ WHISPIR_REGION: 'mars' })).toThrow();
  });
});
