import { describe, expect, it } from 'vitest';
import { encodeBase64Utf8 } from '../resource/build-resource';
import { samplePart } from './part-sample';

const fieldMapping = {
  firstName: 'First',
  lastName: 'Last',
  workEmailAddress1: 'Email',
};

describe('samplePart', () => {
  it('reads a sent CSV part back and keeps rows spread through it, first and last included', () => {
    const lines = ['First,Last,Email'];
    for (let i = 1; i <= 1_000; i++) lines.push(`Zoë${i},"Ó Súilleabháin, Jr",z${i}@example.com`);
    const sample = samplePart(encodeBase64Utf8(lines.join('\r\n')), 'text/csv', fieldMapping, 20);
    expect(sample).toHaveLength(20);
    expect(sample[0]).toEqual({
      firstName: 'Zoë1',
      lastName: 'Ó Súilleabháin, Jr',
      workEmailAddress1: 'z1@example.com',
    });
    expect(sample.at(-1)?.firstName).toBe('Zoë1000');
    expect(new Set(sample.map((row) => row.firstName)).size).toBe(20);
  });

  it('leaves out rows no search could find (no name, or no email or mobile)', () => {
    const csv = ['First,Last,Email', 'Ann,Lee,ann@example.com', ',Ray,bob@example.com', 'Cat,Fox,'];
    const sample = samplePart(encodeBase64Utf8(csv.join('\n')), 'text/csv', fieldMapping, 20);
    expect(sample.map((row) => row.firstName)).toEqual(['Ann']);
  });
});
