/**
 * Minimal CSV formatting for the model's outputs (RFC 4180 quoting; numbers printed with the shortest
 * round-trip representation; null/undefined and non-finite numbers as empty cells, never "NaN").
 */

/** One CSV cell. */
export type Cell = string | number | null | undefined;

/** Format one cell. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows of objects as CSV with the given column order (header line first, trailing newline). */
export function toCsv<T extends object>(columns: ReadonlyArray<keyof T & string>, rows: ReadonlyArray<T>): string {
  const lines = [columns.map((c) => csvCell(c)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c] as Cell)).join(','));
  return lines.join('\n') + '\n';
}
