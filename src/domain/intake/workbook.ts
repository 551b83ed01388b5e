import * as XLSX from '@e965/xlsx';
import { formatBytes, formatCount, type IntakeProblem, problem } from './problems';
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
  readonly problems: IntakeProblem[];
}

const MAX_SCIENTIFIC_PROBLEMS = 100;

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
  options: { readonly sheet?: string; readonly limits?: WorkbookLimits } = {},
): WorkbookTable {
  const refused = options.limits && checkLimits(bytes, options.limits);
  if (refused) return { sheets: [], sheet: '', sheetReason: '', rows: [], problems: [refused] };
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellText: true,
      cellDates: false,
      cellFormula: false,
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
    const ranked = [...grids].sort(
      (a, b) =>
        Number(a.hidden) - Number(b.hidden) ||
        (b.grid?.nonEmptyRows ?? 0) - (a.grid?.nonEmptyRows ?? 0),
    );
    chosen = ranked[0];
    if (chosen) {
      const rows = formatCount(chosen.grid?.nonEmptyRows ?? 0);
      sheetReason =
        grids.length === 1
          ? `The workbook has one sheet, "${chosen.name}".`
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
  return { sheets, sheet: chosen.name, sheetReason, rows: grid.rows, problems };
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
  if (lastCol < 0) return { rows: [], nonEmptyRows: 0, scientific };
  // Rows keep the sheet's numbering (row i is sheet row i + 1); columns are cropped to the used
  // block so blank leading or formatted trailing columns do not become nameless columns.
  const cropped = rows.map((row) => {
    const out = row.slice(firstCol, lastCol + 1);
    while (out.length < lastCol - firstCol + 1) out.push('');
    return out;
  });
  return { rows: cropped, nonEmptyRows, scientific };
}

function cellText(cell: XLSX.CellObject): string {
  if (cell.w !== undefined) return cell.w;
  if (cell.v === undefined || cell.v === null) return '';
  return cell.v instanceof Date ? cell.v.toISOString() : String(cell.v);
}
