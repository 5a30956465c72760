/**
 * Stata .dta writer, format 118 (Stata 14 and later), little-endian ("LSF"). Pure: columns in, bytes out.
 *
 * - Numeric columns are written as `double`; NaN, +-Infinity and values Stata cannot hold as a non-missing
 *   double (>= 2^1023) become the system missing value `.`; -0 is written as 0.
 * - Text columns are `str#` with # the longest entry in UTF-8 bytes (at least 1); a column with an entry
 *   longer than 2045 bytes becomes `strL`. The empty string is Stata's missing string.
 * - Variable names are made valid Stata names (1-32 characters from A-Z a-z 0-9 _, not starting with a
 *   digit, not a reserved word, unique); every rename is reported in `renames`.
 * - Optional variable labels and a dataset label (each at most 80 characters; longer ones are cut and
 *   noted). No timestamp unless one is given, so the bytes are deterministic.
 *
 * Layout (Stata's published description of format 118): <stata_dta><header>...</header><map> fourteen
 * 8-byte offsets </map><variable_types><varnames><sortlist><formats><value_label_names><variable_labels>
 * <characteristics><data><strls><value_labels></stata_dta>.
 */

export type DtaInputColumn = Float64Array | ArrayLike<string | number | null | undefined>;

export interface DtaInput {
  /** Column order; default: the keys of `columns`. */
  names?: readonly string[];
  columns: Record<string, DtaInputColumn>;
  nrow: number;
}

export interface DtaWriteOptions {
  /** Dataset label (at most 80 characters). */
  datasetLabel?: string;
  /** Variable labels keyed by the original column name. */
  variableLabels?: Record<string, string>;
  /** Timestamp written in the header ("dd Mon yyyy hh:mm", UTC); default none (deterministic output). */
  timestamp?: Date;
}

export interface DtaRename {
  from: string;
  to: string;
}

export interface DtaWriteResult {
  bytes: Uint8Array;
  /** Stata names in column order. */
  names: string[];
  /** Columns whose names were changed to satisfy Stata's rules. */
  renames: DtaRename[];
  /** Other lossy changes (labels cut, values set to missing). */
  notes: string[];
}

const T_DOUBLE = 65526;
const T_STRL = 32768;
const STR_MAX = 2045;
const MAX_VARS = 32767;
/** Stata's system missing for doubles: 2^1023 (bits 0x7FE0000000000000); anything at or above is missing. */
const DOUBLE_MISSING = 2 ** 1023;

const RESERVED = new Set([
  '_all', '_b', 'byte', '_coef', '_cons', 'double', 'float', 'if', 'in', 'int', 'long', '_n', '_N', '_pi', '_pred',
  '_rc', '_skip', 'strL', 'using', 'with',
]);

function isReserved(name: string): boolean {
  if (RESERVED.has(name)) return true;
  const m = /^str([0-9]+)$/.exec(name);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= STR_MAX;
}

/** True when `name` is a valid Stata variable name. */
export function isStataName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name) && !isReserved(name);
}

/** A valid Stata name close to `raw` (not yet made unique). */
export function stataName(raw: string): string {
  let s = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]/g, '_');
  if (s === '') s = 'var';
  if (/^[0-9]/.test(s)) s = `_${s}`;
  s = s.slice(0, 32);
  if (isReserved(s)) s = `${s.slice(0, 31)}_`;
  return s;
}

/** Stata names for `raw` in order: valid names are kept, others sanitized, clashes suffixed _2, _3, ... */
export function stataNames(raw: readonly string[]): { names: string[]; renames: DtaRename[] } {
  const taken = new Set<string>();
  const keep = raw.map((r) => {
    if (!isStataName(r) || taken.has(r)) return false;
    taken.add(r);
    return true;
  });
  const names: string[] = [];
  const renames: DtaRename[] = [];
  for (let j = 0; j < raw.length; j++) {
    if (keep[j]) {
      names.push(raw[j]);
      continue;
    }
    const base = stataName(raw[j]);
    let name = base;
    for (let k = 2; taken.has(name); k++) {
      const suffix = `_${k}`;
      name = base.slice(0, 32 - suffix.length) + suffix;
    }
    taken.add(name);
    names.push(name);
    renames.push({ from: raw[j], to: name });
  }
  return { names, renames };
}

const utf8 = new TextEncoder();

/** UTF-8 bytes of `s` cut to at most `maxChars` characters and `maxBytes` bytes, on a character boundary. */
function cutUtf8(s: string, maxChars: number, maxBytes: number): { bytes: Uint8Array; cut: boolean } {
  const chars = Array.from(s);
  let cut = false;
  if (chars.length > maxChars) {
    chars.length = maxChars;
    cut = true;
  }
  let bytes = utf8.encode(chars.join(''));
  while (bytes.length > maxBytes) {
    chars.pop();
    bytes = utf8.encode(chars.join(''));
    cut = true;
  }
  return { bytes, cut };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "dd Mon yyyy hh:mm" in UTC, the header's datetime stamp. */
export function dtaTimestamp(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
}

/** Growable little-endian byte buffer. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  view = new DataView(this.buf.buffer);
  length = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  tag(s: string): void {
    this.raw(utf8.encode(s));
  }
  raw(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** `b` in a field of exactly `width` bytes, zero padded. */
  fixed(b: Uint8Array, width: number): void {
    this.ensure(width);
    this.buf.fill(0, this.length, this.length + width);
    this.buf.set(b.subarray(0, width), this.length);
    this.length += width;
  }
  u8(v: number): void {
    this.ensure(1);
    this.view.setUint8(this.length, v);
    this.length += 1;
  }
  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.length, v, true);
    this.length += 2;
  }
  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }
  u64(v: number): void {
    this.ensure(8);
    this.view.setBigUint64(this.length, BigInt(v), true);
    this.length += 8;
  }
  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

interface PreparedColumn {
  kind: 'double' | 'str' | 'strL';
  num?: Float64Array;
  str?: Uint8Array[];
  /** str#: the width in bytes. */
  width: number;
}

function isTextColumn(c: DtaInputColumn, nrow: number): boolean {
  if (ArrayBuffer.isView(c)) return false;
  for (let i = 0; i < nrow; i++) if (typeof c[i] === 'string') return true;
  return false;
}

function prepare(c: DtaInputColumn, nrow: number, name: string, notes: string[]): PreparedColumn {
  if (!isTextColumn(c, nrow)) {
    const num = new Float64Array(nrow);
    let outOfRange = 0;
    for (let i = 0; i < nrow; i++) {
      const raw = c[i];
      const v = raw == null ? NaN : Number(raw);
      if (Number.isNaN(v)) num[i] = DOUBLE_MISSING;
      else if (v >= DOUBLE_MISSING || v === -Infinity) {
        num[i] = DOUBLE_MISSING;
        outOfRange++;
      } else num[i] = v === 0 ? 0 : v; // -0 as 0, like the CSV writer
    }
    if (outOfRange) notes.push(`${name}: ${outOfRange} value(s) beyond Stata's double range (infinite or >= 2^1023) written as missing.`);
    return { kind: 'double', num, width: 8 };
  }
  const str: Uint8Array[] = new Array(nrow);
  let width = 1;
  let hadNul = false;
  for (let i = 0; i < nrow; i++) {
    const raw = c[i];
    let s = raw == null ? '' : typeof raw === 'number' ? (Number.isNaN(raw) ? '' : String(raw)) : String(raw);
    if (s.includes('\0')) {
      s = s.replace(/\0/g, '');
      hadNul = true;
    }
    const b = utf8.encode(s);
    str[i] = b;
    if (b.length > width) width = b.length;
  }
  if (hadNul) notes.push(`${name}: NUL characters removed from text.`);
  return { kind: width > STR_MAX ? 'strL' : 'str', str, width };
}

/**
 * The bytes of a format-118 .dta file holding `input`. Throws RangeError beyond Stata's limits
 * (32,767 variables).
 */
export function writeDta(input: DtaInput, opts: DtaWriteOptions = {}): DtaWriteResult {
  const rawNames = [...(input.names ?? Object.keys(input.columns))];
  const K = rawNames.length;
  const N = input.nrow;
  if (K > MAX_VARS) throw new RangeError(`a .dta file (format 118) holds at most ${MAX_VARS} variables, got ${K}.`);
  if (!Number.isSafeInteger(N) || N < 0) throw new RangeError(`invalid row count ${N}.`);
  const notes: string[] = [];
  const { names, renames } = stataNames(rawNames);
  const cols = rawNames.map((r, j) => {
    const c = input.columns[r];
    if (c === undefined) throw new RangeError(`column '${r}' is not in the data.`);
    if (c.length < N) throw new RangeError(`column '${r}' has ${c.length} rows, ${N} expected.`);
    return prepare(c, N, names[j], notes);
  });

  const out = new Bytes();
  const map = new Array<number>(14).fill(0);
  map[0] = out.length;
  out.tag('<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>');
  out.u16(K);
  out.tag('</K><N>');
  out.u64(N);
  out.tag('</N><label>');
  const dsl = cutUtf8(opts.datasetLabel ?? '', 80, 320);
  if (dsl.cut) notes.push('dataset label cut to 80 characters.');
  out.u16(dsl.bytes.length);
  out.raw(dsl.bytes);
  out.tag('</label><timestamp>');
  const ts = opts.timestamp ? utf8.encode(dtaTimestamp(opts.timestamp)) : new Uint8Array(0);
  out.u8(ts.length);
  out.raw(ts);
  out.tag('</timestamp></header>');

  map[1] = out.length;
  out.tag('<map>');
  const mapAt = out.length;
  for (let k = 0; k < 14; k++) out.u64(0);
  out.tag('</map>');

  map[2] = out.length;
  out.tag('<variable_types>');
  for (const c of cols) out.u16(c.kind === 'double' ? T_DOUBLE : c.kind === 'strL' ? T_STRL : c.width);
  out.tag('</variable_types>');

  map[3] = out.length;
  out.tag('<varnames>');
  for (const n of names) out.fixed(utf8.encode(n), 129);
  out.tag('</varnames>');

  map[4] = out.length;
  out.tag('<sortlist>');
  for (let k = 0; k <= K; k++) out.u16(0);
  out.tag('</sortlist>');

  map[5] = out.length;
  out.tag('<formats>');
  for (const c of cols) out.fixed(utf8.encode(c.kind === 'double' ? '%10.0g' : c.kind === 'strL' ? '%9s' : `%${Math.max(c.width, 1)}s`), 57);
  out.tag('</formats>');

  map[6] = out.length;
  out.tag('<value_label_names>');
  for (let k = 0; k < K; k++) out.fixed(new Uint8Array(0), 129);
  out.tag('</value_label_names>');

  map[7] = out.length;
  out.tag('<variable_labels>');
  for (let j = 0; j < K; j++) {
    const lab = opts.variableLabels?.[rawNames[j]] ?? '';
    const l = cutUtf8(lab, 80, 320);
    if (l.cut) notes.push(`${names[j]}: variable label cut to 80 characters.`);
    out.fixed(l.bytes, 321);
  }
  out.tag('</variable_labels>');

  map[8] = out.length;
  out.tag('<characteristics></characteristics>');

  // strL contents: one GSO per distinct text per column, keyed by its first (variable, observation), 1-based.
  interface Gso {
    v: number;
    o: number;
    bytes: Uint8Array;
  }
  const gsos: Gso[] = [];
  const strlRefs = cols.map((c, j) => {
    if (c.kind !== 'strL') return undefined;
    const refs = new Array<[number, number]>(N);
    const seen = new Map<string, [number, number]>();
    const dec = new TextDecoder();
    for (let i = 0; i < N; i++) {
      const b = c.str![i];
      if (b.length === 0) {
        refs[i] = [0, 0];
        continue;
      }
      const key = dec.decode(b);
      let ref = seen.get(key);
      if (!ref) {
        ref = [j + 1, i + 1];
        seen.set(key, ref);
        gsos.push({ v: j + 1, o: i + 1, bytes: b });
      }
      refs[i] = ref;
    }
    return refs;
  });

  map[9] = out.length;
  out.tag('<data>');
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < K; j++) {
      const c = cols[j];
      if (c.kind === 'double') out.f64(c.num![i]);
      else if (c.kind === 'str') out.fixed(c.str![i], c.width);
      else {
        // (v,o) in 8 bytes: v as a 2-byte and o as a 6-byte little-endian integer.
        const [v, o] = strlRefs[j]![i];
        out.u16(v);
        out.u16(o % 65536);
        out.u32(Math.floor(o / 65536));
      }
    }
  }
  out.tag('</data>');

  map[10] = out.length;
  out.tag('<strls>');
  for (const g of gsos) {
    out.tag('GSO');
    out.u32(g.v);
    out.u64(g.o);
    out.u8(130); // text, stored with a trailing NUL counted in the length
    out.u32(g.bytes.length + 1);
    out.raw(g.bytes);
    out.u8(0);
  }
  out.tag('</strls>');

  map[11] = out.length;
  out.tag('<value_labels></value_labels>');
  map[12] = out.length;
  out.tag('</stata_dta>');
  map[13] = out.length;

  const bytes = out.result();
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < 14; k++) view.setBigUint64(mapAt + 8 * k, BigInt(map[k]), true);
  return { bytes, names, renames, notes };
}
