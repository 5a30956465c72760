/** Spec `deglobalization` 1.10 (worked numbers) and 1.8 (Figure 3 reference points), to their printed digits. */
import { describe, expect, it } from 'vitest';
import {
  dTdMu,
  dTdV,
  deglobModelDocument,
  dfdMu,
  dfdOmega,
  dfdV,
  exportGapMultiplier,
  exportsPerAbsorption,
  fig3Csv,
  fig3Points,
  fig3Tidy,
  gvcpKpwwSymmetric,
  gvcpSymmetric,
  leontiefScalars,
  numericF,
  solveNumeric,
} from '../../src/model/deglob/index.js';

/** Agreement to `sig` significant digits (half a unit in the last printed digit, relative). */
function sig(actual: number, printed: number, digits = 10): void {
  expect(Math.abs(actual - printed)).toBeLessThanOrEqual(0.5 * 10 ** (Math.floor(Math.log10(Math.abs(printed))) - digits + 1) * 1.0000001);
}

const P = { N: 7, omega: 0.7, mu: 0.6, v: 0.33 };
const G = [2, 0.5, 1, 1, 1, 1, 1];

describe('worked numbers of spec 1.10 (N = 7, omega = 0.7, mu = 0.6, v = 0.33)', () => {
  it('D, T, R, f and B', () => {
    const s = leontiefScalars(P);
    sig(s.D, 3.856, 4);
    sig(s.T, 0.06950207469);
    sig(s.R, 0.5829875519);
    sig(exportGapMultiplier(P), -0.0941025641);
    sig(s.B_diag, 1.766628945);
    sig(s.B_off, 0.2106123475);
  });

  it('symmetric equilibrium, closed and numeric', () => {
    sig(exportsPerAbsorption(P), 1.112121212);
    sig(gvcpSymmetric(P), 0.8340248963);
    sig(gvcpKpwwSymmetric(P), 0.5107550284);
    const m = solveNumeric(P);
    sig(m.Ex[0] / m.G[0], 1.112121212);
    sig(m.gvcp_vs1[3], 0.8340248963);
    sig(m.gvcp_kpww[6], 0.5107550284);
  });

  it('asymmetric absorption G = (2, 0.5, 1, 1, 1, 1, 1)', () => {
    const m = solveNumeric(P, { G });
    sig(m.x[0], 0.1841804979);
    sig(m.x[1], 0.1174273859);
    sig(m.gvcp_vs1[0], 0.8730005695);
    sig(m.gvcp_vs1[1], 0.8127881512);
    sig(m.export_share[0], 0.1322614108);
    const d = deglobModelDocument(P, { G });
    sig(d.countries[0].gvcp_x_form as number, 0.8730005695);
    sig(d.countries[0].gvcp_g_form as number, 0.8730005695);
    sig(d.countries[1].gvcp_x_form as number, 0.8127881512);
    sig(d.countries[0].export_share_closed as number, 0.1322614108);
  });

  it('the same G with omega = 0.1 gives the same GVCP', () => {
    const q = { ...P, omega: 0.1 };
    const m = solveNumeric(q, { G });
    sig(m.gvcp_vs1[0], 0.8730005695);
    sig(m.gvcp_vs1[1], 0.8127881512);
    sig(m.x[0], 0.1396784232);
    expect(m.x[0]).toBeLessThan(1 / 7);
    sig(exportGapMultiplier(q), 1.883333333);
    sig(numericF(q), 1.883333333);
  });

  it('symmetric GVCP for N = 2, 20, 50', () => {
    sig(gvcpSymmetric({ ...P, N: 2 }), 0.6189376443);
    sig(gvcpSymmetric({ ...P, N: 20 }), 0.8756663801);
    sig(gvcpSymmetric({ ...P, N: 50 }), 0.8881974975);
  });

  it('partials', () => {
    sig(dTdMu(P), -0.08922076497);
    sig(dTdV(P), -0.1614125101);
    sig(dfdOmega(P), 0.2535174227);
    sig(dfdMu(P), 0.1717948718);
    sig(dfdV(P), 0.02564102564);
  });

  it('the document carries the same numbers with numeric and closed twins', () => {
    const d = deglobModelDocument(P);
    sig(d.T, 0.06950207469);
    sig(d.f as number, -0.0941025641);
    sig(d.symmetric.gvcp_symmetric, 0.8340248963);
    sig(d.symmetric.gvcp_symmetric_closed, 0.8340248963);
    sig(d.symmetric.gvcp_kpww_symmetric, 0.5107550284);
    sig(d.symmetric.exports_per_unit_absorption, 1.112121212);
    expect(d.notes).toEqual([]);
    // Country 1 is the largest under G = (2, 0.5, 1, ...): every proposition's claimed sign holds.
    const a = deglobModelDocument(P, { G, country: 1 });
    expect(a.statics.paper_claim?.map((c) => c.exact.sign)).toEqual([-1, -1, 1, -1]);
    expect(a.statics.paper_claim?.every((c) => c.paper_condition_holds && c.exact_condition_holds)).toBe(true);
    // Country 2 is below average size: Proposition 1's sign flips, exactly as its condition x_i > 1/N says.
    const b = deglobModelDocument(P, { G, country: 2 });
    expect(b.statics.paper_claim?.[0].exact.sign).toBe(1);
    expect(b.statics.paper_claim?.[0].exact_condition_holds).toBe(false);
  });
});

describe('Figure 3 (spec 1.8)', () => {
  const ref: Array<[number, number, number, number]> = [
    [0.0, 1.205397, 1.294357, 1.321925],
    [0.25, 1.096862, 1.170037, 1.192517],
    [0.5, 0.92948, 0.981496, 0.997266],
    [0.75, 0.637589, 0.661642, 0.668772],
    [0.9, 0.328297, 0.33456, 0.336373],
    [1.0, 0, 0, 0],
  ];
  const pts = fig3Points({ N: [7, 20, 50], v: 0.33 });

  it('101 points per curve, mu on a 0.01 grid', () => {
    expect(pts).toHaveLength(303);
    expect(pts.filter((p) => p.N === 20).map((p) => p.mu)).toEqual(Array.from({ length: 101 }, (_, k) => k / 100));
  });

  it('reference points to 6 decimals', () => {
    for (const [mu, ...vals] of ref) {
      [7, 20, 50].forEach((N, k) => {
        const p = pts.find((q) => q.N === N && Math.abs(q.mu - mu) < 1e-12);
        expect(p).toBeDefined();
        expect(Math.abs((p as { gvcp_symmetric: number }).gvcp_symmetric - vals[k])).toBeLessThan(5e-7);
        expect(p?.N_minus_1_T).toBeCloseTo((p?.gvcp_symmetric ?? NaN) / 2, 15);
      });
    }
  });

  it('curves fall in mu, end at 0, and N = 50 > N = 20 > N = 7 for mu < 1', () => {
    for (const N of [7, 20, 50]) {
      const c = pts.filter((p) => p.N === N);
      for (let k = 1; k < c.length; k++) expect(c[k].gvcp_symmetric).toBeLessThan(c[k - 1].gvcp_symmetric);
      expect(c[100].gvcp_symmetric).toBe(0);
    }
    for (let k = 0; k < 100; k++) {
      expect(pts[101 + k].gvcp_symmetric).toBeGreaterThan(pts[k].gvcp_symmetric);
      expect(pts[202 + k].gvcp_symmetric).toBeGreaterThan(pts[101 + k].gvcp_symmetric);
    }
  });

  it('data CSV has the spec columns; tidy rows carry three variables per point', () => {
    const csv = fig3Csv();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('N,mu,v,T,N_minus_1_T,gvcp_symmetric');
    expect(lines).toHaveLength(304);
    expect(lines[1].startsWith('7,0,0.33,')).toBe(true);
    const tidy = fig3Tidy();
    expect(tidy).toHaveLength(909);
    expect(new Set(tidy.map((r) => r.variable))).toEqual(new Set(['T', 'N_minus_1_T', 'gvcp_symmetric']));
    expect(Object.keys(tidy[0])).toEqual(['N', 'mu', 'v', 'variable', 'value']);
  });
});
