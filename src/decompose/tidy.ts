/**
 * The edge between decomposition engines and users: a DecompResult becomes a tidy table with decompr's
 * column names (Country / Exporting_Country, Exporting_Industry, Importing_Country, then the terms),
 * so output diffs directly against R. Tables of several years stack with a leading `year` column.
 */
import { InputError } from '../errors.js';
import type { DecompResult } from './router.js';

export type TidyColumn = string[] | Float64Array | number[];

export interface TidyTable {
  /** Column names in output order. */
  names: string[];
  columns: Record<string, TidyColumn>;
  nrow: number;
}

/** Label the keys and lay the terms out in decompr's order. */
export function tidy(r: DecompResult): TidyTable {
  const columns: Record<string, TidyColumn> = {};
  const names: string[] = [];
  for (const k of r.keys) {
    const labels = k.kind === 'country' ? r.countries : r.sectors;
    columns[k.name] = Array.from(k.index, (i) => labels[i]);
    names.push(k.name);
  }
  for (const t of r.terms) {
    columns[t] = r.columns[t];
    names.push(t);
  }
  return { names, columns, nrow: r.nrow };
}

/** Stack tables with the same columns, adding `year` first (one value per table). */
export function stackYears(parts: ReadonlyArray<{ year: number | string; table: TidyTable }>): TidyTable {
  if (parts.length === 0) return { names: [], columns: {}, nrow: 0 };
  const names = parts[0].table.names;
  for (const p of parts) {
    if (p.table.names.join('\u0000') !== names.join('\u0000')) {
      throw new InputError(`tables differ in their columns (year ${p.year} vs ${parts[0].year}); stack only decompositions of one method and level.`);
    }
  }
  const nrow = parts.reduce((a, p) => a + p.table.nrow, 0);
  const columns: Record<string, TidyColumn> = {};
  const years: Array<number | string> = [];
  for (const p of parts) for (let i = 0; i < p.table.nrow; i++) years.push(p.year);
  columns.year = years as number[] | string[];
  for (const n of names) {
    const first = parts[0].table.columns[n];
    if (first instanceof Float64Array) {
      const out = new Float64Array(nrow);
      let o = 0;
      for (const p of parts) {
        out.set(p.table.columns[n] as Float64Array, o);
        o += p.table.nrow;
      }
      columns[n] = out;
    } else {
      const out: Array<string | number> = [];
      for (const p of parts) for (const v of p.table.columns[n]) out.push(v);
      columns[n] = out as string[] | number[];
    }
  }
  return { names: ['year', ...names], columns, nrow };
}

/** Row objects (convenient for small results and JSON). */
export function tidyRows(t: TidyTable): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  for (let i = 0; i < t.nrow; i++) {
    const row: Record<string, string | number> = {};
    for (const n of t.names) row[n] = t.columns[n][i];
    rows.push(row);
  }
  return rows;
}
