/**
 * A column-oriented data frame for regressions: plain data in, plain data out.
 *
 * Conventions
 * - A numeric column is a Float64Array; a missing value is NaN.
 * - A text column is a string[]; a missing value is the empty string ''.
 * - All columns have exactly `nrow` entries.
 * - Helpers never mutate their input; row subsets copy.
 *
 * @example
 *   const df = frame({ id: ['a', 'a', 'b'], y: [1, 2, 3] });
 *   numericColumn(df, 'y'); // Float64Array [1, 2, 3]
 */
import { InputError } from '../errors.js';

export type Column = Float64Array | string[];

export interface DataFrame {
  columns: Record<string, Column>;
  nrow: number;
  /**
   * The file the frame was read from, with a header line (set by the CSV reader; row subsets drop it).
   * Error messages then name the file and the line: row i of the frame is line i + 2 of the file.
   */
  source?: string;
}

/** Row indices of `nrow` rows kept after filtering, plus how many were dropped. */
export interface RowSelection {
  /** Original row indices kept, ascending. */
  rows: Int32Array;
  dropped: number;
}

/** Build a frame from columns; number[] becomes Float64Array (null/undefined -> NaN). */
export function frame(columns: Record<string, Column | ArrayLike<number | null | undefined>>): DataFrame {
  const out: Record<string, Column> = {};
  let nrow = -1;
  for (const [name, col] of Object.entries(columns)) {
    let c: Column;
    if (col instanceof Float64Array) c = col;
    else if (Array.isArray(col) && col.length > 0 && col.every((v) => typeof v === 'string' || v === null || v === undefined) && col.some((v) => typeof v === 'string')) {
      c = (col as unknown as (string | null | undefined)[]).map((v) => (v == null ? '' : String(v)));
    } else {
      const a = col as ArrayLike<number | null | undefined>;
      c = new Float64Array(a.length);
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        c[i] = v == null ? NaN : Number(v);
      }
    }
    if (nrow === -1) nrow = c.length;
    else if (c.length !== nrow) throw new InputError(`column '${name}' has ${c.length} rows but the first column has ${nrow}.`);
    out[name] = c;
  }
  return { columns: out, nrow: Math.max(nrow, 0) };
}

/** Build a frame from an array of records (one object per row). */
export function fromRecords(records: readonly Record<string, number | string | null | undefined>[]): DataFrame {
  const names = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) names.add(k);
  const cols: Record<string, Column> = {};
  for (const name of names) {
    const isText = records.some((r) => typeof r[name] === 'string');
    if (isText) cols[name] = records.map((r) => (r[name] == null ? '' : String(r[name])));
    else cols[name] = Float64Array.from(records, (r) => (r[name] == null ? NaN : Number(r[name])));
  }
  return { columns: cols, nrow: records.length };
}

export function isNumeric(c: Column): c is Float64Array {
  return c instanceof Float64Array;
}

export function hasColumn(df: DataFrame, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(df.columns, name);
}

/** The column named `name`; throws InputError listing the available names when absent. */
export function column(df: DataFrame, name: string): Column {
  if (!hasColumn(df, name)) {
    const names = Object.keys(df.columns);
    const shown = names.slice(0, 30).join(', ') + (names.length > 30 ? ', ...' : '');
    throw new InputError(`${df.source ? `${df.source}: ` : ''}variable '${name}' is not in the data (columns: ${shown}).`);
  }
  return df.columns[name];
}

/** A numeric column; text columns whose entries all parse as numbers are converted, otherwise InputError. */
export function numericColumn(df: DataFrame, name: string): Float64Array {
  const c = column(df, name);
  if (isNumeric(c)) return c;
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const s = c[i];
    if (s === '') {
      out[i] = NaN;
      continue;
    }
    const v = Number(s);
    if (Number.isNaN(v)) {
      throw new InputError(
        df.source
          ? `${df.source}: row ${i + 2}, variable '${name}' is text ('${s}'), a number was expected.`
          : `variable '${name}' is text (row ${i + 1}: '${s}'), a number was expected.`,
      );
    }
    out[i] = v;
  }
  return out;
}

/** True when entry i of the column is missing (NaN or ''). */
export function isMissing(c: Column, i: number): boolean {
  return isNumeric(c) ? Number.isNaN(c[i]) : c[i] === '';
}

/** Rows of `df` (in order) where none of `vars` is missing. */
export function completeRows(df: DataFrame, vars: readonly string[]): RowSelection {
  const cols = [...new Set(vars)].map((v) => column(df, v));
  const keep: number[] = [];
  for (let i = 0; i < df.nrow; i++) {
    let ok = true;
    for (const c of cols) {
      if (isMissing(c, i)) {
        ok = false;
        break;
      }
    }
    if (ok) keep.push(i);
  }
  return { rows: Int32Array.from(keep), dropped: df.nrow - keep.length };
}

/** A new frame with only the given rows (indices into df), optionally only some columns. */
export function takeRows(df: DataFrame, rows: ArrayLike<number>, vars?: readonly string[]): DataFrame {
  const names = vars ?? Object.keys(df.columns);
  const cols: Record<string, Column> = {};
  for (const name of names) {
    const c = column(df, name);
    if (isNumeric(c)) {
      const o = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) o[i] = c[rows[i]];
      cols[name] = o;
    } else {
      const o = new Array<string>(rows.length);
      for (let i = 0; i < rows.length; i++) o[i] = c[rows[i]];
      cols[name] = o;
    }
  }
  return { columns: cols, nrow: rows.length };
}

/** Take the values of a plain vector at the given rows. */
export function takeVector(v: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const o = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) o[i] = v[rows[i]];
  return o;
}

/** Rows where `keep(i)` is true. */
export function filterRows(df: DataFrame, keep: (i: number) => boolean): DataFrame {
  const rows: number[] = [];
  for (let i = 0; i < df.nrow; i++) if (keep(i)) rows.push(i);
  return takeRows(df, rows);
}

/** Drop rows with a missing value in any of `vars`; returns the smaller frame and the count dropped. */
export function dropMissing(df: DataFrame, vars: readonly string[]): { frame: DataFrame; dropped: number; rows: Int32Array } {
  const sel = completeRows(df, vars);
  return { frame: sel.dropped === 0 ? df : takeRows(df, sel.rows), dropped: sel.dropped, rows: sel.rows };
}

/** Integer codes 0..L-1 of a column's distinct values, and the level labels. */
export interface Factor {
  codes: Int32Array;
  levels: string[];
}

/**
 * Encode a column as a factor. Levels are sorted: numerically for numeric columns, by string
 * comparison for text. Missing entries get code -1.
 */
export function factor(c: Column): Factor {
  const n = c.length;
  const codes = new Int32Array(n);
  if (isNumeric(c)) {
    const uniq = [...new Set(Array.from(c).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
    const map = new Map<number, number>();
    uniq.forEach((v, k) => map.set(v, k));
    for (let i = 0; i < n; i++) codes[i] = Number.isNaN(c[i]) ? -1 : (map.get(c[i]) as number);
    return { codes, levels: uniq.map((v) => String(v)) };
  }
  const uniq = [...new Set(c.filter((v) => v !== ''))].sort();
  const map = new Map<string, number>();
  uniq.forEach((v, k) => map.set(v, k));
  for (let i = 0; i < n; i++) codes[i] = c[i] === '' ? -1 : (map.get(c[i]) as number);
  return { codes, levels: uniq };
}

/** Combine several factors into one (interaction, like fixest's `a^b`). Levels are "la_lb". */
export function combineFactors(fs: readonly Factor[]): Factor {
  if (fs.length === 1) return fs[0];
  const n = fs[0].codes.length;
  const map = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let key = '';
    let miss = false;
    for (let k = 0; k < fs.length; k++) {
      const c = fs[k].codes[i];
      if (c < 0) miss = true;
      key += (k ? '\u0001' : '') + c;
    }
    if (miss) {
      codes[i] = -1;
      continue;
    }
    let id = map.get(key);
    if (id === undefined) {
      id = levels.length;
      map.set(key, id);
      levels.push(fs.map((f, k) => f.levels[fs[k].codes[i]]).join('_'));
    }
    codes[i] = id;
  }
  return { codes, levels };
}

/** Row indices by value of the `by` columns, in level order. Keys are the level labels joined by '_'. */
export function groupRows(df: DataFrame, by: string | readonly string[]): Array<{ key: string; rows: Int32Array }> {
  const names = typeof by === 'string' ? [by] : by;
  const f = combineFactors(names.map((v) => factor(column(df, v))));
  const buckets: number[][] = f.levels.map(() => []);
  for (let i = 0; i < f.codes.length; i++) if (f.codes[i] >= 0) buckets[f.codes[i]].push(i);
  const out = f.levels.map((key, k) => ({ key, rows: Int32Array.from(buckets[k]) }));
  return names.length === 1 ? out : out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Add or replace a column (returns a new frame sharing the other columns). */
export function withColumn(df: DataFrame, name: string, values: Column): DataFrame {
  if (values.length !== df.nrow) throw new InputError(`new column '${name}' has ${values.length} rows, the frame has ${df.nrow}.`);
  return { columns: { ...df.columns, [name]: values }, nrow: df.nrow };
}
