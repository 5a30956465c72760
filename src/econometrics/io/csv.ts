/**
 * CSV panels into a DataFrame.
 *
 * - RFC 4180 quoting ("a, b", doubled "" inside quotes), comma separator by default, \n or \r\n rows.
 * - First row is the header. A column is numeric when every non-missing entry parses as a number;
 *   otherwise it stays text (so country codes like "ARG" remain strings, numeric ids become numbers).
 * - Missing tokens (default: '', 'NA', 'NaN', '.', 'null', 'NULL') become NaN (numeric) or '' (text).
 * - Files are read at the Node edge: `readCsv` in src/node/read-csv.ts, `readPanel` (CSV, Parquet, .dta).
 */
import { InputError } from '../../errors.js';
import type { Column, DataFrame } from '../frame.js';

export interface CsvOptions {
  /** Field separator (default ','). */
  sep?: string;
  /** Tokens read as missing. */
  naStrings?: readonly string[];
  /** Name used in error messages. */
  source?: string;
}

const DEFAULT_NA = ['', 'NA', 'NaN', '.', 'null', 'NULL', 'nan', 'N/A'];

/** Split CSV text into rows of fields (quotes handled). */
export function csvRows(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const sc = sep.charCodeAt(0);
  let quotedField = false;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */ && field === '' && !quotedField) {
      // quoted field
      quotedField = true;
      i++;
      let start = i;
      let buf = '';
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new InputError('CSV has an unterminated quoted field.');
        if (text.charCodeAt(q + 1) === 34) {
          buf += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        buf += text.slice(start, q);
        i = q + 1;
        break;
      }
      field = buf;
      continue;
    }
    if (ch === sc) {
      row.push(field);
      field = '';
      quotedField = false;
      i++;
      continue;
    }
    if (ch === 10 || ch === 13) {
      row.push(field);
      field = '';
      quotedField = false;
      if (!(row.length === 1 && row[0] === '')) rows.push(row);
      row = [];
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    // plain run up to the next separator, quote or newline
    let j = i;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === sc || c === 10 || c === 13) break;
      j++;
    }
    field += text.slice(i, j);
    i = j;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parse CSV text (header + rows) into a DataFrame with numeric/text columns inferred. */
export function parseCsv(text: string, opts: CsvOptions = {}): DataFrame {
  const src = opts.source ?? 'CSV input';
  const na = new Set(opts.naStrings ?? DEFAULT_NA);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = csvRows(text, opts.sep ?? ',');
  if (rows.length === 0) throw new InputError(`${src} is empty (no header row).`);
  const header = rows[0].map((h) => h.trim());
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) throw new InputError(`${src} has the column name '${h}' twice.`);
    seen.add(h);
  }
  const nrow = rows.length - 1;
  const cols: Record<string, Column> = {};
  for (let j = 0; j < header.length; j++) {
    const num = new Float64Array(nrow);
    let numeric = true;
    for (let r = 0; r < nrow; r++) {
      const row = rows[r + 1];
      if (row.length !== header.length) {
        throw new InputError(`${src} row ${r + 2} has ${row.length} fields, the header has ${header.length}.`);
      }
      const s = row[j].trim();
      if (na.has(s)) {
        num[r] = NaN;
        continue;
      }
      const v = Number(s);
      if (Number.isNaN(v)) {
        numeric = false;
        break;
      }
      num[r] = v;
    }
    if (numeric) cols[header[j]] = num;
    else cols[header[j]] = rows.slice(1).map((row) => (na.has(row[j].trim()) ? '' : row[j]));
  }
  return opts.source ? { columns: cols, nrow, source: opts.source } : { columns: cols, nrow };
}
