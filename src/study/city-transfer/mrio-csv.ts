/**
 * City-MRIO interchange formats of §5.1 (reader and writer, round-trip number formatting: String(x)).
 *
 * Wide CSV: header `country,sector,<CITY.sNN…>,<CITY.RURAL|URBAN|GOV|GFCF|INVEN…>,EXP,OTHER,GO`, one row per
 *   city × sector in city then sector order, optionally followed by rows `IMP,IMP,…` and `VA,VA,…` filled in
 *   the CITY.sNN columns only. Columns are matched by label, so their order is free.
 * Long CSV (`.long.csv`): row_city,row_sector,col_city,col_item,value with col_item = sNN, a final-use
 *   category, or EXP / OTHER / GO (col_city empty); row_city = row_sector = IMP or VA for those rows; zero
 *   cells omitted. Cities and sectors are sorted by code.
 * Writers stream to a temporary file renamed when complete.
 */
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../errors.js';
import { FD_CATEGORIES } from './config.js';
import { K_FD, type CityMrio } from './mrio-city.js';

const f = (v: number): string => (v === 0 ? '0' : String(v));

/** Chunked writer to `<dir>/.<name>.tmp`, renamed onto `path` by close(). */
export class AtomicFile {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  private readonly tmp: string;
  constructor(private readonly path: string) {
    mkdirSync(dirname(path) || '.', { recursive: true });
    this.tmp = join(dirname(path) || '.', `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 22) this.flush();
  }
  private flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
  }
}

export function writeWideCsv(t: CityMrio, path: string): void {
  const n = t.cities.length;
  const N = t.sectors.length;
  const nN = n * N;
  const out = new AtomicFile(path);
  const head = ['country', 'sector'];
  for (const c of t.cities) for (const s of t.sectors) head.push(`${c}.${s}`);
  for (const c of t.cities) for (const m of FD_CATEGORIES) head.push(`${c}.${m}`);
  head.push('EXP', 'OTHER', 'GO');
  out.write(head.join(',') + '\n');
  for (let r = 0; r < nN; r++) {
    const cells: string[] = [t.cities[Math.floor(r / N)], t.sectors[r % N]];
    for (let c = 0; c < nN; c++) cells.push(f(t.Z[r * nN + c]));
    for (let k = 0; k < n * K_FD; k++) cells.push(f(t.Y[r * n * K_FD + k]));
    cells.push(f(t.exp[r]), f(t.other[r]), f(t.go[r]));
    out.write(cells.join(',') + '\n');
  }
  const tail = ','.repeat(n * K_FD + 3);
  for (const [lab, v] of [['IMP', t.imp], ['VA', t.va]] as const) {
    if (!v) continue;
    out.write(`${lab},${lab},${Array.from(v, f).join(',')}${tail}\n`);
  }
  out.close();
}

/** Split text into lines (no trailing empty line). */
function lines(text: string): string[] {
  const ls = text.split(/\r?\n/);
  while (ls.length && ls[ls.length - 1] === '') ls.pop();
  return ls;
}

function parseNum(s: string, file: string, row: number, col: string): number {
  if (s === '') return 0;
  const v = Number(s);
  if (!Number.isFinite(v)) throw new InputError(`${file}: row ${row}, column ${col}: '${s}' is not a number.`);
  return v;
}

export function readWideCsv(text: string, year: number, file: string): CityMrio {
  const ls = lines(text);
  if (ls.length < 2) throw new InputError(`${file}: no data rows.`);
  const head = ls[0].split(',').map((h) => h.trim());
  if (head[0] !== 'country' || head[1] !== 'sector') throw new InputError(`${file}: the header must start with country,sector.`);
  const cities: string[] = [];
  const sectors: string[] = [];
  const extra: Record<string, number> = {};
  let nData = 0;
  for (let r = 1; r < ls.length; r++) {
    const k1 = ls[r].indexOf(',');
    const c = ls[r].slice(0, k1);
    const s = ls[r].slice(k1 + 1, ls[r].indexOf(',', k1 + 1));
    if (c === 'IMP' || c === 'VA') {
      extra[c] = r;
      continue;
    }
    nData++;
    if (cities[cities.length - 1] !== c) cities.push(c);
    if (cities.length === 1) sectors.push(s);
  }
  const n = cities.length;
  const N = sectors.length;
  const nN = n * N;
  if (nData !== nN) throw new InputError(`${file}: ${nData} data rows but ${n} cities × ${N} sectors = ${nN}; rows must be city × sector in order.`);
  const ci = new Map(cities.map((c, k) => [c, k]));
  const si = new Map(sectors.map((s, k) => [s, k]));
  const fi = new Map<string, number>(FD_CATEGORIES.map((m, k) => [m, k]));
  // column h -> kind: 0 Z, 1 Y, 2 EXP, 3 OTHER, 4 GO; target index
  const kind = new Int8Array(head.length).fill(-1);
  const target = new Int32Array(head.length);
  head.forEach((h, k) => {
    if (k < 2) return;
    if (h === 'EXP' || h === 'OTHER' || h === 'GO') {
      kind[k] = h === 'EXP' ? 2 : h === 'OTHER' ? 3 : 4;
      return;
    }
    const dot = h.lastIndexOf('.');
    const c = ci.get(h.slice(0, dot));
    const item = h.slice(dot + 1);
    if (c === undefined) throw new InputError(`${file}: column '${h}' names a city with no rows.`);
    if (si.has(item)) {
      kind[k] = 0;
      target[k] = c * N + (si.get(item) as number);
    } else if (fi.has(item)) {
      kind[k] = 1;
      target[k] = c * K_FD + (fi.get(item) as number);
    } else throw new InputError(`${file}: column '${h}' is neither CITY.sNN nor a final-use category.`);
  });
  const t: CityMrio = {
    year, cities, sectors, source: file,
    Z: new Float64Array(nN * nN), Y: new Float64Array(nN * n * K_FD),
    exp: new Float64Array(nN), other: new Float64Array(nN), go: new Float64Array(nN),
  };
  let r = 0;
  for (let l = 1; l < ls.length; l++) {
    const cells = ls[l].split(',');
    const lab = cells[0];
    if (lab === 'IMP' || lab === 'VA') {
      const v = new Float64Array(nN);
      for (let k = 2; k < cells.length; k++) if (kind[k] === 0) v[target[k]] = parseNum(cells[k], file, l + 1, head[k]);
      if (lab === 'IMP') t.imp = v;
      else t.va = v;
      continue;
    }
    if (cells.length !== head.length) throw new InputError(`${file}: row ${l + 1} has ${cells.length} fields, the header ${head.length}.`);
    for (let k = 2; k < cells.length; k++) {
      const v = parseNum(cells[k], file, l + 1, head[k]);
      switch (kind[k]) {
        case 0: t.Z[r * nN + target[k]] = v; break;
        case 1: t.Y[r * n * K_FD + target[k]] = v; break;
        case 2: t.exp[r] = v; break;
        case 3: t.other[r] = v; break;
        default: t.go[r] = v;
      }
    }
    r++;
  }
  return t;
}

export function writeLongCsv(t: CityMrio, path: string): void {
  const n = t.cities.length;
  const N = t.sectors.length;
  const nN = n * N;
  const out = new AtomicFile(path);
  out.write('row_city,row_sector,col_city,col_item,value\n');
  for (let r = 0; r < nN; r++) {
    const pre = `${t.cities[Math.floor(r / N)]},${t.sectors[r % N]},`;
    const parts: string[] = [];
    for (let c = 0; c < nN; c++) {
      const v = t.Z[r * nN + c];
      if (v !== 0) parts.push(`${pre}${t.cities[Math.floor(c / N)]},${t.sectors[c % N]},${f(v)}\n`);
    }
    for (let k = 0; k < n * K_FD; k++) {
      const v = t.Y[r * n * K_FD + k];
      if (v !== 0) parts.push(`${pre}${t.cities[Math.floor(k / K_FD)]},${FD_CATEGORIES[k % K_FD]},${f(v)}\n`);
    }
    if (t.exp[r] !== 0) parts.push(`${pre},EXP,${f(t.exp[r])}\n`);
    if (t.other[r] !== 0) parts.push(`${pre},OTHER,${f(t.other[r])}\n`);
    parts.push(`${pre},GO,${f(t.go[r])}\n`);
    out.write(parts.join(''));
  }
  for (const [lab, v] of [['IMP', t.imp], ['VA', t.va]] as const) {
    if (!v) continue;
    for (let c = 0; c < nN; c++) if (v[c] !== 0) out.write(`${lab},${lab},${t.cities[Math.floor(c / N)]},${t.sectors[c % N]},${f(v[c])}\n`);
  }
  out.close();
}

export function readLongCsv(text: string, year: number, file: string): CityMrio {
  const ls = lines(text);
  const head = ls[0]?.split(',').map((h) => h.trim()) ?? [];
  if (head.join(',') !== 'row_city,row_sector,col_city,col_item,value') throw new InputError(`${file}: header must be row_city,row_sector,col_city,col_item,value.`);
  const cs = new Set<string>();
  const ss = new Set<string>();
  for (let l = 1; l < ls.length; l++) {
    const [rc, rs] = ls[l].split(',', 2);
    if (rc === 'IMP' || rc === 'VA') continue;
    cs.add(rc);
    ss.add(rs);
  }
  const cities = [...cs].sort();
  const sectors = [...ss].sort();
  const n = cities.length;
  const N = sectors.length;
  const nN = n * N;
  const ci = new Map(cities.map((c, k) => [c, k]));
  const si = new Map(sectors.map((s, k) => [s, k]));
  const fi = new Map<string, number>(FD_CATEGORIES.map((m, k) => [m, k]));
  const t: CityMrio = {
    year, cities, sectors, source: file,
    Z: new Float64Array(nN * nN), Y: new Float64Array(nN * n * K_FD),
    exp: new Float64Array(nN), other: new Float64Array(nN), go: new Float64Array(nN),
  };
  const idx = (c: string, s: string, l: number): number => {
    const a = ci.get(c);
    const b = si.get(s);
    if (a === undefined || b === undefined) throw new InputError(`${file}: row ${l + 1}: unknown city or sector '${c}.${s}'.`);
    return a * N + b;
  };
  for (let l = 1; l < ls.length; l++) {
    const [rc, rs, cc, item, val] = ls[l].split(',');
    const v = parseNum(val ?? '', file, l + 1, 'value');
    if (rc === 'IMP' || rc === 'VA') {
      const arr = rc === 'IMP' ? (t.imp ??= new Float64Array(nN)) : (t.va ??= new Float64Array(nN));
      arr[idx(cc, item, l)] = v;
      continue;
    }
    const r = idx(rc, rs, l);
    if (item === 'EXP') t.exp[r] = v;
    else if (item === 'OTHER') t.other[r] = v;
    else if (item === 'GO') t.go[r] = v;
    else if (fi.has(item)) t.Y[r * n * K_FD + (ci.get(cc) as number) * K_FD + (fi.get(item) as number)] = v;
    else t.Z[r * nN + idx(cc, item, l)] = v;
  }
  return t;
}
