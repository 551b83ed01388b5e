import { describe, expect, it } from 'vitest';
import { countFieldsPerRecord, sniffDelimiter } from './delimiter';

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

describe('sniffDelimiter', () => {
  const cases: {
    description: string;
    input: string;
    expected: { delimiter: string; looksMerged: boolean };
  }[] = [
    {
      description: 'plain comma file',
      input: lines('firstName,lastName,email', 'John,Smith,j@x.com', 'Jane,Doe,jd@x.com'),
      expected: { delimiter: ',', looksMerged: false },
    },
    {
      description: 'semicolon file with decimal commas and a header',
      input: lines('Name;Amount;Rate', 'Anna;1,5;2,75', 'Ben;10,25;0,5', 'Cai;3;4,125'),
      expected: { delimiter: ';', looksMerged: false },
    },
    {
      description: 'semicolon file with decimal commas in every column and no header',
      input: lines('1,5;2,75', '3,25;4,5', '10,0;0,1'),
      expected: { delimiter: ';', looksMerged: false },
    },
    {
      description: 'comma file whose quoted values hold semicolons',
      input: lines('name,notes,phone', 'Ann,"a; b; c",0412', 'Bob,"d; e",0413', 'Cy,"f",0414'),
      expected: { delimiter: ',', looksMerged: false },
    },
    {
      description: 'semicolon file whose quoted values hold commas',
      input: lines('name;address', 'Ann;"1 Main St, Sydney, NSW"', 'Bob;"2 High St, Perth"'),
      expected: { delimiter: ';', looksMerged: false },
    },
    {
      description: 'tab separated (Excel Unicode text)',
      input: lines(
        'Given name\tSurname\tMobile',
        'Zoë\tNguyen\t0412345678',
        'Liam\tWalker, Jr\t0498765432',
      ),
      expected: { delimiter: '\t', looksMerged: false },
    },
    {
      description: 'pipe separated',
      input: lines('a|b|c', '1|2|3', '4|5|6'),
      expected: { delimiter: '|', looksMerged: false },
    },
    {
      description: 'quoted value spanning lines does not break the count',
      input: lines('a,b,c', '1,"line one', 'line two, still b",3', '4,5,6'),
      expected: { delimiter: ',', looksMerged: false },
    },
    {
      description: 'commas in thousands inside quotes',
      input: lines('name,salary', 'Ann,"85,000"', 'Bob,"92,500"'),
      expected: { delimiter: ',', looksMerged: false },
    },
    {
      description: 'one real column of emails',
      input: lines('email', 'a@x.com', 'b@x.com', 'c@x.com'),
      expected: { delimiter: ',', looksMerged: false },
    },
    {
      description: 'values run together with another separator look merged',
      input: lines('name:email:phone', 'Ann:a@x.com:0412', 'Bob:b@x.com:0413'),
      expected: { delimiter: ',', looksMerged: true },
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    const guess = sniffDelimiter(input);
    expect({ delimiter: guess.delimiter, looksMerged: guess.looksMerged }).toEqual(expected);
  });

  it('reports how consistent the winning delimiter is', () => {
    const guess = sniffDelimiter(lines('a;b', '1;2', '3;4', '5;6;7'));
    expect(guess.confidence).toBe(0.75);
    expect(guess.reason).toMatch(/semicolon gives 2 fields on 75%/);
  });

  it('looks at the first records only, so a huge file costs no more than a small one', () => {
    // The whole file would say comma (3 fields on almost every line); its start says semicolon.
    const big = `a;b\n${'1;2\n'.repeat(300)}${'x,y,z\n'.repeat(500_000)}`;
    const guess = sniffDelimiter(big);
    expect(guess.delimiter).toBe(';');
    expect(guess.confidence).toBe(1);
  });
});

describe('countFieldsPerRecord', () => {
  const cases: { description: string; input: [string, string]; expected: number[] }[] = [
    {
      description: 'blank lines ignored, CRLF handled',
      input: ['a,b\r\n\r\n1,2\r\n', ','],
      expected: [2, 2],
    },
    {
      description: 'escaped quotes inside quotes',
      input: ['"a ""x"", y",b\n', ','],
      expected: [2],
    },
    {
      description: 'quote in the middle of a field is literal',
      input: ['5" disk,b\n', ','],
      expected: [2],
    },
    {
      description: 'final record without newline counts',
      input: ['a,b\n1,2,3', ','],
      expected: [2, 3],
    },
  ];
  it.each(cases)('$description', ({ input, expected }) => {
    expect(countFieldsPerRecord(...input)).toEqual(expected);
  });
});
