import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Length, envelopeBytes, splitIntoParts, utf8Length, type PartPlan } from './parts';

const covers = (parts: readonly PartPlan[], rows: number) => {
  const indices = parts.flatMap((part) =>
    Array.from({ length: part.end - part.start }, (_, i) => part.start + i),
  );
  return indices.length === rows && indices.every((index, position) => index === position);
};

describe('utf8Length', () => {
  it.each(['', 'abc', 'Zoë', 'François Müller', '日本語', '😀 emoji', 'a\r\nb'])(
    'matches TextEncoder for %j',
    (text) => {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    },
  );
});

describe('splitIntoParts', () => {
  it('keeps a small file in one part', () => {
    const result = splitIntoParts([10, 10, 10], 20, { maxRequestBytes: 1_000, envelopeBytes: 80 });
    expect(result).toEqual({
      ok: true,
      parts: [{ part: 1, start: 0, end: 3, fileBytes: 50, requestBytes: 80 + base64Length(50) }],
    });
  });

  it('splits so that no request is over the limit, repeating the header', () => {
    // max file bytes = floor((400 - 100) / 4) * 3 = 225: header 25 + up to 20 rows of 10.
    const result = splitIntoParts(Array(45).fill(10), 25, {
      maxRequestBytes: 400,
      envelopeBytes: 100,
    });
    expect(result.ok && result.parts.map((part) => [part.start, part.end])).toEqual([
      [0, 20],
      [20, 40],
      [40, 45],
    ]);
  });

  it('rejects a row that could never fit, naming it', () => {
    const result = splitIntoParts([10, 5_000, 10], 10, {
      maxRequestBytes: 1_000,
      envelopeBytes: 50,
    });
    expect(result).toMatchObject({ ok: false, row: 1 });
  });

  it('an empty file is one part with only the header', () => {
    const result = splitIntoParts([], 30, { maxRequestBytes: 1_000, envelopeBytes: 50 });
    expect(result).toEqual({
      ok: true,
      parts: [{ part: 1, start: 0, end: 0, fileBytes: 30, requestBytes: 90 }],
    });
  });

  it('for any rows: no request over the limit, no row lost or repeated, order kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 2_000, max: 20_000 }),
        (lines, header, limit) => {
          const options = { maxRequestBytes: limit, envelopeBytes: 120 };
          const result = splitIntoParts(lines, header, options);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(covers(result.parts, lines.length)).toBe(true);
          for (const part of result.parts) {
            expect(part.requestBytes).toBeLessThanOrEqual(limit);
            const sum = lines.slice(part.start, part.end).reduce((a, b) => a + b, header);
            expect(part.fileBytes).toBe(sum);
            expect(part.requestBytes).toBe(120 + base64Length(sum));
          }
          // Greedy: each part but the last could not take the next row.
          for (const [index, part] of result.parts.slice(0, -1).entries()) {
            const next = lines[part.end] ?? 0;
            expect(120 + base64Length(part.fileBytes + next)).toBeGreaterThan(limit - 3);
            expect(result.parts[index + 1]?.start).toBe(part.end);
          }
        },
      ),
    );
  });

  it('sizes the envelope exactly', () => {
    const name = 'contacts-part-1.csv';
    const body = JSON.stringify({ name, scope: 'private', mimeType: 'text/csv', derefUri: 'QUJD' });
    expect(envelopeBytes(name, 'text/csv') + 4).toBe(body.length);
  });
});
