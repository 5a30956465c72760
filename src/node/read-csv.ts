/** Node edge: read a `.csv` or `.csv.gz` panel into a DataFrame (parsing is the pure parseCsv). */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';
import { parseCsv, type CsvOptions } from '../econometrics/io/csv.js';
import type { DataFrame } from '../econometrics/frame.js';

export function readCsv(path: string, opts: CsvOptions = {}): DataFrame {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet') || lower.endsWith('.dta')) {
    throw new InputError(`${path}: readCsv reads CSV only; use readPanel for Parquet and Stata files.`);
  }
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as Error).message}.`);
  }
  if (lower.endsWith('.gz') || (buf[0] === 0x1f && buf[1] === 0x8b)) {
    try {
      buf = gunzipSync(buf);
    } catch (e) {
      throw new InputError(`${path}: the gzip stream is corrupt or truncated (${(e as Error).message}).`);
    }
  }
  return parseCsv(buf.toString('utf8'), { ...opts, source: opts.source ?? path });
}
