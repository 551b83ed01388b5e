import type { RowAccountingCounts } from '../../worker/protocol';
import { accountingSentence } from './review-text';

interface Props {
  readonly accounting: RowAccountingCounts;
  /** 'will' on the review ("will be sent"), 'did' after the import ("sent"). */
  readonly tense?: 'will' | 'did';
}

/** Every row of the file, in exactly one of sent, skipped and rejected. */
export function RowAccounting({ accounting, tense = 'did' }: Props) {
  return (
    <p className="row-accounting" data-testid="row-accounting">
      {accountingSentence(accounting, tense)}
    </p>
  );
}
