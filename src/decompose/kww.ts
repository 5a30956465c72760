/**
 * Koopman, Wang & Wei (2014), "Tracing value-added and double counting in gross exports", AER 104(2):
 * the 9-term decomposition of a country's gross exports (their Figure 1, terms T1..T9), country level,
 * with decompr's names (DVA_FIN, DVA_INT, DVA_INTrex, RDV_FIN, RDV_INT, DDC, FVA_FIN, FVA_INT, FDC).
 *
 * Per exporting country-sector i of country s (summed to countries; KWW is only correct there):
 *   vae   = v_i sum_{r != s} (B Y)_ir                        VA exports, split as
 *   T1    = v_i (B_ss sum_{r != s} Y_sr)_i                   DVA_FIN
 *   T2    = v_i (sum_{r != s} B_sr Y_rr)_i                   DVA_INT
 *   T3    = vae - T1 - T2                                    DVA_INTrex
 *   T4    = v_i (sum_{r != s} B_sr Y_rs)_i                   RDV_FIN
 *   T5    = v_i (sum_{r != s} B_sr A_rs L_ss Y_ss)_i         RDV_INT
 *   T6    = v_i (sum_{r != s} B_sr A_rs L_ss E_s)_i          DDC
 *   T7    = VBfor_i * sum_{r != s} Y_ir                      FVA_FIN
 *   T8    = VBfor_i * sum_{r != s} (A_sr L_rr Y_rr)_i        FVA_INT
 *   T9    = E_i - (vae + T4 + ... + T8)                      FDC (as decompr: the residual)
 * The direct value of FDC, VBfor_i sum_{r != s} (A_sr L_rr E_r)_i (= WWZ ODC + MDC), is returned as
 * `FDC_direct` for the accounting check (T1..T8 + FDC_direct = E).
 */
import type { IoModel } from '../mrio/model.js';
import { decompBase } from './shared.js';

export const KWW_TERMS = ['DVA_FIN', 'DVA_INT', 'DVA_INTrex', 'RDV_FIN', 'RDV_INT', 'DDC', 'FVA_FIN', 'FVA_INT', 'FDC'] as const;
export type KwwTerm = (typeof KWW_TERMS)[number];

export interface KwwResult {
  /** One value per exporting country (length G) for each term. */
  terms: Record<KwwTerm, Float64Array>;
  /** Total gross exports per country. */
  exports: Float64Array;
  /** FDC computed directly rather than as the residual. */
  FDC_direct: Float64Array;
}

export function kww(m: IoModel): KwwResult {
  const b = decompBase(m);
  const { G, N, GN, ctry, v, e, ym, VBfor, pass } = b;
  const B = m.B.data;
  const out = {} as Record<KwwTerm, Float64Array>;
  for (const t of KWW_TERMS) out[t] = new Float64Array(G);
  const exportsC = new Float64Array(G);
  const fdcDirect = new Float64Array(G);
  // the A-pass aggregates transposed to G x GN so T5/T6 read contiguous rows
  const AWT = new Float64Array(G * GN);
  const AET = new Float64Array(G * GN);
  for (let j = 0; j < GN; j++) {
    for (let r = 0; r < G; r++) {
      AWT[r * GN + j] = pass.AW[j * G + r];
      AET[r * GN + j] = pass.AE[j * G + r];
    }
  }
  for (let i = 0; i < GN; i++) {
    const s = ctry[i];
    const so = s * GN;
    const vi = v[i];
    let bfd = 0;
    let awSum = 0;
    let aeSum = 0;
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      const ro = r * GN + i;
      bfd += b.BmYdT[ro] + b.BdYmT[ro] + b.BmYmT[ro];
      awSum += pass.AW[i * G + r];
      aeSum += pass.AE[i * G + r];
    }
    let t5 = 0;
    let t6 = 0;
    const bi = i * GN;
    for (let j = 0; j < GN; j++) {
      if (ctry[j] === s) {
        j += N - 1;
        continue;
      }
      const bij = B[bi + j];
      t5 += bij * AWT[so + j];
      t6 += bij * AET[so + j];
    }
    const vae = vi * bfd;
    const T1 = vi * b.Bdym[i];
    const T2 = vi * b.bmyd[i];
    const T4 = vi * b.BmYmT[so + i];
    const T5 = vi * t5;
    const T6 = vi * t6;
    const T7 = VBfor[i] * ym[i];
    const T8 = VBfor[i] * awSum;
    out.DVA_FIN[s] += T1;
    out.DVA_INT[s] += T2;
    out.DVA_INTrex[s] += vae - T1 - T2;
    out.RDV_FIN[s] += T4;
    out.RDV_INT[s] += T5;
    out.DDC[s] += T6;
    out.FVA_FIN[s] += T7;
    out.FVA_INT[s] += T8;
    out.FDC[s] += e[i] - (vae + T4 + T5 + T6 + T7 + T8);
    exportsC[s] += e[i];
    fdcDirect[s] += VBfor[i] * aeSum;
  }
  return { terms: out, exports: exportsC, FDC_direct: fdcDirect };
}
