import { describe as suite, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  describe as describeStats,
  diff,
  formatDescribe,
  lag,
  lead,
  mediation,
  normalCdf,
  normalQuantile,
  tPValue,
  vif,
  winsorize,
  winsorizeDetailed,
} from '../../src/econometrics/tools/index.js';
import { rng } from '../../src/random.js';

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const cov = (a: number[], b: number[]) => {
  const ma = mean(a);
  const mb = mean(b);
  return a.reduce((s, x, i) => s + (x - ma) * (b[i] - mb), 0);
};

suite('distributions', () => {
  it('match reference values', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(tPValue(2, 10)).toBeCloseTo(0.0733880347707404, 12);
    // closed forms: df = 1 (Cauchy) and df = 3
    expect(tPValue(1.5, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(1.5), 13);
    const u = 1.5 / Math.sqrt(3);
    expect(tPValue(1.5, 3)).toBeCloseTo(1 - (2 / Math.PI) * (Math.atan(u) + u / (1 + u * u)), 13);
  });
});

suite('winsorize', () => {
  const x = Array.from({ length: 100 }, (_, i) => i + 1);
  it('clips at type-7 percentiles', () => {
    const w = winsorize(x, { lower: 0.05, upper: 0.95 });
    expect(w[0]).toBeCloseTo(5.95, 12); // 1 + 99 * 0.05
    expect(w[99]).toBeCloseTo(95.05, 12);
    expect(w[50]).toBe(51);
  });
  it('clips at Stata _pctile percentiles and trims', () => {
    const d = winsorizeDetailed(x, { lower: 0.05, upper: 0.95, definition: 'stata' });
    expect(d.cutoffs.get('')).toEqual({ lower: 5.5, upper: 95.5 });
    expect(d.changed).toBe(10);
    const t = winsorize(x, { lower: 0.05, upper: 0.95, trim: true, definition: 'stata' });
    expect(t.filter((v) => Number.isNaN(v)).length).toBe(10);
  });
  it('works by group and keeps missing values', () => {
    const v = [1, 2, 3, 100, NaN, 10, 20, 30, 40, -50];
    const g = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];
    const w = winsorize(v, { lower: 0.25, upper: 0.75, by: g });
    // group a: 1,2,3,100 -> p25 = 1.75, p75 = 27.25 ; group b: -50,10,20,30,40 -> p25 = 10, p75 = 30
    expect(Array.from(w.slice(0, 4))).toEqual([1.75, 2, 3, 27.25]);
    expect(Number.isNaN(w[4])).toBe(true);
    expect(Array.from(w.slice(5))).toEqual([10, 20, 30, 30, 10]);
  });
});

suite('VIF', () => {
  const r = rng(3);
  const n = 200;
  const x1 = Array.from({ length: n }, () => r.normal());
  const x2 = x1.map((v) => 0.8 * v + 0.6 * r.normal());
  const x3 = x1.map((v, i) => 0.3 * v - 0.5 * x2[i] + r.normal());
  it('with two regressors equals 1 / (1 - r^2)', () => {
    const rr = cov(x1, x2) / Math.sqrt(cov(x1, x1) * cov(x2, x2));
    const res = vif({ x1, x2 });
    expect(res.rows[0].vif).toBeCloseTo(1 / (1 - rr * rr), 10);
    expect(res.rows[1].vif).toBeCloseTo(1 / (1 - rr * rr), 10);
    expect(res.mean).toBeCloseTo(1 / (1 - rr * rr), 10);
  });
  it('equals the diagonal of the inverse correlation matrix (3 regressors, cofactors by hand)', () => {
    const xs = [x1, x2, x3];
    const R = xs.map((a) => xs.map((b) => cov(a, b) / Math.sqrt(cov(a, a) * cov(b, b))));
    const det =
      R[0][0] * (R[1][1] * R[2][2] - R[1][2] * R[2][1]) - R[0][1] * (R[1][0] * R[2][2] - R[1][2] * R[2][0]) + R[0][2] * (R[1][0] * R[2][1] - R[1][1] * R[2][0]);
    const diag = [
      (R[1][1] * R[2][2] - R[1][2] * R[2][1]) / det,
      (R[0][0] * R[2][2] - R[0][2] * R[2][0]) / det,
      (R[0][0] * R[1][1] - R[0][1] * R[1][0]) / det,
    ];
    const res = vif({ x1, x2, x3 });
    res.rows.forEach((row, j) => expect(row.vif).toBeCloseTo(diag[j], 9));
    expect(res.mean).toBeCloseTo((diag[0] + diag[1] + diag[2]) / 3, 9);
    expect(res.nobs).toBe(n);
  });
});

suite('panel lags, leads and differences', () => {
  // unsorted rows; unit A misses 2002
  const id = ['A', 'B', 'A', 'A', 'B', 'B', 'A'];
  const time = [2001, 2001, 2000, 2003, 2002, 2000, 2004];
  const x = [11, 21, 10, 13, 22, 20, 14];
  it('lag matches by period, gaps give NaN', () => {
    const l = lag(x, id, time);
    expect(Array.from(l)).toEqual([10, 20, NaN, NaN, 21, NaN, 13]);
    const l2 = lag(x, id, time, 2);
    expect(Array.from(l2)).toEqual([NaN, NaN, NaN, 11, 20, NaN, NaN]);
  });
  it('lead and difference', () => {
    expect(Array.from(lead(x, id, time))).toEqual([NaN, 22, 11, 14, NaN, 21, NaN]);
    expect(Array.from(diff(x, id, time))).toEqual([1, 1, NaN, NaN, 1, NaN, 1]);
    expect(Array.from(diff(x, id, time, 1, { seasonal: 2 }))).toEqual([NaN, NaN, NaN, 2, 2, NaN, NaN]);
  });
  it('uses the step of the time variable and refuses duplicates', () => {
    expect(Array.from(lag([1, 2, 3], [1, 1, 1], [1990, 1994, 1998], 1, { step: 4 }))).toEqual([NaN, 1, 2]);
    expect(() => lag([1, 2], [1, 1], [2000, 2000])).toThrow(InputError);
  });
});

suite('descriptive statistics', () => {
  it('gives N, mean, sd, quartiles as a tidy table', () => {
    const rows = describeStats({ x: [1, 2, 3, 4, 5, NaN], y: [10, 10, 10, 10, 10, 10] });
    expect(rows[0]).toMatchObject({ variable: 'x', n: 5, missing: 1, mean: 3, min: 1, p25: 2, median: 3, p75: 4, max: 5 });
    expect(rows[0].sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(rows[1].sd).toBe(0);
    const stata = describeStats({ x: [1, 2, 3, 4] }, { definition: 'stata' });
    expect(stata[0].p25).toBe(1.5);
    expect(stata[0].median).toBe(2.5);
    expect(formatDescribe(rows)).toContain('median');
  });
  it('by group', () => {
    const rows = describeStats({ v: [1, 2, 3, 10, 20] }, { by: [2, 2, 2, 1, 1] });
    expect(rows.map((r) => [r.group, r.n, r.mean])).toEqual([
      ['1', 2, 15],
      ['2', 3, 2],
    ]);
  });
});

suite('mediation', () => {
  const r = rng(42);
  const n = 150;
  const x = Array.from({ length: n }, () => r.normal());
  const m = x.map((v) => 0.6 * v + r.normal());
  const y = x.map((v, i) => 0.3 * v + 0.5 * m[i] + r.normal());
  it('Baron-Kenny paths and the Sobel test match closed forms', () => {
    const res = mediation({ y, x, m }, { bootstrap: 0 });
    // a: simple regression of m on x
    const sxx = cov(x, x);
    const a = cov(x, m) / sxx;
    const am = mean(m) - a * mean(x);
    const ssrA = m.reduce((s, v, i) => s + (v - am - a * x[i]) ** 2, 0);
    const seA = Math.sqrt(ssrA / (n - 2) / sxx);
    // b and c': y on x and m (two-regressor formulas with centred cross-products)
    const smm = cov(m, m);
    const sxm = cov(x, m);
    const sxy = cov(x, y);
    const smy = cov(m, y);
    const det = sxx * smm - sxm * sxm;
    const cp = (smm * sxy - sxm * smy) / det;
    const b = (sxx * smy - sxm * sxy) / det;
    const b0 = mean(y) - cp * mean(x) - b * mean(m);
    const ssrB = y.reduce((s, v, i) => s + (v - b0 - cp * x[i] - b * m[i]) ** 2, 0);
    const seB = Math.sqrt((ssrB / (n - 3)) * (sxx / det));
    const c = sxy / sxx;
    expect(res.a.estimate).toBeCloseTo(a, 12);
    expect(res.a.se).toBeCloseTo(seA, 12);
    expect(res.b.estimate).toBeCloseTo(b, 12);
    expect(res.b.se).toBeCloseTo(seB, 12);
    expect(res.cPrime.estimate).toBeCloseTo(cp, 12);
    expect(res.c.estimate).toBeCloseTo(c, 12);
    // OLS identity: c = c' + a b
    expect(res.indirect).toBeCloseTo(res.c.estimate - res.cPrime.estimate, 12);
    const zSobel = (a * b) / Math.sqrt(b * b * seA * seA + a * a * seB * seB);
    expect(res.sobel.z).toBeCloseTo(zSobel, 10);
    expect(res.sobel.p).toBeCloseTo(2 * (1 - normalCdf(Math.abs(zSobel))), 10);
    expect(res.aroian.se).toBeGreaterThan(res.sobel.se);
  });
  it('bootstrap percentile interval is seeded and brackets the indirect effect', () => {
    const r1 = mediation({ y, x, m }, { bootstrap: 300, seed: 7 });
    const r2 = mediation({ y, x, m }, { bootstrap: 300, seed: 7 });
    expect(r1.bootstrap).toEqual(r2.bootstrap);
    expect(r1.bootstrap!.lower).toBeLessThan(r1.indirect);
    expect(r1.bootstrap!.upper).toBeGreaterThan(r1.indirect);
    expect(r1.bootstrap!.se).toBeGreaterThan(0.5 * r1.sobel.se);
    expect(r1.bootstrap!.se).toBeLessThan(2 * r1.sobel.se);
    const r3 = mediation({ y, x, m, controls: { w: x.map((_, i) => Math.sin(i)) } }, { bootstrap: 50, seed: 1, cluster: x.map((_, i) => i % 30) });
    expect(r3.bootstrap!.B).toBe(50);
  });
});
