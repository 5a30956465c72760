import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBestBackend } from '../../src/node/backend.js';
import { effectDefaults, TABLE_YEARS } from '../../src/study/city-transfer/config.js';
import { readCeadsWorkbook } from '../../src/study/city-transfer/mrio-ceads.js';
import { guardedSource, validateCityMrio } from '../../src/study/city-transfer/mrio-checks.js';
import { K_FD } from '../../src/study/city-transfer/mrio-city.js';
import { readLongParquet, writeLongParquet } from '../../src/study/city-transfer/mrio-parquet.js';
import { generateSynthetic, type SyntheticRun } from '../../src/study/city-transfer/synthetic/index.js';
import { computeTransfer } from '../../src/study/city-transfer/transfer.js';
import { itVersusZ, readDataFolder } from '../../src/study/city-transfer/run.js';
import { copyTable, maxDiff, twoCity, writeMockCeads } from './city-ceads-mock.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'city-ceads-io-'));
const NAMES = { '110000': '北京市', '120000': '天津市' };
let syn: SyntheticRun;

beforeAll(async () => {
  await useBestBackend();
  const d = effectDefaults('homogeneous');
  syn = generateSynthetic({ profile: 'tiny', effects: 'homogeneous', seed: 2, noise: d.noise, betaHsr: d.betaHsr, betaInfo: d.betaInfo, betaDouble: 0, writeTables: false }, undefined, false);
});

describe('long sparse Parquet (§5.1)', () => {
  it('round-trips the tiny tables exactly, zero cells omitted', async () => {
    const dir = tmp();
    const t = syn.tables.load(2015);
    t.other[3] = 0.5; // a non-zero OTHER cell
    t.go[3] += 0.5;
    t.Z[7] = 0; // a zero cell is omitted and read back as 0
    const path = join(dir, 'mrio_2015.parquet');
    await writeLongParquet(t, path, 1000);
    const r = await readLongParquet(path, 2015);
    expect(r.cities).toEqual(t.cities);
    expect(r.sectors).toEqual(t.sectors);
    for (const f of ['Z', 'Y', 'exp', 'other', 'go', 'imp', 'va'] as const) expect(maxDiff(r[f], t[f]), f).toBe(0);
    const { parquetMetadataAsync, asyncBufferFromFile } = await import('hyparquet');
    const md = await parquetMetadataAsync(await asyncBufferFromFile(path));
    const nz = (a?: ArrayLike<number>) => (a ? Array.from(a).filter((v) => v !== 0).length : 0);
    expect(Number(md.num_rows)).toBe(nz(t.Z) + nz(t.Y) + nz(t.exp) + nz(t.other) + nz(t.go) + nz(t.imp) + nz(t.va));
    expect(md.row_groups.length).toBeGreaterThan(5);
  });

  it('a --data folder of mrio_YYYY.parquet files gives IT = z', async () => {
    const out = tmp();
    const d = effectDefaults('homogeneous');
    const g = generateSynthetic({ profile: 'tiny', effects: 'homogeneous', seed: 2, noise: d.noise, betaHsr: d.betaHsr, betaInfo: d.betaInfo, betaDouble: 0, writeTables: false }, out, false);
    const dir = join(out, 'synthetic');
    for (const y of TABLE_YEARS) await writeLongParquet(g.tables.load(y), join(dir, `mrio_${y}.parquet`));
    const tr = await computeTransfer(readDataFolder(dir).source);
    expect(itVersusZ(tr, g)).toBeLessThan(1e-8);
  });

  it('reads a long Parquet written by another tool (no gvc metadata; cities and sectors sorted)', async () => {
    const t = twoCity();
    const rows: Array<[string, string, string, string, number]> = [['120000', 's02', '', 'GO', t.go[3]], ['110000', 's01', '120000', 's02', t.Z[3]], ['VA', 'VA', '120000', 's01', 7], ['110000', 's02', '120000', 'GOV', 2.5]];
    const col = (k: number) => rows.map((r) => r[k] as string);
    const buf = parquetWriteBuffer({ columnData: [
      { name: 'row_city', data: col(0), type: 'STRING' }, { name: 'row_sector', data: col(1), type: 'STRING' },
      { name: 'col_city', data: col(2), type: 'STRING' }, { name: 'col_item', data: col(3), type: 'STRING' },
      { name: 'value', data: rows.map((r) => r[4]), type: 'DOUBLE' },
    ] });
    const path = join(tmp(), 'x.parquet');
    writeFileSync(path, new Uint8Array(buf));
    const r = await readLongParquet(path, 2012);
    expect(r.cities).toEqual(['110000', '120000']);
    expect(r.sectors).toEqual(['s01', 's02']);
    expect(r.go[3]).toBe(t.go[3]);
    expect(r.Z[3]).toBe(t.Z[3]);
    expect(r.va?.[2]).toBe(7);
    expect(r.Y[(1 * 2 + 1) * K_FD + 2]).toBe(2.5);
  });
});

describe('read-time checks (§5.1)', () => {
  it('accepts the balanced hand-made table and names row and field of each violation', () => {
    expect(validateCityMrio(twoCity())).toEqual({ errors: [], warnings: [] });
    const a = copyTable(twoCity());
    a.go[2] *= 1.001;
    a.va![2] = a.go[2] * 0.5;
    const ca = validateCityMrio(a);
    expect(ca.errors).toEqual([]);
    expect(ca.warnings[0]).toMatch(/^two-city: row 120000\.s01, field GO: row balance .* \(relative 9\.99e-4, the worst of 1 row\(s\) off by more than 1e-6\)\.$/);
    expect(ca.warnings[1]).toMatch(/^two-city: column 120000\.s01, field VA: column balance/);
    expect(validateCityMrio(a, { imbalance: 'error' }).errors.length).toBe(2);
    const b = copyTable(twoCity());
    b.Z[1 * 4 + 3] = -1;
    b.Y[(0 * 2 + 1) * K_FD + 2] = -0.5;
    b.go[0] = 0;
    const cb = validateCityMrio(b);
    expect(cb.errors[0]).toBe('two-city: row 110000.s02, field 120000.s02: negative intermediate flow -1 (Z ≥ 0 required; 1 negative Z cell(s)).');
    expect(cb.errors[1]).toBe('two-city: row 110000.s01, field 120000.GOV: negative final use -0.5 outside INVEN (only INVEN may be negative; 1 such cell(s)).');
    expect(cb.warnings.at(-1)).toBe('two-city: 1 zero-output sector(s) (zero A columns): 110000.s01.');
  });

  it('a guarded source throws the first error and passes warnings on', async () => {
    const bad = copyTable(twoCity());
    bad.Z[0] = -3;
    const said: string[] = [];
    const src = guardedSource({ years: [2012], load: () => bad }, (l) => said.push(l));
    await expect(Promise.resolve(src.load(2012))).rejects.toThrow(/two-city: row 110000\.s01, field 110000\.s01: negative intermediate flow -3/);
  });
});

describe('competitive imports and money units on read', () => {
  it('scales rows by δ_r = 1 − IM_r / (ΣZ + ΣY) and recovers the domestic table', async () => {
    const dom = twoCity();
    const delta = [0.8, 0.95, 1, 0.6];
    const comp = copyTable(dom);
    const im = new Float64Array(4);
    const ky = 2 * K_FD;
    for (let r = 0; r < 4; r++) {
      let use = 0;
      for (let c = 0; c < 4; c++) use += comp.Z[r * 4 + c] /= delta[r];
      for (let q = 0; q < ky; q++) use += comp.Y[r * ky + q] /= delta[r];
      im[r] = use * (1 - delta[r]);
    }
    comp.imp = undefined;
    comp.va = Float64Array.from(comp.go, (g, c) => g - [0, 1, 2, 3].reduce((s, r) => s + comp.Z[r * 4 + c], 0)); // colsum Z + VA = GO
    for (const sign of [1, -1]) {
      const path = join(tmp(), 'mrio_2012.xlsx');
      await writeMockCeads(path, comp, { names: NAMES, im: Float64Array.from(im, (v) => sign * v) });
      const r = await readCeadsWorkbook(path, 2012);
      expect(r.table.cities).toEqual(['110000', '120000']);
      expect(r.notes[1]).toMatch(/competitive imports removed \(δ from 0\.6000 to 1\.0000\)/);
      for (const f of ['Z', 'Y', 'exp', 'other', 'go'] as const) expect(maxDiff(r.table[f], dom[f]), f).toBeLessThan(1e-12);
      const impWant = Float64Array.from({ length: 4 }, (_, c) => [0, 1, 2, 3].reduce((s, q) => s + comp.Z[q * 4 + c] * (1 - delta[q]), 0));
      expect(maxDiff(r.table.imp, impWant)).toBeLessThan(1e-12);
      expect(validateCityMrio(r.table)).toEqual({ errors: [], warnings: [] });
    }
  });

  it('converts 亿元 (header) and 元 (layout unit) to 10,000 yuan', async () => {
    const t = twoCity();
    const dir = tmp();
    const p1 = join(dir, 'yi.xlsx');
    await writeMockCeads(p1, t, { names: NAMES, unit: '亿元', divide: 1e4 });
    const r1 = await readCeadsWorkbook(p1, 2012);
    expect(r1.notes[0]).toContain('unit 亿元 (× 10000 to 10,000 yuan)');
    for (const f of ['Z', 'Y', 'exp', 'other', 'go', 'imp', 'va'] as const) expect(maxDiff(r1.table[f], t[f]) / 100, f).toBeLessThan(1e-12);
    const p2 = join(dir, 'yuan.xlsx');
    await writeMockCeads(p2, t, { names: NAMES, unit: '见说明', divide: 1e-4, vaParts: true });
    const lp = join(dir, 'layout.json');
    writeFileSync(lp, JSON.stringify({ unit: '元' }));
    const r2 = await readCeadsWorkbook(p2, 2012, { layoutPath: lp });
    for (const f of ['Z', 'Y', 'go', 'va'] as const) expect(maxDiff(r2.table[f], t[f]) / 100, f).toBeLessThan(1e-12);
    writeFileSync(lp, JSON.stringify({ unit: '见说明' }));
    await expect(readCeadsWorkbook(p2, 2012, { layoutPath: lp })).rejects.toThrow(/field unit: '见说明' is not a known money unit; give toTenThousandYuan/);
    await expect(readCeadsWorkbook(p2, 2012)).rejects.toThrow(/row 1: unknown money unit '见说明'/);
  });
});

describe('§7 transfer accounting', () => {
  it('origin sums and the exports/other part of Δ output hold on tiny', async () => {
    const tr = await computeTransfer(syn.memory);
    expect(tr.accounting.map((a) => a.period)).toEqual(['P1', 'P2']);
    for (const a of tr.accounting) {
      expect(a.viaT).toBe(true);
      expect(a.origins!.rel).toBeLessThan(1e-10);
      expect(a.total).toBeLessThan(1e-10);
      expect(a.deltaExternal).toBe(0); // EXP and A are the same in all synthetic years
    }
    // a year without one city: (a) not applicable, (b) from the per-year totals
    const drop = (y: number) => {
      const t = syn.tables.load(y);
      if (y !== 2017) return t;
      const keep = t.cities.length - 1;
      const N = t.sectors.length;
      const m = keep * N;
      const nN = t.go.length;
      const Z = new Float64Array(m * m);
      for (let r = 0; r < m; r++) Z.set(t.Z.subarray(r * nN, r * nN + m), r * m);
      const Y = new Float64Array(m * keep * K_FD);
      for (let r = 0; r < m; r++) Y.set(t.Y.subarray(r * (keep + 1) * K_FD, r * (keep + 1) * K_FD + keep * K_FD), r * keep * K_FD);
      const go = new Float64Array(m);
      for (let r = 0; r < m; r++) {
        let s = t.exp[r];
        for (let c = 0; c < m; c++) s += Z[r * m + c];
        for (let q = 0; q < keep * K_FD; q++) s += Y[r * keep * K_FD + q];
        go[r] = s;
      }
      return { ...t, cities: t.cities.slice(0, keep), Z, Y, go, exp: t.exp.slice(0, m), other: t.other.slice(0, m), imp: undefined, va: undefined };
    };
    const tr2 = await computeTransfer({ years: TABLE_YEARS, load: drop });
    for (const a of tr2.accounting) {
      expect(a.origins).toBeNull();
      expect(a.viaT).toBe(false);
      expect(a.total).toBeLessThan(1e-10);
    }
  });
});
