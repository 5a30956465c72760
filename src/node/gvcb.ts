/**
 * The .gvcb binary table cache: one file that loads a 10,000-sector table in seconds (one read, the
 * numbers used in place as Float64Array views, no parsing).
 *
 * Format, version 1 (all integers and floats little-endian):
 *   bytes 0-3    ASCII "GVCB"
 *   bytes 4-7    uint32 format version (1)
 *   bytes 8-15   uint64 H, byte length of the JSON header
 *   bytes 16..   the JSON header (UTF-8), padded with spaces so the data start at a multiple of 8
 *   then         float64 blocks, row-major, back to back in the order of header.blocks
 * The JSON header is
 *   { "format": "gvcb", "version": 1, "countries": [...], "sectors": [...], "fdCategories": [...],
 *     "year"?: n, "source"?: s, "unit"?: s,
 *     "vaDetail"?: { "labels": [...], "units"?: [...] }, "satellite"?: { "labels": [...], "units"?: [...] },
 *     "blocks": [ { "name": "Z"|"Y"|"va"|"x"|"vaDetail"|"satellite", "rows": r, "cols": c, "offset": byte offset from file start } ] }
 * Z is GN x GN, Y is GN x GK, va and x are 1 x GN, vaDetail and satellite are (rows) x GN. The file
 * length must equal the end of the last block (a shorter file is reported as truncated).
 */
import { closeSync, openSync, readFileSync, renameSync, writeSync, mkdirSync } from 'node:fs';
import { endianness } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { buildTable } from '../mrio/build.js';
import type { MrioTable } from '../mrio/table.js';

const MAGIC = 'GVCB';
const VERSION = 1;

interface Block {
  name: string;
  rows: number;
  cols: number;
  offset: number;
}

interface Header {
  format: 'gvcb';
  version: number;
  countries: string[];
  sectors: string[];
  fdCategories: string[];
  year?: number;
  source?: string;
  unit?: string;
  vaDetail?: { labels: string[]; units?: string[] };
  satellite?: { labels: string[]; units?: string[] };
  blocks: Block[];
}

function checkEndian(): void {
  if (endianness() !== 'LE') throw new InputError('the .gvcb cache needs a little-endian machine.');
}

/** True when the bytes start with the .gvcb magic. */
export function isGvcb(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x47 && head[1] === 0x56 && head[2] === 0x43 && head[3] === 0x42;
}

/** Write the table to path (atomically: temp file, then rename). */
export function writeGvcb(path: string, t: MrioTable): void {
  checkEndian();
  const arrays: Array<[string, number, number, Float64Array]> = [
    ['Z', t.Z.rows, t.Z.cols, t.Z.data],
    ['Y', t.Y.rows, t.Y.cols, t.Y.data],
    ['va', 1, t.va.length, t.va],
    ['x', 1, t.x.length, t.x],
  ];
  if (t.vaDetail) arrays.push(['vaDetail', t.vaDetail.values.rows, t.vaDetail.values.cols, t.vaDetail.values.data]);
  if (t.satellite) arrays.push(['satellite', t.satellite.values.rows, t.satellite.values.cols, t.satellite.values.data]);
  const header: Header = {
    format: 'gvcb',
    version: VERSION,
    countries: t.countries,
    sectors: t.sectors,
    fdCategories: t.fdCategories,
    year: t.year,
    source: t.source,
    unit: t.unit,
    vaDetail: t.vaDetail ? { labels: t.vaDetail.labels, units: t.vaDetail.units } : undefined,
    satellite: t.satellite ? { labels: t.satellite.labels, units: t.satellite.units } : undefined,
    blocks: [],
  };
  // the header length depends on the offsets, which depend on the header length: iterate to a fixpoint
  let dataStart = 0;
  let json = '';
  for (let iter = 0; iter < 5; iter++) {
    let off = dataStart;
    header.blocks = arrays.map(([name, rows, cols]) => {
      const b = { name, rows, cols, offset: off };
      off += rows * cols * 8;
      return b;
    });
    json = JSON.stringify(header);
    const need = Math.ceil((16 + Buffer.byteLength(json)) / 8) * 8;
    if (need === dataStart) break;
    dataStart = need;
  }
  const jb = Buffer.from(json, 'utf8');
  const head = Buffer.alloc(dataStart, 0x20);
  head.write(MAGIC, 0, 'ascii');
  head.writeUInt32LE(VERSION, 4);
  head.writeBigUInt64LE(BigInt(jb.length), 8);
  jb.copy(head, 16);
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path) || '.', `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, head);
    const CHUNK = 1 << 24; // 16M doubles = 128 MB per write
    for (const [, , , data] of arrays) {
      for (let s = 0; s < data.length; s += CHUNK) {
        const part = data.subarray(s, Math.min(data.length, s + CHUNK));
        writeSync(fd, new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
      }
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Read a .gvcb file back into a table (validated by buildTable). */
export function readGvcb(path: string): MrioTable {
  checkEndian();
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    throw new InputError(`${path}: no such file.`);
  }
  if (buf.length < 16 || !isGvcb(buf)) throw new InputError(`${path}: not a .gvcb table cache (bad magic bytes).`);
  const version = buf.readUInt32LE(4);
  if (version !== VERSION) throw new InputError(`${path}: .gvcb format version ${version} is not supported (this gvc reads version ${VERSION}).`);
  const H = Number(buf.readBigUInt64LE(8));
  if (16 + H > buf.length) throw new InputError(`${path}: the header runs past the end of the file (truncated).`);
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', 16, 16 + H)) as Header;
  } catch (e) {
    throw new InputError(`${path}: the JSON header is corrupt (${(e as Error).message}).`);
  }
  if (buf.byteOffset % 8 !== 0) buf = Buffer.from(buf); // copy to an aligned allocation
  const view = (name: string, required: boolean): { rows: number; cols: number; data: Float64Array } | undefined => {
    const b = header.blocks.find((x) => x.name === name);
    if (!b) {
      if (required) throw new InputError(`${path}: block "${name}" is missing from the header.`);
      return undefined;
    }
    const bytes = b.rows * b.cols * 8;
    if (b.offset % 8 !== 0 || b.offset + bytes > buf.length) {
      throw new InputError(`${path}: block "${name}" (${b.rows}x${b.cols}) runs past the end of the file (truncated cache).`);
    }
    return { rows: b.rows, cols: b.cols, data: new Float64Array(buf.buffer, buf.byteOffset + b.offset, b.rows * b.cols) };
  };
  const Z = view('Z', true)!;
  const Y = view('Y', true)!;
  const va = view('va', true)!;
  const x = view('x', true)!;
  const vd = view('vaDetail', false);
  const sat = view('satellite', false);
  return buildTable({
    countries: header.countries,
    sectors: header.sectors,
    fdCategories: header.fdCategories,
    Z,
    Y,
    va: va.data,
    x: x.data,
    year: header.year,
    source: header.source ?? path,
    unit: header.unit,
    vaDetail: vd && header.vaDetail ? { labels: header.vaDetail.labels, units: header.vaDetail.units, values: vd } : undefined,
    satellite: sat && header.satellite ? { labels: header.satellite.labels, units: header.satellite.units, values: sat } : undefined,
  });
}
