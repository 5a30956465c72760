/**
 * Borin & Mancini (2019), "Measuring what matters in global value chains and value-added trade",
 * World Bank PRWP 8804: exporter perspective, source-based decomposition of gross exports (13 terms,
 * decompr 7's names; the same as Stata's icio and GlobalValueChains.jl).
 *
 * For exports e_sr of country-sector i (country s) to r, with the multipliers of ./shared.ts:
 *   GEXP  = e_sr
 *   DC    = (V_s B_ss)_i e            domestic content            FC  = (sum_{t!=s} V_t B_ts)_i e
 *   DVA   = (V_s L_ss)_i e            domestic VA (source: first time it leaves s)
 *   DDC   = DC - DVA                  domestic double counting
 *   FVA   = f_i e,  f_s' = VBfor_s' (I + sum_{j!=s} A_sj B_js)^-1   foreign VA counted once
 *   FDC   = FC - FVA
 *   DAVAX = (V_s L_ss)_i (Y_sr + A_sr L_rr Y_rr)          directly absorbed by r
 *   VAX   = (V_s L_ss)_i (Y_sr + A_sr (X_r - sum_k B_rk Y_ks))  absorbed abroad (value-added exports)
 *   REF   = DVA - VAX                 reflection (returns home)
 *   GVC   = GEXP - DAVAX,  GVCB = FC + DDC (backward),  GVCF = GVC - GVCB (forward)
 * Identities by construction: DC + FC = GEXP (since V B = 1'), DVA + DDC = DC, VAX + REF = DVA,
 * FVA + FDC = FC, GVC = GVCB + GVCF.
 *
 * The source decomposition is additive: sector = sum over importers, country = sum over sectors.
 * Bilateral columns are GN*G long (row i*G + r, own-country rows zero).
 */
import { luFactor, luSolve, matrix, transpose, linalg } from '../linalg/index.js';
import type { IoModel } from '../mrio/model.js';
import { decompBase, type DecompBase } from './shared.js';

export const BM_TERMS = ['GEXP', 'DC', 'DVA', 'VAX', 'DAVAX', 'REF', 'DDC', 'FC', 'FVA', 'FDC', 'GVC', 'GVCB', 'GVCF'] as const;
export type BmTerm = (typeof BM_TERMS)[number];

const fvaCache = new WeakMap<DecompBase, Float64Array>();

/** f (length GN): per exporting country s, f_s' = VBfor_s' (I + sum_{j != s} A_sj B_js)^-1. */
export function fvaCoefficients(m: IoModel): Float64Array {
  const b = decompBase(m);
  const hit = fvaCache.get(b);
  if (hit) return hit;
  const { G, N, GN, VBfor } = b;
  const A = m.A.data;
  const B = m.B.data;
  const f = new Float64Array(GN);
  const As = matrix(N, GN);
  const Bs = matrix(GN, N);
  for (let s = 0; s < G; s++) {
    const s0 = s * N;
    for (let a = 0; a < N; a++) {
      As.data.set(A.subarray((s0 + a) * GN, (s0 + a + 1) * GN), a * GN);
      As.data.fill(0, a * GN + s0, a * GN + s0 + N);
    }
    for (let j = 0; j < GN; j++) Bs.data.set(B.subarray(j * GN + s0, j * GN + s0 + N), j * N);
    const M = linalg().gemm(As, Bs);
    for (let a = 0; a < N; a++) M.data[a * N + a] += 1;
    const rhs = matrix(N, 1, VBfor.slice(s0, s0 + N));
    const sol = luSolve(luFactor(transpose(M)), rhs);
    f.set(sol.data, s0);
  }
  fvaCache.set(b, f);
  return f;
}

/** Bilateral source terms, each GN*G long (row i*G + r). */
export function bmBilateral(m: IoModel): Record<BmTerm, Float64Array> {
  const b = decompBase(m);
  const { G, GN, ctry, VBdom, VBfor, VLdom, pass } = b;
  const f = fvaCoefficients(m);
  const n = GN * G;
  const out = {} as Record<BmTerm, Float64Array>;
  for (const t of BM_TERMS) out[t] = new Float64Array(n);
  const E = m.E.data;
  const Yc = m.Yc.data;
  for (let i = 0; i < GN; i++) {
    const s = ctry[i];
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      const o = i * G + r;
      const e = E[o];
      const dc = VBdom[i] * e;
      const fc = VBfor[i] * e;
      const dva = VLdom[i] * e;
      const fva = f[i] * e;
      const davax = VLdom[i] * (Yc[o] + pass.AW[o]);
      const vax = VLdom[i] * (Yc[o] + pass.S14[o] - pass.S6[o] - pass.S7[o] - pass.S8[o]);
      const gvc = e - davax;
      const gvcb = fc + dc - dva;
      out.GEXP[o] = e;
      out.DC[o] = dc;
      out.DVA[o] = dva;
      out.VAX[o] = vax;
      out.DAVAX[o] = davax;
      out.REF[o] = dva - vax;
      out.DDC[o] = dc - dva;
      out.FC[o] = fc;
      out.FVA[o] = fva;
      out.FDC[o] = fc - fva;
      out.GVC[o] = gvc;
      out.GVCB[o] = gvcb;
      out.GVCF[o] = gvc - gvcb;
    }
  }
  return out;
}

/** Sector level (GN rows): bilateral terms summed over importers. */
export function bmSector(m: IoModel): Record<BmTerm, Float64Array> {
  return sumBlocks(bmBilateral(m), m.GN, m.G);
}

/** Country level (G rows): sector terms summed within each exporting country. */
export function bmCountry(m: IoModel): Record<BmTerm, Float64Array> {
  return sumBlocks(bmSector(m), m.G, m.N);
}

/** Sum consecutive runs of `width` values: length rows*width -> rows. */
export function sumBlocks<K extends string>(cols: Record<K, Float64Array>, rows: number, width: number): Record<K, Float64Array> {
  const out = {} as Record<K, Float64Array>;
  for (const k of Object.keys(cols) as K[]) {
    const src = cols[k];
    const dst = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let acc = 0;
      for (let j = i * width; j < (i + 1) * width; j++) acc += src[j];
      dst[i] = acc;
    }
    out[k] = dst;
  }
  return out;
}
