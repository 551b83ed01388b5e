import * as XLSX from '@e965/xlsx';
import { formatBytes, formatCount, type IntakeProblem, problem, quoteValue } from './problems';
import { isContactValue } from './header';
import { checkZipSizes, type ZipLimits } from './zip-guard';

/** What a workbook may cost to read; without them a workbook is read as it comes. */
export interface WorkbookLimits extends ZipLimits {
  /** Largest Excel 97–2003 (.xls, OLE2) file read: those are not compressed, only large. */
  readonly maxXlsBytes: number;
}

export interface SheetInfo {
  readonly name: string;
  /** Rows with at least one non-empty cell (header included), for the sheet picker. */
  readonly rowCount: number;
  readonly hidden: boolean;
}

export interface WorkbookTable {
  readonly sheets: SheetInfo[];
  /** The sheet read ('' when the workbook has none with data). */
  readonly sheet: string;
  readonly sheetReason: string;
  /** Row i is sheet row i + 1; columns start at the sheet's first used column. */
  readonly rows: string[][];
  /**
   * Sheet rows (1-based) hidden in the workbook, by a filter or by hand: read only for workbooks
   * up to FORMULA_CHECK_BYTES (the row flags come with the styles, which cost memory).
   */
  readonly hiddenRows?: number[];
  readonly problems: IntakeProblem[];
}

const MAX_SCIENTIFIC_PROBLEMS = 100;
/** Workbooks up to this size are read with their formulas and blank stubs (see readWorkbook). */
export const FORMULA_CHECK_BYTES = 5 * 1024 * 1024;

/**
 * Reads an .xlsx/.xlsm/.xlsb, .xls or .ods workbook with SheetJS CE 0.20.3 (not npm `xlsx`
 * 0.18.5, which has open advisories). Cells come out as the text Excel displays (`cell.w`), so a
 * mobile stored as 412345678 with format `0000000000` reads "0412345678". The locale-dependent
 * short-date format reads as yyyy-mm-dd, so 1/11/26 cannot turn into 11 January by accident. A
 * whole number of up to 15 digits displayed in E+ notation (a mobile typed into a General cell)
 * is read with every digit, which the workbook keeps, and named (`excel-scientific`, info); any
 * other number so displayed is kept as displayed and flagged, as its digits are not known.
 * Trailing empty (formatted-only) rows and columns
 * are trimmed. Without `options.sheet`, the visible sheet with the most rows is read. With
 * `options.limits`, a ZIP workbook's declared sizes are checked before anything is inflated (see
 * `checkZipSizes`), and an .xls larger than the limit is not read.
 */
export function readWorkbook(
  bytes: Uint8Array,
  options: {
    readonly sheet?: string;
    readonly limits?: WorkbookLimits;
    /** A workbook written as text (a web page, Excel 2003 XML), already decoded. */
    readonly text?: string;
  } = {},
): WorkbookTable {
  const refused = options.limits && checkLimits(bytes, options.limits);
  if (refused) return { sheets: [], sheet: '', sheetReason: '', rows: [], problems: [refused] };
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(options.text ?? bytes, {
      type: options.text !== undefined ? 'string' : 'array',
      dense: true,
      cellText: true,
      cellDates: false,
      // Formulas and stubs, to tell a formula with no saved result (read blank) from a blank:
      // a stub is kept for every formatted blank cell too, so only for workbooks up to
      // FORMULA_CHECK_BYTES (scripts that write formulas without results write small ones).
      cellFormula: bytes.length <= FORMULA_CHECK_BYTES,
      sheetStubs: bytes.length <= FORMULA_CHECK_BYTES,
      // The row flags (a filter's hidden rows) come with the styles.
      cellStyles: bytes.length <= FORMULA_CHECK_BYTES,
      cellHTML: false,
      cellNF: false,
      dateNF: 'yyyy-mm-dd',
    });
  } catch (error) {
    // SheetJS throws on damaged or protected files: that is bad input, so it becomes a problem.
    const text = error instanceof Error ? error.message : String(error);
    // Real protected files fail with these; "Unsupported ZIP encryption" is just damaged bytes.
    const encrypted = /password-protected|ECMA-376 Encrypted/i.test(text);
    const message = encrypted
      ? 'This workbook is protected with a password. Open it in Excel, remove the password (File › Info › Protect Workbook) and save a copy.'
      : `This workbook could not be read (${text}). Open it in Excel or LibreOffice and save it again as .xlsx or CSV.`;
    const code = encrypted ? 'workbook-encrypted' : 'workbook-unreadable';
    return {
      sheets: [],
      sheet: '',
      sheetReason: '',
      rows: [],
      problems: [problem(code, 'error', message)],
    };
  }

  const hiddenFlags = workbook.Workbook?.Sheets ?? [];
  const grids = workbook.SheetNames.map((name, i) => {
    const sheet = workbook.Sheets[name];
    return {
      name,
      hidden: Boolean(hiddenFlags[i]?.Hidden),
      sheet,
      grid: sheet ? readGrid(sheet) : undefined,
    };
  });
  const sheets: SheetInfo[] = grids.map((g) => ({
    name: g.name,
    rowCount: g.grid?.nonEmptyRows ?? 0,
    hidden: g.hidden,
  }));

  const problems: IntakeProblem[] = [];
  if (sheets.every((s) => s.rowCount === 0)) {
    const count = sheets.length;
    problems.push(
      problem(
        'workbook-empty',
        'error',
        `This workbook has ${count === 1 ? 'one sheet' : `${count} sheets`} but no data in any of them.`,
      ),
    );
    return { sheets, sheet: sheets[0]?.name ?? '', sheetReason: '', rows: [], problems };
  }

  let chosen =
    options.sheet !== undefined ? grids.find((g) => g.name === options.sheet) : undefined;
  let sheetReason = chosen ? `Sheet "${chosen.name}" was chosen.` : '';
  if (options.sheet !== undefined && !chosen) {
    problems.push(
      problem(
        'sheet-not-found',
        'warning',
        `There is no sheet called "${options.sheet}"; the workbook has ${sheets.map((s) => `"${s.name}"`).join(', ')}.`,
      ),
    );
  }
  if (!chosen) {
    // Visible first, then sheets with contacts in them (an email or a phone number), then the
    // most rows: a template's visible list of 250 countries is not its contacts.
    const contacts = new Map(grids.map((g) => [g, holdsContacts(g.grid)]));
    const ranked = [...grids].sort(
      (a, b) =>
        Number(a.hidden) - Number(b.hidden) ||
        Number(contacts.get(b)) - Number(contacts.get(a)) ||
        (b.grid?.nonEmptyRows ?? 0) - (a.grid?.nonEmptyRows ?? 0),
    );
    chosen = ranked[0];
    if (chosen) {
      const rows = formatCount(chosen.grid?.nonEmptyRows ?? 0);
      const longer = grids.some(
        (g) => !g.hidden && (g.grid?.nonEmptyRows ?? 0) > (chosen?.grid?.nonEmptyRows ?? 0),
      );
      sheetReason =
        grids.length === 1
          ? `The workbook has one sheet, "${chosen.name}".`
          : longer
            ? `"${chosen.name}" holds emails or phone numbers; the sheets with more rows hold none.`
            : `"${chosen.name}" has the most rows (${rows}) of the ${grids.length} sheets.`;
    }
  }
  if (!chosen?.grid) return { sheets, sheet: chosen?.name ?? '', sheetReason, rows: [], problems };

  const { grid } = chosen;
  if (grid.nonEmptyRows === 0) {
    const withData = sheets.filter((s) => s.rowCount > 0).map((s) => `"${s.name}"`);
    problems.push(
      problem(
        'sheet-empty',
        'error',
        `Sheet "${chosen.name}" is empty. The workbook has data on ${withData.join(', ')}.`,
      ),
    );
  }
  const scientific = grid.scientific;
  for (const cell of scientific.slice(0, MAX_SCIENTIFIC_PROBLEMS)) {
    problems.push(
      cell.exact !== undefined
        ? problem(
            'excel-scientific',
            'info',
            `Cell ${cell.ref} shows ${cell.text} (scientific notation), but the workbook keeps the whole number: ${cell.exact} was read.`,
            { row: cell.row, cell: cell.ref },
          )
        : problem(
            'excel-scientific',
            'warning',
            `Cell ${cell.ref} shows ${cell.text}: the spreadsheet displays this number in scientific notation and does not keep its exact digits. Format the column as Text, retype the value if needed, and save again.`,
            { row: cell.row, cell: cell.ref },
          ),
    );
  }
  if (scientific.length > MAX_SCIENTIFIC_PROBLEMS) {
    problems.push(
      problem(
        'more-problems',
        'warning',
        `${formatCount(scientific.length - MAX_SCIENTIFIC_PROBLEMS)} more cells show numbers in scientific notation (whole numbers of up to 15 digits are read with every digit).`,
      ),
    );
  }
  problems.push(...cellProblems(grid));
  const alike = sheetsLike(grids, chosen);
  if (alike.length > 0) {
    const each = alike.map((g) => `"${g.name}" (${formatCount(g.grid?.nonEmptyRows ?? 0)} rows)`);
    problems.push(
      problem(
        'workbook-other-sheets',
        'warning',
        `Other sheets hold rows under the same column names: ${listed(each)}. Only "${chosen.name}" is read; choose the sheet above to read another, and import each in turn.`,
      ),
    );
  }
  const hiddenRows = hiddenRowsOf(grids.find((g) => g.name === chosen.name)?.sheet);
  return {
    sheets,
    sheet: chosen.name,
    sheetReason,
    rows: grid.rows,
    ...(hiddenRows.length > 0 ? { hiddenRows } : {}),
    problems,
  };
}

/** The sheet's hidden rows, 1-based. */
function hiddenRowsOf(sheet: XLSX.WorkSheet | undefined): number[] {
  const hidden: number[] = [];
  (sheet?.['!rows'] ?? []).forEach((row, r) => {
    if (row?.hidden) hidden.push(r + 1);
  });
  return hidden;
}

const MAX_CELLS_NAMED = 10;

/** `a`, `a and b`, `a, b and c`; past MAX_CELLS_NAMED, `… and N more`. */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, MAX_CELLS_NAMED);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${formatCount(more)} more`;
  return shown.length === 1
    ? (shown[0] as string)
    : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** What the sheet's cells hold that is not what the person sees (see `readGrid`). */
function cellProblems(grid: Grid): IntakeProblem[] {
  const problems: IntakeProblem[] = [];
  const { unsaved, errors, merged } = grid;
  if (unsaved.length > 0) {
    problems.push(
      problem(
        'workbook-formula-unsaved',
        'warning',
        `${unsaved.length === 1 ? 'Cell' : 'Cells'} ${listed(unsaved.map((c) => c.ref))} ${unsaved.length === 1 ? 'holds a formula' : 'hold formulas'} with no saved result, read as blank: the file was written by a program that does not calculate formulas. Open it in Excel or LibreOffice and save it, so the results are saved.`,
        { row: (unsaved[0] as { row: number }).row },
      ),
    );
  }
  if (errors.length > 0) {
    problems.push(
      problem(
        'workbook-formula-error',
        'warning',
        `${errors.length === 1 ? 'Cell' : 'Cells'} ${listed(errors.map((c) => `${c.ref} (${c.text})`))} ${errors.length === 1 ? 'shows a formula error' : 'show formula errors'}, read as shown. Correct the ${errors.length === 1 ? 'formula' : 'formulas'} in the spreadsheet, or the values below.`,
        { row: (errors[0] as { row: number }).row },
      ),
    );
  }
  if (merged.length > 0) {
    problems.push(
      problem(
        'workbook-merged-cells',
        'info',
        `${merged.length === 1 ? 'A merged cell' : 'Merged cells'} ${listed(merged.map((m) => `${m.range} ("${quoteValue(m.text)}")`))} ${merged.length === 1 ? 'covers' : 'cover'} several rows; the value is read into each of them, in the merge's first column, as the sheet shows it.`,
        { row: (merged[0] as { row: number }).row },
      ),
    );
  }
  return problems;
}

/**
 * The other visible sheets with rows under the same column names as the sheet read (contacts
 * kept a sheet per office): their first rows share more than half their names.
 */
function sheetsLike<T extends { name: string; hidden: boolean; grid: Grid | undefined }>(
  grids: readonly T[],
  chosen: T,
): T[] {
  const namesOf = (grid: Grid | undefined) => {
    const first = grid?.rows.find((row) => row.some((cell) => cell.trim() !== '')) ?? [];
    return new Set(first.map((cell) => cell.trim().toLowerCase()).filter((cell) => cell !== ''));
  };
  const names = namesOf(chosen.grid);
  if (names.size < 2) return [];
  return grids.filter((g) => {
    if (g === chosen || g.hidden || (g.grid?.nonEmptyRows ?? 0) < 2) return false;
    const theirs = namesOf(g.grid);
    let shared = 0;
    for (const name of theirs) if (names.has(name)) shared++;
    return shared * 2 > Math.max(names.size, theirs.size);
  });
}

/** Whether the first rows of a sheet hold an email address or a phone number. */
function holdsContacts(grid: Grid | undefined): boolean {
  return (grid?.rows.slice(0, 50) ?? []).some((row) => row.some(isContactValue));
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function checkLimits(bytes: Uint8Array, limits: WorkbookLimits): IntakeProblem | undefined {
  if (OLE2_MAGIC.every((b, i) => bytes[i] === b) && bytes.length > limits.maxXlsBytes) {
    return problem(
      'workbook-too-large',
      'error',
      `This Excel 97–2003 workbook is ${formatBytes(bytes.length)}; the limit for .xls files is ${formatBytes(limits.maxXlsBytes)}. Open it in Excel and save it as .xlsx or CSV, which are read up to larger sizes.`,
    );
  }
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return checkZipSizes(bytes, limits);
  return undefined;
}

interface Grid {
  readonly rows: string[][];
  readonly nonEmptyRows: number;
  /** Cells showing a formula's error (`#N/A`), and formulas with no saved result (read blank). */
  readonly errors: { readonly ref: string; readonly row: number; readonly text: string }[];
  readonly unsaved: { readonly ref: string; readonly row: number }[];
  /** Merged ranges over several rows whose value was read into each of their rows. */
  readonly merged: { readonly range: string; readonly row: number; readonly text: string }[];
  /** Cells shown in E+ notation, with their whole number when the workbook keeps it. */
  readonly scientific: {
    readonly ref: string;
    readonly row: number;
    readonly text: string;
    readonly exact: string | undefined;
  }[];
}

/** Dense sheet → text grid from row 1 to the last row with text, cropped to the used columns. */
function readGrid(sheet: XLSX.WorkSheet): Grid {
  const data = (sheet as XLSX.DenseSheet)['!data'] ?? [];
  const rows: string[][] = [];
  const scientific: Grid['scientific'] = [];
  const errors: Grid['errors'] = [];
  const unsaved: Grid['unsaved'] = [];
  let lastRow = -1;
  let firstCol = Infinity;
  let lastCol = -1;
  let nonEmptyRows = 0;
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    const row: string[] = [];
    let filled = false;
    if (source) {
      for (let c = 0; c < source.length; c++) {
        const cell = source[c];
        const text = cell ? cellText(cell) : '';
        row.push(text);
        if (cell?.t === 'e' || (cell?.t === 'z' && cell.f !== undefined)) {
          // An error cell with nothing shown is a formula whose result was never saved (a file
          // written by a program that does not calculate); one showing `#N/A` is a formula that
          // failed in the spreadsheet.
          const ref = XLSX.utils.encode_cell({ r, c });
          if (text === '') unsaved.push({ ref, row: r + 1 });
          else errors.push({ ref, row: r + 1, text });
        }
        if (text === '') continue;
        filled = true;
        if (c < firstCol) firstCol = c;
        if (c > lastCol) lastCol = c;
        if (cell?.t === 'n' && /\dE[+-]?\d/i.test(text)) {
          // Shown in E+ notation, but a workbook keeps the number itself: a whole number of up
          // to 15 digits (a phone number typed into a General cell) is read with every digit.
          const exact =
            typeof cell.v === 'number' && Number.isInteger(cell.v) && Math.abs(cell.v) < 1e15
              ? String(cell.v)
              : undefined;
          if (exact !== undefined) row[row.length - 1] = exact;
          scientific.push({ ref: XLSX.utils.encode_cell({ r, c }), row: r + 1, text, exact });
        }
      }
    }
    rows.push(row);
    if (filled) {
      lastRow = r;
      nonEmptyRows++;
    }
  }
  rows.length = lastRow + 1;
  const merged = fillMergedRows(rows, sheet['!merges'] ?? []);
  if (lastCol < 0) return { rows: [], nonEmptyRows: 0, scientific, errors, unsaved, merged };
  // Rows keep the sheet's numbering (row i is sheet row i + 1); columns are cropped to the used
  // block so blank leading or formatted trailing columns do not become nameless columns.
  const cropped = rows.map((row) => {
    const out = row.slice(firstCol, lastCol + 1);
    while (out.length < lastCol - firstCol + 1) out.push('');
    return out;
  });
  return { rows: cropped, nonEmptyRows, scientific, errors, unsaved, merged };
}

/**
 * Reads a range merged over several rows (a department merged over its people) into each of
 * its rows, as the person sees it: only its first cell holds the value. Merges within one row (a
 * title across the columns) are left: repeating a title across a row would make it a header.
 */
function fillMergedRows(rows: string[][], merges: readonly XLSX.Range[]): Grid['merged'] {
  const merged: Grid['merged'] = [];
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  for (const range of merges) {
    if (range.e.r <= range.s.r) continue;
    // A title merged across the table (and over two rows) is no value of its rows.
    if (range.s.c === 0 && range.e.c >= width - 1 && width > 1) continue;
    const text = rows[range.s.r]?.[range.s.c] ?? '';
    if (text === '') continue;
    for (let r = range.s.r + 1; r <= range.e.r && r < rows.length; r++) {
      const row = rows[r] as string[];
      while (row.length <= range.s.c) row.push('');
      if (row[range.s.c] === '') row[range.s.c] = text;
    }
    merged.push({ range: XLSX.utils.encode_range(range), row: range.s.r + 1, text });
  }
  return merged;
}

function cellText(cell: XLSX.CellObject): string {
  if (cell.t === 'z') return ''; // a stub: a blank cell with a style, or a formula never run
  if (cell.w !== undefined) return cell.w;
  if (cell.v === undefined || cell.v === null) return '';
  return cell.v instanceof Date ? cell.v.toISOString() : String(cell.v);
}
