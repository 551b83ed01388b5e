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
    ['John Smith, Jr.', 'John', 'Smith Jr.'],
    ['Jean-Luc Picard, PhD', 'Jean-Luc', 'Picard PhD'],
    ['Jane Doe, CPA', 'Jane', 'Doe CPA'],
    ['Mary Smith MBA', 'Mary', 'Smith MBA'],
    ['Mr. John Smith', 'John', 'Smith'],
    ['Nguyen Van An', 'Nguyen Van', 'An'],
    ['Pieter Van der Merwe', 'Pieter', 'Van der Merwe'],
    ['Francois Du Plessis', 'Francois', 'Du Plessis'],
    ['María José De La Fuente', 'María José', 'De La Fuente'],
    ['Ram KC', 'Ram', 'KC'],
    ['Ram Bahadur KC', 'Ram Bahadur', 'KC'],
    ['Wei Ao', 'Wei', 'Ao'],
    ['John V', 'John', 'V'],
    ['Mary Co', 'Mary', 'Co'],
    ['Maria Teresa Co', 'Maria Teresa', 'Co'],
    ['Ana Sa Pereira', 'Ana Sa', 'Pereira'],
    ['Thanh Van Nguyen', 'Thanh Van', 'Nguyen'],
    ['Truong Van Hai', 'Truong Van', 'Hai'],
    ['John Smith AO', 'John', 'Smith AO'],
    ['Smith, John V.', 'John V.', 'Smith'],
    ['Zhang, Ao', 'Ao', 'Zhang'],
    ['Jane Smith, FRACP', 'Jane', 'Smith FRACP'],
    ['GARCIA LOPEZ, JOSE', 'JOSE', 'GARCIA LOPEZ'],
    ['VAN DYKE, DICK', 'DICK', 'VAN DYKE'],
    ['De Souza, JP', 'JP', 'De Souza'],
    ['Lee, AMY', 'AMY', 'Lee'],
    ['SMITH, JOHN', 'JOHN', 'SMITH'],
    ['Smith, John MD', 'John', 'Smith MD'],
    ['Mai Van Dyke', 'Mai', 'Van Dyke'],
    ['Mai van der Berg', 'Mai', 'van der Berg'],
    ['JOHN SMITH, FRACP', 'JOHN', 'SMITH FRACP'],
    ['JOHN SMITH, AO', 'JOHN', 'SMITH AO'],
    ['Lee, MARY FRANCES', 'MARY FRANCES', 'Lee'],
    ['Lee, FIONA', 'FIONA', 'Lee'],
    ['Le Van Tam', 'Le Van', 'Tam'],
    ['Thanh Van Le', 'Thanh Van', 'Le'],
    ['Mary Jane Church', 'Mary Jane', 'Church'],
    ['Smith, John, Jr.', 'John', 'Smith Jr.'],
    ['Picard, Jean-Luc, PhD', 'Jean-Luc', 'Picard PhD'],
  ])('%s → %s + %s', (value, first, last) => {
    expect(splitFullName(value)).toEqual({ first, last });
  });

  it('does not split one word, a title and a name, an address or a company', () => {
    expect(splitFullName('Cher')).toBeUndefined();
    expect(splitFullName('  ')).toBeUndefined();
    expect(splitFullName('Smith, Jr')).toBeUndefined();
    expect(splitFullName('Smith,')).toBeUndefined();
    expect(splitFullName('Dr. Smith')).toBeUndefined();
    expect(splitFullName('john.smith@acme.com')).toBeUndefined();
    // A company is no person.
    expect(splitFullName('Acme Pty Ltd')).toBeUndefined();
    expect(splitFullName('Acme Holdings Limited')).toBeUndefined();
    expect(splitFullName('Smith Family Trust')).toBeUndefined();
    expect(splitFullName("St Mary's School")).toBeUndefined();
  });
});
