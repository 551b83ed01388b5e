/** Limits the wizard enforces with a clear message instead of freezing or crashing the tab. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Three million rows read, checked and sent within 2 GiB of renderer memory (bench: BENCH_SIZES=3000000). */
export const MAX_ROWS = 3_000_000;

/**
 * A ZIP workbook (.xlsx, .ods) may unpack to this much in all, by its directory's word. Measured:
 * 1,000,000 contacts × 6 columns written as Excel does (shared strings, normal deflate) is a
 * 33.9 MB file that unpacks to 335 MB, so a genuine workbook of the 2,000,000-row limit fits
 * with room for wider columns; a 2 GB bomb crashed the tab.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 1024 * 1024 * 1024;
/**
 * One part of a ZIP workbook (a sheet, the shared strings) may unpack to this much: the reader
 * holds each part as one string, and a browser's strings stop at about 512 M characters. Without
 * this, a 1,000 MB sheet took the reader to 2 GB of memory and then said "no data".
 */
export const MAX_WORKBOOK_PART_BYTES = 512 * 1024 * 1024;
/**
 * How many times larger than stored one part of a ZIP workbook may unpack. The measured genuine
 * workbook above: 9× (the sheet) and 13× (shared strings); the bombs testers sent: about 270×.
 * 100× is also Apache POI's limit (its minimum inflate ratio of 0.01).
 */
export const MAX_WORKBOOK_COMPRESSION_RATIO = 100;
/** Parts up to 1 MB unpacked are not held to the ratio: short repetitive XML packs very well. */
export const WORKBOOK_RATIO_FROM_BYTES = 1024 * 1024;
/**
 * Excel 97–2003 (.xls) files are not compressed, but the reader needs many times their size in
 * memory. The format holds at most 65,536 rows, which for contacts is far below this.
 */
export const MAX_XLS_BYTES = 128 * 1024 * 1024;

/*
 * What the screens render of a wide file or a huge cell, so none blocks the page (measured before:
 * 10,000 columns froze the preview 3.1 s and the mapping step 6.1 s; one 5 MB cell, 1.4 s). The
 * file's data is kept whole: these only limit what is drawn, and each screen says so.
 */
/** Characters of one cell shown (and sent from the worker for the preview); the rest is kept. */
export const MAX_CELL_CHARS_SHOWN = 500;
/** Columns of the preview grid. */
export const MAX_PREVIEW_COLUMNS = 200;
/** Column cards in the mapping step, and columns listed under each field (a search finds any). */
export const MAX_COLUMN_CARDS = 50;
/** Columns the automatic mapping looks at: about 0.7 ms each, on the page's thread. */
export const MAX_SUGGESTED_COLUMNS = 100;
/**
 * Columns past those matched by their names alone (exact, synonym, a path's end): ~0.02 ms each,
 * so a full CRM export's Mobile in column 120 is found, and 10,000 columns cost no more than this.
 */
export const MAX_NAMED_COLUMNS = 1_000;
