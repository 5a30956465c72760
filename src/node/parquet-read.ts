/**
 * Node edge: read a flat Parquet file into the econometrics DataFrame with hyparquet (loaded on demand).
 *
 * - BOOLEAN, INT32, INT64, FLOAT, DOUBLE and DECIMAL columns become Float64Array (true/false -> 1/0;
 *   64-bit integers beyond 2^53 lose precision, as in any double); null -> NaN.
 * - Text (STRING / UTF8, enums, JSON, UUID) becomes string[]; null -> ''.
 * - DATE becomes text 'YYYY-MM-DD', timestamps ISO 8601 text (UTC).
 * - Nested columns (lists, maps, structs) are refused with an InputError naming them.
 * Column order is the file's schema order; every row group is read.
 */
import { readFileSync } from 'node:fs';
import { GvcError, InputError } from '../errors.js';
import type { Column, DataFrame } from '../econometrics/frame.js';

type Hyparquet = typeof import('hyparquet');

async function loadHyparquet(path: string): Promise<Hyparquet> {
  try {
    return await import('hyparquet');
  } catch (e) {
    throw new GvcError(
      `${path}: reading Parquet needs the package hyparquet, which did not load (${(e as Error).message}); ` +
        'install it with "npm install hyparquet@1.31.5" or convert the file to .csv.',
    );
  }
}

const iso = (d: Date) => (Number.isNaN(d.getTime()) ? '' : d.toISOString());
const PARSERS = {
  dateFromDays: (days: number) => iso(new Date(days * 86400000)).slice(0, 10),
  timestampFromMilliseconds: (ms: bigint) => iso(new Date(Number(ms))),
  timestampFromMicroseconds: (us: bigint) => iso(new Date(Number(us / 1000n))),
  timestampFromNanoseconds: (ns: bigint) => iso(new Date(Number(ns / 1000000n))),
};

/** A decoded Parquet column as a frame column; `textType` decides all-null columns. */
function toColumn(name: string, data: ArrayLike<unknown>, nrow: number, textType: boolean, source: string): Column {
  if (data.length !== nrow) throw new InputError(`${source}: column '${name}' has ${data.length} values, the file has ${nrow} rows.`);
  if (ArrayBuffer.isView(data)) {
    const out = new Float64Array(nrow);
    for (let i = 0; i < nrow; i++) out[i] = Number(data[i] as number | bigint);
    return out;
  }
  let text = false;
  let numeric = false;
  for (let i = 0; i < nrow; i++) {
    const v = data[i];
    if (v == null) continue;
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') numeric = true;
    else if (typeof v === 'string' || v instanceof Uint8Array || v instanceof Date) text = true;
    else throw new InputError(`${source}: column '${name}' holds ${Array.isArray(v) ? 'lists' : 'nested values'}; only flat columns can be read into a panel.`);
  }
  if (text || (!numeric && textType)) {
    const dec = new TextDecoder();
    const out: string[] = new Array(nrow);
    for (let i = 0; i < nrow; i++) {
      const v = data[i];
      out[i] = v == null ? '' : v instanceof Uint8Array ? dec.decode(v) : v instanceof Date ? iso(v) : String(v);
    }
    return out;
  }
  const out = new Float64Array(nrow);
  for (let i = 0; i < nrow; i++) {
    const v = data[i];
    out[i] = v == null ? NaN : Number(v as number | bigint | boolean);
  }
  return out;
}

/** Parse the bytes of a Parquet file into a DataFrame. */
export async function parseParquet(bytes: Uint8Array, source = 'Parquet input'): Promise<DataFrame> {
  const hp = await loadHyparquet(source);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = await hp.parquetMetadataAsync(file);
  } catch (e) {
    throw new InputError(`${source}: not a readable Parquet file (${(e as Error).message}).`);
  }
  const schema = hp.parquetSchema(metadata);
  const nrow = Number(metadata.num_rows);
  const nested = schema.children.filter((c) => c.children.length > 0).map((c) => c.element.name);
  if (nested.length) throw new InputError(`${source}: nested column(s) ${nested.join(', ')}; only flat columns can be read into a panel.`);
  // One pass over the file; each column chunk lands at its row offset.
  const raw = new Map<string, unknown[]>(schema.children.map((c) => [c.element.name, new Array<unknown>(nrow).fill(null)]));
  if (nrow > 0) {
    try {
      await hp.parquetRead({
        file,
        metadata,
        parsers: PARSERS,
        onChunk: (chunk) => {
          const dest = raw.get(chunk.columnName);
          if (!dest) return;
          const data = chunk.columnData;
          for (let i = 0; i < data.length && chunk.rowStart + i < nrow; i++) dest[chunk.rowStart + i] = data[i];
        },
      });
    } catch (e) {
      if (e instanceof GvcError) throw e;
      throw new InputError(`${source}: cannot decode the Parquet data (${(e as Error).message}).`);
    }
  }
  const columns: Record<string, Column> = {};
  for (const child of schema.children) {
    const name = child.element.name;
    if (Object.prototype.hasOwnProperty.call(columns, name)) throw new InputError(`${source} has the column name '${name}' twice.`);
    const el = child.element;
    const textType =
      el.type === 'BYTE_ARRAY' || el.type === 'INT96' || (el.type === 'FIXED_LEN_BYTE_ARRAY' && el.logical_type?.type !== 'DECIMAL' && el.converted_type !== 'DECIMAL');
    const data = raw.get(name)!;
    columns[name] = toColumn(name, data, nrow, textType || el.logical_type?.type === 'DATE' || el.logical_type?.type === 'TIMESTAMP', source);
  }
  return { columns, nrow };
}

/** Read a `.parquet` file into a DataFrame (Node only). */
export async function readParquet(path: string): Promise<DataFrame> {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as Error).message}.`);
  }
  return parseParquet(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path);
}
