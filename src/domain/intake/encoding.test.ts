import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeBytes,
  decodeInChunks,
  detectEncoding,
  type EncodingId,
  PieceDecoder,
  SUPPORTED_ENCODINGS,
  Utf8Scan,
} from './encoding';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const utf16le = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};

/** Runs of ASCII, and valid and invalid UTF-8 sequences, to join into test files. */
const SEQUENCES = [
  [0x41],
  [0x61, 0x2c, 0x62, 0x0a, 0x7a],
  [0xc3, 0xa9],
  [0xe2, 0x82, 0xac],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xe9],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80],
];

describe('detectEncoding', () => {
  const cases: {
    description: string;
    input: Uint8Array;
    expected: { encoding: EncodingId; bom: number };
  }[] = [
    {
      description: 'UTF-8 BOM',
      input: bytes(0xef, 0xbb, 0xbf, 0x61),
      expected: { encoding: 'utf-8', bom: 3 },
    },
    {
      description: 'UTF-16LE BOM',
      input: bytes(0xff, 0xfe, 0x61, 0x00),
      expected: { encoding: 'utf-16le', bom: 2 },
    },
    {
      description: 'UTF-16BE BOM',
      input: bytes(0xfe, 0xff, 0x00, 0x61),
      expected: { encoding: 'utf-16be', bom: 2 },
    },
    {
      description: 'plain ASCII',
      input: utf8('a,b\n1,2\n'),
      expected: { encoding: 'utf-8', bom: 0 },
    },
    {
      description: 'valid UTF-8 with accents',
      input: utf8('Zoë,François,Müller'),
      expected: { encoding: 'utf-8', bom: 0 },
    },
    {
      description: 'valid UTF-8 with 4-byte emoji',
      input: utf8('name\nAnna 🙂\n'),
      expected: { encoding: 'utf-8', bom: 0 },
    },
    {
      description: 'cp1252 ë (0xEB) followed by ASCII is not UTF-8',
      input: bytes(0x5a, 0x6f, 0xeb, 0x2c, 0x61),
      expected: { encoding: 'windows-1252', bom: 0 },
    },
    {
      description: 'cp1252 € (0x80) is a stray continuation byte',
      input: bytes(0x80, 0x31, 0x32),
      expected: { encoding: 'windows-1252', bom: 0 },
    },
    {
      description: 'overlong encoding of "/" is invalid UTF-8',
      input: bytes(0xc0, 0xaf),
      expected: { encoding: 'windows-1252', bom: 0 },
    },
    {
      description: 'UTF-8 encoded surrogate is invalid',
      input: bytes(0xed, 0xa0, 0x80),
      expected: { encoding: 'windows-1252', bom: 0 },
    },
    {
      description: 'multi-byte sequence cut off by the end of a chunk is tolerated',
      input: bytes(0x5a, 0x6f, 0xc3),
      expected: { encoding: 'utf-8', bom: 0 },
    },
    {
      description: 'UTF-16LE without BOM (every other byte zero)',
      input: utf16le('firstName,lastName\nJohn,Smith\n'),
      expected: { encoding: 'utf-16le', bom: 0 },
    },
    { description: 'empty input', input: bytes(), expected: { encoding: 'utf-8', bom: 0 } },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const guess = detectEncoding(input);
    expect({ encoding: guess.encoding, bom: guess.bom }).toEqual(expected);
    expect(guess.reason.length).toBeGreaterThan(10);
  });

  it('finds invalid UTF-8 far from the start (whole file is checked)', () => {
    const head = utf8('a,b\n'.repeat(100_000));
    const input = new Uint8Array(head.length + 3);
    input.set(head);
    input.set([0x5a, 0xe9, 0x0a], head.length); // "Zé\n" in cp1252
    expect(detectEncoding(input).encoding).toBe('windows-1252');
  });

  it('names the first byte that is not UTF-8, at any alignment of the bytes in memory', () => {
    // Runs of ASCII (passed over four bytes at a time) around valid and invalid sequences.
    fc.assert(
      fc.property(
        fc.array(fc.nat(SEQUENCES.length - 1), { minLength: 1, maxLength: 60 }),
        fc.nat(3),
        (picks, shift) => {
          const content = picks.flatMap((p) => SEQUENCES[p] as number[]);
          const memory = new Uint8Array(content.length + shift);
          memory.set(content, shift);
          const input = memory.subarray(shift);
          const first = firstInvalidUtf8(content);
          const guess = detectEncoding(input);
          if (first === -1) expect(guess.encoding).toBe('utf-8');
          else expect(guess.reason).toMatch(new RegExp(`[Bb]yte ${first + 1}\\b`));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('Utf8Scan: a file told UTF-8 or not a piece at a time', () => {
  it('finds the same first bad byte as one look at the whole file, wherever the pieces split it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(SEQUENCES.length - 1), { minLength: 0, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 30 }),
        (picks, cuts) => {
          const content = picks.flatMap((p) => SEQUENCES[p] as number[]);
          const scan = new Utf8Scan();
          let at = 0;
          for (let i = 0; at < content.length; i++) {
            const end = Math.min(content.length, at + (cuts[i % cuts.length] as number));
            scan.push(new Uint8Array(content.slice(at, end)));
            at = end;
          }
          expect(scan.firstInvalid).toBe(firstInvalidUtf8(content));
          if (scan.firstInvalid === -1) {
            expect(scan.nonAscii).toBe(content.some((b) => b >= 0x80));
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers false from the first bad byte on, and keeps its place', () => {
    const scan = new Utf8Scan();
    expect(scan.push(utf8('Zoë,'))).toBe(true);
    expect(scan.push(bytes(0xc3))).toBe(true); // the start of a character, cut off
    expect(scan.push(bytes(0x41))).toBe(false); // not its end
    expect(scan.firstInvalid).toBe(5);
    expect(scan.push(utf8('fine'))).toBe(false);
    expect(scan.firstInvalid).toBe(5);
    // A three-byte character broken by the first byte of the next piece, which is too short
    // to end it.
    const short = new Utf8Scan();
    expect(short.push(bytes(0x41, 0xe9))).toBe(true);
    expect(short.push(bytes(0x41))).toBe(false);
    expect(short.firstInvalid).toBe(1);
  });
});

describe('PieceDecoder: a file decoded a piece of its bytes at a time', () => {
  const lines = Array.from({ length: 400 }, (_, i) => `Zoë Łucja ${i},"a\r\nb",😀`);

  it('gives the whole text, in pieces ending after a line feed, however the bytes are split', () => {
    const cases: [EncodingId, (text: string) => Uint8Array][] = [
      ['utf-8', utf8],
      ['utf-16le', utf16le],
      ['windows-1252', (text) => new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff))],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 50, max: 700 }),
        ([encoding, encode], newline, cuts, chunk) => {
          const text =
            encoding === 'windows-1252'
              ? lines.join(newline).replace(/[\u0100-\uffff]/g, '?')
              : lines.join(newline);
          const all = encode(text);
          const decoder = new PieceDecoder(encoding, all.length, chunk);
          const pieces: { text: string; fraction: number }[] = [];
          let at = 0;
          for (let i = 0; at < all.length; i++) {
            const end = Math.min(all.length, at + (cuts[i % cuts.length] as number));
            pieces.push(...decoder.push(all.subarray(at, end), end === all.length));
            at = end;
          }
          expect(pieces.map((p) => p.text).join('')).toBe(decodeBytes(all, encoding));
          // Lines are shorter than a chunk: every piece but the last ends a line, never
          // between a CR and its LF.
          for (const piece of pieces.slice(0, -1)) expect(piece.text.endsWith('\n')).toBe(true);
          expect(pieces.at(-1)?.fraction).toBe(1);
          const fractions = pieces.map((p) => p.fraction);
          expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('decodeBytes', () => {
  const cases: { description: string; input: [Uint8Array, EncodingId]; expected: string }[] = [
    {
      description: 'strips a UTF-8 BOM',
      input: [bytes(0xef, 0xbb, 0xbf, 0x61), 'utf-8'],
      expected: 'a',
    },
    {
      description: 'Windows-1252 accents and €',
      input: [bytes(0x5a, 0x6f, 0xeb, 0x20, 0x80, 0x31), 'windows-1252'],
      expected: 'Zoë €1',
    },
    {
      description: 'ISO-8859-2 (Polish ą, ł)',
      input: [bytes(0xb1, 0xb3), 'iso-8859-2'],
      expected: 'ął',
    },
    {
      description: 'UTF-16LE with BOM',
      input: [bytes(0xff, 0xfe, 0x5a, 0x00, 0xeb, 0x00), 'utf-16le'],
      expected: 'Zë',
    },
    {
      description: 'UTF-16BE with BOM',
      input: [bytes(0xfe, 0xff, 0x00, 0x5a, 0x00, 0xeb), 'utf-16be'],
      expected: 'Zë',
    },
    {
      description: 'invalid UTF-8 becomes U+FFFD, no throw',
      input: [bytes(0x5a, 0xeb), 'utf-8'],
      expected: 'Z\ufffd',
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(decodeBytes(...input)).toBe(expected);
  });

  it('every supported encoding is known to TextDecoder and has a label', () => {
    for (const { id, label } of SUPPORTED_ENCODINGS) {
      expect(() => new TextDecoder(id)).not.toThrow();
      expect(label).toMatch(/\w/);
    }
  });
});

describe('decodeBytes windows-1252 high range', () => {
  it('maps every byte 0x80–0x9F as the Encoding spec does', () => {
    const all = new Uint8Array(32).map((_, i) => 0x80 + i);
    expect(decodeBytes(all, 'windows-1252')).toBe(
      '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ',
    );
  });
});

describe('decodeInChunks', () => {
  const text = Array.from({ length: 3_000 }, (_, i) => `Zoë Łucja ${i},"a\nb"`).join('\n');
  const encoded = utf8(text);

  it('cuts UTF-8 just after a line feed, and the pieces make the whole text', () => {
    const pieces = [...decodeInChunks(encoded, 'utf-8', 1000)];
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(encoded.length / 1000);
    for (const piece of pieces.slice(0, -1)) expect(piece.text.endsWith('\n')).toBe(true);
    expect(pieces.at(-1)?.fraction).toBe(1);
  });

  it('cuts where it must when a window holds no line feed, splitting no character', () => {
    const long = utf8('ā'.repeat(5_000));
    const pieces = [...decodeInChunks(long, 'utf-8', 1001)];
    expect(pieces.map((p) => p.text).join('')).toBe('ā'.repeat(5_000));
    expect(pieces.length).toBe(10);
  });

  it('cuts UTF-16 just after a line feed too, at whole code units, little- and big-endian', () => {
    const le = utf16le(text);
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2)
      [be[i], be[i + 1]] = [le[i + 1] as number, le[i] as number];
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const pieces = [...decodeInChunks(bytes, encoding, 999)];
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      for (const piece of pieces.slice(0, -1)) expect(piece.text.endsWith('\n')).toBe(true);
    }
    // 'Ċ' is U+010A: its bytes hold a 0x0A that is no line feed.
    const tricky = utf16le('ĊĊĊĊ\nĊĊĊĊĊĊĊĊ');
    const pieces = [...decodeInChunks(tricky, 'utf-16le', 8)];
    expect(pieces.map((p) => p.text)).toEqual(['ĊĊĊĊ', '\n', 'ĊĊĊĊ', 'ĊĊĊĊ']);
  });
});

/**
 * The first byte that is not UTF-8, one sequence at a time, each judged by a strict
 * `TextDecoder` (a sequence cut off by the end of the bytes is not judged).
 */
function firstInvalidUtf8(bytes: readonly number[]): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    }
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(
        new Uint8Array(bytes.slice(i, i + need + 1)),
      );
    } catch {
      return i;
    }
    i += need + 1;
  }
  return -1;
}
