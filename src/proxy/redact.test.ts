import { describe, expect, it } from 'vitest';
import { REDACTED, secretRedactor } from './redact';

describe('secretRedactor', () => {
  const redact = secretRedactor(['key-0123456789', 'p@ss word/long']);

  it('replaces each secret, raw and URL-encoded, wherever it stands', () => {
    expect(redact('key-0123456789 and p@ss word/long and p%40ss%20word%2Flong')).toBe(
      `${REDACTED} and ${REDACTED} and ${REDACTED}`,
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
