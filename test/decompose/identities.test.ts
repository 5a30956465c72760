/**
 * Accounting identities and hand-checked values on tiny hand-made tables (no shared data needed).
 *  - 2 countries x 2 sectors, balanced (x = Z1 + Y1): every identity closes to ~1e-15.
 *  - 2 countries x 1 sector: closed forms of the 2x2 Leontief inverse give terms by hand.
 *  - the same table with gross output off its row sums: the residual is reported with its place.
 */
import { describe, expect, it } from 'vitest';
import { fromRows } from '../../src/linalg/index.js';
import { buildTable } from '../../src/mrio/build.js';
import { buildModel } from '../../src/mrio/model.js';
import { decompose, METHOD_LEVELS, METHODS, kww, wwz, bmCountry } from '../../src/decompose/index.js';
import { OptionError } from '../../src/errors.js';

function tiny(xOverride?: number[]) {
  // rows: A.s1, A.s2, B.s1, B.s2; FD columns: A, B
  const Z = fromRows([
    [10, 5, 4, 2],
    [3, 12, 1, 6],
    [2, 3, 15, 4],
    [5, 1, 2, 9],
  ]);
  const Y = fromRows([
    [20, 6],
    [15, 8],
    [7, 25],
    [4, 30],
  ]);
  const x = xOverride ? Float64Array.from(xOverride) : undefined;
  return buildTable({ countries: ['A', 'B'], sectors: ['s1', 's2'], fdCategories: ['FD'], Z, Y, x, source: 'tiny' });
}

describe('identities on a balanced 2-country x 2-sector table', () => {
  const m = buildModel(tiny());
  for (const method of METHODS) {
    for (const level of METHOD_LEVELS[method]) {
      it(`${method} ${level}: every identity closes`, () => {
        const r = decompose(m, { method, level });
        expect(r.identities.length).toBeGreaterThan(0);
        for (const c of r.identities) expect(c.maxRel, `${c.identity} at ${c.where}`).toBeLessThan(1e-12);
        expect(r.maxResidual.maxRel).toBeLessThan(1e-12);
        expect(r.balance.maxRel).toBeLessThan(1e-12);
      });
    }
  }

  it('bm sink (sector, bilateral): identities close; summed to countries it equals the source decomposition', () => {
    const src = decompose(m, { method: 'bm', level: 'country' });
    for (const level of ['sector', 'bilateral'] as const) {
      const r = decompose(m, { method: 'bm', level, approach: 'sink' });
      expect(r.approach).toBe('sink');
      expect(r.terms.includes('VAXIM')).toBe(level === 'bilateral');
      expect(r.identities.length).toBe(4);
      for (const c of r.identities) expect(c.maxRel, c.identity).toBeLessThan(1e-12);
      const exp = r.keys[0].index;
      for (const t of ['GEXP', 'DC', 'DVA', 'VAX', 'REF', 'FVA', 'FDC']) {
        const sums = [0, 0];
        for (let o = 0; o < r.nrow; o++) sums[exp[o]] += r.columns[t][o];
        for (let s = 0; s < 2; s++) expect(sums[s], `${level} ${t}`).toBeCloseTo(src.columns[t][s], 11);
      }
    }
    // DAVAX (source) <= VAXIM <= VAX (sink), bilateral rows in the same (importer-major) order
    const so = decompose(m, { method: 'bm', level: 'bilateral' });
    const si = decompose(m, { method: 'bm', level: 'bilateral', approach: 'sink' });
    for (let o = 0; o < si.nrow; o++) {
      expect(so.columns.DAVAX[o]).toBeLessThanOrEqual(si.columns.VAXIM[o] + 1e-12);
      expect(si.columns.VAXIM[o]).toBeLessThanOrEqual(si.columns.VAX[o] + 1e-12);
    }
  });

  it('KWW country = WWZ mapped to KWW and summed (decompr wwz2kww)', () => {
    const k = decompose(m, { method: 'kww', level: 'country' });
    const viaWwz = decompose(m, { method: 'kww', level: 'sector' });
    for (const t of k.terms) {
      for (let s = 0; s < 2; s++) {
        const sum = viaWwz.columns[t][2 * s] + viaWwz.columns[t][2 * s + 1];
        expect(sum).toBeCloseTo(k.columns[t][s], 12);
      }
    }
  });

  it('BM and KWW agree on domestic double counting; BM DVA + FVA stay within exports', () => {
    const k = kww(m).terms;
    const b = bmCountry(m);
    for (let s = 0; s < 2; s++) {
      expect(b.DDC[s]).toBeCloseTo(k.DDC[s], 12);
      expect(b.DVA[s] + b.FVA[s]).toBeLessThanOrEqual(b.GEXP[s] + 1e-12);
      expect(b.DAVAX[s]).toBeLessThanOrEqual(b.VAX[s] + 1e-12);
    }
  });
});

describe('hand-checked values, 2 countries x 1 sector', () => {
  // Z = [[a, b], [c, d]], Y = [[yAA, yAB], [yBA, yBB]]
  const Z = fromRows([
    [20, 10],
    [5, 30],
  ]);
  const Y = fromRows([
    [50, 20],
    [15, 60],
  ]);
  const t = buildTable({ countries: ['A', 'B'], sectors: ['s'], fdCategories: ['FD'], Z, Y, source: 'hand' });
  const m = buildModel(t);
  const x = [100, 110];
  const A = [[20 / 100, 10 / 110], [5 / 100, 30 / 110]];
  const det = (1 - A[0][0]) * (1 - A[1][1]) - A[0][1] * A[1][0];
  const B = [[(1 - A[1][1]) / det, A[0][1] / det], [A[1][0] / det, (1 - A[0][0]) / det]];
  const v = [(100 - 25) / 100, (110 - 40) / 110];
  const L = [1 / (1 - A[0][0]), 1 / (1 - A[1][1])];

  it('WWZ DVA_FIN, MVA_FIN, DVA_INT, RDV_INT, DDC_INT for exports of A to B', () => {
    const w = wwz(m);
    const o = 0 * 2 + 1; // exporter A (row 0), importer B
    expect(w.texp[o]).toBeCloseTo(10 + 20, 12);
    expect(w.DVA_FIN[o]).toBeCloseTo(v[0] * B[0][0] * 20, 12);
    expect(w.MVA_FIN[o]).toBeCloseTo(v[1] * B[1][0] * 20, 12);
    // V_A L_AA A_AB B_BB Y_BB
    expect(w.DVA_INT[o]).toBeCloseTo(v[0] * L[0] * A[0][1] * B[1][1] * 60, 12);
    // V_A L_AA A_AB B_BA Y_AA
    expect(w.RDV_INT[o]).toBeCloseTo(v[0] * L[0] * A[0][1] * B[1][0] * 50, 12);
    // (V_A B_AA - V_A L_AA) A_AB X_B
    expect(w.DDC_INT[o]).toBeCloseTo((v[0] * B[0][0] - v[0] * L[0]) * A[0][1] * x[1], 12);
    let sum = 0;
    for (const k of ['DVA_FIN', 'DVA_INT', 'DVA_INTrexI1', 'DVA_INTrexF', 'DVA_INTrexI2', 'RDV_INT', 'RDV_FIN', 'RDV_FIN2',
      'OVA_FIN', 'MVA_FIN', 'OVA_INT', 'MVA_INT', 'DDC_FIN', 'DDC_INT', 'ODC', 'MDC'] as const) sum += w[k][o];
    expect(sum).toBeCloseTo(30, 12);
  });

  it('BM DC = V_A B_AA e, DVA = V_A L_AA e, FC = V_B B_BA e', () => {
    const b = bmCountry(m);
    expect(b.DC[0]).toBeCloseTo(v[0] * B[0][0] * 30, 12);
    expect(b.DVA[0]).toBeCloseTo(v[0] * L[0] * 30, 12);
    expect(b.FC[0]).toBeCloseTo(v[1] * B[1][0] * 30, 12);
    // with one foreign country FVA coefficient = V_B B_BA / (1 + A_AB B_BA)
    expect(b.FVA[0]).toBeCloseTo((v[1] * B[1][0]) / (1 + A[0][1] * B[1][0]) * 30, 12);
  });
});

describe('unbalanced table and option errors', () => {
  it('reports the WWZ residual and the table imbalance with their place', () => {
    const m = buildModel(tiny([50, 45, 60, 52]));
    const r = decompose(m, { method: 'wwz', level: 'bilateral' });
    expect(r.balance.maxRel).toBeGreaterThan(1e-3);
    expect(r.balance.where).toMatch(/^[AB]\.s[12]$/);
    expect(r.maxResidual.maxRel).toBeGreaterThan(1e-6);
    expect(r.maxResidual.where).toMatch(/ \/ /);
    // BM's DC + FC = GEXP needs only VA = x - colSums(Z), which still holds
    const b = decompose(m, { method: 'bm', level: 'bilateral' });
    expect(b.identities[0].maxRel).toBeLessThan(1e-12);
  });

  it('lists valid methods and levels', () => {
    const m = buildModel(tiny());
    expect(() => decompose(m, { method: 'foo' as never })).toThrow(OptionError);
    expect(() => decompose(m, { method: 'foo' as never })).toThrow(/kww, wwz, bm, leontief/);
    expect(() => decompose(m, { method: 'leontief', level: 'bilateral' })).toThrow(/sector, country/);
    expect(() => decompose(m, { method: 'bm', approach: 'world' as never })).toThrow(/source, sink/);
    expect(() => decompose(m, { method: 'wwz', approach: 'sink' })).toThrow(/bm/);
  });
});
