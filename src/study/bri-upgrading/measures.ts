/**
 * Per-year measures of the bri-upgrading study (spec 2.1 and 5), for every country of one MRIO table.
 *
 * KWW 2014 country terms (decompr names; FDC the residual, so the nine sum to E exactly) give
 *   IV = DVA_INTrex,  FV = FVA_FIN + FVA_INT + FDC,
 *   GVCP = IV/E + FV/E,  GVCL = ln(1 + IV/E) - ln(1 + FV/E)     (Koopman, Powers, Wang and Wei 2010).
 * Borin-Mancini 2019 source-based country terms (extension): GVC/E, GVCB/E, GVCF/E with E = GEXP.
 * WIOD proxies: GDP_w = sum_k va(r,k); GFCF_w = sum over all supplying rows of Y[., r.GFCF].
 *
 * Checks per year (largest over countries, relative to E):
 *   nineSum   |sum of the nine KWW terms - E|
 *   vax       |DVA_FIN + DVA_INT + DVA_INTrex - sum_{s!=r} v_r.(B Y[:,s])_r|
 *   intrex    |DVA_INTrex - sum_{s!=r} V_r B_rs sum_{t!=r,s} Y_st|   (KWW's closed form)
 *   bmGvc     |GVC - GVCB - GVCF|
 */
import { bmCountry } from '../../decompose/bm.js';
import { kww, KWW_TERMS, type KwwTerm } from '../../decompose/kww.js';
import { decompBase } from '../../decompose/shared.js';
import type { IoModel } from '../../mrio/model.js';

export interface YearChecks {
  nineSum: number;
  vax: number;
  intrex: number;
  bmGvc: number;
}

/** One value per country of the table for each named measure. */
export interface YearMeasures {
  year: number;
  countries: string[];
  terms: Record<KwwTerm, Float64Array>;
  E: Float64Array;
  IV: Float64Array;
  FV: Float64Array;
  GVCP: Float64Array;
  GVCL: Float64Array;
  bmGvcShare: Float64Array;
  bmGvcbShare: Float64Array;
  bmGvcfShare: Float64Array;
  GDP_w: Float64Array;
  GFCF_w: Float64Array;
  checks: YearChecks;
}

/** a / b, NaN when b <= 0 (an index is undefined without exports). */
function share(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

/**
 * Value-added exports and KWW's closed-form DVA_INTrex of every country from VBR[r, j] = sum_{i in r} v_i B_ij:
 *   VAX_r    = sum_{j} VBR[r, j] sum_{s != r} Y[j, s]
 *   INTREX_r = sum_{j: c(j) != r} VBR[r, j] (sum_t Y[j, t] - Y[j, r] - Y[j, c(j)])
 */
export function vaxAndIntrex(m: IoModel): { VAX: Float64Array; INTREX: Float64Array } {
  const { G, N, GN } = m;
  const { VBR } = decompBase(m);
  const Y = m.Yc.data;
  const VAX = new Float64Array(G);
  const INTREX = new Float64Array(G);
  for (let r = 0; r < G; r++) {
    let vax = 0;
    let rex = 0;
    for (let j = 0; j < GN; j++) {
      const w = VBR[r * GN + j];
      if (w === 0) continue;
      const cj = Math.floor(j / N);
      let tot = 0;
      for (let t = 0; t < G; t++) tot += Y[j * G + t];
      vax += w * (tot - Y[j * G + r]);
      if (cj !== r) rex += w * (tot - Y[j * G + r] - Y[j * G + cj]);
    }
    VAX[r] = vax;
    INTREX[r] = rex;
  }
  return { VAX, INTREX };
}

/** GDP_w (sum of va) and GFCF_w (column CTY.GFCF summed over all supplying rows) per country. */
export function wiodProxies(m: IoModel): { GDP_w: Float64Array; GFCF_w: Float64Array } {
  const t = m.table;
  const { G, N, GN } = m;
  const K = t.fdCategories.length;
  const k = t.fdCategories.indexOf('GFCF');
  const GDP_w = new Float64Array(G);
  const GFCF_w = new Float64Array(G);
  for (let r = 0; r < G; r++) for (let i = r * N; i < (r + 1) * N; i++) GDP_w[r] += t.va[i];
  if (k < 0) GFCF_w.fill(NaN);
  else {
    const cols = G * K;
    for (let r = 0; r < G; r++) for (let i = 0; i < GN; i++) GFCF_w[r] += t.Y.data[i * cols + r * K + k];
  }
  return { GDP_w, GFCF_w };
}

/** All measures of one year (every country of the table). */
export function yearMeasures(m: IoModel, year: number): YearMeasures {
  const G = m.G;
  const k = kww(m);
  const bm = bmCountry(m);
  const { VAX, INTREX } = vaxAndIntrex(m);
  const { GDP_w, GFCF_w } = wiodProxies(m);
  const E = new Float64Array(G);
  const IV = new Float64Array(G);
  const FV = new Float64Array(G);
  const GVCP = new Float64Array(G);
  const GVCL = new Float64Array(G);
  const bmGvcShare = new Float64Array(G);
  const bmGvcbShare = new Float64Array(G);
  const bmGvcfShare = new Float64Array(G);
  const checks: YearChecks = { nineSum: 0, vax: 0, intrex: 0, bmGvc: 0 };
  for (let r = 0; r < G; r++) {
    E[r] = k.exports[r];
    IV[r] = k.terms.DVA_INTrex[r];
    FV[r] = k.terms.FVA_FIN[r] + k.terms.FVA_INT[r] + k.terms.FDC[r];
    const iv = share(IV[r], E[r]);
    const fv = share(FV[r], E[r]);
    GVCP[r] = iv + fv;
    GVCL[r] = Math.log(1 + iv) - Math.log(1 + fv);
    bmGvcShare[r] = share(bm.GVC[r], bm.GEXP[r]);
    bmGvcbShare[r] = share(bm.GVCB[r], bm.GEXP[r]);
    bmGvcfShare[r] = share(bm.GVCF[r], bm.GEXP[r]);
    const scale = Math.max(Math.abs(E[r]), 1e-300);
    let nine = 0;
    for (const t of KWW_TERMS) nine += k.terms[t][r];
    const dva = k.terms.DVA_FIN[r] + k.terms.DVA_INT[r] + k.terms.DVA_INTrex[r];
    checks.nineSum = Math.max(checks.nineSum, Math.abs(nine - E[r]) / scale);
    checks.vax = Math.max(checks.vax, Math.abs(dva - VAX[r]) / scale);
    checks.intrex = Math.max(checks.intrex, Math.abs(IV[r] - INTREX[r]) / Math.max(Math.abs(INTREX[r]), 1e-300));
    checks.bmGvc = Math.max(checks.bmGvc, Math.abs(bm.GVC[r] - bm.GVCB[r] - bm.GVCF[r]) / scale);
  }
  return {
    year,
    countries: [...m.table.countries],
    terms: k.terms,
    E,
    IV,
    FV,
    GVCP,
    GVCL,
    bmGvcShare,
    bmGvcbShare,
    bmGvcfShare,
    GDP_w,
    GFCF_w,
    checks,
  };
}
