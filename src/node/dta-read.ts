/**
 * Stata .dta reader for the XML-framed formats 117 (Stata 13), 118 (Stata 14-) and 119 (> 32,767
 * variables), either byte order, into the econometrics DataFrame.
 *
 * - byte, int, long, float and double become Float64Array; every Stata missing value (., .a-.z) is NaN.
 * - str# and strL become string[]; the empty string is missing. Text is UTF-8 (117: Latin-1).
 * - Value labels are not applied (the stored codes are returned); variable labels, the dataset label
 *   and the display formats are returned alongside the frame.
 * Older binary formats (114/115, Stata 10-12) are refused with an InputError.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Column, DataFrame } from '../econometrics/frame.js';

export interface DtaData {
  frame: DataFrame;
  /** Variable names in file order. */
  names: string[];
  release: number;
  datasetLabel: string;
  timestamp: string;
  variableLabels: Record<string, string>;
  formats: Record<string, string>;
  /** Stata storage type per variable: byte, int, long, float, double, str#, strL. */
  types: Record<string, string>;
}

interface Layout {
  kBytes: 2 | 4;
  nBytes: 4 | 8;
  labelLenBytes: 1 | 2;
  name: number;
  format: number;
  vlName: number;
  varLabel: number;
  sortBytes: 2 | 4;
  /** Bytes of v in an 8-byte (v,o) strL reference. */
  vBytes: number;
}

const LAYOUT: Record<number, Layout> = {
  117: { kBytes: 2, nBytes: 4, labelLenBytes: 1, name: 33, format: 49, vlName: 33, varLabel: 81, sortBytes: 2, vBytes: 4 },
  118: { kBytes: 2, nBytes: 8, labelLenBytes: 2, name: 129, format: 57, vlName: 129, varLabel: 321, sortBytes: 2, vBytes: 2 },
  119: { kBytes: 4, nBytes: 8, labelLenBytes: 2, name: 129, format: 57, vlName: 129, varLabel: 321, sortBytes: 4, vBytes: 3 },
};

class Cursor {
  pos = 0;
  readonly view: DataView;
  constructor(
    readonly b: Uint8Array,
    public le: boolean,
    readonly source: string,
  ) {
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }
  fail(what: string): never {
    throw new InputError(`${this.source}: not a readable .dta file (${what} at byte ${this.pos}).`);
  }
  need(n: number): void {
    if (this.pos + n > this.b.length) this.fail('unexpected end of file');
  }
  expect(tag: string): void {
    this.need(tag.length);
    for (let i = 0; i < tag.length; i++) if (this.b[this.pos + i] !== tag.charCodeAt(i)) this.fail(`expected ${tag}`);
    this.pos += tag.length;
  }
  uint(bytes: number): number {
    this.need(bytes);
    let v = 0;
    for (let i = 0; i < bytes; i++) {
      const byte = this.b[this.pos + (this.le ? i : bytes - 1 - i)];
      v += byte * 2 ** (8 * i);
    }
    this.pos += bytes;
    return v;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

const STATA_TYPES: Record<number, [string, number]> = {
  65526: ['double', 8],
  65527: ['float', 4],
  65528: ['long', 4],
  65529: ['int', 2],
  65530: ['byte', 1],
  32768: ['strL', 8],
};

/** Bytes up to the first NUL. */
function cstr(b: Uint8Array): Uint8Array {
  const z = b.indexOf(0);
  return z < 0 ? b : b.subarray(0, z);
}

/** Parse the bytes of a format 117/118/119 .dta file. */
export function parseDta(bytes: Uint8Array, source = '.dta input'): DtaData {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 11));
  if (head !== '<stata_dta>') {
    if (bytes.length > 0 && bytes[0] >= 0x66 && bytes[0] <= 0x73) {
      throw new InputError(`${source}: an old Stata format (${bytes[0]}, before Stata 13) is not supported; save it with Stata 13 or later (format 117-119).`);
    }
    throw new InputError(`${source}: not a Stata .dta file (no <stata_dta> header).`);
  }
  const c = new Cursor(bytes, true, source);
  c.expect('<stata_dta><header><release>');
  const release = Number(new TextDecoder('latin1').decode(c.bytes(3)));
  const L = LAYOUT[release];
  if (!L) throw new InputError(`${source}: .dta format ${release} is not supported (117, 118 and 119 are).`);
  c.expect('</release><byteorder>');
  const order = new TextDecoder('latin1').decode(c.bytes(3));
  if (order !== 'LSF' && order !== 'MSF') c.fail(`byte order ${order}`);
  c.le = order === 'LSF';
  const text = new TextDecoder(release === 117 ? 'latin1' : 'utf-8');
  c.expect('</byteorder><K>');
  const K = c.uint(L.kBytes);
  c.expect('</K><N>');
  const N = c.uint(L.nBytes);
  c.expect('</N><label>');
  const datasetLabel = text.decode(c.bytes(c.uint(L.labelLenBytes)));
  c.expect('</label><timestamp>');
  const timestamp = text.decode(c.bytes(c.uint(1)));
  c.expect('</timestamp></header><map>');
  const map: number[] = [];
  for (let k = 0; k < 14; k++) map.push(c.uint(8));
  const at = (k: number, tag: string) => {
    c.pos = map[k];
    c.expect(tag);
  };

  at(2, '<variable_types>');
  const types: number[] = [];
  for (let j = 0; j < K; j++) types.push(c.uint(2));
  at(3, '<varnames>');
  const names: string[] = [];
  for (let j = 0; j < K; j++) names.push(text.decode(cstr(c.bytes(L.name))));
  at(5, '<formats>');
  const formats: string[] = [];
  for (let j = 0; j < K; j++) formats.push(text.decode(cstr(c.bytes(L.format))));
  at(7, '<variable_labels>');
  const labels: string[] = [];
  for (let j = 0; j < K; j++) labels.push(text.decode(cstr(c.bytes(L.varLabel))));

  const widths = types.map((t) => {
    if (t >= 1 && t <= 2045) return t;
    const s = STATA_TYPES[t];
    if (!s) throw new InputError(`${source}: unknown Stata variable type code ${t}.`);
    return s[1];
  });
  const rowBytes = widths.reduce((a, b) => a + b, 0);

  // strLs first, so data rows can resolve their (v,o) references.
  at(10, '<strls>');
  const strls = new Map<string, string>();
  while (c.pos + 3 <= bytes.length && bytes[c.pos] === 0x47 /* G */) {
    c.expect('GSO');
    const v = c.uint(4);
    const o = c.uint(release === 117 ? 4 : 8);
    const t = c.uint(1);
    const len = c.uint(4);
    let content = c.bytes(len);
    if (t === 130 && content.length > 0 && content[content.length - 1] === 0) content = content.subarray(0, content.length - 1);
    strls.set(`${v},${o}`, text.decode(content));
  }
  c.expect('</strls>');

  at(9, '<data>');
  c.need(rowBytes * N);
  const base = c.pos;
  const out: Record<string, Column> = {};
  let offset = 0;
  for (let j = 0; j < K; j++) {
    const t = types[j];
    const w = widths[j];
    const step = (i: number) => base + i * rowBytes + offset;
    if (t <= 2045 || t === 32768) {
      const col: string[] = new Array(N);
      for (let i = 0; i < N; i++) {
        const p = step(i);
        if (t <= 2045) col[i] = text.decode(cstr(bytes.subarray(p, p + w)));
        else {
          c.pos = p;
          const vb = L.vBytes;
          const v = c.uint(vb);
          const o = c.uint(8 - vb);
          col[i] = v === 0 && o === 0 ? '' : strls.get(`${v},${o}`) ?? c.fail(`strL (${v},${o}) not found`);
        }
      }
      out[names[j]] = col;
    } else {
      const col = new Float64Array(N);
      const le = c.le;
      for (let i = 0; i < N; i++) {
        const p = step(i);
        let v: number;
        switch (t) {
          case 65526:
            v = c.view.getFloat64(p, le);
            if (v >= 2 ** 1023) v = NaN;
            break;
          case 65527:
            v = c.view.getFloat32(p, le);
            if (v >= 2 ** 127) v = NaN;
            break;
          case 65528:
            v = c.view.getInt32(p, le);
            if (v > 2147483620) v = NaN;
            break;
          case 65529:
            v = c.view.getInt16(p, le);
            if (v > 32740) v = NaN;
            break;
          default:
            v = c.view.getInt8(p);
            if (v > 100) v = NaN;
        }
        col[i] = v;
      }
      out[names[j]] = col;
    }
    offset += w;
  }
  c.pos = base + rowBytes * N;
  c.expect('</data>');

  const rec = (vals: string[]) => Object.fromEntries(names.map((n, j) => [n, vals[j]]));
  return {
    frame: { columns: out, nrow: N },
    names,
    release,
    datasetLabel,
    timestamp,
    variableLabels: rec(labels),
    formats: rec(formats),
    types: rec(types.map((t) => (t <= 2045 ? `str${t}` : STATA_TYPES[t][0]))),
  };
}

/** Read a .dta file (Node only). */
export function readDta(path: string): DtaData {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read ${path}: ${(e as Error).message}.`);
  }
  return parseDta(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), path);
}
