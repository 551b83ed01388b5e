import { describe, expect, it } from 'vitest';
import { encodeBase64Utf8 } from '../resource/build-resource';
import { readPartFile } from '../export/rows-not-sent';
import { samplePart } from './part-sample';
import { contactsOfPart, spreadSample } from './verification';

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

  it('picks exactly the rows spreadSample picks from every row as a contact', () => {
    const lines = ['First,Last,Email,Mobile,Team'];
    for (let i = 0; i < 2_345; i++)
      lines.push(
        [
          i % 7 === 0 ? ' ' : `Ann${i}`,
          i % 11 === 0 ? '' : `Lee${i}`,
          i % 3 === 0 ? '' : `a${i}@example.com`,
          i % 5 === 0 ? '' : `6141234${String(i).padStart(4, '0')}`,
          'Sales',
        ].join(','),
      );
    const mapping = { ...fieldMapping, workMobilePhone1: 'Mobile', department: 'Team' };
    const text = lines.join('\n');
    for (const size of [0, 1, 2, 20, 5_000]) {
      const expected = spreadSample(contactsOfPart(readPartFile('text/csv', text), mapping), size);
      expect(samplePart(encodeBase64Utf8(text), 'text/csv', mapping, size), String(size)).toEqual(
        expected,
      );
    }
  });
});
