import {
  SAMPLE_HEADERS,
  SAMPLE_ROWS,
  sampleCsv,
  sampleJson,
  sampleXml,
} from '../../domain/samples/sample-contacts';

export const SAMPLE_KINDS = ['CSV', 'Excel', 'JSON', 'XML'] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** A sample contact file made in the browser; the Excel writer is loaded only when asked for. */
export async function makeSampleFile(kind: SampleKind): Promise<File> {
  switch (kind) {
    case 'CSV':
      return new File([sampleCsv()], 'sample-contacts.csv', { type: 'text/csv' });
    case 'JSON':
      return new File([sampleJson()], 'sample-contacts.json', { type: 'application/json' });
    case 'XML':
      return new File([sampleXml()], 'sample-contacts.xml', { type: 'application/xml' });
    case 'Excel': {
      const XLSX = await import('@e965/xlsx');
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        book,
        XLSX.utils.aoa_to_sheet([SAMPLE_HEADERS, ...SAMPLE_ROWS.map((row) => [...row])]),
        'Contacts',
      );
      const bytes = XLSX.write(book, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer;
      return new File([bytes], 'sample-contacts.xlsx', {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    }
  }
}
