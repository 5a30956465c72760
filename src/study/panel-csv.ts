/**
 * Tidy panel as CSV: the given columns in order, numbers at 12 significant digits, an undefined value
 * (NaN, or '' in a text column) as an empty cell, never 0. Deterministic byte for byte.
 */
import { column, isNumeric, type DataFrame } from '../econometrics/frame.js';
import { num } from './table.js';

function field(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writePanelCsv(df: DataFrame, columns: readonly string[]): string {
  const cols = columns.map((c) => column(df, c));
  const lines: string[] = [columns.map(field).join(',')];
  for (let i = 0; i < df.nrow; i++) {
    lines.push(cols.map((c) => (isNumeric(c) ? num(c[i]) : field(c[i]))).join(','));
  }
  return lines.join('\n') + '\n';
}
