// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../domain/mapping/mapping';
import type { ImportMode } from '../../domain/whispir/import-modes';
import { ClearingWarning } from './clearing-warning';
import { render } from '../test-render';

const shown = (mapping: ColumnMapping, importMode: ImportMode) =>
  render(<ClearingWarning mapping={mapping} importMode={importMode} />).textContent ?? '';

const emailOnly: ColumnMapping = {
  firstName: { kind: 'column', column: 'First' },
  lastName: { kind: 'column', column: 'Last' },
  workEmailAddress1: { kind: 'column', column: 'Email' },
  workMobilePhone1: { kind: 'empty' },
};

describe('before an email-only list updates existing contacts', () => {
  it('says their mobiles would be cleared, and which mode keeps them', () => {
    const text = shown(emailOnly, 'replace');
    expect(text).toContain(
      'Your file gives no Work mobile: each contact this import updates would lose its Work mobile.',
    );
    expect(text).toContain('choose “Skip existing contacts”');
  });

  it('says nothing when no contact is updated, or every field has a column', () => {
    expect(shown(emailOnly, 'ignore')).toBe('');
    expect(
      shown({ ...emailOnly, workMobilePhone1: { kind: 'column', column: 'Mobile' } }, 'replace'),
    ).toBe('');
  });
});
