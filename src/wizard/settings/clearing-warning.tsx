import { fieldLabel } from '../../domain/validation/rules';
import type { ImportMode } from '../../domain/whispir/import-modes';

const list = (labels: readonly string[]) =>
  labels.length === 1
    ? labels[0]
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;

/**
 * In "Update existing contacts" mode, a contact a row matches takes the row's value for every
 * field the import sends, a blank one too (docs/whispir-api.md Part A §8): an email-only list
 * would clear the mobiles of everyone it updates (Whispir requires the Work mobile column, §5).
 * Said before sending, with the mode that keeps them. `emptyFields` are the fields sent with no
 * value in any row, as the worker planned the upload (`UploadSummary.emptyFields`).
 */
export function ClearingWarning({
  emptyFields,
  importMode,
}: {
  readonly emptyFields: readonly string[];
  readonly importMode: ImportMode;
}) {
  if (importMode !== 'replace' || emptyFields.length === 0) return null;
  const labels = list(emptyFields.map(fieldLabel));
  return (
    <p className="warning" data-testid="clearing-warning">
      <strong>
        Your file gives no {labels}: each contact this import updates would lose its {labels}.
      </strong>{' '}
      Whispir needs these columns in every import, so they are sent empty. To keep what existing
      contacts have, choose “Skip existing contacts”; new contacts are added either way.
    </p>
  );
}
