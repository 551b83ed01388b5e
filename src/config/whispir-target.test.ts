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
      secrets: ['sandbox-key', basic('sandbox', 'sandbox').slice('Basic '.length)],
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

  it.each([
    ['https://user:secret@api.au.whispir.com', /user name or password/],
    ['https://api.au.whispir.com/?apikey=secret', /no \?query/],
    ['https://api.au.whispir.com/#secret', /no \?query/],
    ['ftp://api.au.whispir.com', /http\(s\)/],
  ])('refuses to start with %s as the target', (url, message) => {
    expect(() => resolveWhispirTarget({ WHISPIR_API_URL: url })).toThrow(message);
  });

  it('refuses a key or token a header cannot carry, naming the setting and never the value', () => {
    const start = (env: Record<string, string>) => () =>
      resolveWhispirTarget({ WHISPIR_REGION: 'au', ...env });
    expect(start({ WHISPIR_BEARER_TOKEN: 'eyJSECRETPART1\nPART2' })).toThrow(
      /^WHISPIR_BEARER_TOKEN holds a space, a line break/,
    );
    expect(start({ WHISPIR_API_KEY: 'key-0123 456789' })).toThrow(/^WHISPIR_API_KEY/);
    try {
      start({ WHISPIR_BEARER_TOKEN: 'eyJSECRETPART1\nPART2' })();
    } catch (error) {
      expect((error as Error).message).not.toContain('SECRET');
    }
    // A password goes into the Basic credential's base64, so any character is fine there.
    expect(start({ WHISPIR_USERNAME: 'ops', WHISPIR_PASSWORD: 'pâss wörd\t!' })).not.toThrow();
  });

  it('keeps only scheme, host and path of the target URL', () => {
    expect(resolveWhispirTarget({ WHISPIR_API_URL: 'https://api.example.com/v1/' }).url).toBe(
      'https://api.example.com/v1',
    );
  });

  it('lists every configured secret for the proxy to redact, but not short ones', () => {
    const target = resolveWhispirTarget({
      WHISPIR_REGION: 'au',
      WHISPIR_API_KEY: 'key-0123456789',
      WHISPIR_USERNAME: 'jo',
      WHISPIR_PASSWORD: 'password-long',
    });
    expect(target.secrets).toEqual([
      'key-0123456789',
      'password-long',
      Buffer.from('jo:password-long').toString('base64'),
    ]);
    expect(resolveWhispirTarget({}).secrets).not.toContain('sandbox');
  });
});
