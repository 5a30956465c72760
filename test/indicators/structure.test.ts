/** RCA/NRCA, upstreamness, HHI, local shares on hand-written tables against explicit formulas. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/mrio/model.js';
import { buildTable } from '../../src/mrio/build.js';
import { fromRows, matrix } from '../../src/linalg/index.js';
import { countryBySector, nrca, rca, rcaDistance } from '../../src/indicators/rca.js';
import { countryMean, downstreamness, upstreamness, upstreamnessFromModel } from '../../src/indicators/upstreamness.js';
import { destinationHhi, exportMarketHhi, hhi } from '../../src/indicators/concentration.js';
import { gdpGrowth, localShares } from '../../src/indicators/localshares.js';
import { sectorScope } from '../../src/indicators/common.js';
import { randomTable, reference, tiny2 } from './tiny.js';

describe('RCA and NRCA', () => {
  const X = fromRows([
    [10, 30, 60],
    [40, 40, 20],
    [5, 10, 85],
  ]);

  it('hand-computed Balassa values', () => {
    const R = rca(X);
    // country 0, product 0: (10/100) / (55/300) = 0.5454...
    expect(R.data[0]).toBeCloseTo(0.1 / (55 / 300), 14);
    // country 1, product 1: (40/100) / (80/300)
    expect(R.data[4]).toBeCloseTo(0.4 / (80 / 300), 14);
    // country 2, product 2: (85/100) / (165/300)
    expect(R.data[8]).toBeCloseTo(0.85 / (165 / 300), 14);
  });

  it('a country with the world structure has RCA 1; export-share-weighted RCA sums to 1 per product', () => {
    const W = fromRows([
      [10, 30, 60],
      [40, 40, 20],
      [50, 70, 80], // = sum of the first two rows: the world structure of the first two
    ]);
    // a country whose basket is proportional to the world's
    const tot = [100, 140, 160];
    const Y = matrix(4, 3);
    Y.data.set(W.data);
    Y.data.set(tot.map((x) => x / 4), 9);
    const R = rca(Y);
    for (let i = 0; i < 3; i++) expect(R.data[9 + i]).toBeCloseTo(1, 14);
    const R2 = rca(X);
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let c = 0; c < 3; c++) s += (100 / 300) * R2.data[c * 3 + i];
      expect(s).toBeCloseTo(1, 14);
    }
  });

  it('NRCA: explicit formula, sums to zero over countries and products, in (-1/4, 1/4)', () => {
    const N = nrca(X);
    expect(N.data[0]).toBeCloseTo(10 / 300 - (100 * 55) / 300 ** 2, 15);
    for (let c = 0; c < 3; c++) expect(N.data.slice(c * 3, c * 3 + 3).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 15);
    for (let i = 0; i < 3; i++) expect(N.data[i] + N.data[3 + i] + N.data[6 + i]).toBeCloseTo(0, 15);
    for (const v of N.data) expect(Math.abs(v)).toBeLessThan(0.25);
  });

  it('zero rows give NaN RCA; RCA_D is the absolute difference', () => {
    const Z0 = fromRows([[0, 0], [1, 2]]);
    expect(Number.isNaN(rca(Z0).data[0])).toBe(true);
    const R = rca(countryBySector([1, 2, 3, 4, 5, 6], 3, 2));
    const d = rcaDistance(R, 0, 2);
    expect(d[1]).toBeCloseTo(Math.abs(R.data[1] - R.data[5]), 15);
  });
});

describe('upstreamness', () => {
  it('equals the Antràs et al. series sum_n n (Δ^{n-1} f) on a balanced table, by both routes', () => {
    const t = tiny2();
    const R = reference(t);
    const { GN, Z, x } = R;
    const f = Array.from({ length: GN }, (_, i) => (x[i] - Z[i].reduce((a, b) => a + b, 0)) / x[i]);
    const D = Z.map((r, i) => r.map((z) => z / x[i]));
    const want = new Array(GN).fill(0);
    let term = f.slice();
    for (let n = 1; n < 400; n++) {
      for (let i = 0; i < GN; i++) want[i] += n * term[i];
      term = D.map((r) => r.reduce((s, d, j) => s + d * term[j], 0));
    }
    const U1 = upstreamness(t);
    const U2 = upstreamnessFromModel(buildModel(t));
    for (let i = 0; i < GN; i++) {
      expect(U1[i]).toBeCloseTo(want[i], 10);
      expect(U2[i]).toBeCloseTo(want[i], 10);
      expect(U1[i]).toBeGreaterThanOrEqual(1);
    }
    const cm = countryMean(U1, t.x, 2, 2);
    expect(cm[0]).toBeCloseTo((U1[0] * x[0] + U1[1] * x[1]) / (x[0] + x[1]), 12);
  });

  it('inventory correction divides by x - N; downstreamness = column sums of B', () => {
    const t = randomTable(2, 2, 3, { K: 2 });
    const R = reference(t);
    const inv = Array.from({ length: 4 }, (_, r) => t.Y.data[r * 4 + 1] + t.Y.data[r * 4 + 3]);
    const D = R.Z.map((row, i) => row.map((z) => z / (R.x[i] - inv[i])));
    const U = upstreamness(t, { inventories: 'F2' });
    // check (I - D) U = 1
    for (let i = 0; i < 4; i++) expect(U[i] - D[i].reduce((s, d, j) => s + d * U[j], 0)).toBeCloseTo(1, 12);
    const dn = downstreamness(buildModel(t));
    for (let j = 0; j < 4; j++) expect(dn[j]).toBeCloseTo(R.B.reduce((s, r) => s + r[j], 0), 12);
  });
});

describe('HHI', () => {
  it('hhi of equal shares is 1/n; market shares sum to 100; RoW excluded unless rowUnit', () => {
    expect(hhi([1, 1, 1, 1])).toBeCloseTo(0.25, 15);
    expect(hhi([5])).toBe(1);
    expect(Number.isNaN(hhi([0, 0]))).toBe(true);
    const t = randomTable(3, 2, 4);
    t.countries[2] = 'RoW';
    const m = buildModel(t);
    const h = exportMarketHhi(m);
    expect(h.intermediateShare.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
    expect(h.finalShare.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
    const s = h.intermediateShare;
    expect(h.intermediateHhi).toBeCloseTo(100 * ((s[0] / 100) ** 2 + (s[1] / 100) ** 2), 12);
    const hu = exportMarketHhi(m, { rowUnit: true });
    expect(hu.intermediateHhi).toBeGreaterThanOrEqual(100 / 3);
    // scope restricts the rows used: sector 2 only
    const h2 = exportMarketHhi(m, { scope: 's2' });
    const R = reference(t);
    let e0 = 0;
    let all = 0;
    for (let c = 0; c < 3; c++) {
      const r = c * 2 + 1;
      for (let col = 0; col < 6; col++) if (Math.floor(col / 2) !== c) {
        all += R.Z[r][col];
        if (c === 0) e0 += R.Z[r][col];
      }
    }
    expect(h2.intermediateShare[0]).toBeCloseTo((100 * e0) / all, 12);
  });

  it('destination HHI of an exporter-sector', () => {
    const m = buildModel(randomTable(3, 2, 8));
    const d = destinationHhi(m);
    const r = 0;
    const a = m.Ei.data[r * 3 + 1];
    const b = m.Ei.data[r * 3 + 2];
    expect(d.intermediate[r]).toBeCloseTo((a * a + b * b) / (a + b) ** 2, 14);
    for (const x of d.total) expect(x).toBeGreaterThanOrEqual(0.5 - 1e-12);
  });
});

describe('local shares (deglobalization 2.2)', () => {
  it('hand-computed omega, mu (both bases) and v on the 2 x 2 table', () => {
    const t = tiny2();
    const ls = localShares(t, 'all');
    // country A: final demand of A for all products: column A of Y = 50, 40, 10, 12
    expect(ls.omega[0]).toBeCloseTo(90 / 112, 15);
    // user basis: inputs bought by A's sectors (columns 0,1): local rows 20+15+10+30 = 75, all = 75 + 6+4+3+9 = 97
    expect(ls.mu[0]).toBeCloseTo(75 / 97, 15);
    // product basis, scope all: same as user basis
    expect(ls.muProduct[0]).toBeCloseTo(75 / 97, 15);
    // scope s1 only
    const s1 = localShares(t, 's1');
    expect(s1.omega[1]).toBeCloseTo(60 / (20 + 60), 15);
    // user basis for B with scope s1: column B.s1 = 10, 8, 25, 12 -> local 37 of 55
    expect(s1.mu[1]).toBeCloseTo(37 / 55, 15);
    // product basis for B with scope s1: rows A.s1 and B.s1, columns of B: A.s1 -> 10+5, B.s1 -> 25+10
    expect(s1.muProduct[1]).toBeCloseTo(35 / 50, 15);
    const x = Array.from(t.x);
    const va = Array.from(t.va);
    expect(s1.v[0]).toBeCloseTo(va[0] / x[0], 15);
    expect(ls.GDP[1]).toBeCloseTo(va[2] + va[3], 12);
  });

  it('scope total: omega = 1 - final imports / final demand and mu = 1 - imported inputs / all inputs', () => {
    const t = randomTable(3, 3, 12);
    const R = reference(t);
    const ls = localShares(t);
    for (let c = 0; c < 3; c++) {
      let imp = 0;
      let fd = 0;
      let impZ = 0;
      let allZ = 0;
      for (let r = 0; r < 9; r++) {
        fd += R.Yc[r][c];
        if (R.ctry(r) !== c) imp += R.Yc[r][c];
        for (let col = c * 3; col < c * 3 + 3; col++) {
          allZ += R.Z[r][col];
          if (R.ctry(r) !== c) impZ += R.Z[r][col];
        }
      }
      expect(ls.omega[c]).toBeCloseTo(1 - imp / fd, 14);
      expect(ls.mu[c]).toBeCloseTo(1 - impZ / allZ, 14);
      expect(ls.v[c]).toBeGreaterThan(0);
      expect(ls.v[c]).toBeLessThan(1);
    }
  });

  it('growth, world growth and gr', () => {
    const g = gdpGrowth([100, 200, 0], [110, 180, 5]);
    expect(g.growth[0]).toBeCloseTo(0.1, 15);
    expect(Number.isNaN(g.growth[2])).toBe(true);
    expect(g.worldGrowth).toBeCloseTo(295 / 300 - 1, 15);
    expect(g.gr[1]).toBeCloseTo(-0.1 - (295 / 300 - 1), 15);
  });

  it('sector scopes', () => {
    const secs = Array.from({ length: 35 }, (_, i) => `c${i + 1}`);
    expect(sectorScope(secs, 'c2-c17')).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(sectorScope(secs, 'c3,c5-c6')).toEqual([2, 4, 5]);
    expect(() => sectorScope(secs, 'c99')).toThrow(/not in the table/);
  });

  it('a share with a non-positive denominator is NaN', () => {
    const t = buildTable({
      countries: ['A', 'B'], sectors: ['s1'], fdCategories: ['FD'],
      Z: fromRows([[0, 0], [0, 1]]), Y: fromRows([[0, 0], [0, 3]]), x: Float64Array.from([1, 4]),
    });
    const ls = localShares(t);
    expect(Number.isNaN(ls.omega[0])).toBe(true);
    expect(Number.isNaN(ls.mu[0])).toBe(true);
  });
});
