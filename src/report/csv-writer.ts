/**
 * CSV writing for tidy results: from named columns (fast path, typed arrays) or from row objects.
 * Numbers keep full precision: String(v) is the shortest text that reads back to the same double
 * (at most 17 significant digits); -0 is written as 0 and non-finite values as empty fields
 * (or `na`). Text fields are quoted only when they contain the separator, a quote or a line break,
 * unless `quoteStrings` (R's write.csv style) is set.
 */
export type CsvColumn = ArrayLike<string | number> | Float64Array;

export interface CsvColumns {
  names: readonly string[];
  columns: Record<string, CsvColumn>;
  nrow: number;
}

export interface CsvOptions {
  sep?: string;
  /** Quote every text field (like R's write.csv). */
  quoteStrings?: boolean;
  /** Text written for NaN / Infinity. Default ''. */
  na?: string;
  /** Line end. Default '\n'. */
  eol?: string;
}

export function formatNumber(v: number, na = ''): string {
  if (!Number.isFinite(v)) return na;
  if (v === 0) return '0';
  return String(v);
}

function quote(s: string, sep: string, always: boolean): string {
  if (always || s.includes(sep) || s.includes('"') || s.includes('\n') || s.includes('\r')) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

function isColumns(x: unknown): x is CsvColumns {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'names' in x && 'columns' in x;
}

/** CSV text of a column table or of an array of row objects (header = keys of the first row). */
export function toCsv(data: CsvColumns | ReadonlyArray<Record<string, string | number>>, opts: CsvOptions = {}): string {
  const sep = opts.sep ?? ',';
  const eol = opts.eol ?? '\n';
  const na = opts.na ?? '';
  const q = opts.quoteStrings ?? false;
  const cell = (v: string | number | undefined): string =>
    typeof v === 'number' ? formatNumber(v, na) : v === undefined ? na : quote(v, sep, q);
  const parts: string[] = [];
  if (isColumns(data)) {
    parts.push(data.names.map((n) => quote(n, sep, q)).join(sep));
    const cols = data.names.map((n) => data.columns[n]);
    for (let i = 0; i < data.nrow; i++) {
      let line = '';
      for (let c = 0; c < cols.length; c++) line += (c ? sep : '') + cell(cols[c][i]);
      parts.push(line);
    }
  } else {
    if (data.length === 0) return '';
    const names = Object.keys(data[0]);
    parts.push(names.map((n) => quote(n, sep, q)).join(sep));
    for (const row of data) parts.push(names.map((n) => cell(row[n])).join(sep));
  }
  return parts.join(eol) + eol;
}
