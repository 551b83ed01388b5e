import { describe, expect, it } from 'vitest';
import { splitFullName } from './full-name';

describe('splitFullName', () => {
  it.each([
    ['John Smith', 'John', 'Smith'],
    ['Smith, John', 'John', 'Smith'],
    ['Nguyen, Olivia Mai', 'Olivia Mai', 'Nguyen'],
    ['Mary Jane Watson', 'Mary Jane', 'Watson'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['María de la Cruz', 'María', 'de la Cruz'],
    ['John Smith Jr', 'John', 'Smith Jr'],
    ['Dr Jane Citizen', 'Jane', 'Citizen'],
    ['  Zoë   Ó Súilleabháin ', 'Zoë Ó', 'Súilleabháin'],
    ['山田 太郎', '太郎', '山田'],
  ])('%s → %s + %s', (value, first, last) => {
    expect(splitFullName(value)).toEqual({ first, last });
  });

  it('does not split one word, or a name and its suffix alone', () => {
    expect(splitFullName('Cher')).toBeUndefined();
    expect(splitFullName('  ')).toBeUndefined();
    expect(splitFullName('Smith, Jr')).toBeUndefined();
  });
});
