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
import { computeTransfer } from '../../src/study/city-transfer/transfer.js';
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
    } finally {
      process.stderr.write = err;
    }
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
    expect(head.startsWith('period,y0,y1,origin,dest,T,IT,IT_direction,T_labor')).toBe(true);
  });
});
