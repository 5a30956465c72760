/**
 * Unit checks of the bri-upgrading study (spec 7) that need no MRIO table: the xtreg-style within estimator
 * and the Hausman routine against R goldens on Grunfeld, the R&D capital recursion, Sofdi, interpolation,
 * strict parsing of the external files and the configuration.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/econometrics/io/csv.js';
import { configFromOptions, resolveGroup } from '../../src/study/bri-upgrading/config.js';
import { withinFit } from '../../src/study/bri-upgrading/estimate.js';
import { parseCovariates, parseHosts, parseOfdi } from '../../src/study/bri-upgrading/externals.js';
import { hausmanTest, reFit } from '../../src/study/bri-upgrading/hausman.js';
import { interpolateSeries } from '../../src/study/bri-upgrading/interpolate.js';
import { sequentialSets } from '../../src/study/bri-upgrading/models.js';
import { computeSofdi, rdCapital } from '../../src/study/bri-upgrading/sofdi.js';
import { HAS_SHARED, shared } from '../shared-data.js';

describe.skipIf(!HAS_SHARED)('bri-upgrading estimator on Grunfeld vs R (plm)', () => {
  const gold = () => JSON.parse(readFileSync(shared('golden', 'econ_r.json'), 'utf8'));
  const data = () => {
    const df = parseCsv(readFileSync(shared('econ', 'grunfeld.csv'), 'utf8'));
    df.columns.firm = Array.from(df.columns.firm as Float64Array, (v) => `f${v}`);
    return df;
  };
  const all = Array.from({ length: 200 }, (_, i) => i);

  it('one-way within estimator reproduces plm within (coef, SE with N - n - k, within R2)', () => {
    const g = gold().grunfeld_fe_firm;
    const f = withinFit(data(), 'inv', ['value', 'capital'], all, { id: 'firm' });
    for (const [k, nm] of f.slopes.entries()) {
      expect(f.b[k]).toBeCloseTo(g.coef[nm], 10);
      expect(Math.sqrt(f.V[k][k])).toBeCloseTo(g.se[nm], 10);
    }
    expect(f.r2Within).toBeCloseTo(g.r2_within, 10);
    expect(f.n).toBe(200);
    expect(f.countries).toBe(10);
  });

  it('two-way FE by year dummies reproduces plm twoways', () => {
    const g = gold().grunfeld_fe_twoways;
    const f = withinFit(data(), 'inv', ['value', 'capital'], all, { id: 'firm', yearFe: true });
    for (const [k, nm] of f.slopes.entries()) {
      expect(f.b[k]).toBeCloseTo(g.coef[nm], 9);
      expect(Math.sqrt(f.V[k][k])).toBeCloseTo(g.se[nm], 9);
    }
    expect(f.dfT).toBe(200 - 10 - 19 - 2);
  });

  it('cluster CR1 uses G/(G-1) (N-1)/(N-k-1) and G - 1 df', () => {
    const df = data();
    const conv = withinFit(df, 'inv', ['value', 'capital'], all, { id: 'firm', se: 'cluster' });
    expect(conv.dfT).toBe(9);
    // hand sandwich on the within-transformed data
    const y = df.columns.inv as Float64Array;
    const x = [df.columns.value as Float64Array, df.columns.capital as Float64Array];
    const firm = df.columns.firm as string[];
    const dm = (v: Float64Array) => {
      const m = new Map<string, [number, number]>();
      v.forEach((q, i) => {
        const e = m.get(firm[i]) ?? [0, 0];
        m.set(firm[i], [e[0] + q, e[1] + 1]);
      });
      return Float64Array.from(v, (q, i) => q - m.get(firm[i])![0] / m.get(firm[i])![1]);
    };
    const X = x.map(dm);
    const Y = dm(y);
    const xx = [[0, 0], [0, 0]];
    for (let i = 0; i < 200; i++) for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) xx[a][b] += X[a][i] * X[b][i];
    const det = xx[0][0] * xx[1][1] - xx[0][1] * xx[1][0];
    const inv = [[xx[1][1] / det, -xx[0][1] / det], [-xx[1][0] / det, xx[0][0] / det]];
    const e = Float64Array.from(Y, (q, i) => q - conv.b[0] * X[0][i] - conv.b[1] * X[1][i]);
    const S = new Map<string, [number, number]>();
    for (let i = 0; i < 200; i++) {
      const s = S.get(firm[i]) ?? [0, 0];
      S.set(firm[i], [s[0] + X[0][i] * e[i], s[1] + X[1][i] * e[i]]);
    }
    const M = [[0, 0], [0, 0]];
    for (const s of S.values()) for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) M[a][b] += s[a] * s[b];
    const c = (10 / 9) * (199 / (200 - 2 - 1));
    const V00 = c * (inv[0][0] * (M[0][0] * inv[0][0] + M[0][1] * inv[1][0]) + inv[0][1] * (M[1][0] * inv[0][0] + M[1][1] * inv[1][0]));
    expect(conv.V[0][0]).toBeCloseTo(V00, 14);
  });

  it('the within estimator equals OLS with firm dummies (slopes and SE)', () => {
    const df = data();
    const fe = withinFit(df, 'inv', ['value', 'capital'], all, { id: 'firm' });
    // LSDV: dummies for firms 2..10 as ordinary regressors, a single-level FE absorbs only the constant
    const firm = df.columns.firm as string[];
    const names: string[] = [];
    for (let g = 2; g <= 10; g++) {
      df.columns[`d${g}`] = Float64Array.from(firm, (f) => (f === `f${g}` ? 1 : 0));
      names.push(`d${g}`);
    }
    df.columns.one = Array.from(firm, () => 'all');
    const lsdv = withinFit(df, 'inv', ['value', 'capital', ...names], all, { id: 'one' });
    for (let k = 0; k < 2; k++) {
      expect(lsdv.b[k]).toBeCloseTo(fe.b[k], 10);
      expect(Math.sqrt(lsdv.V[k][k])).toBeCloseTo(Math.sqrt(fe.V[k][k]), 10);
    }
  });

  it('Hausman FE vs RE reproduces plm::phtest and is non-negative when V_FE - V_RE is PD', () => {
    const g = gold().grunfeld_hausman;
    const df = data();
    const fe = withinFit(df, 'inv', ['value', 'capital'], all, { id: 'firm' });
    const h = hausmanTest(fe, reFit(df, fe, all, 'firm'));
    expect(h.pseudoInverse).toBe(false);
    expect(h.chi2).toBeCloseTo(g.stat, 8);
    expect(h.df).toBe(g.df);
    expect(h.p).toBeCloseTo(g.p, 8);
    expect(h.chi2).toBeGreaterThanOrEqual(0);
  });
});

describe('bri-upgrading Sofdi and R&D capital', () => {
  it('RDK follows the perpetual inventory and RDK[t0] = RDE[t0]/(g + d)', () => {
    const rde = interpolateSeries(new Map([[2000, 100], [2001, 110], [2002, 121], [2003, 133.1], [2004, 146.41], [2005, 150]]));
    const c = rdCapital(rde, 0.05)!;
    expect(c.t0).toBe(2000);
    expect(c.g).toBeCloseTo(0.1, 12);
    expect(c.stock.get(2000)).toBeCloseTo(100 / 0.15, 10);
    for (let t = 2001; t <= 2005; t++) expect(c.stock.get(t)).toBeCloseTo(0.95 * c.stock.get(t - 1)! + rde.values.get(t)!, 10);
    // negative growth is set to 0; a single observation gives g = 0
    expect(rdCapital(interpolateSeries(new Map([[2000, 100], [2001, 90]])), 0.05)!.g).toBe(0);
    expect(rdCapital(interpolateSeries(new Map([[2000, 100]])), 0.05)!.stock.get(2000)).toBeCloseTo(2000, 10);
  });

  it('Sofdi = 1e-6 sum_j OFDI/GFCF RDK, 0 iff no positive stock, missing when a host lacks data', () => {
    const hosts = parseHosts('host,year,gfcf_usd,rde_usd\nUSA,2000,1000,50\nUSA,2001,1100,50\nJPN,2000,500,\nJPN,2001,,\n', 'h.csv');
    const ofdi = parseOfdi('origin,host,year,ofdi_stock_usd\nPOL,USA,2000,200\nPOL,USA,2001,-5\nHUN,JPN,2000,10\nCZE,USA,2000,\n', 'o.csv');
    expect(ofdi.negatives).toBe(1);
    const s = computeSofdi(ofdi, hosts, ['USA', 'JPN'], 0.05);
    const rdk0 = 50 / 0.05;
    expect(s.value('POL', 2000)).toBeCloseTo(1e-6 * (200 / 1000) * rdk0, 15);
    expect(s.value('POL', 2001)).toBe(0); // negative stock set to 0
    expect(s.value('EST', 2000)).toBe(0); // absent everywhere: zero stock
    expect(s.value('HUN', 2000)).toBeNaN(); // positive stock, host without RDK
    expect(s.value('CZE', 2000)).toBeNaN(); // blank stock: missing
  });

  it('interpolates interior gaps only', () => {
    const i = interpolateSeries(new Map([[2000, NaN], [2001, 1], [2003, 3], [2004, NaN]]));
    expect([...i.values.entries()]).toEqual([[2001, 1], [2002, 2], [2003, 3]]);
    expect([...i.filled]).toEqual([2002]);
  });
});

describe('bri-upgrading inputs and configuration', () => {
  it('names file, row and field for unknown codes, duplicates and non-numeric cells', () => {
    const head = 'country,year,tariff_wm,tert_enrol,rd_gdp\n';
    expect(() => parseCovariates(head + 'XXX,2000,1,2,3\n', 'cov.csv')).toThrow(/cov\.csv: row 2, field "country": unknown country code "XXX"/);
    expect(() => parseCovariates(head + 'ROU,2000,1,2,3\nROM,2000,1,2,3\n', 'cov.csv')).toThrow(/cov\.csv: row 3: duplicate key \(country ROM, year 2000\)/);
    expect(() => parseCovariates(head + 'POL,2000,abc,2,3\n', 'cov.csv')).toThrow(/cov\.csv: row 2, field "tariff_wm": "abc" is not a number/);
    expect(() => parseOfdi('origin,host,year,ofdi_stock_usd\nPOL,USA,2000,1\nPOL,USA,2000,2\n', 'o.csv')).toThrow(/o\.csv: row 3: duplicate key/);
    const c = parseCovariates(head + 'ROU,2000,1,,3\n', 'cov.csv');
    expect(c.data.tariff_wm.get('ROM')!.get(2000)).toBe(1);
    expect(c.data.tert_enrol.get('ROM')!.get(2000)).toBeNaN();
    expect(c.fields).toEqual(['tariff_wm', 'tert_enrol', 'rd_gdp']);
  });

  it('groups are configuration; China can be dropped; the sequential columns follow the paper', () => {
    expect(resolveGroup('main').countries).toHaveLength(22);
    expect(resolveGroup('route').countries).toHaveLength(17);
    expect(resolveGroup('adb').countries).toHaveLength(35);
    expect(resolveGroup('CHN,rou').countries).toEqual(['CHN', 'ROM']);
    const cfg = configFromOptions({ group: 'route', drop_china: '1', host_set: 'USA,JPN' });
    expect(cfg.countries).not.toContain('CHN');
    expect(cfg.hosts).toEqual(['USA', 'JPN']);
    expect(() => configFromOptions({ bogus: '1' })).toThrow(/unknown option/);
    expect(sequentialSets(['Tariff', 'ln1p_Sofdi', 'K', 'Hum', 'RD', 'PGDP'])).toEqual([
      ['Tariff', 'ln1p_Sofdi'],
      ['Tariff', 'ln1p_Sofdi', 'K'],
      ['Tariff', 'ln1p_Sofdi', 'K', 'Hum'],
      ['Tariff', 'ln1p_Sofdi', 'K', 'Hum', 'RD'],
      ['Tariff', 'ln1p_Sofdi', 'K', 'Hum', 'RD', 'PGDP'],
    ]);
    expect(sequentialSets(['K', 'PGDP'])).toEqual([['K', 'PGDP']]);
  });
});
