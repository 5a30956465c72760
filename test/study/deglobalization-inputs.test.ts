/**
 * Study `deglobalization`: options, covariates parsing, the MRIO-indicator checks of spec 6 on WIOD 2011
 * (one table), Table 4 shares and HHI, Figure 3 shape, and helpers (differences, z-scores).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { frame, numericColumn } from '../../src/econometrics/frame.js';
import { buildModel } from '../../src/mrio/model.js';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { readText } from '../../src/node/files.js';
import { useBestBackend } from '../../src/node/backend.js';
import { configFromOptions, defaultConfig } from '../../src/study/deglobalization/config.js';
import { parseCovariates } from '../../src/study/deglobalization/covariates.js';
import { figure3, polyFit } from '../../src/study/deglobalization/figures.js';
import { yearMeasures, type YearMeasures } from '../../src/study/deglobalization/measures.js';
import { differenceFrame, zscore } from '../../src/study/deglobalization/sample.js';
import { table4 } from '../../src/study/deglobalization/tables45.js';
import { wiodFiles } from './deglobalization-fixture.js';

let m2011: YearMeasures;
beforeAll(async () => {
  await useBestBackend();
  const f = wiodFiles(2011, 2011)[0];
  m2011 = yearMeasures(buildModel(parseLabeledCsv(readText(f), { source: f, year: 2011 })), 2011, { withHhi: true });
});

describe('deglobalization MRIO indicators on WIOD 2011 (spec 6)', () => {
  it('FVA + DC = E (minus zero-output exports), sum DVX = sum FVA, shares in [0.02, 0.98], total scope two ways', () => {
    const c = m2011.checks;
    expect(c.exportSplit).toBeLessThan(1e-12);
    expect(c.dvxFva).toBeLessThan(1e-12);
    expect(c.shareMin).toBeGreaterThanOrEqual(0.02);
    expect(c.shareMax).toBeLessThanOrEqual(0.98);
    expect(c.minFlow).toBeGreaterThanOrEqual(0);
    expect(c.totalScopeTwoWays).toBeLessThan(1e-12);
  });

  it('LUX has the largest and CYP the smallest VS1 participation of the 40 countries', () => {
    const named = m2011.countries.map((c, i) => [c, m2011.gvcp_vs1[i]] as const).filter(([c]) => c !== 'RoW');
    const sorted = [...named].sort((a, b) => a[1] - b[1]);
    expect(sorted[0][0]).toBe('CYP');
    expect(sorted[sorted.length - 1][0]).toBe('LUX');
    expect(sorted[sorted.length - 1][1]).toBeCloseTo(0.738, 3);
    expect(sorted[0][1]).toBeCloseTo(0.4, 3);
  });

  it('Table 4: shares sum to 100 with RoW, 0 < HHI <= 100, RoW-as-unit HHI >= 100/41', () => {
    const h = m2011.hhi!;
    for (const s of [h.base.intermediateShare, h.base.finalShare]) expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    for (const v of [h.base.intermediateHhi, h.base.finalHhi]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(100);
    }
    for (const v of [h.rowUnit.intermediateHhi, h.rowUnit.finalHhi]) expect(v).toBeGreaterThanOrEqual(100 / 41);
    const t = table4([m2011], defaultConfig())!;
    expect(t.header).toEqual(['2011']);
    expect(t.rows.filter((r) => r.label.includes('Vietnam')).every((r) => r.cells[0] === 'n/a (in RoW)')).toBe(true);
  });
});

describe('deglobalization options and covariates', () => {
  it('parses options and rejects bad ones', () => {
    const c = configFromOptions({ scope: 'total', bootstrap: '20', se: 'cluster', grid: '0', mu_basis: 'product' }, [2001, 2011], ['usa', 'rou']);
    expect(c.scope).toBe('total');
    expect(c.bootstrap).toBe(20);
    expect(c.grid).toBeUndefined();
    expect(c.countries).toEqual(['USA', 'ROM']);
    expect(c.window).toEqual([2001, 2011]);
    expect(() => configFromOptions({ scope: 'services' })).toThrow(/scope must be/);
    expect(() => configFromOptions({ bootstrap: '-1' })).toThrow(/bootstrap/);
    expect(() => configFromOptions({ bootstap: '5' })).toThrow(/unknown option "bootstap"/);
    expect(() => configFromOptions({}, [2008, 2011])).toThrow(/at least 5 years/);
  });

  it('reads covariates (logs, percent growth, ROU alias, WLD) and names file, row and field on errors', () => {
    const known = ['USA', 'ROM', 'CHN'];
    const cov = parseCovariates('iso3,year,gdppc,pop,gdp_growth\nUSA,2000,50000,2.8e8,4.1\nROU,2000,3000,2.2e7,\nWLD,2000,,,3.2\n', 'c.csv', known);
    expect(cov.hasGrowth).toBe(true);
    expect(cov.rows.get('USA|2000')!.lnGdppc).toBeCloseTo(Math.log(50000), 12);
    expect(cov.rows.get('USA|2000')!.growth).toBeCloseTo(0.041, 12);
    expect(Number.isNaN(cov.rows.get('ROM|2000')!.growth)).toBe(true);
    expect(cov.rows.get('WLD|2000')!.growth).toBeCloseTo(0.032, 12);
    expect(() => parseCovariates('iso3,year,gdppc,pop\nXXX,2000,1,1\n', 'c.csv', known)).toThrow(/c\.csv: row 2, field iso3: unknown country "XXX"/);
    expect(() => parseCovariates('iso3,year,gdppc,pop\nUSA,2000,1,1\nUSA,2000,2,2\n', 'c.csv', known)).toThrow(/row 3 repeats USA 2000/);
    expect(() => parseCovariates('iso3,year,gdppc,pop\nUSA,2000,abc,1\n', 'c.csv', known)).toThrow(/row 2, field gdppc: "abc" is not a number/);
    expect(() => parseCovariates('iso3,year,gdppc,pop\nUSA,2000,1,0\n', 'c.csv', known)).toThrow(/row 2, field pop: 0 <= 0/);
    expect(() => parseCovariates('iso,year,gdppc,pop\nUSA,2000,1,1\n', 'c.csv', known)).toThrow(/header field 1/);
  });
});

describe('deglobalization helpers and Figure 3', () => {
  it('k-year differences: overlapping and non-overlapping, only t - k inside the window', () => {
    const country = ['A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B'];
    const year = [2000, 2001, 2002, 2003, 2004, 2000, 2001, 2002, 2003, 2004];
    const x = year.map((y, i) => y * (i < 5 ? 1 : 2));
    const lv = frame({ country, year, gvcp: x, omega: x, mu: x, v: x, gr: x });
    const cfg = { ...defaultConfig(), window: [2000, 2004] as [number, number] };
    const d2 = differenceFrame(lv, 2, cfg);
    expect(d2.nrow).toBe(6);
    expect(Array.from(numericColumn(d2, 'gvcp'))).toEqual([2, 2, 2, 4, 4, 4]);
    const d2n = differenceFrame(lv, 2, { ...cfg, differences: 'nonoverlapping' });
    expect(Array.from(numericColumn(d2n, 'year'))).toEqual([2002, 2004, 2002, 2004]);
  });

  it('z-scores with the population SD', () => {
    const z = numericColumn(zscore(frame({ a: [1, 2, 3, 4] }), ['a']), 'a');
    const sd = Math.sqrt(1.25);
    expect(Array.from(z).map((v) => Number(v.toFixed(12)))).toEqual([-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd].map((v) => Number(v.toFixed(12))));
    expect(polyFit([0, 1, 2], [1, 3, 5], 1).map((v) => Number(v.toFixed(12)))).toEqual([1, 2]);
  });

  it('Figure 3: every curve falls in mu, ends at 0, N = 50 above N = 20 above N = 7', () => {
    const lines = figure3().csv.trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    const by = (N: number) => lines.filter((r) => r[0] === N).map((r) => r[5]);
    for (const N of [7, 20, 50]) {
      const g = by(N);
      expect(g.length).toBe(101);
      for (let k = 1; k < g.length; k++) expect(g[k]).toBeLessThan(g[k - 1]);
      expect(g[100]).toBe(0);
    }
    for (let k = 0; k < 100; k++) expect(by(50)[k] > by(20)[k] && by(20)[k] > by(7)[k]).toBe(true);
    expect(by(7)[0]).toBeCloseTo(1.205397, 6);
  });
});
