/**
 * Node edge: write a column table as Parquet with hyparquet-writer (optional dependency, loaded on
 * demand). Float64Array columns become DOUBLE, integer columns INT32, text STRING; the file is written
 * atomically. When the package is missing the error says how to install it or to use CSV.
 */
import { GvcError } from '../errors.js';
import { writeAtomic } from './files.js';

export interface ParquetColumns {
  names: readonly string[];
  columns: Record<string, ArrayLike<string | number> | Float64Array>;
  nrow: number;
}

interface HyparquetWriter {
  parquetWriteBuffer(opts: { columnData: Array<{ name: string; data: unknown; type?: string }> }): ArrayBuffer;
}

export async function writeParquet(path: string, t: ParquetColumns): Promise<void> {
  let mod: HyparquetWriter;
  try {
    mod = (await import('hyparquet-writer' as string)) as HyparquetWriter;
  } catch (e) {
    throw new GvcError(
      `${path}: writing Parquet needs the optional package hyparquet-writer, which did not load (${(e as Error).message}); ` +
        'install it with "npm install hyparquet-writer@0.17.0" or write .csv instead.',
    );
  }
  const columnData = t.names.map((name) => {
    const c = t.columns[name];
    if (c instanceof Float64Array) return { name, data: c, type: 'DOUBLE' };
    const arr = Array.from(c as ArrayLike<string | number>);
    if (arr.every((v) => typeof v === 'number')) {
      const ints = arr.every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31);
      return ints ? { name, data: Int32Array.from(arr as number[]), type: 'INT32' } : { name, data: Float64Array.from(arr as number[]), type: 'DOUBLE' };
    }
    return { name, data: arr.map(String), type: 'STRING' };
  });
  const buf = mod.parquetWriteBuffer({ columnData });
  writeAtomic(path, new Uint8Array(buf));
}
