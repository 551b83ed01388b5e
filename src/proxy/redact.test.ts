import { describe, expect, it } from 'vitest';
import { REDACTED, secretRedactor } from './redact';

describe('secretRedactor', () => {
  const redact = secretRedactor(['key-0123456789', 'p@ss word/long']);

  it('replaces each secret, raw and URL-encoded, wherever it stands', () => {
    expect(redact('key-0123456789 and p@ss word/long and p%40ss%20word%2Flong')).toBe(
      `${REDACTED} and ${REDACTED} and ${REDACTED}`,
    );
  });

  it('replaces each secret however a server writes it back', () => {
    const password = 'P"ass\\w0rd/<&> x';
    const key = 'AbCdEf0123456789';
    const basic = Buffer.from(`admin:${password}`).toString('base64');
    const redactAll = secretRedactor([password, key, basic, 'Pässwört+12']);
    const echoes = [
      JSON.stringify({ password }),
      JSON.stringify({ password }).replace(/\//g, '\\/'),
      JSON.stringify({ password }).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
      `<p>${password.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</p>`,
      `?p=${encodeURIComponent(password).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`,
      `p=${encodeURIComponent(password).replace(/%20/g, '+')}`,
      `the key as base64: ${Buffer.from(key).toString('base64')}`,
      `basic ${basic.replace(/\//g, '\\/')}`,
      Buffer.from(`{"key":"${key}"}`, 'utf16le').toString('utf8'),
      // .NET's JavaScriptEncoder: every HTML-unsafe character as \u and upper-case hex.
      '{"password":"P\\u0022ass\\\\w0rd/\\u003C\\u0026\\u003E x"}',
    ];
    for (const echo of echoes) {
      const redacted = redactAll(echo);
      expect(redacted, echo).toContain(REDACTED);
      for (const secret of [password, key, basic]) expect(redacted).not.toContain(secret);
    }
  });

  it('replaces a password with letters beyond ASCII, escaped as Python and .NET write them', () => {
    const redactAll = secretRedactor(['Pässwört+12']);
    for (const echo of [
      '{"p":"P\\u00e4ssw\\u00f6rt+12"}',
      '{"p":"P\\u00E4ssw\\u00F6rt\\u002B12"}',
    ]) {
      expect(redactAll(echo), echo).toBe(`{"p":"${REDACTED}"}`);
    }
  });

  it('leaves a contact’s data alone that only matches a secret in another case', () => {
    const redactTown = secretRedactor(['Brisbane2']);
    expect(redactTown('{"email":"ann@BRISBANE2.example"}')).toBe(
      '{"email":"ann@BRISBANE2.example"}',
    );
  });

  it('replaces apikey= values it was not told of, and leaves JSON valid', () => {
    const body = JSON.stringify({
      link: [{ uri: 'https://api.au.whispir.com/workspaces?apikey=other-key&limit=5' }],
      xml: '<a href="/x?a=1&amp;apikey=k2">x</a>',
    });
    const redacted = redact(body);
    expect(redacted).not.toContain('other-key');
    expect(redacted).not.toContain('k2"');
    const parsed = JSON.parse(redacted) as { link: { uri: string }[]; xml: string };
    expect(parsed.link[0]?.uri).toBe(
      `https://api.au.whispir.com/workspaces?apikey=${REDACTED}&limit=5`,
    );
    expect(parsed.xml).toBe(`<a href="/x?a=1&amp;apikey=${REDACTED}">x</a>`);
  });

  it('leaves text without secrets as it was', () => {
    expect(redact('{"status":"1 to 3 of 3","token_count":2}')).toBe(
      '{"status":"1 to 3 of 3","token_count":2}',
    );
  });
});
