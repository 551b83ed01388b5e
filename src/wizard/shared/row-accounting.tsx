import type { RowAccountingCounts } from '../../worker/protocol';

const count = (n: number) => n.toLocaleString('en-AU');

/** "9,688 sent, 312 skipped by you, 0 rejected — 10,000 rows in the file". */
export function accountingSentence(
  accounting: RowAccountingCounts,
  tense: 'will' | 'did' = 'did',
): string {
  const sent = tense === 'will' ? 'will be sent' : 'sent';
  return (
    `${count(accounting.sent)} ${sent}, ${count(accounting.skipped)} skipped by you, ` +
    `${count(accounting.rejected)} rejected — ${count(accounting.total)} ${accounting.total === 1 ? 'row' : 'rows'} in the file`
  );
}

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
