/**
 * Streaming reader of CEPII BACI trade files (Gaulier and Zignago 2010, "BACI: International trade database
 * at the product-level", CEPII WP 2010-23): CSV with columns t, i, j, k, v, q (year, exporter, importer,
 * HS6 product, value in thousand USD, quantity in tonnes), plain or gzip. Rows are parsed one at a time and
 * handed to a callback after pushdown filters on exporter and importer, so memory does not grow with the
 * file (only the duplicate-key check grows, with the kept rows).
 * Rules (asean-similarity spec 5.2): k is text left-padded to 6 digits (71120 -> "071120"); v > 0;
 * q may be blank, NA or space-padded (null); t must equal the file's year when the name carries one
 * (BACI_HS17_Y2020_V202401.csv); i = j, duplicate (t,i,j,k), v <= 0 and non-numeric cells are errors naming
 * file, row and field.
 */
import { createReadStream, openSync, readSync, closeSync, existsSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import { InputError } from '../errors.js';

export interface BaciRow {
  t: number;
  i: number;
  j: number;
  /** HS code, 6 characters, zero-padded. */
  k: string;
  /** Thousand current USD. */
  v: number;
  /** Tonnes, or null. */
  q: number | null;
}

export interface BaciReadOptions {
  /** Keep only rows whose exporter is in this set. */
  exporters?: ReadonlySet<number>;
  /** Keep only rows whose importer is in this set. */
  importers?: ReadonlySet<number>;
  /** Check duplicate (t,i,j,k) among the kept rows (default true). */
  checkDuplicates?: boolean;
}

export interface BaciReadSummary {
  source: string;
  rows: number;
  kept: number;
  years: number[];
  /** HS revision from the file name (e.g. "HS17"), when present. */
  revision?: string;
}

/** Year in a BACI file name (BACI_HS17_Y2020_V202401.csv -> 2020), else undefined. */
export function baciYearFromName(path: string): number | undefined {
  const m = basename(path).match(/_Y((?:19|20)\d\d)(?:_|\.|$)/i);
  return m ? Number(m[1]) : undefined;
}

/** HS revision in a file name (BACI_HS17_..., baci_hs17_2020_...) as "HS17", else undefined. */
export function baciRevisionFromName(path: string): string | undefined {
  const m = basename(path).match(/(?:^|[_.-])HS(\d\d)(?:[_.-]|$)/i);
  return m ? `HS${m[1]}` : undefined;
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    if (line[i] === '"') {
      let j = i + 1;
      let s = '';
      while (j < n) {
        if (line[j] === '"') {
          if (line[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += line[j++];
      }
      out.push(s);
      i = j + 2;
    } else {
      let j = line.indexOf(',', i);
      if (j < 0) j = n;
      out.push(line.slice(i, j));
      i = j + 1;
    }
  }
  return out;
}

const COLS = ['t', 'i', 'j', 'k', 'v', 'q'] as const;

/** Parser state for one file: header positions and validation. */
export class BaciParser {
  private pos: number[] = [];
  private seen = new Set<string>();
  rows = 0;
  kept = 0;
  readonly years = new Set<number>();

  constructor(
    readonly source: string,
    private readonly opts: BaciReadOptions = {},
    private readonly fileYear?: number,
  ) {}

  header(line: string): void {
    const h = splitCsv(line.replace(/^\uFEFF/, '')).map((s) => s.trim().toLowerCase());
    this.pos = COLS.map((c) => h.indexOf(c));
    const miss = COLS.filter((_, k) => this.pos[k] < 0 && COLS[k] !== 'q');
    if (miss.length) throw new InputError(`${this.source}: the header lacks column(s) ${miss.join(', ')} (expected t,i,j,k,v,q).`);
  }

  /** Parse a data line (lineNo is 1-based, counting the header); returns the row or undefined if filtered out. */
  line(text: string, lineNo: number): BaciRow | undefined {
    if (text.trim() === '') return undefined;
    this.rows++;
    const f = splitCsv(text);
    const src = this.source;
    const int = (k: number): number => {
      const raw = (f[this.pos[k]] ?? '').trim();
      const x = Number(raw);
      if (raw === '' || !Number.isInteger(x)) throw new InputError(`${src}: row ${lineNo}, field "${COLS[k]}" is not an integer ("${raw}").`);
      return x;
    };
    const i = int(1);
    const j = int(2);
    if (this.opts.exporters && !this.opts.exporters.has(i)) return undefined;
    if (this.opts.importers && !this.opts.importers.has(j)) return undefined;
    const t = int(0);
    if (this.fileYear !== undefined && t !== this.fileYear) {
      throw new InputError(`${src}: row ${lineNo}, field "t" is ${t} but the file is for year ${this.fileYear}.`);
    }
    if (i === j) throw new InputError(`${src}: row ${lineNo}: exporter and importer are both ${i}.`);
    const kRaw = (f[this.pos[3]] ?? '').trim();
    if (!/^\d{1,6}$/.test(kRaw)) throw new InputError(`${src}: row ${lineNo}, field "k" is not an HS6 code ("${kRaw}").`);
    const k = kRaw.padStart(6, '0');
    const vRaw = (f[this.pos[4]] ?? '').trim();
    const v = Number(vRaw);
    if (vRaw === '' || !Number.isFinite(v)) throw new InputError(`${src}: row ${lineNo}, field "v" is not a number ("${vRaw}").`);
    if (v <= 0) throw new InputError(`${src}: row ${lineNo}, field "v" is ${v}; BACI values must be positive.`);
    let q: number | null = null;
    if (this.pos[5] >= 0) {
      const qRaw = (f[this.pos[5]] ?? '').trim();
      if (qRaw !== '' && qRaw.toUpperCase() !== 'NA') {
        q = Number(qRaw);
        if (!Number.isFinite(q)) throw new InputError(`${src}: row ${lineNo}, field "q" is not a number ("${qRaw}").`);
      }
    }
    if (this.opts.checkDuplicates !== false) {
      const key = `${t},${i},${j},${k}`;
      if (this.seen.has(key)) throw new InputError(`${src}: row ${lineNo} repeats (t,i,j,k) = (${key}).`);
      this.seen.add(key);
    }
    this.kept++;
    this.years.add(t);
    return { t, i, j, k, v, q };
  }
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(2);
    const n = readSync(fd, b, 0, 2, 0);
    return n === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Stream one BACI file, calling onRow for every kept row. */
export async function readBaci(path: string, onRow: (row: BaciRow) => void, opts: BaciReadOptions = {}): Promise<BaciReadSummary> {
  if (!existsSync(path)) throw new InputError(`${path}: no such file.`);
  if (statSync(path).isDirectory()) throw new InputError(`${path}: is a directory, expected a BACI CSV file.`);
  const parser = new BaciParser(path, opts, baciYearFromName(path));
  const raw = createReadStream(path);
  const input = isGzip(path) ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const line of rl) {
      lineNo++;
      if (lineNo === 1) {
        parser.header(line);
        continue;
      }
      const row = parser.line(line, lineNo);
      if (row) onRow(row);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: read failed near row ${lineNo} (${(e as Error).message}).`);
  } finally {
    rl.close();
    raw.destroy();
  }
  if (lineNo === 0) throw new InputError(`${path}: the file is empty.`);
  return { source: path, rows: parser.rows, kept: parser.kept, years: [...parser.years].sort((a, b) => a - b), revision: baciRevisionFromName(path) };
}
