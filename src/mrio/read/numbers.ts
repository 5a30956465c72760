/**
 * Fast scanning of delimited numeric text straight from bytes (no giant JS strings), shared by the
 * readers of the big MRIO databases. Pure: works on a Uint8Array, so browsers can use it too.
 *
 * Numbers are parsed by hand on the fast path (up to 15 significant digits and a power of ten up to
 * 22, which gives the correctly rounded double, as Number() does); anything else falls back to
 * Number() on the field text. Empty fields are 0. A field that is not a number raises an InputError
 * naming the file, the line and the field (1-based).
 */
import { InputError } from '../../errors.js';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

function latin1(b: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(b[i]);
  return out;
}

/** Parse bytes b[s..e) as a number; NaN when it is not one. Surrounding blanks and quotes are ignored. */
export function parseNumberBytes(b: Uint8Array, s: number, e: number): number {
  while (s < e && (b[s] === 32 || b[s] === 9 || b[s] === 34)) s++;
  while (e > s && (b[e - 1] === 32 || b[e - 1] === 9 || b[e - 1] === 34 || b[e - 1] === 13)) e--;
  if (s === e) return 0;
  let i = s;
  let neg = false;
  if (b[i] === 45) {
    neg = true;
    i++;
  } else if (b[i] === 43) i++;
  let mant = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  while (i < e && b[i] >= 48 && b[i] <= 57) {
    if (digits > 0 || b[i] !== 48) digits++;
    mant = mant * 10 + (b[i] - 48);
    any = true;
    i++;
  }
  if (i < e && b[i] === 46) {
    i++;
    while (i < e && b[i] >= 48 && b[i] <= 57) {
      if (digits > 0 || b[i] !== 48) digits++;
      mant = mant * 10 + (b[i] - 48);
      scale--;
      any = true;
      i++;
    }
  }
  if (!any) return Number(latin1(b, s, e));
  if (i < e && (b[i] === 101 || b[i] === 69)) {
    i++;
    let eneg = false;
    if (b[i] === 45) {
      eneg = true;
      i++;
    } else if (b[i] === 43) i++;
    let ex = 0;
    let exDigits = 0;
    while (i < e && b[i] >= 48 && b[i] <= 57) {
      ex = ex * 10 + (b[i] - 48);
      exDigits++;
      i++;
    }
    if (exDigits === 0) return NaN;
    scale += eneg ? -ex : ex;
  }
  if (i !== e) return Number(latin1(b, s, e));
  if (digits > 15 || scale > 22 || scale < -22) return Number(latin1(b, s, e));
  const v = scale >= 0 ? mant * POW10[scale] : mant / POW10[-scale];
  return neg ? -v : v;
}

export interface NumericGrid {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface GridOptions {
  /** Field separator byte (default: tab when the first line has a tab, else comma). */
  sep?: number;
  /** Lines to skip at the top (headers). */
  skipLines?: number;
  /** Leading fields of every line to skip (row labels). */
  skipFields?: number;
  /** Expected number of numeric columns; lines with a different count are an error. Default: the first line's. */
  cols?: number;
  /** Expected number of data lines; a different count is an error (truncated file). */
  rows?: number;
  /** Name used in error messages (usually the file path). */
  source?: string;
  /** Allow one trailing empty field per line (a trailing separator, as in some Eora files). */
  trailingSep?: boolean;
}

/** Index just past the end of line starting at p (position of '\n' or the end). */
function lineEnd(b: Uint8Array, p: number): number {
  const n = b.length;
  while (p < n && b[p] !== 10) p++;
  return p;
}

function isBlankLine(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] !== 32 && b[i] !== 9 && b[i] !== 13 && b[i] !== 44) return false;
  return true;
}

/** Guess the separator from the first line: tab, semicolon or comma. */
export function guessSeparator(b: Uint8Array): number {
  const e = lineEnd(b, 0);
  let tabs = 0;
  let commas = 0;
  let semis = 0;
  for (let i = 0; i < e; i++) {
    if (b[i] === 9) tabs++;
    else if (b[i] === 44) commas++;
    else if (b[i] === 59) semis++;
  }
  if (tabs > 0 && tabs >= commas) return 9;
  if (semis > commas) return 59;
  return 44;
}

/**
 * Read a rectangular block of numbers (one line per row). Blank lines at the end are ignored; blank
 * lines inside the block are an error (a truncated or spliced file).
 */
export function parseGrid(b: Uint8Array, opts: GridOptions = {}): NumericGrid {
  const src = opts.source ?? 'file';
  const sep = opts.sep ?? guessSeparator(b);
  const n = b.length;
  let p = 0;
  let line = 0;
  for (let k = 0; k < (opts.skipLines ?? 0); k++) {
    p = lineEnd(b, p) + 1;
    line++;
  }
  const skip = opts.skipFields ?? 0;
  let cols = opts.cols ?? -1;
  let cap = opts.rows !== undefined && cols >= 0 ? opts.rows * cols : 1 << 16;
  let data = new Float64Array(cap);
  let count = 0;
  let rows = 0;
  const lineStarts: number[] = [];
  while (p < n) {
    const e = lineEnd(b, p);
    line++;
    if (isBlankLine(b, p, e)) {
      // only trailing blank lines are allowed
      let q = e + 1;
      while (q < n) {
        const e2 = lineEnd(b, q);
        if (!isBlankLine(b, q, e2)) throw new InputError(`${src}: line ${line} is empty inside the data (truncated or spliced file).`);
        q = e2 + 1;
      }
      break;
    }
    lineStarts.push(p);
    let field = 0;
    let fs = p;
    let got = 0;
    const rowStart = count;
    for (let i = p; i <= e; i++) {
      if (i === e || b[i] === sep) {
        let fe = i;
        if (fe > fs && b[fe - 1] === 13) fe--;
        if (field >= skip) {
          const isLastEmpty = i === e && fe === fs && opts.trailingSep;
          if (!isLastEmpty) {
            const v = parseNumberBytes(b, fs, fe);
            if (Number.isNaN(v)) {
              throw new InputError(`${src}: line ${line}, field ${field + 1} is not a number ("${latin1(b, fs, Math.min(fe, fs + 40))}").`);
            }
            if (count >= cap) {
              cap *= 2;
              const nd = new Float64Array(cap);
              nd.set(data);
              data = nd;
            }
            data[count++] = v;
            got++;
          }
        }
        field++;
        fs = i + 1;
      }
    }
    if (cols < 0) cols = got;
    if (got !== cols) {
      throw new InputError(`${src}: line ${line} has ${got} numeric fields but ${cols} were expected (truncated or malformed line).`);
    }
    void rowStart;
    rows++;
    p = e + 1;
  }
  if (cols < 0) cols = 0;
  if (opts.rows !== undefined && rows !== opts.rows) {
    throw new InputError(`${src}: has ${rows} data lines but ${opts.rows} were expected (truncated file?).`);
  }
  return { rows, cols, data: count === data.length ? data : data.slice(0, count) };
}

/** Split a small text file (labels) into rows of trimmed fields; blank lines dropped. */
export function labelRows(text: string, sep = '\t'): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(sep).map((s) => s.trim()));
}

/** Distinct values in order of first appearance, requiring contiguous runs (country-major order). */
export function contiguousGroups(keys: string[], what: string, src: string): { names: string[]; sizes: number[] } {
  const names: string[] = [];
  const sizes: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (names.length > 0 && names[names.length - 1] === k) {
      sizes[sizes.length - 1]++;
      continue;
    }
    if (seen.has(k)) throw new InputError(`${src}: row ${i + 1}: ${what} "${k}" appears again after other ${what}s (rows must be grouped by ${what}).`);
    seen.add(k);
    names.push(k);
    sizes.push(1);
  }
  return { names, sizes };
}

export interface LabeledGrid {
  /** Header lines split into fields (quotes removed), as many as headerLines. */
  header: string[][];
  /** Per data row, its first labelFields fields. */
  rowLabels: string[][];
  /** 1-based file line of each data row. */
  rowLine: number[];
  rows: number;
  cols: number;
  data: Float64Array;
}

function unquote(s: string): string {
  s = s.trim();
  if (s.length >= 2 && s[0] === '"' && s[s.length - 1] === '"') return s.slice(1, -1).replace(/""/g, '"');
  return s;
}

/**
 * A delimited table with header lines and leading label fields, numbers elsewhere: the layout of OECD
 * ICIO CSVs and EXIOBASE text files. Every data line must have the same number of numeric fields
 * (the header's count minus the label fields, unless `cols` is given).
 */
export function parseLabeledGrid(
  b: Uint8Array,
  opts: { sep?: number; headerLines: number; labelFields: number; source?: string; cols?: number; skipLine?: (labels: string[]) => boolean },
): LabeledGrid {
  const src = opts.source ?? 'file';
  const sep = opts.sep ?? guessSeparator(b);
  const sepChar = String.fromCharCode(sep);
  const n = b.length;
  let p = 0;
  if (n >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) p = 3;
  const header: string[][] = [];
  let line = 0;
  const dec = new TextDecoder();
  for (let k = 0; k < opts.headerLines; k++) {
    const e = lineEnd(b, p);
    line++;
    if (p >= n) throw new InputError(`${src}: the file ends before header line ${k + 1}.`);
    let text = dec.decode(b.subarray(p, e));
    if (text.endsWith('\r')) text = text.slice(0, -1);
    header.push(splitQuoted(text, sepChar).map(unquote));
    p = e + 1;
  }
  const L = opts.labelFields;
  const cols = opts.cols ?? (header.length > 0 ? header[0].length - L : -1);
  let ncols = cols;
  let cap = Math.max(1, ncols) * 256;
  let data = new Float64Array(cap);
  let count = 0;
  const rowLabels: string[][] = [];
  const rowLine: number[] = [];
  while (p < n) {
    const e = lineEnd(b, p);
    line++;
    if (isBlankLine(b, p, e)) {
      p = e + 1;
      let q = p;
      while (q < n) {
        const e2 = lineEnd(b, q);
        if (!isBlankLine(b, q, e2)) throw new InputError(`${src}: line ${line} is empty inside the data (truncated or spliced file).`);
        q = e2 + 1;
      }
      break;
    }
    // labels
    const labels: string[] = [];
    let fs = p;
    let i = p;
    while (labels.length < L) {
      if (b[i] === 34) {
        // quoted label
        let j = i + 1;
        while (j < e && !(b[j] === 34 && b[j + 1] !== 34)) j += b[j] === 34 ? 2 : 1;
        i = j + 1;
      }
      while (i < e && b[i] !== sep) i++;
      let fe = i;
      if (fe > fs && b[fe - 1] === 13) fe--;
      labels.push(unquote(dec.decode(b.subarray(fs, fe))));
      if (i >= e && labels.length < L) throw new InputError(`${src}: line ${line} has fewer than ${L} label fields (truncated line).`);
      i++;
      fs = i;
    }
    if (opts.skipLine?.(labels)) {
      p = e + 1;
      continue;
    }
    let got = 0;
    const rowStart = count;
    if (fs <= e) {
      for (let k = fs; k <= e; k++) {
        if (k === e || b[k] === sep) {
          let fe = k;
          if (fe > fs && b[fe - 1] === 13) fe--;
          const v = parseNumberBytes(b, fs, fe);
          if (Number.isNaN(v)) {
            const h = header.length > 0 ? header[header.length - 1][L + got] ?? header[0][L + got] : undefined;
            throw new InputError(
              `${src}: line ${line} (row "${labels.join(' ')}"), field ${L + got + 1}${h ? ` ("${h}")` : ''} is not a number ("${latin1(b, fs, Math.min(fe, fs + 40))}").`,
            );
          }
          if (count >= cap) {
            cap *= 2;
            const nd = new Float64Array(cap);
            nd.set(data);
            data = nd;
          }
          data[count++] = v;
          got++;
          fs = k + 1;
        }
      }
    }
    if (ncols < 0) ncols = got;
    if (got !== ncols) {
      throw new InputError(`${src}: line ${line} (row "${labels.join(' ')}") has ${got} numeric fields but ${ncols} were expected (truncated or malformed line).`);
    }
    void rowStart;
    rowLabels.push(labels);
    rowLine.push(line);
    p = e + 1;
  }
  return { header, rowLabels, rowLine, rows: rowLabels.length, cols: Math.max(ncols, 0), data: count === data.length ? data : data.slice(0, count) };
}

/** Split a line on sep honouring double quotes (quotes kept; see unquote). */
function splitQuoted(line: string, sep: string): string[] {
  if (line.indexOf('"') < 0) return line.split(sep);
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      q = !q;
      cur += ch;
    } else if (ch === sep && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
