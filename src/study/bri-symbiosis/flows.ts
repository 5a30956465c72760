/**
 * Value-added flows of the bri-symbiosis study (spec 3.1-3.4), pure functions of one IoModel.
 *
 *   u_a       = v_a B_aa                 (1 x N) VA of a per unit of final exports, incl. VA that returns home
 *   w_a       = v_a L_a                  (1 x N) VA of a per unit of exports along the domestic chain only
 *   XF_b      = B Y[:, b]                output everywhere serving final demand of b
 *   XF_b^{-a} = XF_b - B[:, a] Y[a, b]   ... for goods made outside a
 *   ABS(a,i,b) = u_a[i] Y[(a,i),b] + w_a[i] sum_{d!=a,j} A[(a,i),(d,j)] XF_b^{-a}[(d,j)]      (attribution=wwz)
 *   F_a       = B y_a,  y_a[(d,j)] = sum_{b!=a} Y[(d,j),b] for d != a, 0 for d = a
 *   VAX[a,i]  = u_a[i] sum_{b!=a} Y[(a,i),b] + w_a[i] sum_{d!=a,j} A[(a,i),(d,j)] F_a[(d,j)]  (= sum_b ABS)
 *   IV[a,i]   = w_a[i] sum_{d!=a,j} A[(a,i),(d,j)] (F_a - B_dd Y_dd)[(d,j)]
 *             = DVA_INTrexI1 + DVA_INTrexF + DVA_INTrexI2 of WWZ (2013, eq. 37 terms 3-5)
 *   FV[a,i]   = (sum_{q!=a} v_q B_qa)_i sum_{d!=a} [Y_ad + A_ad L_dd (Y_dd + E_d)]_i
 *             = MVA_FIN + OVA_FIN + MVA_INT + OVA_INT + MDC + ODC of WWZ
 * Never x in place of B Y 1: WIOD rows do not add up.
 */
import type { IoModel } from '../../mrio/model.js';
import type { Attribution } from './config.js';

/** u_a and w_a for every country, stored at (a, i) in country-major order. */
export interface DomesticWeights {
  u: Float64Array;
  w: Float64Array;
}

export function domesticWeights(m: IoModel): DomesticWeights {
  const { G, N, GN, v, B, L } = m;
  const u = new Float64Array(GN);
  const w = new Float64Array(GN);
  for (let a = 0; a < G; a++) {
    const o = a * N;
    for (let k = 0; k < N; k++) {
      const vk = v[o + k];
      if (vk === 0) continue;
      const brow = (o + k) * GN + o;
      const lrow = k * N;
      for (let i = 0; i < N; i++) {
        u[o + i] += vk * B.data[brow + i];
        w[o + i] += vk * L[a].data[lrow + i];
      }
    }
  }
  return { u, w };
}

/** B y for a vector y of length GN. */
function leontiefTimes(m: IoModel, y: Float64Array): Float64Array {
  const { GN, B } = m;
  const out = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    let s = 0;
    const o = r * GN;
    for (let c = 0; c < GN; c++) s += B.data[o + c] * y[c];
    out[r] = s;
  }
  return out;
}

/** Final demand of country b for every product (column b of Yc). */
export function finalDemandOf(m: IoModel, b: number): Float64Array {
  const { G, GN, Yc } = m;
  const y = new Float64Array(GN);
  for (let r = 0; r < GN; r++) y[r] = Yc.data[r * G + b];
  return y;
}

/** XF_b = B Y[:, b]. */
export function finalOutput(m: IoModel, b: number): Float64Array {
  return leontiefTimes(m, finalDemandOf(m, b));
}

/** sum_{d != a, j} A[(a,i),(d,j)] z[(d,j)] for the N sectors i of a. */
function foreignInputUse(m: IoModel, a: number, z: Float64Array): Float64Array {
  const { N, GN, A } = m;
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const o = (a * N + i) * GN;
    let s = 0;
    for (let c = 0; c < GN; c++) if (c < a * N || c >= (a + 1) * N) s += A.data[o + c] * z[c];
    out[i] = s;
  }
  return out;
}

/** ABS(a, i, b) for the N sectors i of exporter a and absorber b != a; XFb = finalOutput(m, b). */
export function absorbedVa(m: IoModel, dw: DomesticWeights, a: number, b: number, XFb: Float64Array, attribution: Attribution = 'wwz'): Float64Array {
  const { G, N, GN, B, Yc, v } = m;
  const out = new Float64Array(N);
  if (attribution === 'origin') {
    for (let i = 0; i < N; i++) out[i] = v[a * N + i] * XFb[a * N + i];
    return out;
  }
  if (attribution === 'local') {
    const f = foreignInputUse(m, a, XFb);
    for (let i = 0; i < N; i++) out[i] = dw.w[a * N + i] * (Yc.data[(a * N + i) * G + b] + f[i]);
    return out;
  }
  // XF_b^{-a}: remove the output serving b's final demand for goods made in a
  const xf = XFb.slice();
  for (let r = 0; r < GN; r++) {
    let s = 0;
    const o = r * GN + a * N;
    for (let k = 0; k < N; k++) s += B.data[o + k] * Yc.data[(a * N + k) * G + b];
    xf[r] -= s;
  }
  const f = foreignInputUse(m, a, xf);
  for (let i = 0; i < N; i++) out[i] = dw.u[a * N + i] * Yc.data[(a * N + i) * G + b] + dw.w[a * N + i] * f[i];
  return out;
}

/** Final demand of the rest of the world (all b != a) for products of every country, and the part made outside a. */
function demandAbroad(m: IoModel, a: number): { all: Float64Array; foreignMade: Float64Array } {
  const { G, N, GN, Yc } = m;
  const all = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    let s = 0;
    for (let b = 0; b < G; b++) if (b !== a) s += Yc.data[r * G + b];
    all[r] = s;
  }
  const foreignMade = all.slice();
  foreignMade.fill(0, a * N, (a + 1) * N);
  return { all, foreignMade };
}

/** F_a = B[:, not a] sum_{b != a} Y[not a, b] (spec 3.2). */
export function foreignFinalOutput(m: IoModel, a: number): Float64Array {
  return leontiefTimes(m, demandAbroad(m, a).foreignMade);
}

/** VAX[a, i] = sum_{b != a} ABS(a, i, b), computed with one solve (F_a, or B times all demand abroad). */
export function vaxExports(m: IoModel, dw: DomesticWeights, a: number, attribution: Attribution = 'wwz', Fa?: Float64Array): Float64Array {
  const { N, v } = m;
  const d = demandAbroad(m, a);
  const out = new Float64Array(N);
  if (attribution === 'wwz') {
    const F = Fa ?? leontiefTimes(m, d.foreignMade);
    const f = foreignInputUse(m, a, F);
    for (let i = 0; i < N; i++) out[i] = dw.u[a * N + i] * d.all[a * N + i] + dw.w[a * N + i] * f[i];
    return out;
  }
  const X = leontiefTimes(m, d.all);
  if (attribution === 'origin') {
    for (let i = 0; i < N; i++) out[i] = v[a * N + i] * X[a * N + i];
    return out;
  }
  const f = foreignInputUse(m, a, X);
  for (let i = 0; i < N; i++) out[i] = dw.w[a * N + i] * (d.all[a * N + i] + f[i]);
  return out;
}

/** B_dd Y_dd for every country d (domestic output serving domestic final demand, domestic chain of B). */
export function domesticFinalOutput(m: IoModel): Float64Array {
  const { G, N, GN, B, Yc } = m;
  const out = new Float64Array(GN);
  for (let d = 0; d < G; d++) {
    for (let i = 0; i < N; i++) {
      let s = 0;
      const o = (d * N + i) * GN + d * N;
      for (let k = 0; k < N; k++) s += B.data[o + k] * Yc.data[(d * N + k) * G + d];
      out[d * N + i] = s;
    }
  }
  return out;
}

/** L_dd (Y_dd + E_d) for every country d (E_d = gross exports of d's sectors). */
function localChainOutput(m: IoModel): Float64Array {
  const { G, N, GN, Yc, L, e } = m;
  const out = new Float64Array(GN);
  for (let d = 0; d < G; d++) {
    for (let i = 0; i < N; i++) {
      let s = 0;
      for (let k = 0; k < N; k++) s += L[d].data[i * N + k] * (Yc.data[(d * N + k) * G + d] + e[d * N + k]);
      out[d * N + i] = s;
    }
  }
  return out;
}

/** Shared pieces for IV and FV, computed once per year. */
export interface WwzPieces {
  BddYdd: Float64Array;
  LddYE: Float64Array;
  /** (v B) column sums, GN. */
  vB: Float64Array;
}

export function wwzPieces(m: IoModel): WwzPieces {
  const { GN, B, v } = m;
  const vB = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    const vr = v[r];
    if (vr === 0) continue;
    const o = r * GN;
    for (let c = 0; c < GN; c++) vB[c] += vr * B.data[o + c];
  }
  return { BddYdd: domesticFinalOutput(m), LddYE: localChainOutput(m), vB };
}

/** Indirect value-added exports IV[a, i] (WWZ DVA_INTrexI1 + DVA_INTrexF + DVA_INTrexI2 over importers). */
export function indirectVa(m: IoModel, dw: DomesticWeights, p: WwzPieces, a: number, Fa: Float64Array): Float64Array {
  const z = new Float64Array(m.GN);
  for (let r = 0; r < m.GN; r++) z[r] = Fa[r] - p.BddYdd[r];
  const f = foreignInputUse(m, a, z);
  return f.map((s, i) => dw.w[a * m.N + i] * s);
}

/** Foreign value added in exports FV[a, i] (the six WWZ foreign terms over importers). */
export function foreignVa(m: IoModel, dw: DomesticWeights, p: WwzPieces, a: number): Float64Array {
  const { G, N, Yc } = m;
  const f = foreignInputUse(m, a, p.LddYE);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const r = a * N + i;
    let fin = 0;
    for (let d = 0; d < G; d++) if (d !== a) fin += Yc.data[r * G + d];
    out[i] = (p.vB[r] - dw.u[r]) * (fin + f[i]);
  }
  return out;
}
