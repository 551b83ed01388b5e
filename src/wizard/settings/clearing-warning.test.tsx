// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { ImportMode } from '../../domain/whispir/import-modes';
import { ClearingWarning } from './clearing-warning';
import { render } from '../test-render';

const shown = (emptyFields: readonly string[], importMode: ImportMode) =>
  render(<ClearingWarning emptyFields={emptyFields} importMode={importMode} />).textContent ?? '';

const emailOnly = ['workMobilePhone1'];

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
    expect(shown([], 'replace')).toBe('');
  });
});
