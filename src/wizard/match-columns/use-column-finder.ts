import { useMemo, useState } from 'react';
import { MAX_COLUMN_CARDS } from '../../config/limits';

/**
 * A wide file shows MAX_COLUMN_CARDS cards (10,000 froze the page); a search finds any column.
 * `cards` are the cards to show, `listedColumns` the columns each field's list offers.
 */
export function useColumnFinder(headers: readonly string[]) {
  const [find, setFind] = useState('');
  const wide = headers.length > MAX_COLUMN_CARDS;
  const needle = find.trim().toLowerCase();
  // Kept while the headers and the search stand: each field's list of columns is memoised on it.
  const found = useMemo(
    () =>
      needle
        ? headers.flatMap((column, index) =>
            column.toLowerCase().includes(needle) ? [{ column, index }] : [],
          )
        : headers.map((column, index) => ({ column, index })),
    [headers, needle],
  );
  const cards = useMemo(() => found.slice(0, MAX_COLUMN_CARDS), [found]);
  const listedColumns = useMemo(
    () => (wide ? headers.slice(0, MAX_COLUMN_CARDS) : headers),
    [headers, wide],
  );
  return { find, setFind, wide, needle, found, cards, listedColumns };
}
