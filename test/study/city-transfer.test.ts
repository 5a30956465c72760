import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { feols } from '../../src/econometrics/feols.js';
import { frame } from '../../src/econometrics/frame.js';
import { useBestBackend } from '../../src/node/backend.js';
import { cityTransferMain, parseCityArgs } from '../../src/study/city-transfer/cli.js';
import { HSR, INFO, DOUBLE, CTRL, type ColumnFit } from '../../src/study/city-transfer/models.js';
import { runCityTransfer, itVersusZ, type CityRunResult } from '../../src/study/city-transfer/run.js';
import { generateSynthetic } from '../../src/study/city-transfer/synthetic/index.js';
import { computeTransfer, itOf } from '../../src/study/city-transfer/transfer.js';
import { finalDemandByCity } from '../../src/study/city-transfer/mrio-city.js';
import { matrix } from '../../src/linalg/matrix.js';
import { luFactor, luSolve } from '../../src/linalg/pure.js';
import { effectDefaults } from '../../src/study/city-transfer/config.js';
import { argvFromContext } from '../../src/study/city-transfer/index.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'city-transfer-'));
const quiet = () => {};

async function run(args: string[], extra: { readBack?: boolean; estimatesOnly?: boolean } = {}): Promise<CityRunResult> {
  const o = parseCityArgs([...args, '--out', tmp(), '--no-png']);
  return runCityTransfer({ ...o, ...extra, estimatesOnly: extra.estimatesOnly ?? true, progress: quiet });
}

const find = (r: CityRunResult, table: string, sample: string, column?: number): ColumnFit => {
  const f = r.fits.find((x) => x.table === table && x.sample === sample && (column === undefined || x.column === column));
  if (!f) throw new Error(`no fit ${table} ${sample} ${column}`);
  return f;
};

/** Planted C3J values (§5.3 step 6): β_H, β_I, 0.1 edl_i, −0.1 edl_j, 0 for the ten other controls. */
function expectC3J(f: ColumnFit, bH: number, bI: number, tol = 1e-6): void {
  expect(f.fit.coef[HSR]).toBeCloseTo(bH, -Math.log10(tol));
  expect(Math.abs(f.fit.coef[HSR] - bH)).toBeLessThan(tol);
  expect(Math.abs(f.fit.coef[INFO] - bI)).toBeLessThan(tol);
  for (const c of CTRL) {
    const want = c === 'edl_i' ? 0.1 : c === 'edl_j' ? -0.1 : 0;
    expect(Math.abs(f.fit.coef[c] - want), c).toBeLessThan(tol);
  }
}

/** Model (5) in every tier × gradient cell with ≥ 48 pairs: β_H^g, β_I^g, β3 where identified. */
function expectModel5(r: CityRunResult, b: { hsr: { down: number; up: number }; info: { down: number; up: number }; double: number }): number {
  let checked = 0;
  for (const f of r.fits.filter((x) => x.table === 'C10' && x.column === 3)) {
    if (f.fit.nobs / 2 < 48) continue;
    const g = f.sample.startsWith('down') ? 'down' : 'up';
    const b3 = g === 'down' && f.sample.endsWith('remote') ? b.double : 0;
    for (const [term, want] of [[HSR, b.hsr[g]], [INFO, b.info[g]], [DOUBLE, b3]] as const) {
      if (!f.fit.identified[term]) continue;
      expect(Math.abs(f.fit.coef[term] - want), `${f.sample} ${term}`).toBeLessThan(1e-6);
      checked++;
    }
  }
  return checked;
}

beforeAll(async () => {
  await useBestBackend();
});

describe('city transfer: acceptance 9(i) IT = z', () => {
  it('tiny, read back from the written wide CSV files', async () => {
    const r = await run(['--synthetic', 'tiny', '--seed', '3']);
    expect(r.maxItMinusZ).toBeLessThan(1e-8);
    expect(r.panel.df.nrow).toBe(2 * 12 * 11);
  });
  it('small, in memory', async () => {
    const d = effectDefaults('paper-like');
    const g = generateSynthetic({ profile: 'small', effects: 'paper-like', seed: 5, noise: d.noise, betaHsr: d.betaHsr, betaInfo: d.betaInfo, betaDouble: 0.5, writeTables: false });
    const tr = await computeTransfer(g.memory);
    expect(itVersusZ(tr, g)).toBeLessThan(1e-8);
    for (const y of tr.years) {
      expect(y.leontiefResidual).toBeLessThan(1e-9);
      expect(y.outputResidual).toBeLessThan(1e-8);
      expect(y.check.rowBalance.rel).toBeLessThan(1e-6);
      expect(y.check.colBalance?.rel).toBeLessThan(1e-6);
    }
  });
});

describe('city transfer: acceptance 9(ii) noise-free planted values', () => {
  it('tiny homogeneous with the spec example flags (--beta-hsr 0.37 --beta-info -0.21)', async () => {
    const r = await run(['--synthetic', 'tiny', '--seed', '7', '--noise', '0', '--beta-hsr', '0.37', '--beta-info', '-0.21']);
    for (const s of ['all', 'down', 'up']) expectC3J(find(r, 'C3J', s), 0.37, -0.21);
  });
  it('small homogeneous, CLI betas, C3J and model (5) cells', async () => {
    const r = await run(['--synthetic', 'small', '--seed', '11', '--noise', '0', '--beta-hsr', '-0.6', '--beta-info', '1.3'], { readBack: false });
    for (const s of ['all', 'down', 'up']) expectC3J(find(r, 'C3J', s), -0.6, 1.3);
    expect(expectModel5(r, { hsr: { down: -0.6, up: -0.6 }, info: { down: 1.3, up: 1.3 }, double: 0 })).toBeGreaterThan(0);
  });
  it('small paper-like with gradient-specific CLI betas and β3', async () => {
    const r = await run(['--synthetic', 'small', '--effects', 'paper-like', '--seed', '2', '--noise', '0', '--beta-hsr', '-0.8,2.5', '--beta-info', '1.9,0.7', '--beta-double', '0.45'], { readBack: false });
    expectC3J(find(r, 'C3J', 'up'), 2.5, 0.7);
    expect(expectModel5(r, { hsr: { down: -0.8, up: 2.5 }, info: { down: 1.9, up: 0.7 }, double: 0.45 })).toBeGreaterThan(0);
  });
});

describe('city transfer: acceptance 9(iii) noisy small within 4 SE', () => {
  const within = (f: ColumnFit, term: string, want: number) => {
    expect(Math.abs(f.fit.coef[term] - want) / f.fit.se[term], `${f.table} ${f.sample} ${term}`).toBeLessThan(4);
  };
  it('homogeneous defaults (a = 4): C3J, C2J in all halves; C2, C3 single connectivity', async () => {
    const r = await run(['--synthetic', 'small', '--seed', '4'], { readBack: false });
    const a = 4;
    for (const s of ['all', 'down', 'up']) {
      within(find(r, 'C3J', s), HSR, 1.2);
      within(find(r, 'C3J', s), INFO, 0.8);
      within(find(r, 'C2J', s), HSR, 1.2 / (2 * a));
      within(find(r, 'C2J', s), INFO, 0.8 / (2 * a));
    }
    within(find(r, 'C2', 'all', 2), HSR, 1.2 / (2 * a));
    within(find(r, 'C2', 'all', 4), INFO, 0.8 / (2 * a));
    for (const s of ['down', 'up']) {
      within(find(r, 'C3', s, s === 'down' ? 1 : 2), HSR, 1.2);
      within(find(r, 'C3', s, s === 'down' ? 3 : 4), INFO, 0.8);
    }
    const dir = r.panel.df.columns.IT_direction as Float64Array;
    expect(dir.reduce((s, x) => s + x, 0) / dir.length).toBeGreaterThan(0.55);
  });
  it('paper-like defaults (a = 8): up-gradient C3J and C2J', async () => {
    const r = await run(['--synthetic', 'small', '--effects', 'paper-like', '--seed', '4'], { readBack: false });
    within(find(r, 'C3J', 'up'), HSR, 3.5);
    within(find(r, 'C3J', 'up'), INFO, 1.4);
    within(find(r, 'C2J', 'up'), HSR, 3.5 / 16);
    within(find(r, 'C2J', 'up'), INFO, 1.4 / 16);
    within(find(r, 'C3', 'up', 2), HSR, 3.5);
    within(find(r, 'C3', 'up', 4), INFO, 1.4);
    // 9(iv): β3 of model (5) in the remote down-gradient cell within 4 SE of the planted 0.5
    const remote = find(r, 'C10', 'down_remote', 3);
    expect(remote.fit.identified[DOUBLE]).toBe(true);
    within(remote, DOUBLE, 0.5);
  });
});

describe('city transfer: panel and estimator checks (§7)', () => {
  let r: CityRunResult;
  beforeAll(async () => {
    r = await run(['--synthetic', 'small', '--seed', '6'], { readBack: false });
  });
  it('two-period pair FE equals first-difference OLS with a constant', () => {
    const df = r.panel.df;
    const n = df.nrow / 2;
    const vars = ['IT', HSR, INFO, ...CTRL];
    const d: Record<string, Float64Array> = {};
    for (const v of vars) {
      const c = df.columns[v] as Float64Array;
      d[v] = Float64Array.from({ length: n }, (_, k) => c[n + k] - c[k]);
    }
    const fd = feols(`IT ~ ${[HSR, INFO, ...CTRL].join(' + ')}`, frame(d));
    const fe = find(r, 'C3J', 'all');
    for (const t of [HSR, INFO, ...CTRL]) expect(Math.abs(fd.coef[t] - fe.fit.coef[t]), t).toBeLessThan(1e-8);
  });
  it('balanced halves, symmetric HSR on the 1/4 and 1/3 grids, tiers partition', () => {
    const df = r.panel.df;
    const n = r.vars.n;
    expect(df.nrow).toBe(2 * n * (n - 1));
    const g = df.columns.gradient as string[];
    expect(g.filter((x) => x === 'down').length).toBe(df.nrow / 2);
    for (let p = 0; p < 2; p++) {
      const H = r.vars.hsr[p];
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        expect(H[i * n + j]).toBe(H[j * n + i]);
        const m = H[i * n + j] * (p === 0 ? 4 : 3);
        expect(Math.abs(m - Math.round(m))).toBeLessThan(1e-12);
      }
    }
    expect(find(r, 'C3J', 'all').fit.clusters).toBe(n * (n - 1));
  });
  it('every ordered pair in both periods; each gradient group holds one orientation of every unordered pair', () => {
    const df = r.panel.df;
    const n = r.vars.n;
    const per = df.columns.period as string[];
    const o = df.columns.origin as string[];
    const d = df.columns.dest as string[];
    const g = df.columns.gradient as string[];
    const pg = df.columns.pop_gradient as string[];
    const seen = new Map<string, Set<string>>();
    const grad = new Map<string, string>();
    for (let k = 0; k < df.nrow; k++) {
      expect(o[k]).not.toBe(d[k]);
      const key = `${o[k]}>${d[k]}`;
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(per[k]);
      if (grad.has(key)) expect(grad.get(key), key).toBe(g[k]);
      grad.set(key, g[k]);
    }
    expect(seen.size).toBe(n * (n - 1));
    for (const ps of seen.values()) expect([...ps].sort()).toEqual(['P1', 'P2']);
    for (const [key, gk] of grad) {
      const [a, b] = key.split('>');
      expect(grad.get(`${b}>${a}`), key).toBe(gk === 'down' ? 'up' : 'down');
    }
    expect(pg.filter((x) => x === 'down').length).toBe(df.nrow / 2);
    expect(new Set([...g, ...pg])).toEqual(new Set(['down', 'up']));
  });
  it('HSR >= 0, INFO >= 0, double = HSR × INFO, d symmetric and > 0, tiers partition the pairs by distance', () => {
    const df = r.panel.df;
    const H = df.columns[HSR] as Float64Array;
    const I = df.columns[INFO] as Float64Array;
    const D = df.columns[DOUBLE] as Float64Array;
    const km = df.columns.distance_km as Float64Array;
    const tier = df.columns.tier as string[];
    const o = df.columns.origin as string[];
    const d = df.columns.dest as string[];
    const dist = new Map<string, number>();
    const bounds: Record<string, [number, number]> = { proximal: [0, 200], regional: [200, 500], cross_regional: [500, 1000], strategic: [1000, 2000], remote: [2000, Infinity] };
    for (let k = 0; k < df.nrow; k++) {
      expect(H[k]).toBeGreaterThanOrEqual(0);
      expect(I[k]).toBeGreaterThanOrEqual(0);
      expect(Math.abs(D[k] - H[k] * I[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(D[k])));
      expect(km[k]).toBeGreaterThan(0);
      const [lo, hi] = bounds[tier[k]];
      expect(km[k] >= lo && km[k] < hi, `${tier[k]} ${km[k]}`).toBe(true);
      dist.set(`${o[k]}>${d[k]}`, km[k]);
    }
    for (const [key, v] of dist) {
      const [a, b] = key.split('>');
      expect(dist.get(`${b}>${a}`)).toBe(v);
    }
  });
  it('clusters = pairs in the sample of every estimated column; LPM share outside [0,1] is reported', () => {
    let checked = 0;
    for (const f of r.fits) {
      if (!Number.isFinite(f.fit.K)) continue;
      expect(f.fit.clusters, `${f.table} ${f.sample} ${f.column}`).toBe((f.fit.nobs - f.fit.singletons) / 2);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    for (const f of r.fits.filter((x) => x.dependent === 'IT_direction')) {
      expect(f.fit.outside01).toBeGreaterThanOrEqual(0);
      expect(f.fit.outside01).toBeLessThanOrEqual(1);
    }
  });
  it('IT = sign(T) ln(1 + |T|) is odd, IT_direction = 1[IT > 0]', () => {
    const df = r.panel.df;
    const T = df.columns.T as Float64Array;
    const IT = df.columns.IT as Float64Array;
    const dir = df.columns.IT_direction as Float64Array;
    for (let k = 0; k < df.nrow; k++) {
      expect(IT[k]).toBe(Math.sign(T[k]) * Math.log1p(Math.abs(T[k])));
      expect(itOf(-T[k])).toBe(-itOf(T[k]));
      expect(dir[k]).toBe(IT[k] > 0 ? 1 : 0);
    }
    expect(itOf(0)).toBe(0);
    const mean = dir.reduce((a, b) => a + b, 0) / dir.length;
    expect(mean).not.toBe(0.5);
  });
});

describe('city transfer: command line and outputs', () => {
  it('exit status 2 for bad flags, 3 for a failed generator assertion', async () => {
    const err = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await cityTransferMain(['--synthetic', 'huge'])).toBe(2);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--beta-hsr', 'abc'])).toBe(2);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--noise', '-1'])).toBe(2);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--beta-double', '1'])).toBe(2);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--noise', '0.5', '--out', tmp()])).toBe(3);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--seed', '-1'])).toBe(2);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--effects', 'strong'])).toBe(2);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--beta-info', '1,x'])).toBe(2);
      expect(await cityTransferMain(['--data', tmp(), '--synthetic', 'tiny'])).toBe(2);
      expect(await cityTransferMain(['--data', tmp(), '--seed', '3'])).toBe(2);
      expect(await cityTransferMain(['--synthetic', 'tiny', '--frobnicate'])).toBe(2);
    } finally {
      process.stderr.write = err;
    }
  });
  it('defaults: --out city-transfer-out; neither --data nor --synthetic runs synthetic small, homogeneous, seed 1, noise 4', () => {
    const o = parseCityArgs([]);
    expect(o.out).toBe('city-transfer-out');
    expect(o.data).toBeUndefined();
    expect(o.synthetic).toMatchObject({ profile: 'small', effects: 'homogeneous', seed: 1, noise: 4, betaHsr: { down: 1.2, up: 1.2 }, betaInfo: { down: 0.8, up: 0.8 } });
    expect(parseCityArgs(['--synthetic', 'tiny', '--effects', 'paper-like']).synthetic).toMatchObject({ noise: 8, betaHsr: { down: -1.0, up: 3.5 }, betaInfo: { down: 2.2, up: 1.4 }, betaDouble: 0.5 });
    expect(parseCityArgs(['--data', '/some/dir']).out).toBe('city-transfer-out');
  });
  it('runner plug-in maps --option keys to the §6.1 flags', () => {
    const argv = argvFromContext({ options: { synthetic: 'tiny', beta_hsr: '0.3,0.4', out: '/x' }, files: [] });
    expect(argv).toEqual(['--synthetic', 'tiny', '--beta-hsr', '0.3,0.4', '--out', '/x', '--no-png']);
    expect(parseCityArgs(argv).synthetic?.betaHsr).toEqual({ down: 0.3, up: 0.4 });
  });
  it('tiny full run writes the §6.2 files', async () => {
    const out = tmp();
    const o = parseCityArgs(['--synthetic', 'tiny', '--out', out, '--no-png']);
    await runCityTransfer({ ...o, progress: quiet });
    for (const f of ['city_pairs_panel.csv', 'city_transfer_long.csv', 'city_estimates.json', 'tables/city_table_C1_descriptives.md', 'tables/city_table_C10.tex', 'tables/city_table_C3J.html', 'figures/F1.svg', 'figures/F9.csv', 'synthetic/synthetic_truth.json', 'synthetic/mrio_2017.csv']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const est = JSON.parse(readFileSync(join(out, 'city_estimates.json'), 'utf8'));
    expect(est.study).toBe('city-transfer');
    expect(est.estimates.filter((e: { table: string; column: number }) => e.table === 'C3J' && e.column === 1)).toHaveLength(14);
    const head = readFileSync(join(out, 'city_pairs_panel.csv'), 'utf8').split('\n')[0];
    const ctl = (s: string) => ['edl', 'ul', 'fil', 'hcl', 'ftl', 'gel'].map((v) => `${v}_${s}`);
    const fac = (s: string) => ['labor', 'fcapital', 'ccapital', 'flc', 'clc', 'tech'].map((v) => `factor_${v}_${s}`);
    expect(head.split(',')).toEqual([
      'period', 'y0', 'y1', 'origin', 'dest', 'T', 'IT', 'IT_direction', 'T_labor', 'T_capital', 'T_tech', 'IT_labor', 'IT_capital', 'IT_tech',
      'connectivity_HSR', 'connectivity_I', 'connectivity_double', 'distance_km', 'tier', 'gradient', 'pop_gradient',
      ...ctl('i'), ...ctl('j'), ...fac('i'), ...fac('j'),
    ]);
    const lines = (f: string) => readFileSync(join(out, f), 'utf8').trim().split('\n');
    const panel = lines('city_pairs_panel.csv').slice(1).map((l) => l.split(','));
    const keys = panel.map((c) => `${c[0]},${c[3]},${c[4]}`);
    expect([...keys].sort()).toEqual(keys);
    // city_transfer_long.csv: Σ_s T[i→j, s] = T[i→j] (§7)
    const longRows = lines('city_transfer_long.csv');
    expect(longRows[0]).toBe('period,origin,dest,sector,T');
    const sum = new Map<string, number>();
    for (const l of longRows.slice(1)) {
      const c = l.split(',');
      expect(c[3]).toMatch(/^s\d\d$/);
      sum.set(`${c[0]},${c[1]},${c[2]}`, (sum.get(`${c[0]},${c[1]},${c[2]}`) ?? 0) + Number(c[4]));
    }
    expect(sum.size).toBe(panel.length);
    for (const c of panel) {
      const t = Number(c[5]);
      expect(Math.abs(sum.get(`${c[0]},${c[3]},${c[4]}`)! - t)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(t)));
    }
    // C1 has the §2.6 layout with the Symbol column first; regression tables in all four formats
    expect(lines('tables/city_table_C1_descriptives.csv')[0]).toBe('Symbol,Variable,Description,Mean,Median,SD,Min,Max');
    expect(lines('tables/city_table_C1_descriptives.csv').slice(1).map((l) => l.split(',')[0])).toEqual(['IT', 'IT_direction', 'connectivity_HSR', 'connectivity_I', 'edl', 'ul', 'fil', 'hcl', 'ftl', 'gel']);
    for (const t of ['C1_descriptives', 'C2', 'C3', 'C4a', 'C4b', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C2J', 'C3J']) {
      for (const e of ['csv', 'md', 'tex', 'html']) expect(existsSync(join(out, 'tables', `city_table_${t}.${e}`)), `${t}.${e}`).toBe(true);
    }
    const c2 = readFileSync(join(out, 'tables', 'city_table_C2.md'), 'utf8');
    for (const row of ['Control variable (city1)', 'Control variable (city2)', 'City 1 × city 2 fixed effect', 'Period fixed effect', 'Observations', 'R-squared', 'Within R²', 'Clusters']) expect(c2, row).toContain(`| ${row} |`);
    expect(c2).toMatch(/Share of LPM fitted values outside \[0, 1\]: \d/);
    for (let k = 1; k <= 9; k++) for (const e of ['svg', 'csv']) expect(existsSync(join(out, 'figures', `F${k}.${e}`)), `F${k}.${e}`).toBe(true);
    // "not identified" cells are listed in city_checks.json and printed in the tables
    const checks = JSON.parse(readFileSync(join(out, 'city_checks.json'), 'utf8'));
    const ni = est.estimates.filter((e: { identified: boolean }) => !e.identified);
    expect(ni.every((e: { coef: unknown }) => e.coef === null)).toBe(true);
    for (const e of ni.filter((x: { table: string; term: string }) => x.table === 'C10' && x.term.startsWith('connectivity'))) {
      expect(checks.not_identified).toContain(`C10(${e.column}) ${e.sample}`);
    }
    if (checks.not_identified.some((x: string) => x.startsWith('C10'))) expect(readFileSync(join(out, 'tables', 'city_table_C10.md'), 'utf8')).toContain('not identified');
    // synthetic/ files of §5.3 step 8 with the §5.2 columns
    expect(lines('synthetic/cities.csv')[0]).toBe('code,name,province,region,lon,lat,excluded,focus');
    expect(lines('synthetic/city_panel.csv')[0]).toBe('code,year,gdp_pc,urban_share,fdi_gdp,students_pop,trade_gdp,gov_gdp,population,employed,net_fixed_assets,liquid_assets,patents');
    expect(lines('synthetic/hsr_lines.csv')[0]).toBe('line_id,line_name,code,station_open_date');
    for (const l of lines('synthetic/hsr_lines.csv').slice(1)) expect(l).toMatch(/^HSR(0[1-9]|1[0-6]),(NS|EW) [1-8],1\d{5},\d{4}-01-01$/);
    expect(lines('synthetic/baidu_index.csv')[0]).toBe('year,from_code,to_code,daily_avg');
    const truth = lines('synthetic/synthetic_truth.csv');
    expect(truth[0]).toBe('period,origin,dest,s,z');
    expect(truth.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(keys);
    const mrioHead = lines('synthetic/mrio_2012.csv')[0].split(',');
    expect(mrioHead.slice(0, 3)).toEqual(['country', 'sector', '100001.s01']);
    expect(mrioHead.slice(-3)).toEqual(['EXP', 'OTHER', 'GO']);
    expect(mrioHead).toContain('100012.INVEN');
    expect(lines('synthetic/mrio_2015.csv').slice(-2).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['IMP,IMP', 'VA,VA']);
    const tj = JSON.parse(readFileSync(join(out, 'synthetic', 'synthetic_truth.json'), 'utf8'));
    expect(Object.keys(tj).sort()).toEqual([
      'beta_double', 'beta_edl_i', 'beta_edl_j', 'beta_hsr', 'beta_info', 'effects', 'eta', 'hsr_change_share', 'lpm_hsr', 'lpm_info',
      'max_abs_s', 'n_analysed', 'n_table_cities', 'noise', 'nu_half_width', 'profile', 'seed', 'topup_share',
    ]);
    expect(tj).toMatchObject({ profile: 'tiny', effects: 'homogeneous', seed: 1, noise: 4, beta_hsr: { down: 1.2, up: 1.2 }, beta_info: { down: 0.8, up: 0.8 }, beta_edl_i: 0.1, beta_edl_j: -0.1, eta: [0.9, 1.1], nu_half_width: 0.75, lpm_hsr: { down: 0.15, up: 0.15 }, lpm_info: { down: 0.1, up: 0.1 }, n_table_cities: 12, n_analysed: 12 });
  });
  it('X >= 0 when Y >= 0 (§7), on the tiny tables', async () => {
    const g = generateSynthetic({ profile: 'tiny', effects: 'homogeneous', seed: 9, ...effectDefaults('homogeneous'), writeTables: false }, undefined, false);
    for (const y of [2012, 2015, 2017]) {
      const t = await g.memory.load(y);
      const nN = t.go.length;
      const n = t.cities.length;
      const Y = finalDemandByCity(t);
      expect(Math.min(...Y)).toBeGreaterThanOrEqual(0);
      const IA = new Float64Array(nN * nN);
      for (let r = 0; r < nN; r++) for (let c = 0; c < nN; c++) IA[r * nN + c] = (r === c ? 1 : 0) - (t.go[c] !== 0 ? t.Z[r * nN + c] / t.go[c] : 0);
      const X = luSolve(luFactor(matrix(nN, nN, IA)), matrix(nN, n, Y));
      expect(Math.min(...X.data)).toBeGreaterThanOrEqual(0);
    }
  });
});
