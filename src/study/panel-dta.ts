/**
 * Tidy panel as a Stata .dta (format 118): the given columns in order, numbers as double with NaN as
 * system missing '.', text as str# (strL past 2045 bytes), names made valid for Stata. Deterministic
 * byte for byte (no timestamp). The dataset label is cut to Stata's 80 characters. The renames, if any,
 * are returned for the run notes.
 */
import { column, type DataFrame } from '../econometrics/frame.js';
import { writeDta } from '../report/dta-writer.js';

export function panelDta(df: DataFrame, columns: readonly string[], datasetLabel?: string): { bytes: Uint8Array; notes: string[] } {
  const cols = Object.fromEntries(columns.map((c) => [c, column(df, c)]));
  const label = datasetLabel === undefined ? undefined : Array.from(datasetLabel).slice(0, 80).join('');
  const r = writeDta({ names: columns, columns: cols, nrow: df.nrow }, { datasetLabel: label });
  const notes = r.renames.map((x) => `.dta variable '${x.from}' renamed to '${x.to}' (Stata naming rules)`);
  return { bytes: r.bytes, notes: notes.concat(r.notes) };
}
