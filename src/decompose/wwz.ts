/**
 * Wang, Wei & Zhu (2013), "Quantifying international production sharing at the bilateral and sector
 * levels", NBER WP 19677: the 16-term decomposition of bilateral sector exports E_sr (exporter
 * country-sector i of country s, importer r), terms numbered as in their Table A2 and in decompr.
 * With S-aggregates from ./shared.ts (sums over j in r of A_ij times a quantity of j):
 *
 *   T1  DVA_FIN      = (V_s B_ss)_i Y_sr                 T9  OVA_FIN = (sum_{t != s,r} V_t B_ts)_i Y_sr
 *   T2  DVA_INT      = (V_s L_ss)_i S2                   T10 MVA_FIN = (V_r B_rs)_i Y_sr
 *   T3  DVA_INTrexI1 = (V_s L_ss)_i S3                   T11 OVA_INT = (sum_{t != s,r} V_t B_ts)_i AW
 *   T4  DVA_INTrexF  = (V_s L_ss)_i S4                   T12 MVA_INT = (V_r B_rs)_i AW
 *   T5  DVA_INTrexI2 = (V_s L_ss)_i S5                   T13 DDC_FIN = (V_s L_ss)_i S13
 *   T6  RDV_INT      = (V_s L_ss)_i S6                   T14 DDC_INT = (V_s B_ss - V_s L_ss)_i S14
 *   T7  RDV_FIN      = (V_s L_ss)_i S7                   T15 ODC     = (sum_{t != s,r} V_t B_ts)_i AE
 *   T8  RDV_FIN2     = (V_s L_ss)_i S8                   T16 MDC     = (V_r B_rs)_i AE
 *
 * Check columns as decompr: texp = E_sr, texpint, texpfd; texpdiff = sum(T1..T16) - texp,
 * texpfddiff = T1 + T9 + T10 - texpfd, texpintdiff = the other 13 terms - texpint, each with a
 * percent version (0 when the base is 0), all rounded to 4 decimals like decompr; DViX_Fsr =
 * V_s L_ss E_s*r (domestic VA in exports by forward linkage).
 * Rows: exporter country-sector major, importer fastest (GN x G, own-country rows are zero).
 */
import type { IoModel } from '../mrio/model.js';
import { decompBase } from './shared.js';

export const WWZ_TERMS = [
  'DVA_FIN', 'DVA_INT', 'DVA_INTrexI1', 'DVA_INTrexF', 'DVA_INTrexI2', 'RDV_INT', 'RDV_FIN', 'RDV_FIN2',
  'OVA_FIN', 'MVA_FIN', 'OVA_INT', 'MVA_INT', 'DDC_FIN', 'DDC_INT', 'ODC', 'MDC',
] as const;
export const WWZ_CHECKS = [
  'texp', 'texpint', 'texpfd', 'texpdiff', 'texpdiffpercent', 'texpfddiff', 'texpfddiffpercent',
  'texpintdiff', 'texpintdiffpercent', 'DViX_Fsr',
] as const;
export type WwzColumn = (typeof WWZ_TERMS)[number] | (typeof WWZ_CHECKS)[number];

/** Terms that belong to final-goods exports (the rest decompose intermediate exports). */
export const WWZ_FINAL: readonly string[] = ['DVA_FIN', 'OVA_FIN', 'MVA_FIN'];

/** R's round(x, 4) for the check columns (half away from zero; ties are immaterial here). */
export function round4(x: number): number {
  const r = Math.round(Math.abs(x) * 1e4) / 1e4;
  return x < 0 ? -r : r;
}

/** The 16 WWZ terms and decompr's check columns, each GN*G long (row i*G + r). */
export function wwz(m: IoModel): Record<WwzColumn, Float64Array> {
  const b = decompBase(m);
  const { G, N, GN, ctry, v, VBR, VBdom, VBfor, VLdom, pass } = b;
  const n = GN * G;
  const out = {} as Record<WwzColumn, Float64Array>;
  for (const t of [...WWZ_TERMS, ...WWZ_CHECKS]) out[t] = new Float64Array(n);
  const Yc = m.Yc.data;
  const Ei = m.Ei.data;
  const Ef = m.Ef.data;
  const E = m.E.data;
  const terms = WWZ_TERMS.map((t) => out[t]);
  for (let i = 0; i < GN; i++) {
    const s = ctry[i];
    const vl = VLdom[i];
    const vbl = VBdom[i] - vl;
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      const o = i * G + r;
      const y = Yc[o];
      const mva = VBR[r * GN + i];
      const ova = VBfor[i] - mva;
      out.DVA_FIN[o] = VBdom[i] * y;
      out.DVA_INT[o] = vl * pass.S2[o];
      out.DVA_INTrexI1[o] = vl * pass.S3[o];
      out.DVA_INTrexF[o] = vl * pass.S4[o];
      out.DVA_INTrexI2[o] = vl * pass.S5[o];
      out.RDV_INT[o] = vl * pass.S6[o];
      out.RDV_FIN[o] = vl * pass.S7[o];
      out.RDV_FIN2[o] = vl * pass.S8[o];
      out.OVA_FIN[o] = ova * y;
      out.MVA_FIN[o] = mva * y;
      out.OVA_INT[o] = ova * pass.AW[o];
      out.MVA_INT[o] = mva * pass.AW[o];
      out.DDC_FIN[o] = vl * pass.S13[o];
      out.DDC_INT[o] = vbl * pass.S14[o];
      out.ODC[o] = ova * pass.AE[o];
      out.MDC[o] = mva * pass.AE[o];
      out.texp[o] = E[o];
      out.texpint[o] = Ei[o];
      out.texpfd[o] = Ef[o];
    }
  }
  // check columns
  for (let o = 0; o < n; o++) {
    let all = 0;
    for (const t of terms) all += t[o];
    const fin = out.DVA_FIN[o] + out.OVA_FIN[o] + out.MVA_FIN[o];
    const d = all - out.texp[o];
    const dfd = fin - out.texpfd[o];
    const dint = all - fin - out.texpint[o];
    out.texpdiff[o] = round4(d);
    out.texpdiffpercent[o] = out.texp[o] !== 0 ? round4((d / out.texp[o]) * 100) : 0;
    out.texpfddiff[o] = round4(dfd);
    out.texpfddiffpercent[o] = out.texpfd[o] !== 0 ? round4((dfd / out.texpfd[o]) * 100) : 0;
    out.texpintdiff[o] = round4(dint);
    out.texpintdiffpercent[o] = out.texpint[o] !== 0 ? round4((dint / out.texpint[o]) * 100) : 0;
  }
  // DViX_Fsr = v_i sum_{k in s} L_ik E_kr
  b.L.forEach((Lb, s) => {
    for (let a = 0; a < N; a++) {
      const i = s * N + a;
      const vi = v[i];
      if (vi === 0) continue;
      for (let c = 0; c < N; c++) {
        const l = Lb.data[a * N + c] * vi;
        if (l === 0) continue;
        const ko = (s * N + c) * G;
        for (let r = 0; r < G; r++) out.DViX_Fsr[i * G + r] += l * E[ko + r];
      }
    }
  });
  return out;
}
