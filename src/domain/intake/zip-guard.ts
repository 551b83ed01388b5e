import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { formatBytes, formatCount, type IntakeProblem, problem } from './problems';

/** How far a ZIP-based workbook (.xlsx, .xlsm, .xlsb, .ods) may unpack before it is read. */
export interface ZipLimits {
  /** The sum of every part's uncompressed size, as the ZIP directory declares it. */
  readonly maxUnpackedBytes: number;
  /** One part's uncompressed size: a reader holds each part as one piece of text. */
  readonly maxPartBytes: number;
  /** Uncompressed size ÷ stored size of one part, for parts larger than `ratioFromBytes`. */
  readonly maxCompressionRatio: number;
  /** Parts up to this size may compress better (short, repetitive XML is harmless). */
  readonly ratioFromBytes: number;
}

export interface ZipEntrySize {
  readonly name: string;
  /** Stored (compressed) bytes. */
  readonly size: number;
  /** Uncompressed bytes, as the ZIP directory declares them. */
  readonly originalSize: number;
}

/**
 * The parts of a ZIP and their declared sizes, read from its central directory: nothing is
 * inflated (fflate's unzip filter sees each entry and says no). Undefined when the bytes are not
 * a readable ZIP; the workbook reader then reports the damage in its own words.
 */
export function zipDirectory(bytes: Uint8Array): ZipEntrySize[] | undefined {
  const entries: ZipEntrySize[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return entries;
}

/** Compressed input is fed this much at a time, so one push inflates to at most ~16 MB. */
const PUSH_BYTES = 16 * 1024;

/**
 * Refuses a "zip bomb" before the workbook reader inflates it: a workbook whose directory
 * declares more than `maxUnpackedBytes` in all, or a large part that claims to compress more
 * than `maxCompressionRatio` times. The declared sizes can lie, so the parts are then inflated
 * as a stream (nothing kept, a little at a time) and the check stops the moment a part grows
 * past what it declared, or the whole past the limit: the work done is bounded by the limit,
 * whatever the file says. Undefined when the workbook is within the limits.
 */
export function checkZipSizes(bytes: Uint8Array, limits: ZipLimits): IntakeProblem | undefined {
  const entries = zipDirectory(bytes);
  if (!entries) return undefined;
  const declaredTotal = entries.reduce((sum, entry) => sum + entry.originalSize, 0);
  const limitsText = `The limits are ${formatBytes(limits.maxUnpackedBytes)} unpacked in all and ${formatCount(limits.maxCompressionRatio)} times the stored size for any part larger than ${formatBytes(limits.ratioFromBytes)}`;
  if (declaredTotal > limits.maxUnpackedBytes) {
    return refused(
      `it would unpack from ${formatBytes(bytes.length)} to ${formatBytes(declaredTotal)}`,
      limitsText,
    );
  }
  const largest = entries.reduce<ZipEntrySize | undefined>(
    (max, entry) => (!max || entry.originalSize > max.originalSize ? entry : max),
    undefined,
  );
  if (largest && largest.originalSize > limits.maxPartBytes) {
    return refused(
      `its part "${largest.name}" would unpack to ${formatBytes(largest.originalSize)}`,
      `The limit for one part is ${formatBytes(limits.maxPartBytes)}, the most text a browser holds in one piece`,
    );
  }
  let worst: { entry: ZipEntrySize; ratio: number } | undefined;
  for (const entry of entries) {
    if (entry.originalSize <= limits.ratioFromBytes) continue;
    const ratio = entry.originalSize / Math.max(1, entry.size);
    if (ratio > limits.maxCompressionRatio && (!worst || ratio > worst.ratio))
      worst = { entry, ratio };
  }
  if (worst) {
    return refused(
      `its part "${worst.entry.name}" would unpack from ${formatBytes(worst.entry.size)} to ${formatBytes(worst.entry.originalSize)}, ${formatCount(Math.round(worst.ratio))} times its stored size`,
      limitsText,
    );
  }
  const lie = inflatesBeyond(bytes, entries, limits.maxUnpackedBytes);
  if (lie) {
    return refused(
      `its part "${lie}" unpacks to more than its ZIP directory declares, so the sizes it gives cannot be trusted`,
      `The limit is ${formatBytes(limits.maxUnpackedBytes)} unpacked in all`,
    );
  }
  return undefined;
}

/**
 * Inflates every part without keeping it, and names the first that outgrows its declared size
 * (or pushes the total past `maxTotal`). Undefined when every part keeps its word, and also when
 * the stream is damaged: the workbook reader then says the file cannot be read.
 */
function inflatesBeyond(
  bytes: Uint8Array,
  entries: readonly ZipEntrySize[],
  maxTotal: number,
): string | undefined {
  const declared = new Map<string, number>();
  for (const entry of entries)
    declared.set(entry.name, Math.max(entry.originalSize, declared.get(entry.name) ?? 0));
  let total = 0;
  let culprit: string | undefined;
  const unzip = new Unzip((file) => {
    const allowed = Math.max(declared.get(file.name) ?? 0, file.originalSize ?? 0);
    let inflated = 0;
    file.ondata = (error, chunk) => {
      if (error || culprit) return;
      inflated += chunk.length;
      total += chunk.length;
      if (inflated > allowed || total > maxTotal) {
        culprit = file.name;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !culprit; at += PUSH_BYTES) {
      const end = Math.min(bytes.length, at + PUSH_BYTES);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    return culprit;
  }
  return culprit;
}

function refused(what: string, limits: string): IntakeProblem {
  return problem(
    'workbook-too-large-unpacked',
    'error',
    `This workbook was not opened: ${what}. ${limits}; a genuine workbook of a million contacts unpacks to about 335 MB, some 10 times its stored size. A file like this is damaged or made to overload programs (a "zip bomb"). If you trust it, open it in Excel and save it as CSV.`,
  );
}
