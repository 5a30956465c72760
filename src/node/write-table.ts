/**
 * Node edge: write a tidy table (named columns) to .csv, .parquet or Stata .dta, chosen by the file name.
 * Every format is written whole or not at all (temp file + rename). Used by `gvc decompose` and `gvc indicators`.
 */
import { OptionError } from '../errors.js';
import { toCsv, type CsvColumns } from '../report/csv-writer.js';
import { writeDta } from '../report/dta-writer.js';
import { writeAtomic } from './files.js';
import { writeParquet } from './parquet.js';

export const TABLE_FORMATS = /\.(csv|parquet|dta)$/i;

/** Throws a usage error unless the path ends in .csv, .parquet or .dta. */
export function checkTablePath(flag: string, path: string): void {
  if (!TABLE_FORMATS.test(path)) throw new OptionError(`${flag} ${path}: the file name must end in .csv or .parquet (or .dta for Stata).`);
}

export interface WriteTableOptions {
  /** Dataset label (.dta). */
  label?: string;
  /** Quote string cells in CSV. */
  quote?: boolean;
  /** Where notes (e.g. Stata renames) go; default stderr. */
  note?: (line: string) => void;
}

export async function writeTableFile(path: string, table: CsvColumns, opts: WriteTableOptions = {}): Promise<void> {
  const note = opts.note ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (/\.parquet$/i.test(path)) await writeParquet(path, table);
  else if (/\.dta$/i.test(path)) {
    const dta = writeDta(table, { datasetLabel: opts.label });
    for (const r of dta.renames) note(`.dta: column '${r.from}' renamed to '${r.to}' (Stata naming rules)`);
    for (const n of dta.notes) note(`.dta: ${n}`);
    writeAtomic(path, dta.bytes);
  } else writeAtomic(path, toCsv(table, { quoteStrings: opts.quote }));
}
