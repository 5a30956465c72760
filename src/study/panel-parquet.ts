/**
 * Tidy panel as Parquet through hyparquet-writer (loaded on demand): numeric columns as optional DOUBLE,
 * text as optional STRING, an undefined value (NaN or '') as null, never 0. Returns undefined with a reason
 * when the package is unavailable, so the runner can fall back to CSV only and say so.
 */
import { column, isNumeric, type DataFrame } from '../econometrics/frame.js';

interface Writer {
  parquetWriteBuffer(opts: { columnData: Array<{ name: string; data: unknown[]; type: string }> }): ArrayBuffer;
}

export async function panelParquet(df: DataFrame, columns: readonly string[]): Promise<{ bytes?: Uint8Array; reason?: string }> {
  let mod: Writer;
  try {
    mod = (await import('hyparquet-writer' as string)) as Writer;
  } catch (e) {
    return { reason: `hyparquet-writer did not load (${(e as Error).message})` };
  }
  const columnData = columns.map((name) => {
    const c = column(df, name);
    if (isNumeric(c)) return { name, data: Array.from(c, (v) => (Number.isFinite(v) ? v : null)), type: 'DOUBLE' };
    return { name, data: c.map((v) => (v === '' ? null : v)), type: 'STRING' };
  });
  return { bytes: new Uint8Array(mod.parquetWriteBuffer({ columnData })) };
}
