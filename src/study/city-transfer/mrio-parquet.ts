/**
 * The long sparse city-MRIO layout of §5.1 as Parquet: columns row_city, row_sector, col_city, col_item,
 * value (STRING ×4, DOUBLE), the same rows as the long CSV (mrio-csv.ts): zero cells omitted, col_item = sNN,
 * a final-use category, or EXP / OTHER / GO with an empty col_city; row_city = row_sector = IMP or VA for the
 * import and value-added rows. Written row group by row group (2^20 rows each) with hyparquet-writer, so the
 * paper tables (~190 M cells) never exist as one set of JS arrays; the city and sector lists go to the file's
 * key-value metadata (gvc.cities, gvc.sectors) and are collected in a first pass when another tool wrote it.
 * Read with hyparquet one row group at a time.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GvcError, InputError } from '../../errors.js';
import { FD_CATEGORIES } from './config.js';
import { K_FD, type CityMrio } from './mrio-city.js';

const NAMES = ['row_city', 'row_sector', 'col_city', 'col_item', 'value'] as const;
const GROUP = 1 << 20;

export async function writeLongParquet(t: CityMrio, path: string, rowGroup = GROUP): Promise<void> {
  const hw = await import('hyparquet-writer').catch((e: Error) => {
    throw new GvcError(`${path}: writing Parquet needs the package hyparquet-writer (${e.message}); install it with "npm install hyparquet-writer@0.17.0".`);
  });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const str = { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } as const;
  const w = new hw.ParquetWriter({
    writer: hw.fileWriter(tmp),
    schema: [
      { name: 'root', num_children: 5 },
      ...NAMES.slice(0, 4).map((name) => ({ name, ...str })),
      { name: 'value', type: 'DOUBLE', repetition_type: 'REQUIRED' },
    ],
    kvMetadata: [
      { key: 'gvc.cities', value: JSON.stringify(t.cities) },
      { key: 'gvc.sectors', value: JSON.stringify(t.sectors) },
      { key: 'gvc.year', value: String(t.year) },
    ],
  });
  const cols = NAMES.slice(0, 4).map(() => new Array<string>(rowGroup));
  const val = new Float64Array(rowGroup);
  let k = 0;
  const flush = () => {
    if (!k) return;
    void w.write({ columnData: [...NAMES.slice(0, 4).map((name, q) => ({ name, data: cols[q].slice(0, k) })), { name: 'value', data: val.slice(0, k) }], rowGroupSize: k });
    k = 0;
  };
  const push = (a: string, b: string, c: string, d: string, v: number) => {
    if (v === 0) return;
    cols[0][k] = a;
    cols[1][k] = b;
    cols[2][k] = c;
    cols[3][k] = d;
    val[k++] = v;
    if (k === rowGroup) flush();
  };
  const n = t.cities.length;
  const N = t.sectors.length;
  const nN = n * N;
  const ky = n * K_FD;
  try {
    for (let r = 0; r < nN; r++) {
      const rc = t.cities[Math.floor(r / N)];
      const rs = t.sectors[r % N];
      for (let c = 0; c < nN; c++) push(rc, rs, t.cities[Math.floor(c / N)], t.sectors[c % N], t.Z[r * nN + c]);
      for (let q = 0; q < ky; q++) push(rc, rs, t.cities[Math.floor(q / K_FD)], FD_CATEGORIES[q % K_FD], t.Y[r * ky + q]);
      push(rc, rs, '', 'EXP', t.exp[r]);
      push(rc, rs, '', 'OTHER', t.other[r]);
      push(rc, rs, '', 'GO', t.go[r]);
    }
    for (const [lab, v] of [['IMP', t.imp], ['VA', t.va]] as const) {
      if (v) for (let c = 0; c < nN; c++) push(lab, lab, t.cities[Math.floor(c / N)], t.sectors[c % N], v[c]);
    }
    flush();
    await w.finish();
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) rmSync(tmp);
    throw e;
  }
}

type Rows = { rc: string[]; rs: string[]; cc: string[]; item: string[]; value: ArrayLike<number> };

export async function readLongParquet(path: string, year: number, source = path): Promise<CityMrio> {
  const hp = await import('hyparquet').catch((e: Error) => {
    throw new GvcError(`${source}: reading Parquet needs the package hyparquet (${e.message}); install it with "npm install hyparquet@1.31.5".`);
  });
  if (!existsSync(path)) throw new InputError(`${source}: no such file.`);
  const file = await hp.asyncBufferFromFile(path);
  let md;
  try {
    md = await hp.parquetMetadataAsync(file);
  } catch (e) {
    throw new InputError(`${source}: not a readable Parquet file (${(e as Error).message}).`);
  }
  const have = hp.parquetSchema(md).children.map((c) => c.element.name);
  for (const name of NAMES) if (!have.includes(name)) throw new InputError(`${source}: missing column '${name}' (a long city MRIO has ${NAMES.join(', ')}; found ${have.join(', ')}).`);
  /** Visit the rows one row group at a time. */
  const each = async (columns: readonly string[], visit: (rows: Rows, first: number) => void): Promise<void> => {
    let start = 0;
    for (const rg of md.row_groups) {
      const len = Number(rg.num_rows);
      const got: Record<string, unknown[] | ArrayLike<number>> = {};
      await hp.parquetRead({
        file, metadata: md, columns: [...columns], rowStart: start, rowEnd: start + len,
        onChunk: (ch) => {
          const dest = (got[ch.columnName] ??= new Array(len)) as unknown[];
          for (let i = 0; i < ch.columnData.length; i++) {
            const at = ch.rowStart + i - start;
            if (at >= 0 && at < len) dest[at] = ch.columnData[i];
          }
        },
      });
      visit({ rc: got.row_city as string[], rs: got.row_sector as string[], cc: got.col_city as string[], item: got.col_item as string[], value: got.value as number[] }, start);
      start += len;
    }
  };
  const kv = new Map((md.key_value_metadata ?? []).map((e) => [e.key, e.value ?? '']));
  let cities: string[];
  let sectors: string[];
  if (kv.has('gvc.cities') && kv.has('gvc.sectors')) {
    cities = JSON.parse(kv.get('gvc.cities') as string) as string[];
    sectors = JSON.parse(kv.get('gvc.sectors') as string) as string[];
  } else {
    const cs = new Set<string>();
    const ss = new Set<string>();
    await each(['row_city', 'row_sector'], (rows) => {
      for (let i = 0; i < rows.rc.length; i++) if (rows.rc[i] !== 'IMP' && rows.rc[i] !== 'VA') (cs.add(rows.rc[i]), ss.add(rows.rs[i]));
    });
    cities = [...cs].sort();
    sectors = [...ss].sort();
  }
  const n = cities.length;
  const N = sectors.length;
  const nN = n * N;
  const ky = n * K_FD;
  const ci = new Map(cities.map((c, k) => [c, k]));
  const si = new Map(sectors.map((s, k) => [s, k]));
  const fi = new Map<string, number>(FD_CATEGORIES.map((m, k) => [m, k]));
  const t: CityMrio = {
    year, cities, sectors, source,
    Z: new Float64Array(nN * nN), Y: new Float64Array(nN * ky),
    exp: new Float64Array(nN), other: new Float64Array(nN), go: new Float64Array(nN),
  };
  await each(NAMES, (rows, first) => {
    const where = (i: number, field: string) => `${source}: row ${first + i + 1}, field ${field}`;
    const idx = (c: string, s: string, i: number, field: string): number => {
      const a = ci.get(c);
      const b = si.get(s);
      if (a === undefined || b === undefined) throw new InputError(`${where(i, field)}: unknown city or sector '${c}.${s}'.`);
      return a * N + b;
    };
    for (let i = 0; i < rows.rc.length; i++) {
      const v = Number(rows.value[i]);
      if (!Number.isFinite(v)) throw new InputError(`${where(i, 'value')}: '${rows.value[i]}' is not a number.`);
      const rc = rows.rc[i];
      const item = rows.item[i];
      const cc = rows.cc[i] ?? '';
      if (rc === 'IMP' || rc === 'VA') {
        const arr = rc === 'IMP' ? (t.imp ??= new Float64Array(nN)) : (t.va ??= new Float64Array(nN));
        arr[idx(cc, item, i, 'col_item')] = v;
        continue;
      }
      const r = idx(rc, rows.rs[i], i, 'row_sector');
      if (item === 'EXP') t.exp[r] = v;
      else if (item === 'OTHER') t.other[r] = v;
      else if (item === 'GO') t.go[r] = v;
      else if (fi.has(item)) {
        const d = ci.get(cc);
        if (d === undefined) throw new InputError(`${where(i, 'col_city')}: unknown city '${cc}'.`);
        t.Y[r * ky + d * K_FD + (fi.get(item) as number)] = v;
      } else t.Z[r * nN + idx(cc, item, i, 'col_item')] = v;
    }
  });
  return t;
}
