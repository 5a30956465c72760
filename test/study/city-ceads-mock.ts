/**
 * Test helper: write a CityMrio as a CEADs-like workbook with exceljs (Chinese labels):
 *   row 1   title, "单位：<unit>"
 *   row 2   city names over the Z columns (N each) and over the final-use columns (k each)
 *   row 3   地区 / 部门 / 代码, sector labels, final-use names, trailing names (出口, [进口], 其他, 总产出)
 *   rows    one per city × sector: A city name, B sector name, C sector code "NN", numbers from D
 *   bottom  进口 (IMP), 增加值 (VA) or its four components, 总投入 (GO)
 * Values are written divided by `divide` (unit tests).
 */
import ExcelJS from 'exceljs';
import type { FdSlot } from '../../src/mrio/read/ceads/layout.js';
import { FD_CATEGORIES } from '../../src/study/city-transfer/config.js';
import { K_FD, type CityMrio } from '../../src/study/city-transfer/mrio-city.js';

export const FD_NAMES: Record<string, string> = { RURAL: '农村居民消费', URBAN: '城镇居民消费', GOV: '政府消费', GFCF: '固定资本形成总额', INVEN: '存货增加', SKIP: '最终使用合计' };
const SECTOR_ZH: Record<string, string> = { s01: '农林牧渔产品和服务', s07: '纺织品', s12: '化学产品', s25: '电力、热力的生产和供应', s32: '信息传输、软件和信息技术服务', s34: '房地产' };

export interface MockOptions {
  names: Record<string, string>;
  unit?: string;
  divide?: number;
  /** Competitive-import column (written after 出口). */
  im?: Float64Array;
  /** Final-use columns per city, in workbook order (SKIP = a 最终使用合计 column). */
  fd?: FdSlot[];
  /** Split VA into its four components (shares .4, .1, .15, .35). */
  vaParts?: boolean;
  sheet?: string;
  /** Merge the city header cells (exceljs repeats the master value when reading). */
  merge?: boolean;
}

export async function writeMockCeads(path: string, t: CityMrio, o: MockOptions): Promise<void> {
  const n = t.cities.length;
  const N = t.sectors.length;
  const nN = n * N;
  const fd = o.fd ?? [...FD_CATEGORIES];
  const k = fd.length;
  const div = o.divide ?? 1;
  const v = (x: number) => x / div;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(o.sheet ?? String(t.year));
  const name = (c: number) => o.names[t.cities[c]];
  const secName = (s: number) => SECTOR_ZH[t.sectors[s]] ?? `部门${t.sectors[s]}`;
  ws.addRow([`${t.year}年中国城市间投入产出表`, '', `单位：${o.unit ?? '万元'}`]);
  const r2: unknown[] = ['', '', ''];
  const r3: unknown[] = ['地区', '部门', '代码'];
  for (let c = 0; c < n; c++) for (let s = 0; s < N; s++) (r2.push(name(c)), r3.push(secName(s)));
  for (let c = 0; c < n; c++) for (const f of fd) (r2.push(name(c)), r3.push(FD_NAMES[f]));
  const trail = o.im ? ['出口', '进口', '其他', '总产出'] : ['出口', '其他', '总产出'];
  for (const h of trail) (r2.push(''), r3.push(h));
  ws.addRow(r2);
  ws.addRow(r3);
  if (o.merge) for (let c = 0; c < n; c++) ws.mergeCells(2, 4 + c * N, 2, 4 + c * N + N - 1);
  for (let r = 0; r < nN; r++) {
    const c = Math.floor(r / N);
    const row: unknown[] = [name(c), secName(r % N), t.sectors[r % N].slice(1)];
    for (let q = 0; q < nN; q++) row.push(v(t.Z[r * nN + q]));
    for (let d = 0; d < n; d++) {
      for (const f of fd) {
        if (f === 'SKIP') {
          let s = 0;
          for (let m = 0; m < K_FD; m++) s += t.Y[(r * n + d) * K_FD + m];
          row.push(v(s));
        } else row.push(v(t.Y[(r * n + d) * K_FD + FD_CATEGORIES.indexOf(f)]));
      }
    }
    row.push(v(t.exp[r]));
    if (o.im) row.push(v(o.im[r]));
    row.push(v(t.other[r]), v(t.go[r]));
    ws.addRow(row);
  }
  const bottom = (label: string, a: ArrayLike<number>) => ws.addRow([label, '', '', ...Array.from(a, v)]);
  if (t.imp) bottom('进口', t.imp);
  if (t.va && o.vaParts) {
    const va = t.va;
    (['劳动者报酬', '生产税净额', '固定资产折旧', '营业盈余'] as const).forEach((lab, q) => bottom(lab, Array.from(va, (x) => x * [0.4, 0.1, 0.15, 0.35][q])));
  } else if (t.va) bottom('增加值', t.va);
  bottom('总投入', t.go);
  await wb.xlsx.writeFile(path);
}

/** A hand-made 2-city × 2-sector table (Beijing 110000, Tianjin 120000), balanced by construction. */
export function twoCity(): CityMrio {
  const cities = ['110000', '120000'];
  const sectors = ['s01', 's02'];
  const Z = Float64Array.from([10, 4, 3, 1, 5, 12, 2, 2, 2, 1, 8, 6, 1, 3, 4, 9]);
  const Y = new Float64Array(4 * 2 * K_FD);
  for (let q = 0; q < Y.length; q++) Y[q] = ((q * 7) % 11) + 1;
  Y[2 * K_FD * 1 + K_FD - 1] = -2; // negative inventory change is allowed
  const exp = Float64Array.from([6, 2, 0, 3]);
  const other = Float64Array.from([0, 1, 0, -1]);
  const go = new Float64Array(4);
  for (let r = 0; r < 4; r++) {
    let s = exp[r] + other[r];
    for (let c = 0; c < 4; c++) s += Z[r * 4 + c];
    for (let q = 0; q < 2 * K_FD; q++) s += Y[r * 2 * K_FD + q];
    go[r] = s;
  }
  const imp = Float64Array.from([2, 3, 1, 2]);
  const va = Float64Array.from(go, (x, c) => x - imp[c] - [0, 1, 2, 3].reduce((a, r) => a + Z[r * 4 + c], 0));
  return { year: 2012, cities, sectors, Z, Y, exp, other, go, imp, va, source: 'two-city' };
}

export const copyTable = (t: CityMrio): CityMrio => ({
  ...t, Z: t.Z.slice(), Y: t.Y.slice(), exp: t.exp.slice(), other: t.other.slice(), go: t.go.slice(), imp: t.imp?.slice(), va: t.va?.slice(),
});

/** max |a − b| (Infinity when lengths differ or one is missing). */
export function maxDiff(a?: ArrayLike<number>, b?: ArrayLike<number>): number {
  if (!a || !b || a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
