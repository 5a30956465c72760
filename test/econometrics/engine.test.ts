/** Identity and behaviour tests of the econometrics engine on small generated panels. */
import { describe, expect, it } from 'vitest';
import {
  frame, parseCsv, parseFormula, feols, demean, buildFixef, dropSingletons, fixefDof, olsFit,
  lpm, feolsBy, feglsPanel, reRandom, pChi2, pF, pT2,
} from '../../src/econometrics/index.js';
import { regTable, renderRegTable } from '../../src/report/regtable/index.js';
import { mulberry32 } from '../../src/random.js';

/** Deterministic PRNG (mulberry32) and standard normals. */
function rng(seed: number) {
  const u = mulberry32(seed);
  return { u, n: () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u()) };
}

/** Unbalanced panel: 15 ids x 8 years with ~20% rows removed, plus a third FE 'region'. */
function panel(seed = 1) {
  const r = rng(seed);
  const id: string[] = [], year: number[] = [], region: string[] = [], x1: number[] = [], x2: number[] = [], y: number[] = [];
  const a = Array.from({ length: 15 }, () => r.n());
  const g = Array.from({ length: 8 }, () => r.n());
  for (let i = 0; i < 15; i++)
    for (let t = 0; t < 8; t++) {
      if (r.u() < 0.2) continue;
      const u1 = r.n() + a[i], u2 = r.n();
      id.push(`f${i}`); year.push(2000 + t); region.push(`r${(i + t) % 3}`);
      x1.push(u1); x2.push(u2);
      y.push(1 + u1 + 0.5 * u2 + 2 * a[i] + g[t] + (i + t) % 3 * 0.3 + r.n());
    }
  return frame({ id, year, region, x1, x2, y });
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('fixed effects = dummy-variable OLS', () => {
  const df = panel();
  it('two-way FE coefficients and iid/HC1 SE equal the LSDV ones', () => {
    for (const vcov of ['iid', 'hc1'] as const) {
      const fe = feols('y ~ x1 + x2 | id + year', df, { vcov });
      const dv = feols('y ~ x1 + x2 + i(id) + i(year)', df, { vcov });
      for (const v of ['x1', 'x2']) {
        expect(rel(fe.coef[v], dv.coef[v])).toBeLessThan(1e-9);
        expect(rel(fe.se[v], dv.se[v])).toBeLessThan(1e-8);
      }
      expect(fe.dfResid).toBe(dv.dfResid);
      expect(rel(fe.r2, dv.r2)).toBeLessThan(1e-9);
    }
  });
  it('three-way FE by alternating projections equals LSDV (demeaning converges)', () => {
    const fe = feols('y ~ x1 + x2 | id + year + region', df);
    const dv = feols('y ~ x1 + x2 + i(id) + i(year) + i(region)', df);
    expect(rel(fe.coef.x1, dv.coef.x1)).toBeLessThan(1e-8);
    expect(rel(fe.coef.x2, dv.coef.x2)).toBeLessThan(1e-8);
    expect(fe.fixef.iterations).toBeGreaterThan(1);
    // demeaned vector equals the residual of a regression on all dummies
    const dims = buildFixef(df, [['id'], ['year'], ['region']]);
    const y = df.columns.y as Float64Array;
    const dm = demean([y], dims, { tol: 1e-13 });
    expect(dm.converged).toBe(true);
    const dummies: Float64Array[] = [new Float64Array(df.nrow).fill(1)];
    for (const d of dims) for (let l = 0; l < d.nlevels; l++) dummies.push(Float64Array.from(d.codes, (c) => (c === l ? 1 : 0)));
    const res = olsFit(dummies, y).residuals;
    let m = 0;
    for (let i = 0; i < y.length; i++) m = Math.max(m, Math.abs(res[i] - dm.cols[0][i]));
    expect(m).toBeLessThan(1e-9);
  });
  it('FE combinations a^b and the FE degrees of freedom', () => {
    const fe = feols('y ~ x1 | id^region + year', df);
    expect(fe.fixef.names).toEqual(['id^region', 'year']);
    const dims = buildFixef(df, [['id'], ['year']]);
    const dof = fixefDof(dims);
    expect(dof.redundant).toEqual([0, 1]);
    expect(dof.total).toBe(15 + 8 - 1);
  });
});

describe('small-sample K (ssc)', () => {
  const df = panel();
  it('kVcov is the K of the clustered factor; ssc reghdfe adds the intercept of a nested first FE', () => {
    const fx = feols('y ~ x1 + x2 | id + year', df, { cluster: 'id' });
    const rh = feols('y ~ x1 + x2 | id + year', df, { cluster: 'id', ssc: { k: 'reghdfe' } });
    expect(fx.vcovNote).toContain(`K=${fx.kVcov}`);
    // id FE nested in the id clusters: fixest K = 2 slopes + 7 year dof; reghdfe also counts _cons
    expect(fx.kVcov).toBe(2 + 7);
    expect(rh.kVcov).toBe(fx.kVcov + 1);
    const N = fx.nobs;
    for (const v of ['x1', 'x2']) {
      expect(rh.coef[v]).toBe(fx.coef[v]);
      expect(rel(rh.se[v], fx.se[v] * Math.sqrt((N - fx.kVcov) / (N - rh.kVcov)))).toBeLessThan(1e-14);
    }
    // the first FE not nested (clusters by region): both counts agree
    const a = feols('y ~ x1 + x2 | id + year', df, { cluster: 'region' });
    const b = feols('y ~ x1 + x2 | id + year', df, { cluster: 'region', ssc: { k: 'reghdfe' } });
    expect(b.kVcov).toBe(a.kVcov);
    expect(b.se.x1).toBe(a.se.x1);
    expect(feols('y ~ x1 + x2 | id', df, { vcov: 'iid' }).kVcov).toBe(2 + 15);
  });
});

describe('sample handling', () => {
  it('reports collinear regressors by name (and variables absorbed by FE)', () => {
    const df = panel(2);
    const x1 = df.columns.x1 as Float64Array, x2 = df.columns.x2 as Float64Array;
    const d2 = frame({ ...df.columns, x3: Float64Array.from(x1, (v, i) => 2 * v - x2[i]), c: Float64Array.from(df.columns.id as string[], (s) => s.length) });
    const r = feols('y ~ x1 + x2 + x3', d2);
    expect(r.collinear).toEqual(['x3']);
    expect(r.names).toEqual(['(Intercept)', 'x1', 'x2']);
    const r2 = feols('y ~ x1 + c | id', d2);
    expect(r2.collinear).toEqual(['c']);
  });
  it('drops singletons iteratively and counts them', () => {
    // firm C has one row (singleton); after removing it, year 2003 has one row left (firm A) -> dropped too
    const df = frame({
      firm: ['A', 'A', 'A', 'B', 'B', 'C', 'A'],
      year: [2001, 2002, 2003, 2001, 2002, 2003, 2004],
      x: [1, 2, 3, 4, 5, 6, 7],
      y: [1, 3, 2, 5, 4, 7, 9],
    });
    const dims = buildFixef(df, [['firm'], ['year']]);
    const s = dropSingletons(dims, df.nrow);
    // C (row 5) -> then 2003 (row 2) and 2004 (row 6) singletons
    expect(s.dropped).toBe(3);
    expect(Array.from(s.rows)).toEqual([0, 1, 3, 4]);
    const r = feols('y ~ x | firm + year', df);
    expect(r.dropped.singletons).toBe(3);
    expect(r.nobs).toBe(4);
  });
  it('drops and counts missing and non-finite rows', () => {
    const df = parseCsv('id,y,x\na,1,2\na,NA,3\nb,3,0\nb,4,5\nc,5,6\nc,6,7\n');
    const r = feols('y ~ log(x)', df);
    expect(r.dropped).toEqual({ missing: 1, nonFinite: 1, singletons: 0 });
    expect(r.nobs).toBe(4);
  });
});

describe('formula parser', () => {
  it('expands products, functions, factors, FE and IV parts', () => {
    const f = parseFormula('y ~ a*b + log(c) + I(d^2) + i(g, ref = "x") - 1 | fe1 + fe1^fe2 | e1 + e2 ~ z1 + z2');
    expect(f.terms.map((t) => t.label)).toEqual(['a', 'b', 'a:b', 'log(c)', 'I(d^2)', 'i(g,ref="x")']);
    expect(f.intercept).toBe(false);
    expect(f.fixef).toEqual([['fe1'], ['fe1', 'fe2']]);
    expect(f.iv!.endog.map((t) => t.label)).toEqual(['e1', 'e2']);
    expect(f.iv!.instruments.map((t) => t.label)).toEqual(['z1', 'z2']);
    expect(parseFormula('y ~ x').intercept).toBe(true);
    expect(parseFormula('y ~ x + 0').intercept).toBe(false);
    expect(parseFormula('y ~ x | d ~ z').iv).toBeDefined();
    expect(() => parseFormula('y x')).toThrow(/form/);
  });
  it('builds interactions and factor dummies with fixest names', () => {
    const df = panel(3);
    const r = feols('y ~ x1*x2 + i(region)', df);
    expect(r.names).toEqual(['(Intercept)', 'x1', 'x2', 'x1:x2', 'region::r1', 'region::r2']);
    const s = feols('y ~ i(region, x1)', df);
    expect(s.names).toEqual(['(Intercept)', 'region::r0:x1', 'region::r1:x1', 'region::r2:x1']);
  });
});

describe('other estimators', () => {
  const df = panel(4);
  it('linear probability model reports fitted values outside [0, 1]', () => {
    const yb = Float64Array.from(df.columns.y as Float64Array, (v) => (v > 1.5 ? 1 : 0));
    const r = lpm('d ~ x1 + x2', frame({ ...df.columns, d: yb }));
    expect(r.vcovType).toBe('hc1');
    expect(r.shareOutside).toBeGreaterThanOrEqual(0);
    expect(r.shareOutside).toBe((r.below0 + r.above1) / r.nobs);
    expect(() => lpm('y ~ x1', df)).toThrow(/0\/1/);
  });
  it('grouped regressions equal regressions on subsets', () => {
    const g = feolsBy('y ~ x1 + x2', df, 'region');
    expect(g.map((x) => x.group)).toEqual(['r0', 'r1', 'r2']);
    const sub = frame(Object.fromEntries(Object.entries(df.columns).map(([k, c]) => [k, (Array.from(c as ArrayLike<unknown>) as unknown[]).filter((_, i) => (df.columns.region as string[])[i] === 'r1')])) as never);
    expect(rel(g[1].result!.coef.x1, feols('y ~ x1 + x2', sub).coef.x1)).toBeLessThan(1e-12);
  });
  it('panel FGLS: iid/independent is OLS; hetero + AR(1) gives |rho| < 1', () => {
    const ols = feols('y ~ x1 + x2', df);
    const g0 = feglsPanel('y ~ x1 + x2', df, { id: 'id', time: 'year', panels: 'iid', corr: 'independent' });
    expect(rel(g0.coef.x1, ols.coef.x1)).toBeLessThan(1e-10);
    const g1 = feglsPanel('y ~ x1 + x2', df, { id: 'id', time: 'year' });
    expect(Math.abs(g1.rho)).toBeLessThan(1);
    expect(Object.keys(g1.sigma2)).toHaveLength(15);
    expect(g1.se.x1).toBeGreaterThan(0);
  });
  it('random effects on an unbalanced panel lie between pooled OLS and FE (theta in (0,1))', () => {
    const re = reRandom('y ~ x1 + x2 | id', df);
    expect(re.thetaRange[0]).toBeGreaterThan(0);
    expect(re.thetaRange[1]).toBeLessThan(1);
    expect(re.sigma2_id).toBeGreaterThan(0);
  });
  it('IV with two endogenous variables and FE: Cragg-Donald = KP Wald F under iid', () => {
    const r = rng(9);
    const n = 400;
    const id: string[] = [], z1: number[] = [], z2: number[] = [], z3: number[] = [], d1: number[] = [], d2: number[] = [], w: number[] = [], y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = (i % 20) / 10, e = r.n(), zz = [r.n(), r.n(), r.n()], ww = r.n();
      id.push(`g${i % 20}`); z1.push(zz[0]); z2.push(zz[1]); z3.push(zz[2]); w.push(ww);
      const dd1 = zz[0] + 0.5 * zz[1] + 0.3 * ww + 0.5 * e + a + r.n();
      const dd2 = 0.4 * zz[1] - zz[2] + 0.5 * e + r.n();
      d1.push(dd1); d2.push(dd2);
      y.push(dd1 - dd2 + ww + a + e);
    }
    const df2 = frame({ id, z1, z2, z3, d1, d2, w, y });
    const iid = feols('y ~ w | id | d1 + d2 ~ z1 + z2 + z3', df2);
    expect(rel(iid.coef.d1, 1)).toBeLessThan(0.2);
    expect(rel(iid.iv!.kpF, iid.iv!.cdF)).toBeLessThan(1e-8);
    expect(iid.iv!.kpLMdf).toBe(2);
    const cl = feols('y ~ w | id | d1 + d2 ~ z1 + z2 + z3', df2, { cluster: 'id' });
    expect(cl.iv!.kpF).toBeGreaterThan(0);
    expect(cl.iv!.kpLM).toBeGreaterThan(0);
  });
});

describe('distributions', () => {
  it('matches known quantiles', () => {
    expect(pT2(1.959963984540054, Infinity)).toBeCloseTo(0.05, 12);
    expect(pT2(2.228138851986274, 10)).toBeCloseTo(0.05, 12);
    expect(pF(3.098391212, 3, 20)).toBeCloseTo(0.05, 8);
    expect(pChi2(5.991464547107979, 2)).toBeCloseTo(0.05, 12);
    expect(pChi2(88.84, 2)).toBeGreaterThan(0);
  });
});

describe('regression tables', () => {
  it('renders several models side by side in every format', () => {
    const df = panel(5);
    const m1 = feols('y ~ x1 + x2', df, { vcov: 'hc1' });
    const m2 = feols('y ~ x1 + x2 | id + year', df, { cluster: 'id' });
    const t = regTable([m1, m2]);
    expect(t.rows.find((r) => r.label === 'id FE')!.cells).toEqual(['No', 'Yes']);
    expect(t.rows.find((r) => r.label === 'x1')!.cells[0]).toMatch(/\*\*\*$/);
    const txt = renderRegTable(t, 'text');
    expect(txt).toContain('Within R2');
    expect(renderRegTable(t, 'markdown')).toContain('| x1 |');
    expect(renderRegTable(t, 'latex')).toContain('$^{***}$');
    expect(renderRegTable(t, 'html')).toContain('<table');
    expect(renderRegTable(t, 'csv').split('\n')[0]).toBe(',(1),(2)');
    const tt = regTable([m1], { stat: 't' });
    expect(tt.rows[2].cells[0]).toBe(`(${m1.tstat.x1 === undefined ? '' : m1.tstat['(Intercept)'].toFixed(3)})`);
  });
});
