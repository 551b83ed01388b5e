/** Limits the wizard enforces with a clear message instead of freezing or crashing the tab. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
export const MAX_ROWS = 2_000_000;
