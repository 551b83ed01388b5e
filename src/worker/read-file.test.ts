import { describe, expect, it } from 'vitest';
import { QUICK_LOOK_BYTES, quickLook } from './read-file';

const encode = (text: string) => new TextEncoder().encode(text);

function bigCsv(rows: number, badRow?: number): string {
  const lines = ['firstName,lastName,workMobilePhone1'];
  for (let i = 0; i < rows; i++)
    lines.push(
      i === badRow ? `Ann${i},Lee,614,extra` : `Ann${i},Lee${i},614${String(i).padStart(8, '0')}`,
    );
  return lines.join('\n');
}

describe('quickLook', () => {
  it('shows the first rows of a large file without calling the look itself "too many rows"', () => {
    const bytes = encode(bigCsv(20_000));
    expect(bytes.length).toBeGreaterThan(QUICK_LOOK_BYTES);
    const first = quickLook(bytes, 'big.csv', {});
    expect(first?.headers).toEqual(['firstName', 'lastName', 'workMobilePhone1']);
    expect(first?.rows[0]).toEqual(['Ann0', 'Lee0', '61400000000']);
    expect(first?.problems).toEqual([]);
  });

  it('keeps the real problems it meets in the first rows', () => {
    const first = quickLook(encode(bigCsv(20_000, 3)), 'big.csv', {});
    expect(first?.problems.map((p) => p.code)).toEqual(['row-too-many-fields']);
  });

  it('leaves small files to the whole read', () => {
    expect(quickLook(encode(bigCsv(10)), 'small.csv', {})).toBeUndefined();
  });
});
