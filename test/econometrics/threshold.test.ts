import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { olsFit } from '../../src/econometrics/ols.js';
import { readCsv } from '../../src/node/read-csv.js';
import { panelThreshold, thresholdModel, thresholdJson, formatThreshold, rng, within } from '../../src/econometrics/threshold/index.js';
import { admissible, makeBase, makeDesign, search } from '../../src/econometrics/threshold/search.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hansenPath = join(root, '../shared/data/econ/hansen1999.csv');
const haveHansen = existsSync(hansenPath);

/** Generated balanced panel; y built by `f` from the row's variables. */
function panel(n: number, T: number, seed: number, f: (v: { a: number; eta: number; z: number; x: number; q: number; e: number }) => number, noise = 0) {
  const r = rng(seed);
  const id: number[] = [];
  const time: number[] = [];
  const y: number[] = [];
  const x: number[] = [];
  const q: number[] = [];
  const z: number[] = [];
  const alpha = Array.from({ length: n }, () => r.normal());
  const eta = Array.from({ length: T }, () => r.normal());
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      const v = { a: alpha[i], eta: eta[t], z: r.normal(), x: 0.4 + 0.55 * r.next(), q: 0.2 + 0.7 * r.next(), e: noise * r.normal() };
      id.push(i + 1);
      time.push(2000 + t);
      x.push(v.x);
      q.push(v.q);
      z.push(v.z);
      y.push(f(v));
    }
  }
  return { id, time, y, x, q, z: { z } };
}

/** Brute-force SSR: OLS of the within-transformed y on within-transformed [z, x d_1, ..., x d_{m+1}]. */
function bruteSsr(p: ReturnType<typeof panel>, cuts: number[], n: number, T: number, effects: 'unit' | 'twoway', dropLast = false): number {
  const tr = (v: number[]) => {
    const w = within(Float64Array.from(v), n, T, effects);
    if (!dropLast) return w;
    const o: number[] = [];
    for (let i = 0; i < n; i++) for (let t = 0; t < T - 1; t++) o.push(w[i * T + t]);
    return Float64Array.from(o);
  };
  const cs = [...cuts].sort((a, b) => a - b);
  const cols = [tr(p.z.z)];
  for (let r = 0; r <= cs.length; r++) {
    const lo = r === 0 ? -Infinity : cs[r - 1];
    const hi = r === cs.length ? Infinity : cs[r];
    cols.push(tr(p.x.map((xv, k) => (p.q[k] > lo && p.q[k] <= hi ? xv : 0))));
  }
  return olsFit(cols, tr(p.y)).ssr;
}

describe('threshold search engine', () => {
  for (const [effects, dropLast] of [
    ['unit', false],
    ['twoway', false],
    ['unit', true],
  ] as const) {
    it(`incremental SSR path equals brute-force OLS (${effects}${dropLast ? ', drop last period' : ''})`, () => {
      const n = 12;
      const T = 6;
      const p = panel(n, T, 7, (v) => v.a + v.eta + 0.5 * v.z - 0.5 * v.x * (v.q <= 0.5 ? 1 : 0) - 0.8 * v.x * (v.q > 0.5 ? 1 : 0) + v.e, 0.2);
      const zc = [within(Float64Array.from(p.z.z), n, T, effects)];
      const d = makeDesign(zc, Float64Array.from(p.x), Float64Array.from(p.q), n, T, effects, dropLast);
      const y = within(Float64Array.from(p.y), n, T, effects);
      const all = Int32Array.from({ length: d.values.length }, (_, j) => j);
      for (const fixed of [[], [30], [20, 50]]) {
        const cand = admissible(d, fixed, 3, all);
        const res = search(d, makeBase(d, fixed), y, cand);
        for (let u = 0; u < cand.length; u += 5) {
          const cuts = [...fixed.map((j) => d.values[j]), d.values[cand[u]]];
          const s = bruteSsr(p, cuts, n, T, effects, dropLast);
          expect(res.ssr[u]).toBeCloseTo(s, 10);
        }
        expect(res.ssrBase).toBeCloseTo(bruteSsr(p, fixed.map((j) => d.values[j]), n, T, effects, dropLast), 10);
      }
    });
  }
});

describe('panelThreshold on generated panels', () => {
  it('recovers a planted threshold and the coefficients exactly without noise', () => {
    const n = 30;
    const T = 8;
    const p = panel(n, T, 3, (v) => v.a + 0.5 * v.z - 0.5 * v.x * (v.q <= 0.45 ? 1 : 0) - 0.7 * v.x * (v.q > 0.45 ? 1 : 0));
    const r = panelThreshold({ ...p, names: { x: 'x', q: 'q' } }, { thresholds: 1, bootstrap: 0 });
    const gTrue = Math.max(...p.q.filter((v) => v <= 0.45));
    expect(r.thresholds[0]).toBe(gTrue);
    expect(r.steps[0].ssr).toBeLessThan(1e-20);
    const coef = Object.fromEntries(r.final.coef.map((c) => [c.name, c.estimate]));
    expect(coef.z).toBeCloseTo(0.5, 10);
    expect(r.final.coef[1].estimate).toBeCloseTo(-0.5, 10);
    expect(r.final.coef[2].estimate).toBeCloseTo(-0.7, 10);
    expect(r.final.regimes[0].nobs + r.final.regimes[1].nobs).toBe(n * T);
  });

  it('recovers two planted thresholds exactly (two-way effects, no noise)', () => {
    const n = 25;
    const T = 10;
    const f = (v: { a: number; eta: number; z: number; x: number; q: number }) =>
      v.a + v.eta + 0.5 * v.z + v.x * (v.q <= 0.4 ? -0.5 : v.q <= 0.7 ? 0.6 : -1.2);
    const p = panel(n, T, 11, f);
    const r = panelThreshold(p, { thresholds: 2, bootstrap: 0, effects: 'twoway' });
    const g1 = Math.max(...p.q.filter((v) => v <= 0.4));
    const g2 = Math.max(...p.q.filter((v) => v <= 0.7));
    expect([...r.final.thresholds].sort()).toEqual([g1, g2].sort());
    const est = r.final.coef.map((c) => c.estimate);
    expect(est[0]).toBeCloseTo(0.5, 9);
    expect(est[1]).toBeCloseTo(-0.5, 9);
    expect(est[2]).toBeCloseTo(0.6, 9);
    expect(est[3]).toBeCloseTo(-1.2, 9);
  });

  it('satisfies the invariants of the search and the bootstrap, and is reproducible by seed', () => {
    const n = 21;
    const T = 16;
    const p = panel(n, T, 5, (v) => v.a + v.eta + 0.5 * v.z - 0.5 * v.x * (v.q <= 0.45 ? 1 : 0) - 0.7 * v.x * (v.q > 0.45 ? 1 : 0) + v.e, 0.1);
    const opts = { thresholds: 2, bootstrap: 50, seed: 9, effects: 'twoway' as const };
    const r = panelThreshold(p, opts);
    const r2 = panelThreshold(p, opts);
    const h = Math.ceil(0.01 * n * T);
    for (const s of r.steps) {
      expect(s.F).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(s.p * s.B + 1e-9) || Math.abs(s.p * s.B - Math.round(s.p * s.B)) < 1e-9).toBe(true);
      const c = s.ci.find((ci) => ci.level === 0.95)!;
      expect(c.lower).toBeLessThanOrEqual(s.gamma);
      expect(c.upper).toBeGreaterThanOrEqual(s.gamma);
      for (let u = 0; u < s.path!.lr.length; u++) if (!Number.isNaN(s.path!.lr[u])) expect(s.path!.lr[u]).toBeGreaterThanOrEqual(-1e-8);
    }
    // S(gamma) <= S0 along the single-threshold path: LR relative to S1 means S = S1 + lr sigma2
    const s1 = r.steps[0];
    for (let u = 0; u < s1.path!.lr.length; u++) expect(s1.ssr + s1.path!.lr[u] * s1.sigma2).toBeLessThanOrEqual(r.ssr0 + 1e-10);
    for (const g of r.final.regimes) expect(g.nobs).toBeGreaterThanOrEqual(h);
    expect(r.steps[0].p).toBeLessThan(0.05);
    expect(Math.abs(r.thresholds[0] - 0.45)).toBeLessThan(0.03);
    expect(r2.steps.map((s) => s.p)).toEqual(r.steps.map((s) => s.p));
    expect(r2.steps.map((s) => s.crit)).toEqual(r.steps.map((s) => s.crit));
    const j = thresholdJson(r);
    for (const k of ['thresholds', 'F', 'p', 'ci', 'coef', 'se', 'ssr']) expect(j).toHaveProperty(k);
    expect(formatThreshold(r)).toContain('Th-1');
  });

  it('uses c(alpha) = -2 ln(1 - sqrt(level)) for the confidence sets', () => {
    const p = panel(10, 6, 2, (v) => v.a + v.x * (v.q <= 0.5 ? 1 : 2) + v.e, 0.3);
    const r = panelThreshold(p, { bootstrap: 0 });
    const crit = r.steps[0].ci.map((c) => c.critical);
    expect(crit[0]).toBeCloseTo(5.9395, 4);
    expect(crit[1]).toBeCloseTo(7.3523, 4);
    expect(crit[2]).toBeCloseTo(10.5916, 4);
  });

  it('refuses an unbalanced panel and names the unit', () => {
    const p = panel(5, 4, 1, (v) => v.x + v.e, 1);
    const keep = p.id.map((_, k) => k).filter((k) => !(p.id[k] === 3 && p.time[k] === 2002));
    const sub = <T>(a: T[]) => keep.map((k) => a[k]);
    expect(() =>
      panelThreshold({ y: sub(p.y), x: sub(p.x), q: sub(p.q), z: { z: sub(p.z.z) }, id: sub(p.id), time: sub(p.time), names: { id: 'firm', time: 'year' } }),
    ).toThrow(/firm 3 has no row for year 2002/);
    expect(() => panelThreshold({ ...p, y: p.y.map((v, k) => (k === 6 ? NaN : v)) })).toThrow(InputError);
  });
});

describe.skipIf(!haveHansen)('Hansen (1999) investment panel', () => {
  if (!haveHansen) it.skip(`data absent: ${hansenPath}`, () => {});
  const df = haveHansen ? readCsv(hansenPath) : undefined;
  const vars = { regime: 'c1', q: 'd1', id: 'id', time: 'year' };
  const f = 'i ~ q1 + q2 + q3 + d1 + qd1';

  it('full-grid single threshold 0.0157 with F1 = 32.82 (sigma2 = S1 / (n (T - 1)))', () => {
    const r = thresholdModel(df!, f, vars, { thresholds: 1, bootstrap: 0 });
    expect(r.n).toBe(565);
    expect(r.T).toBe(14);
    expect(r.thresholds[0]).toBe(0.0157);
    expect(r.ssr0).toBeCloseTo(17.861099228, 7);
    expect(r.steps[0].ssr).toBeCloseTo(17.781651237, 7);
    expect(r.steps[0].F).toBeCloseTo(32.8173, 3);
    expect(r.steps[0].candidates).toBeGreaterThan(6000);
    // regime coefficients of c1 (Hansen's Table: low-leverage firms invest less out of cash flow)
    const c = r.final.coef;
    expect(c[5].name).toBe('c1[d1<=0.0157]');
    expect(c[5].estimate).toBeLessThan(c[6].estimate);
  });

  it("sigma2: 'xthreg' rescales F by Stata xthreg's MSE = SSR/(nT - T); the threshold is unchanged", () => {
    const r = thresholdModel(df!, f, vars, { thresholds: 1, bootstrap: 0, sigma2: 'xthreg' });
    expect(r.thresholds[0]).toBe(0.0157);
    // F from the two SSRs above with 565*14 - 14 = 7896 degrees of freedom
    expect(r.steps[0].F).toBeCloseTo(((17.861099228 - 17.781651237) * 7896) / 17.781651237, 3);
    expect(r.steps[0].F).toBeCloseTo(35.279, 2);
    expect(() => thresholdModel(df!, f, vars, { thresholds: 1, bootstrap: 0, sigma2: 'stata' as 'xthreg' })).toThrow(/sigma2 must be/);
  });

  it("Hansen's grid (393 quantiles) and program reproduce his thresholds 0.0157 and 0.5362", () => {
    const r = thresholdModel(df!, f, vars, { thresholds: 2, bootstrap: 0, grid: 393, dropLastPeriod: true });
    expect(r.thresholds[0]).toBe(0.0157);
    expect(r.thresholds[1].toFixed(4)).toBe('0.5362');
    expect(r.steps[1].refined!.gamma).toBe(0.0157);
    // with all n T rows (the fixed-effects estimator and xthreg) the second threshold is 0.5407
    const r2 = thresholdModel(df!, f, vars, { thresholds: 2, bootstrap: 0, grid: 393 });
    expect(r2.thresholds[0]).toBe(0.0157);
    expect(r2.thresholds[1]).toBe(0.54072);
  });

  it('bootstrap p-value of F1 is significant and reproducible', () => {
    const r = thresholdModel(df!, f, vars, { thresholds: 1, bootstrap: 30, seed: 1 });
    expect(r.steps[0].p).toBeLessThanOrEqual(0.05);
    expect(Math.round(r.steps[0].p * 30)).toBeCloseTo(r.steps[0].p * 30, 9);
  });
});
