import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/mrio/model.js';
import {
  kpwwIndices, kwwIvFv, sectorIvFv, sumOverImporters, vs1Participation, wwyzCountry, wwyzSector, wwzIvFv, aggregateIvFv,
} from '../../src/indicators/participation.js';
import { wwz } from '../../src/decompose/wwz.js';
import { kww } from '../../src/decompose/kww.js';
import { mul, randomTable, reference, tiny2 } from './tiny.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

describe('KPWW participation and position', () => {
  it('hand-computed values from IV, FV, E', () => {
    const k = kpwwIndices({ IV: Float64Array.from([10, 0, 5]), FV: Float64Array.from([20, 0, 1]), E: Float64Array.from([100, 0, -3]) });
    expect(k.participation[0]).toBeCloseTo(0.3, 15);
    expect(k.position[0]).toBeCloseTo(Math.log(1.1 / 1.2), 15);
    expect(Number.isNaN(k.participation[1])).toBe(true);
    expect(Number.isNaN(k.position[2])).toBe(true);
  });

  it('country IV/FV/E from the nine KWW terms: E is their sum, FV = FVA_FIN + FVA_INT + FDC', () => {
    const one = (x: number) => Float64Array.from([x]);
    const r = kwwIvFv({
      DVA_FIN: one(1), DVA_INT: one(2), DVA_INTrex: one(3), RDV_FIN: one(4), RDV_INT: one(5), DDC: one(6),
      FVA_FIN: one(7), FVA_INT: one(8), FDC: one(9),
    });
    expect([r.E[0], r.IV[0], r.FV[0]]).toEqual([45, 3, 24]);
  });

  it('KWW country participation of the decomposition is in [0, 2] and position in [-ln2, ln2]', () => {
    const m = buildModel(randomTable(4, 3, 11));
    const k = kpwwIndices(kwwIvFv(kww(m).terms));
    for (let c = 0; c < 4; c++) {
      expect(k.participation[c]).toBeGreaterThan(0);
      expect(k.participation[c]).toBeLessThanOrEqual(2);
      expect(Math.abs(k.position[c])).toBeLessThanOrEqual(Math.log(2));
    }
  });

  it('sector IV (closed form) equals the explicit WWZ route sums T3 + T4 + T5 on a 3-country table', () => {
    const t = randomTable(3, 2, 5, { imbalance: 0.02 });
    const m = buildModel(t);
    const R = reference(t);
    const { G, N, GN, A, B, Yc, ctry } = R;
    // w = v_s L_ss
    const w = Array.from({ length: GN }, (_, r) => {
      let s = 0;
      for (let k = 0; k < GN; k++) if (ctry(k) === ctry(r)) s += R.v[k] * R.Lfull[k][r];
      return s;
    });
    const Bblk = (i: number, t2: number, y: (k: number) => number) => {
      let s = 0;
      for (let k = t2 * N; k < (t2 + 1) * N; k++) s += B[i][k] * y(k);
      return s;
    };
    const got = sectorIvFv(m);
    for (let row = 0; row < GN; row++) {
      const s = ctry(row);
      let acc = 0;
      for (let r = 0; r < G; r++) {
        if (r === s) continue;
        for (let j = r * N; j < (r + 1) * N; j++) {
          let inner = 0;
          for (let tt = 0; tt < G; tt++) {
            for (let u = 0; u < G; u++) {
              const t3 = tt !== s && tt !== r && u === tt;
              const t4 = tt === r && u !== s && u !== r;
              const t5 = tt !== s && tt !== r && u !== s && u !== tt;
              if (t3 || t4 || t5) inner += Bblk(j, tt, (k) => Yc[k][u]);
            }
          }
          acc += A[row][j] * inner;
        }
      }
      expect(rel(got.IV[row], w[row] * acc)).toBeLessThan(1e-12);
    }
  });

  it('sector IV and FV equal the WWZ decomposition summed over importers', () => {
    for (const imbalance of [0, 0.03]) {
      const m = buildModel(randomTable(4, 3, 21, { imbalance }));
      const w = wwz(m);
      const fromWwz = wwzIvFv({
        DVA_INTrexI1: sumOverImporters(w.DVA_INTrexI1, m.G), DVA_INTrexF: sumOverImporters(w.DVA_INTrexF, m.G),
        DVA_INTrexI2: sumOverImporters(w.DVA_INTrexI2, m.G), MVA_FIN: sumOverImporters(w.MVA_FIN, m.G),
        OVA_FIN: sumOverImporters(w.OVA_FIN, m.G), MVA_INT: sumOverImporters(w.MVA_INT, m.G),
        OVA_INT: sumOverImporters(w.OVA_INT, m.G), MDC: sumOverImporters(w.MDC, m.G), ODC: sumOverImporters(w.ODC, m.G),
        texp: sumOverImporters(w.texp, m.G),
      });
      const mine = sectorIvFv(m);
      for (let r = 0; r < m.GN; r++) {
        expect(rel(mine.IV[r], fromWwz.IV[r])).toBeLessThan(1e-10);
        expect(rel(mine.FV[r], fromWwz.FV[r])).toBeLessThan(1e-10);
        expect(rel(mine.E[r], fromWwz.E[r])).toBeLessThan(1e-12);
      }
      const agg = aggregateIvFv(mine, m.G, m.N);
      expect(agg.E.length).toBe(m.G);
    }
  });
});

describe('WWYZ production-based participation', () => {
  it('matches explicit GN x GN matrix products on the 2 x 2 table; components sum to VA and to y', () => {
    const t = tiny2();
    const m = buildModel(t);
    const R = reference(t);
    const { GN, G, Yc, ctry, Lfull, A, B, v } = R;
    const yD = Yc.map((r, i) => r[ctry(i)]);
    const yF = Yc.map((r, i) => r.reduce((s, x, d) => s + (d === ctry(i) ? 0 : x), 0));
    const y = yD.map((a, i) => a + yF[i]);
    const AF = A.map((r, i) => r.map((a, j) => (ctry(i) === ctry(j) ? 0 : a)));
    const diag = (d: number[]) => d.map((x, i) => d.map((_, j) => (i === j ? x : 0)));
    const V = diag(v);
    const D = mul(mul(V, Lfull), diag(yD));
    const RT = mul(mul(V, Lfull), diag(yF));
    const S = mul(mul(mul(mul(V, Lfull), AF), Lfull), diag(yD));
    const BY = mul(B, diag(y));
    const LYD = mul(Lfull, diag(yD));
    const C = mul(mul(mul(V, Lfull), AF), BY.map((r, i) => r.map((b, j) => b - LYD[i][j])));
    const rowSum = (M: number[][]) => M.map((r) => r.reduce((a, b) => a + b, 0));
    const colSum = (M: number[][]) => M[0].map((_, j) => M.reduce((a, r) => a + r[j], 0));
    const got = wwyzSector(m);
    const pairs: Array<[Float64Array, number[]]> = [
      [got.forward.D, rowSum(D)], [got.forward.RT, rowSum(RT)], [got.forward.GVC_S, rowSum(S)], [got.forward.GVC_C, rowSum(C)],
      [got.backward.D, colSum(D)], [got.backward.RT, colSum(RT)], [got.backward.GVC_S, colSum(S)], [got.backward.GVC_C, colSum(C)],
    ];
    for (const [a, b] of pairs) for (let i = 0; i < GN; i++) expect(a[i]).toBeCloseTo(b[i], 10);
    for (let i = 0; i < GN; i++) {
      // balanced rows: forward components add up to value added; backward to final goods production
      expect(rel(got.forward.total[i], R.va[i])).toBeLessThan(1e-12);
      expect(rel(got.backward.total[i], y[i])).toBeLessThan(1e-12);
      expect(got.forward.participation[i]).toBeCloseTo((rowSum(S)[i] + rowSum(C)[i]) / R.va[i], 12);
    }
    const ctryRes = wwyzCountry(m, got);
    for (let c = 0; c < G; c++) {
      let va = 0;
      let yy = 0;
      for (let i = c * 2; i < c * 2 + 2; i++) {
        va += R.va[i];
        yy += y[i];
      }
      expect(rel(ctryRes.forward.total[c], va)).toBeLessThan(1e-12);
      expect(rel(ctryRes.backward.total[c], yy)).toBeLessThan(1e-12);
      expect(ctryRes.forward.participation[c]).toBeGreaterThan(0);
      expect(ctryRes.forward.participation[c]).toBeLessThan(1);
    }
  });

  it('world totals: forward and backward GVC value added coincide (every VA flow has an origin and a destination)', () => {
    const m = buildModel(randomTable(3, 4, 9, { imbalance: 0.05 }));
    const r = wwyzSector(m);
    const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
    for (const k of ['D', 'RT', 'GVC_S', 'GVC_C'] as const) expect(rel(sum(r.forward[k]), sum(r.backward[k]))).toBeLessThan(1e-12);
  });
});

describe('VS1 participation (deglobalization 1.4)', () => {
  it('equals the explicit F = diag(v) B diag(e) country sums; sum DVX = sum FVA; FVA + DC = E', () => {
    const t = randomTable(3, 2, 17);
    const m = buildModel(t);
    const R = reference(t);
    const { G, N, GN, B, v, e, ctry } = R;
    const F = Array.from({ length: G }, () => new Array(G).fill(0));
    for (let i = 0; i < GN; i++) for (let j = 0; j < GN; j++) F[ctry(i)][ctry(j)] += v[i] * B[i][j] * e[j];
    const got = vs1Participation(m);
    let sd = 0;
    let sf = 0;
    for (let c = 0; c < G; c++) {
      const dvx = F[c].reduce((s, x, r) => s + (r === c ? 0 : x), 0);
      const fva = F.reduce((s, row, q) => s + (q === c ? 0 : row[c]), 0);
      let E = 0;
      for (let i = c * N; i < (c + 1) * N; i++) E += e[i];
      expect(rel(got.DVX[c], dvx)).toBeLessThan(1e-12);
      expect(rel(got.FVA[c], fva)).toBeLessThan(1e-12);
      expect(rel(got.FVA[c] + got.DC[c], E)).toBeLessThan(1e-12);
      expect(got.gvcp[c]).toBeCloseTo((dvx + fva) / E, 12);
      sd += got.DVX[c];
      sf += got.FVA[c];
    }
    expect(rel(sd, sf)).toBeLessThan(1e-12);
  });
});
