/** bri-symbiosis indices and city transfer on small tables against explicit loops. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/mrio/model.js';
import {
  absorption, coordination, coordinationB, growth, pairIndices, relocation, symbiosisContext, valueAddedExports,
} from '../../src/indicators/symbiosis.js';
import {
  cityFinalDemand, direction, inducedOutput, inducedOutputOfTable, removeCompetitiveImports, signedLog, transferBySector, transferTotals,
} from '../../src/indicators/transfer.js';
import { technicalCoefficients } from '../../src/mrio/model.js';
import { wwz } from '../../src/decompose/wwz.js';
import { wwzSectorSum } from '../../src/indicators/participation.js';
import { fromRows } from '../../src/linalg/index.js';
import { randomTable, reference, tiny2 } from './tiny.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('industrial relocation ABS / ITR', () => {
  const t = randomTable(3, 2, 31, { imbalance: 0.04 });
  const m = buildModel(t);
  const ctx = symbiosisContext(m);
  const R = reference(t);
  const { G, N, GN, A, B, Yc, v, ctry, Lfull } = R;
  const u = (r: number) => {
    let s = 0;
    for (let k = 0; k < GN; k++) if (ctry(k) === ctry(r)) s += v[k] * B[k][r];
    return s;
  };
  const w = (r: number) => {
    let s = 0;
    for (let k = 0; k < GN; k++) if (ctry(k) === ctry(r)) s += v[k] * Lfull[k][r];
    return s;
  };
  /** ABS by explicit routes: final goods, then intermediates through every d != a and every producer t != a. */
  const absRef = (a: number, i: number, b: number) => {
    const row = a * N + i;
    let inter = 0;
    for (let col = 0; col < GN; col++) {
      if (ctry(col) === a) continue;
      for (let k = 0; k < GN; k++) if (ctry(k) !== a) inter += A[row][col] * B[col][k] * Yc[k][b];
    }
    return u(row) * Yc[row][b] + w(row) * inter;
  };

  it('wwz attribution equals the explicit route sums', () => {
    for (let a = 0; a < G; a++) for (let b = 0; b < G; b++) {
      if (a === b) continue;
      const got = absorption(ctx, a, b);
      for (let i = 0; i < N; i++) expect(rel(got[i], absRef(a, i, b))).toBeLessThan(1e-12);
    }
  });

  it('every attribution sums over sectors to v_a . XF_b[a] (Johnson-Noguera bilateral VAX)', () => {
    for (const att of ['wwz', 'local', 'origin'] as const) {
      for (let a = 0; a < G; a++) for (let b = 0; b < G; b++) {
        if (a === b) continue;
        let jn = 0;
        for (let i = a * N; i < (a + 1) * N; i++) for (let k = 0; k < GN; k++) jn += v[i] * B[i][k] * Yc[k][b];
        const s = absorption(ctx, a, b, att).reduce((p, q) => p + q, 0);
        expect(rel(s, jn)).toBeLessThan(1e-12);
      }
    }
  });

  it('VAX (F_a form) equals the sum of ABS over importers, for every attribution; ITR is symmetric', () => {
    for (const att of ['wwz', 'local', 'origin'] as const) {
      for (let a = 0; a < G; a++) {
        const vax = valueAddedExports(ctx, a, att);
        const sum = new Float64Array(N);
        for (let b = 0; b < G; b++) if (b !== a) absorption(ctx, a, b, att).forEach((x, i) => (sum[i] += x));
        for (let i = 0; i < N; i++) expect(rel(vax[i], sum[i])).toBeLessThan(1e-12);
      }
    }
    const r1 = relocation(ctx, 0, 2);
    const r2 = relocation(ctx, 2, 0);
    for (let i = 0; i < N; i++) {
      expect(r1.ITR[i]).toBeCloseTo(r2.ITR[i], 12);
      expect(r1.ITR_c_to_r[i]).toBeCloseTo(r2.ITR_r_to_c[i], 12);
    }
  });
});

describe('VAX and the WWZ decomposition', () => {
  it('VAX = WWZ terms 1-5 summed over importers; vax = dva adds RDV_FIN + RDV_FIN2 + RDV_INT', () => {
    const m = buildModel(randomTable(4, 3, 5, { imbalance: 0.03 }));
    const ctx = symbiosisContext(m);
    const w = wwz(m);
    const five = wwzSectorSum([w.DVA_FIN, w.DVA_INT, w.DVA_INTrexI1, w.DVA_INTrexF, w.DVA_INTrexI2], m.G);
    const rdv = wwzSectorSum([w.RDV_FIN, w.RDV_FIN2, w.RDV_INT], m.G);
    for (let a = 0; a < m.G; a++) {
      const vax = valueAddedExports(ctx, a);
      for (let i = 0; i < m.N; i++) {
        expect(rel(vax[i], five[a * m.N + i])).toBeLessThan(1e-10);
        expect(vax[i] + rdv[a * m.N + i]).toBeGreaterThanOrEqual(vax[i]);
      }
    }
  });
});

describe('RH, HD, RVC, INC, XT', () => {
  it('hand-computed on the 2 x 2 table (China = A, partner = B)', () => {
    const t = tiny2();
    const m = buildModel(t);
    const R = reference(t);
    const p = pairIndices(m, 0, 1);
    const x = R.x;
    // sector s1: zcr = Z[A.s1, B.s1] = 10, zrc = Z[B.s1, A.s1] = 6
    expect(p.IIR_cr[0]).toBeCloseTo(10 / x[2], 15);
    expect(p.IDR_rc[0]).toBeCloseTo(10 / x[0], 15);
    expect(p.IIR_rc[0]).toBeCloseTo(6 / x[0], 15);
    expect(p.IDR_cr[0]).toBeCloseTo(6 / x[2], 15);
    expect(p.RH[0]).toBeCloseTo((10 / x[2] + 10 / x[0] + 6 / x[0] + 6 / x[2]) / 4, 15);
    // sector s2: zcr = Z[A.s2, B.s2] = 12, zrc = Z[B.s2, A.s2] = 9
    expect(p.RH[1]).toBeCloseTo((12 / x[3] + 12 / x[1] + 9 / x[1] + 9 / x[3]) / 4, 15);
    const tcr = R.v[2] * R.B[2][0];
    const trc = R.v[0] * R.B[0][2];
    expect(p.theta_cr[0]).toBeCloseTo(tcr, 13);
    expect(p.HD[0]).toBeCloseTo((tcr + trc) / 2, 13);
    const Ec = R.e[0];
    const Er = R.e[2];
    expect(Ec).toBeCloseTo(10 + 5 + 20, 12);
    expect(p.RVC[0]).toBeCloseTo((tcr * Ec + trc * Er) / (Ec + Er), 13);
    expect(Math.min(tcr, trc) - 1e-15).toBeLessThanOrEqual(p.RVC[0]);
    expect(p.RVC[0]).toBeLessThanOrEqual(Math.max(tcr, trc) + 1e-15);
    expect(p.INC[0]).toBeCloseTo((R.va[0] + R.va[2]) / (2 * (R.va[0] + R.va[2])), 15);
    expect(p.X_world[1]).toBeCloseTo(x[1] + x[3], 12);
    // b variant: all sectors of the other country
    const Z = R.Z;
    const rhb = ((Z[0][2] + Z[1][2]) / x[2] + (Z[0][2] + Z[0][3]) / x[0] + (Z[2][0] + Z[3][0]) / x[0] + (Z[2][0] + Z[2][1]) / x[2]) / 4;
    expect(p.RH_b[0]).toBeCloseTo(rhb, 15);
    const hdb = (R.v[2] * R.B[2][0] + R.v[3] * R.B[3][0] + R.v[0] * R.B[0][2] + R.v[1] * R.B[1][2]) / 2;
    expect(p.HD_b[0]).toBeCloseTo(hdb, 13);
  });

  it('XT: closed form = delta form, symmetric, >= 1/2, 1/2 for opposite signs, missing cases', () => {
    const cases: Array<[number, number]> = [[0.1, 0.3], [-0.2, 0.05], [0.5, 0.49], [-0.3, -0.1]];
    for (const [gc, gr] of cases) {
      const xt = coordination(gc, gr);
      const dcr = gc / gr;
      const drc = gr / gc;
      expect(xt).toBeCloseTo((1 / Math.abs(dcr - 1) + 1 / Math.abs(drc - 1)) / 2, 12);
      expect(xt).toBeCloseTo(coordination(gr, gc), 15);
      expect(xt).toBeGreaterThanOrEqual(0.5);
      if (gc * gr < 0) expect(xt).toBeCloseTo(0.5, 15);
    }
    expect(Number.isNaN(coordination(0.1, 0.1))).toBe(true);
    expect(Number.isNaN(coordination(0, 0.1))).toBe(true);
    expect(Number.isNaN(coordination(NaN, 0.1))).toBe(true);
    const g = growth([100, 0, 50], [110, 5, 25]);
    expect(g[0]).toBeCloseTo(0.1, 15);
    expect(Number.isNaN(g[1])).toBe(true);
    expect(g[2]).toBeCloseTo(-0.5, 15);
    expect(coordinationB(0.1, 0.2, 0.3, 0.4)).toBeCloseTo((0.4 / 0.3 + 0.3 / 0.1) / 2, 15);
    expect(Number.isNaN(coordinationB(0.4, 0.2, 0.3, 0.4))).toBe(true);
  });

  it('RH missing when an output is zero; HD missing when exports are not positive', () => {
    const t = tiny2();
    t.x[3] = 0;
    const p = pairIndices(buildModel(t), 0, 1);
    expect(Number.isNaN(p.RH[1])).toBe(true);
    expect(Number.isNaN(p.RH[0])).toBe(false);
  });
});

describe('city transfer dX', () => {
  const t = randomTable(3, 2, 44, { K: 2 });
  it('X = (I - A)^-1 Y with Y = domestic final use by destination; T, totals, IT', () => {
    const R = reference(t);
    const X = inducedOutputOfTable(t);
    for (let r = 0; r < R.GN; r++) for (let d = 0; d < R.G; d++) {
      let s = 0;
      for (let k = 0; k < R.GN; k++) s += R.B[r][k] * R.Yc[k][d];
      expect(rel(X.data[r * R.G + d], s)).toBeLessThan(1e-12);
    }
    // year 2: scale one destination's final demand
    const t2 = randomTable(3, 2, 44, { K: 2 });
    for (let r = 0; r < 6; r++) t2.Y.data[r * 6 + 2] *= 1.5; // city C2, category F1
    const A = technicalCoefficients(t.Z, t.x);
    const X0 = inducedOutput(A, cityFinalDemand(t));
    const X1 = inducedOutput(A, cityFinalDemand(t2));
    const T = transferBySector(X0, X1, 3);
    const tot = transferTotals(T, 2);
    // accounting: sum over destinations j (incl. origin) of 3 * T[i->j] = 1'(X1[., i] - X0[., i])
    for (let i = 0; i < 3; i++) {
      let lhs = 0;
      for (let j = 0; j < 3; j++) lhs += 3 * tot.data[i * 3 + j];
      let rhs = 0;
      for (let r = 0; r < 6; r++) rhs += X1.data[r * 3 + i] - X0.data[r * 3 + i];
      expect(lhs).toBeCloseTo(rhs, 9);
    }
    // only origin C2 (index 1) changed its final demand
    expect(Math.abs(tot.data[0 * 3 + 2])).toBeLessThan(1e-12);
    expect(tot.data[1 * 3 + 0]).toBeGreaterThan(0);
    // group totals: sector s2 only
    const g = transferTotals(T, 2, [1]);
    expect(g.data[1 * 3 + 2]).toBeCloseTo(T.data[(2 * 2 + 1) * 3 + 1], 14);
    expect(signedLog(-Math.E + 1)).toBeCloseTo(-1, 14);
    expect(signedLog(0)).toBe(0);
    expect(direction(0)).toBe(0);
    expect(direction(2)).toBe(1);
  });

  it('competitive-import scaling', () => {
    const Z = fromRows([[2, 2], [1, 3]]);
    const Y = fromRows([[6], [4]]);
    const r = removeCompetitiveImports(Z, Y, [5, 0]);
    expect(Array.from(r.Z.data)).toEqual([1, 1, 1, 3]);
    expect(Array.from(r.Y.data)).toEqual([3, 4]);
  });
});
