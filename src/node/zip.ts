/**
 * A tiny ZIP reader (no dependency): lists the central directory and extracts stored (method 0) or
 * deflated (method 8) entries with node:zlib's inflateRawSync, checking sizes and CRC-32. ZIP64 sizes
 * and offsets are understood. Reads positionally from the file, so a large archive is never loaded
 * whole; each extracted entry is one Buffer (entries over ~2 GB are not supported by Node buffers).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as zlib from 'node:zlib';
import { InputError } from '../errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
}

export interface ZipArchive {
  path: string;
  entries: ZipEntry[];
  /** Extract one entry by exact name (or by a predicate); throws InputError when absent or corrupt. */
  read(name: string | ((e: ZipEntry) => boolean)): Buffer;
  close(): void;
}

function readAt(fd: number, pos: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  let got = 0;
  while (got < len) {
    const n = readSync(fd, b, got, len - got, pos + got);
    if (n === 0) break;
    got += n;
  }
  return got === len ? b : b.subarray(0, got);
}

/** True when the bytes start with a local-file-header signature ("PK\x03\x04"). */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

const crc32: ((b: Uint8Array) => number) | undefined = (zlib as unknown as { crc32?: (b: Uint8Array) => number }).crc32;

export function openZip(path: string): ZipArchive {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new InputError(`${path}: no such file.`);
  }
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 65557);
    const tail = readAt(fd, size - tailLen, tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new InputError(`${path}: not a zip archive or truncated (no end-of-central-directory record).`);
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) {
      // ZIP64 end-of-central-directory locator sits just before the EOCD record
      const loc = eocd - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw new InputError(`${path}: ZIP64 archive without a ZIP64 locator (corrupt).`);
      const z64 = Number(tail.readBigUInt64LE(loc + 8));
      const rec = readAt(fd, z64, 56);
      if (rec.readUInt32LE(0) !== 0x06064b50) throw new InputError(`${path}: corrupt ZIP64 end-of-central-directory record.`);
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw new InputError(`${path}: the central directory lies beyond the end of the file (truncated archive).`);
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new InputError(`${path}: central directory entry ${k + 1} is corrupt.`);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      let compressedSize = cd.readUInt32LE(p + 20);
      let usize = cd.readUInt32LE(p + 24);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      let localOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      // ZIP64 extended information extra field
      let q = p + 46 + nameLen;
      const qe = q + extraLen;
      while (q + 4 <= qe) {
        const id = cd.readUInt16LE(q);
        const len = cd.readUInt16LE(q + 2);
        if (id === 0x0001) {
          let r = q + 4;
          if (usize === 0xffffffff) {
            usize = Number(cd.readBigUInt64LE(r));
            r += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(cd.readBigUInt64LE(r));
            r += 8;
          }
          if (localOffset === 0xffffffff) localOffset = Number(cd.readBigUInt64LE(r));
        }
        q += 4 + len;
      }
      entries.push({ name, method, compressedSize, size: usize, crc, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    const read = (which: string | ((e: ZipEntry) => boolean)): Buffer => {
      const e = typeof which === 'string' ? entries.find((x) => x.name === which) : entries.find(which);
      if (!e) throw new InputError(`${path}: the archive has no entry ${typeof which === 'string' ? `"${which}"` : 'matching the request'}.`);
      const lh = readAt(fd, e.localOffset, 30);
      if (lh.length < 30 || lh.readUInt32LE(0) !== 0x04034b50) throw new InputError(`${path}: entry "${e.name}" has a corrupt local header.`);
      const start = e.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
      const comp = readAt(fd, start, e.compressedSize);
      if (comp.length !== e.compressedSize) throw new InputError(`${path}: entry "${e.name}" is truncated (${comp.length} of ${e.compressedSize} bytes).`);
      let out: Buffer;
      if (e.method === 0) out = comp;
      else if (e.method === 8) {
        try {
          out = zlib.inflateRawSync(comp);
        } catch (err) {
          throw new InputError(`${path}: entry "${e.name}" does not inflate (${(err as Error).message}).`);
        }
      } else throw new InputError(`${path}: entry "${e.name}" uses compression method ${e.method}; only stored (0) and deflate (8) are supported.`);
      if (out.length !== e.size) throw new InputError(`${path}: entry "${e.name}" has ${out.length} bytes but the directory says ${e.size}.`);
      if (crc32 && (crc32(out) >>> 0) !== e.crc >>> 0) throw new InputError(`${path}: entry "${e.name}" fails its CRC-32 check (corrupt archive).`);
      return out;
    };
    let open = true;
    return {
      path,
      entries,
      read: (w) => {
        if (!open) throw new InputError(`${path}: the archive is closed.`);
        return read(w);
      },
      close: () => {
        if (open) closeSync(fd);
        open = false;
      },
    };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** Build a zip archive in memory (stored or deflated entries); used by tests and `gvc` tools. */
export function makeZip(files: Array<{ name: string; data: Uint8Array; deflate?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const comp = f.deflate === false ? Buffer.from(f.data) : zlib.deflateRawSync(f.data);
    const method = f.deflate === false ? 0 : 8;
    const crc = crc32 ? crc32(f.data) >>> 0 : 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(f.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(f.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
