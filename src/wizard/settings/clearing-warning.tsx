import type { ColumnMapping } from '../../domain/mapping/mapping';
import { fieldLabel } from '../../domain/validation/rules';
import type { ImportMode } from '../../domain/whispir/import-modes';

/**
 * Fields the import sends with no value for any row: the empty Work mobile column Whispir's
 * import requires for an email-only list (docs/whispir-api.md Part A §5), and fields the person
 * chose to leave empty.
 */
export function fieldsSentEmpty(mapping: ColumnMapping): string[] {
  return Object.entries(mapping)
    .filter(([, source]) => source?.kind === 'empty')
    .map(([field]) => fieldLabel(field));
}

const list = (labels: readonly string[]) =>
  labels.length === 1
    ? labels[0]
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;

/**
 * In "Update existing contacts" mode, a contact a row matches takes the row's value for every
 * field the import sends, a blank one too (Part A §8): an email-only list would clear the
 * mobiles of everyone it updates. Said before sending, with the mode that keeps them.
 */
export function ClearingWarning({
  mapping,
  importMode,
}: {
  readonly mapping: ColumnMapping;
  readonly importMode: ImportMode;
}) {
  const empty = fieldsSentEmpty(mapping);
  if (importMode !== 'replace' || empty.length === 0) return null;
  return (
    <p className="warning" data-testid="clearing-warning">
      <strong>
        Your file gives no {list(empty)}: each contact this import updates would lose its{' '}
        {list(empty)}.
      </strong>{' '}
      Whispir needs these columns in every import, so they are sent empty. To keep what existing
      contacts have, choose “Skip existing contacts”; new contacts are added either way.
    </p>
  );
}
