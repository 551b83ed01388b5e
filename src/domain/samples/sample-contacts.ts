/**
 * The "Use a sample file" contacts: realistic, with a few problems of the kinds real lists have
 * (local mobiles, an ISO country code, "UTC+10", a missing last name, a stray comma), so every
 * step of the wizard has something to show. Deterministic, so screenshots and tests are stable.
 */
import {
  CONTACT_COLUMNS_WITH_DEPARTMENT,
  contactsJson,
  contactsXml,
  csvLine,
} from './contact-files';

export const SAMPLE_HEADERS = [
  'First name',
  'Last name',
  'Email',
  'Mobile',
  'Country',
  'Time zone',
  'Department',
];

export const SAMPLE_ROWS: readonly (readonly string[])[] = [
  [
    'Olivia',
    'Nguyen',
    'olivia.nguyen@harbourfreight.com.au',
    '61412345001',
    'Australia',
    'Australia/Sydney',
    'Sales',
  ],
  [
    'Liam',
    "O'Brien",
    'liam.obrien@harbourfreight.com.au',
    '0412 345 002',
    'Australia',
    'Australia/Sydney',
    'Support',
  ],
  [
    'Zoë',
    'Müller',
    'zoe.muller@harbourfreight.com.au',
    '61412345003',
    'Australia',
    'Australia/Melbourne',
    'Marketing',
  ],
  [
    'Aroha',
    'Ngata',
    'aroha.ngata@harbourfreight.co.nz',
    '64211234004',
    'NZ',
    'Pacific/Auckland',
    'Sales',
  ],
  [
    'François',
    'Lefèvre',
    'francois.lefevre@harbourfreight.com.au',
    '61412345005',
    'Australia',
    '+09:30',
    'Finance',
  ],
  [
    'Priya',
    'Raman',
    'Priya.Raman@HarbourFreight.com.au',
    '61412345006',
    'Australia',
    'UTC+10',
    'Operations',
  ],
  [
    'Mateo',
    'García',
    'mateo.garcia@harbourfreight.com.au',
    '61412345007',
    'Australia',
    'Australia/Brisbane',
    'Operations',
  ],
  [
    'Hannah',
    '',
    'hannah@harbourfreight.com.au',
    '61412345008',
    'Australia',
    'Australia/Sydney',
    'Sales',
  ],
  [
    'Kenji',
    'Tanaka',
    'kenji.tanaka@harbourfreight.com.au',
    '61412345009',
    'Australia',
    'Australia/Perth',
    'Logistics',
  ],
  [
    'Amelia',
    'Brown',
    'amelia.brown@harbourfreight.com.au',
    '(04) 1234 5010',
    'Australia',
    'Australia/Adelaide',
    'Support',
  ],
  [
    'Noah',
    'Wilson',
    'noah.wilson@harbourfreight.com.au',
    '61412345011',
    'Australia',
    'Australia/Hobart',
    'Finance',
  ],
  [
    'Isla',
    'Thompson',
    'isla.thompson@harbourfreight',
    '61412345012',
    'Australia',
    'Australia/Sydney',
    'Marketing',
  ],
  ['Jack', 'Smith', 'jack.smith@harbourfreight.com.au', '61412345013', 'Australia', '+10', 'Sales'],
  [
    'Mia',
    'Kowalski',
    'mia.kowalski@harbourfreight.com.au',
    '61412345014',
    'Australia',
    'Australia/Darwin',
    'Logistics',
  ],
  [
    'Lucas',
    'Martin',
    'lucas.martin@harbourfreight.com.au',
    '61412345015',
    'Australia',
    'Australia/Sydney',
    'Operations',
  ],
  [
    'Chloé',
    'Dubois',
    'chloe.dubois@harbourfreight.com.au',
    '61412345016',
    'Australia',
    'Australia/Sydney',
    'Support',
  ],
  [
    'Ethan',
    'Lee',
    'ethan.lee@harbourfreight.com.au',
    '61412345017',
    'Australia',
    'Australia/Melbourne',
    'Sales',
  ],
  [
    'Ava',
    'Patel',
    'ava.patel@harbourfreight.com.au',
    '61412345018',
    'Australia',
    'Australia/Sydney',
    'Finance',
  ],
];

/** The sample as CSV; one row carries the Imports page's stray comma in its email. */
export function sampleCsv(): string {
  const lines = [csvLine(SAMPLE_HEADERS), ...SAMPLE_ROWS.map(csvLine)];
  lines.push('Jane,Smith,jane.smith@testcompany,com,61498765432,Australia,+10,Sales');
  return `${lines.join('\r\n')}\r\n`;
}

export function sampleJson(): string {
  return contactsJson(SAMPLE_HEADERS, SAMPLE_ROWS);
}

/** Whispir's XML import shape; element names cannot hold spaces, so "First name" is firstName. */
export function sampleXml(): string {
  return contactsXml(CONTACT_COLUMNS_WITH_DEPARTMENT, SAMPLE_ROWS, 'one-line');
}
