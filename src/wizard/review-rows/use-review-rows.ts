/**
 * The grid's rows, asked of the worker a block at a time for the part on screen. A change (new
 * version) or another filter refetches; until the answer comes the old rows stay on screen, so
 * nothing flickers and the main thread only ever handles a hundred rows at once. Only blocks
 * near the screen are kept.
 */
import { useEffect, useRef, useState } from 'react';
import type { IntakeClient } from '../../worker/intake-client';
import type { ReviewFilter, ReviewRow } from '../../worker/protocol';
import { filterValue } from './review-text';
import { replaceEqualDeep } from '@tanstack/react-query';

export const BLOCK_ROWS = 100;
/**
 * Blocks kept either side of the part on screen. Farther ones are dropped as new ones come, so
 * scrolling through a million rows holds a few thousand rows, not every block ever seen.
 */
export const KEPT_BLOCKS_AROUND = 20;

/** `blocks` with `block` added, less the blocks far from `first`…`last`. */
export function withBlock<T>(
  blocks: ReadonlyMap<number, T>,
  block: number,
  rows: T,
  first: number,
  last: number,
): Map<number, T> {
  const kept = new Map<number, T>();
  for (const [at, value] of blocks)
    if (at >= first - KEPT_BLOCKS_AROUND && at <= last + KEPT_BLOCKS_AROUND) kept.set(at, value);
  kept.set(block, rows);
  return kept;
}

interface Cache {
  readonly key: string;
  readonly filterKey: string;
  readonly total: number | undefined;
  readonly blocks: ReadonlyMap<number, readonly ReviewRow[]>;
  /** The previous version's rows of the same filter, shown until their block is fetched. */
  readonly stale: ReadonlyMap<number, readonly ReviewRow[]>;
}

export interface ReviewRows {
  /** Rows matching the filter; the previous count while the first block is on its way. */
  readonly total: number;
  readonly loaded: boolean;
  rowAt(position: number): ReviewRow | undefined;
}

export function useReviewRows(
  intake: IntakeClient,
  filter: ReviewFilter,
  version: number,
  fallbackTotal: number,
  first: number,
  last: number,
): ReviewRows {
  const filterKey = filterValue(filter);
  const key = `${version}|${filterKey}`;
  const [cache, setCache] = useState<Cache>({
    key: '',
    filterKey: '',
    total: undefined,
    blocks: new Map(),
    stale: new Map(),
  });
  const pending = useRef(new Set<string>());

  const firstBlock = Math.floor(Math.max(0, first) / BLOCK_ROWS);
  const lastBlock = Math.floor(Math.max(0, last) / BLOCK_ROWS);
  useEffect(() => {
    const current = cache.key === key ? cache.blocks : undefined;
    for (let block = firstBlock; block <= lastBlock; block++) {
      if (current?.has(block)) continue;
      const id = `${key}#${block}`;
      if (pending.current.has(id)) continue;
      pending.current.add(id);
      intake.reviewWindow(block * BLOCK_ROWS, BLOCK_ROWS, filter).then(
        (window) => {
          pending.current.delete(id);
          setCache((previous) => {
            if (previous.key === key) {
              const rows = replaceEqualDeep(previous.stale.get(block), window.rows);
              const blocks = withBlock(previous.blocks, block, rows, firstBlock, lastBlock);
              return { ...previous, total: window.total, blocks };
            }
            const stale = previous.filterKey === filterKey ? previous.blocks : new Map();
            // A row that did not change keeps its object, so the grid draws only those that did:
            // every window is a new copy from the worker.
            const rows = replaceEqualDeep(stale.get(block), window.rows);
            return {
              key,
              filterKey,
              total: window.total,
              blocks: new Map([[block, rows]]),
              stale,
            };
          });
        },
        () => pending.current.delete(id),
      );
    }
  }, [intake, key, filterKey, filter, firstBlock, lastBlock, cache]);

  const sameFilter = cache.filterKey === filterKey;
  const current = cache.key === key ? cache.blocks : undefined;
  const stale = cache.key === key ? cache.stale : sameFilter ? cache.blocks : undefined;
  const total = sameFilter && cache.total !== undefined ? cache.total : fallbackTotal;
  return {
    total,
    loaded: cache.key === key,
    rowAt(position) {
      const block = Math.floor(position / BLOCK_ROWS);
      const offset = position - block * BLOCK_ROWS;
      return current?.get(block)?.[offset] ?? stale?.get(block)?.[offset];
    },
  };
}
