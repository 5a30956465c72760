/**
 * WWZ participation flows of the bri-symbiosis study (spec 3.3, GVC_P / GVC_D), pure functions of one IoModel.
 * ABS, VAX, F_a and the pair indices come from src/indicators/symbiosis.ts (u_a, w_a from its context):
 *   IV[a,i]   = w_a[i] sum_{d!=a,j} A[(a,i),(d,j)] (F_a - B_dd Y_dd)[(d,j)]
 *             = DVA_INTrexI1 + DVA_INTrexF + DVA_INTrexI2 of WWZ (2013, eq. 37 terms 3-5)
 *   FV[a,i]   = (sum_{q!=a} v_q B_qa)_i sum_{d!=a} [Y_ad + A_ad L_dd (Y_dd + E_d)]_i
 *             = MVA_FIN + OVA_FIN + MVA_INT + OVA_INT + MDC + ODC of WWZ
 * Never x in place of B Y 1: WIOD rows do not add up.
 */
import type { IoModel } from '../../mrio/model.js';
import { foreignRowsTimes, type SymbiosisContext } from '../../indicators/symbiosis.js';

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

/** Indirect value-added exports IV[a, i] (WWZ DVA_INTrexI1 + DVA_INTrexF + DVA_INTrexI2 over importers); Fa = foreignFinalOutput(m, a). */
export function indirectVa(ctx: SymbiosisContext, p: WwzPieces, a: number, Fa: Float64Array): Float64Array {
  const m = ctx.m;
  const z = new Float64Array(m.GN);
  for (let r = 0; r < m.GN; r++) z[r] = Fa[r] - p.BddYdd[r];
  const f = foreignRowsTimes(m, a, z);
  return f.map((s, i) => ctx.w[a * m.N + i] * s);
}

/** Foreign value added in exports FV[a, i] (the six WWZ foreign terms over importers). */
export function foreignVa(ctx: SymbiosisContext, p: WwzPieces, a: number): Float64Array {
  const m = ctx.m;
  const { G, N, Yc } = m;
  const f = foreignRowsTimes(m, a, p.LddYE);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const r = a * N + i;
    let fin = 0;
    for (let d = 0; d < G; d++) if (d !== a) fin += Yc.data[r * G + d];
    out[i] = (p.vB[r] - ctx.u[r]) * (fin + f[i]);
  }
  return out;
}
