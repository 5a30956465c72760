/**
 * Node edge: read a user panel (regress, threshold) from any supported file into a DataFrame.
 *
 * Detection (first match wins):
 *   file starting with "PAR1"           -> Parquet (src/node/parquet-read.ts)
 *   file starting with "<stata_dta>"    -> Stata .dta 117-119 (src/node/dta-read.ts)
 *   name ending in .parquet / .pq       -> Parquet (fails clearly when the magic bytes are absent)
 *   name ending in .dta                 -> Stata .dta (old binary formats are refused clearly)
 *   anything else                       -> CSV, gzip-compressed or not (src/econometrics/io/csv.ts)
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { DataFrame } from '../econometrics/frame.js';
import type { CsvOptions } from '../econometrics/io/csv.js';
import { readCsv } from './read-csv.js';

export type PanelFormat = 'csv' | 'parquet' | 'dta';

function head(path: string, n: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as Error).message}.`);
  }
  try {
    const b = Buffer.alloc(n);
    const got = readSync(fd, b, 0, n, 0);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function startsWith(b: Uint8Array, s: string): boolean {
  if (b.length < s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The format of the panel file at `path` (magic bytes first, then the extension). */
export function panelFormat(path: string): PanelFormat {
  const b = head(path, 11);
  if (startsWith(b, 'PAR1')) return 'parquet';
  if (startsWith(b, '<stata_dta>')) return 'dta';
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet') || lower.endsWith('.pq')) return 'parquet';
  if (lower.endsWith('.dta')) return 'dta';
  return 'csv';
}

/** Read a panel from .csv, .csv.gz, .parquet or .dta. */
export async function readPanel(path: string, csvOpts: CsvOptions = {}): Promise<DataFrame> {
  switch (panelFormat(path)) {
    case 'parquet': {
      const { readParquet } = await import('./parquet-read.js');
      return readParquet(path);
    }
    case 'dta': {
      const { readDta } = await import('./dta-read.js');
      return readDta(path).frame;
    }
    default:
      return readCsv(path, csvOpts);
  }
}
