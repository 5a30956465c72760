/**
 * The ASEAN study's Table 3 estimators (spec 3 and 7) against the golden Grunfeld values of
 * ../shared/data/golden/econ_r.json (R plm), the spec's unbalanced-Grunfeld σ_u² (Stata form 7088.22,
 * Baltagi–Chang 7124.82), the shared reRandom (both variance forms) and hausman, and the FE/FGLS identities.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/node/read-csv.js';
import { hausman, olsFit, reRandom, takeRows } from '../../src/econometrics/index.js';
import { panelFromFrame, type PanelData, type XtFit } from '../../src/study/asean-similarity/xt-types.js';
import { xtFe } from '../../src/study/asean-similarity/xt-fe.js';
import { xtRe } from '../../src/study/asean-similarity/xt-re.js';
import { xtFglsDummies } from '../../src/study/asean-similarity/xt-fgls.js';
import { hausmanTest } from '../../src/study/asean-similarity/xt-hausman.js';
import { mulberry32 } from '../../src/study/asean-similarity/synthetic.js';
import { HAS_SHARED, shared } from '../shared-data.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const have = HAS_SHARED && existsSync(shared('econ', 'grunfeld.csv'));
if (!have) console.warn('skipping Grunfeld checks of the ASEAN estimators: ../shared/data is absent');

describe.skipIf(!have)('Grunfeld (balanced): FE / RE / Hausman match econ_r.json to 1e-6 relative', () => {
  const golden = have ? JSON.parse(readFileSync(shared('golden', 'econ_r.json'), 'utf8')) : {};
  const g = have ? readCsv(shared('econ', 'grunfeld.csv')) : undefined;
  const d = g ? panelFromFrame(g, 'inv', ['value', 'capital'], 'firm', 'year') : (undefined as unknown as PanelData);

  it('FE slopes, SEs and within R²', () => {
    const fe = xtFe(d);
    const w = golden.grunfeld_fe_firm;
    for (const v of ['value', 'capital']) {
      expect(rel(fe.coef[v], w.coef[v])).toBeLessThan(1e-6);
      expect(rel(fe.se[v], w.se[v])).toBeLessThan(1e-6);
    }
    expect(rel(fe.r2Within!, w.r2_within)).toBeLessThan(1e-6);
    expect(fe.df).toBe(200 - 10 - 2);
  });

  for (const form of ['stata', 'plm'] as const) {
    it(`RE (${form}): coefficients, SEs, θ, σ_e², σ_u²`, () => {
      const re = xtRe(d, form);
      const w = golden.grunfeld_re_swar;
      for (const v of ['value', 'capital']) {
        expect(rel(re.coef[v], w.coef[v])).toBeLessThan(1e-6);
        expect(rel(re.se[v], w.se[v])).toBeLessThan(1e-6);
      }
      expect(rel(re.coef._cons, w.coef['(Intercept)'])).toBeLessThan(1e-6);
      expect(rel(re.se._cons, w.se['(Intercept)'])).toBeLessThan(1e-6);
      expect(rel(re.theta!.median, w.theta)).toBeLessThan(1e-6);
      expect(rel(re.sigma2_e!, w.sigma2_idios)).toBeLessThan(1e-6);
      expect(rel(re.sigma2_u!, w.sigma2_id)).toBeLessThan(1e-6);
    });
  }

  it('Hausman 2.3304, df 2, p 0.3119', () => {
    const h = hausmanTest(xtFe(d), xtRe(d, 'stata'), d.names);
    const w = golden.grunfeld_hausman;
    expect(rel(h.stat, w.stat)).toBeLessThan(1e-6);
    expect(h.df).toBe(2);
    expect(rel(h.p, w.p)).toBeLessThan(1e-6);
    expect(h.stat).toBeGreaterThanOrEqual(0);
  });

  it('unbalanced (without the last row): σ_u² = 7088.22 (stata) and 7124.82 (plm = shared reRandom)', () => {
    const gu = takeRows(g!, Int32Array.from({ length: g!.nrow - 1 }, (_, i) => i));
    const du = panelFromFrame(gu, 'inv', ['value', 'capital'], 'firm', 'year');
    const st = xtRe(du, 'stata');
    const pl = xtRe(du, 'plm');
    expect(Math.abs(st.sigma2_u! - 7088.22)).toBeLessThan(0.005);
    expect(Math.abs(pl.sigma2_u! - 7124.82)).toBeLessThan(0.005);
    const shared = reRandom('inv ~ value + capital | firm', gu);
    expect(rel(pl.sigma2_u!, shared.sigma2_id)).toBeLessThan(1e-10);
    expect(rel(pl.coef.value, shared.coef.value)).toBeLessThan(1e-10);
    expect(rel(pl.se.value, shared.se.value)).toBeLessThan(1e-10);
    const sharedStata = reRandom('inv ~ value + capital | firm', gu, { variance: 'stata' });
    expect(Math.abs(sharedStata.sigma2_id - 7088.22)).toBeLessThan(0.005);
    expect(rel(st.sigma2_u!, sharedStata.sigma2_id)).toBeLessThan(1e-10);
    expect(rel(st.coef.value, sharedStata.coef.value)).toBeLessThan(1e-10);
    expect(rel(st.se.capital, sharedStata.se.capital)).toBeLessThan(1e-10);
  });

  it('shared hausman: df k (plm) and df rank (Stata) agree on Grunfeld, where V_FE - V_RE is positive definite', () => {
    const fe = xtFe(d);
    const re = xtRe(d, 'stata');
    const model = (f: { coef: Record<string, number>; vcovSlopes: number[][] }) => ({ names: [...d.names], coef: f.coef, vcovMatrix: f.vcovSlopes });
    const k = hausman(model(fe), model(re));
    const r = hausman(model(fe), model(re), { df: 'rank' });
    expect(r.df).toBe(2);
    expect(r.positiveDefinite).toBe(true);
    expect(rel(r.stat, k.stat)).toBeLessThan(1e-8);
    expect(rel(r.stat, golden.grunfeld_hausman.stat)).toBeLessThan(1e-6);
  });
});

/** A small unbalanced random panel for the identities of spec 7. */
function randomPanel(seed: number, exact = false): PanelData {
  const u = mulberry32(seed);
  const groups = ['A', 'B', 'C', 'D', 'E'];
  const codes: number[] = [];
  const time: number[] = [];
  groups.forEach((_, g) => {
    for (let t = 0; t < 4 + g; t++) {
      codes.push(g);
      time.push(t);
    }
  });
  const N = codes.length;
  const X = [0, 1, 2].map(() => Float64Array.from({ length: N }, () => u() * 2 - 1));
  const alpha = groups.map(() => u());
  const y = Float64Array.from({ length: N }, (_, i) => alpha[codes[i]] + 0.5 * X[0][i] - 0.2 * X[1][i] + 0.1 * X[2][i] + (exact ? 0 : 0.3 * (u() - 0.5)));
  return { y, X, names: ['a', 'b', 'c'], codes: Int32Array.from(codes), groups, time: Float64Array.from(time) };
}

describe('identities on any data (spec 7)', () => {
  const d = randomPanel(11);
  const fe = xtFe(d);
  const fg = xtFglsDummies(d);
  const re = xtRe(d, 'stata');
  const N = d.y.length;
  const n = d.groups.length;
  const k = d.X.length;

  it('FE and FGLS(iid, dummies): identical slopes, z/t = sqrt(N/(N-n-k))', () => {
    for (const v of d.names) {
      expect(Math.abs(fe.coef[v] - fg.coef[v])).toBeLessThan(1e-10);
      expect(Math.abs(fg.stat[v] / fe.stat[v] - Math.sqrt(N / (N - n - k)))).toBeLessThan(1e-10);
    }
  });

  it('FE constant = ybar - xbar\'b; within R² in [0,1]; θ in [0,1)', () => {
    const ybar = d.y.reduce((s, v) => s + v, 0) / N;
    const xb = d.X.reduce((s, c, j) => s + (c.reduce((a, v) => a + v, 0) / N) * fe.coef[d.names[j]], 0);
    expect(Math.abs(fe.coef._cons - (ybar - xb))).toBeLessThan(1e-12);
    expect(fe.r2Within!).toBeGreaterThanOrEqual(0);
    expect(fe.r2Within!).toBeLessThanOrEqual(1);
    if (re.sigma2_e! > 0) for (const t of Object.values(re.theta!.byGroup)) expect(t >= 0 && t < 1).toBe(true);
    const h = hausmanTest(fe, re, d.names);
    expect(h.df).toBeGreaterThan(0);
  });

  it('RE with σ_u² = 0 equals pooled OLS', () => {
    // group means of the noise removed, so the between residuals are tiny and σ_u² is truncated at 0
    const u = mulberry32(5);
    const e = Float64Array.from(d.y, () => u() - 0.5);
    const m = new Float64Array(n);
    const T = new Float64Array(n);
    d.codes.forEach((c, i) => {
      m[c] += e[i];
      T[c]++;
    });
    const d0 = { ...d, y: Float64Array.from(d.y, (_, i) => 0.5 * d.X[0][i] + e[i] - m[d.codes[i]] / T[d.codes[i]]) };
    const r0 = xtRe(d0, 'stata');
    expect(r0.sigma2_u).toBe(0);
    const ones = new Float64Array(N).fill(1);
    const ols = olsFit([...d0.X, ones], d0.y);
    d.names.forEach((v, j) => expect(Math.abs(r0.coef[v] - ols.coef[j])).toBeLessThan(1e-12));
    expect(Math.abs(r0.coef._cons - ols.coef[k])).toBeLessThan(1e-12);
  });

  it('exact within fit: RE and Hausman not estimable', () => {
    const dx = randomPanel(3, true);
    const fx = xtFe(dx);
    expect(fx.exactFit).toBe(true);
    const rx = xtRe(dx);
    expect(rx.estimable).toBe(false);
    expect(rx.reason).toBe('not estimable (exact within fit)');
    expect(hausmanTest(fx, rx, dx.names).estimable).toBe(false);
  });
});

describe('Hausman when V_FE - V_RE is not positive semi-definite (spec 3, 7)', () => {
  const fit = (b: number[], v: number): XtFit => ({
    method: 'x', estimable: true, terms: ['a', 'b'], coef: { a: b[0], b: b[1] }, se: {}, stat: {}, p: {}, statKind: 'z',
    vcovSlopes: [[v, 0], [0, v]], nobs: 20, groups: 4, notes: [],
  });

  it('positive definite difference: H >= 0, df = rank, p from chi2', () => {
    const h = hausmanTest(fit([1, 1], 2), fit([0, 0], 1), ['a', 'b']);
    expect(h.positiveDefinite).toBe(true);
    expect(h.stat).toBeCloseTo(2, 12);
    expect(h.df).toBe(2);
    expect(h.p).toBeCloseTo(Math.exp(-1), 12);
  });

  it('negative definite difference: negative statistic, no p-value, and neither the decision nor the note claims a result', () => {
    const h = hausmanTest(fit([1, 1], 1), fit([0, 0], 2), ['a', 'b']);
    expect(h.positiveDefinite).toBe(false);
    expect(h.stat).toBeCloseTo(-2, 12);
    expect(h.df).toBe(2);
    expect(Number.isFinite(h.p)).toBe(false);
    expect(h.note).toMatch(/Moore-Penrose.*negative, so no p-value/);
    expect(h.decision).toMatch(/not conclusive/);
  });
});
