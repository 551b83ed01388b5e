import { describe, expect, it } from 'vitest';
import { autoMapColumns, suggestionsToMapping } from '../mapping/auto-map';
import { contactTemplateCsv, TEMPLATE_FIELDS, templateHeaders } from './template';

describe('the contact template', () => {
  it('is a header row a spreadsheet opens as UTF-8', () => {
    const csv = contactTemplateCsv();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).trim()).toBe(templateHeaders().join(','));
  });

  it('matches itself on the matching step, every column applied', () => {
    const suggestions = autoMapColumns(templateHeaders().map((name) => ({ name, samples: [] })));
    const mapping = suggestionsToMapping(suggestions);
    for (const [index, field] of TEMPLATE_FIELDS.entries())
      expect(mapping[field], field).toEqual({ kind: 'column', column: templateHeaders()[index] });
  });
});
