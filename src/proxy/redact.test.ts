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

  it('replaces a secret URL-encoded as Java, PHP and Python write it', () => {
    const password = "it's *my* ~pass/wörd";
    const redactAll = secretRedactor([password]);
    const echoes = [
      // Java's URLEncoder.encode(password, UTF_8): keeps * and writes a space as +.
      'it%27s+*my*+%7Epass%2Fw%C3%B6rd',
      // PHP's urlencode: * encoded too.
      'it%27s+%2Amy%2A+%7Epass%2Fw%C3%B6rd',
      // Python's quote: keeps ~ and /; quote_plus: + for a space, / encoded; lower-case hex.
      'it%27s%20%2Amy%2A%20~pass/w%C3%B6rd',
      'it%27s+%2Amy%2A+~pass%2Fw%C3%B6rd',
      'it%27s%20%2amy%2a%20~pass/w%c3%b6rd',
    ];
    for (const echo of echoes) expect(redactAll(`q=${echo}&x=1`), echo).toBe(`q=${REDACTED}&x=1`);
  });

  it('replaces a secret written with HTML character references, in any writer’s mix', () => {
    const password = `a'b"c<d>e&f-long`;
    const redactAll = secretRedactor([password]);
    const echoes = [
      // Go's html.EscapeString, Python's html.escape, PHP's htmlspecialchars, all-decimal, all-hex.
      'a&#39;b&#34;c&lt;d&gt;e&amp;f-long',
      'a&#x27;b&quot;c&lt;d&gt;e&amp;f-long',
      'a&#039;b&quot;c&lt;d&gt;e&amp;f-long',
      'a&#39;b&#34;c&#60;d&#62;e&#38;f-long',
      'a&#x27;b&#x22;c&#x3C;d&#x3e;e&#x26;f-long',
    ];
    for (const echo of echoes) expect(redactAll(`<p>${echo}</p>`), echo).toBe(`<p>${REDACTED}</p>`);
  });

  it('replaces a secret in a UTF-16 answer, with letters beyond ASCII or a quote', () => {
    for (const secret of ['Pässwört-long12', 'say "hello" 2 me']) {
      const redactAll = secretRedactor([secret]);
      for (const body of [
        // The proxy reads every answer as UTF-8; a JSON body in UTF-16 escapes the quote.
        Buffer.from(JSON.stringify({ p: secret }), 'utf16le').toString('utf8'),
        Buffer.from(`p=${secret};`, 'utf16le').toString('utf8'),
        Buffer.from(`p=${secret};`, 'utf16le').toString('latin1'),
      ]) {
        const redacted = redactAll(body);
        expect(redacted, JSON.stringify(body)).toContain(REDACTED);
        // Nothing of the secret's own letters is left beside the replacement.
        expect(redacted.replace(/\0/g, '')).not.toMatch(/rt-long|hello/);
      }
    }
  });

  it('replaces a secret inside longer base64, wherever it starts', () => {
    const key = 'AbCdEf0123456789';
    const redactAll = secretRedactor([key]);
    for (const before of ['', 'x', 'xy', 'xyz', 'user:']) {
      const encoded = Buffer.from(`${before}${key} and more after it`).toString('base64');
      expect(redactAll(`token ${encoded}`), before).toContain(REDACTED);
    }
    // A shorter secret's middle is too short to search for without blanking chance matches.
    expect(secretRedactor(['Short123'])('ZFNob3J0MTIzZQ==')).toBe('ZFNob3J0MTIzZQ==');
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
