/**
 * Shared building blocks of the KWW, WWZ and Borin-Mancini decompositions, computed once per IoModel
 * and cached (a WeakMap keyed by the model), so running several methods on one table costs one pass.
 *
 * Notation (country-major index i = s*N + n, c(i) = s its country; blocks X_sr are N x N):
 *   v        value-added coefficients; B = (I - A)^-1; L = diag(L_ss), L_ss = (I - A_ss)^-1
 *   Bd / Bm  B with only / without its diagonal (own-country) blocks; Am = A without them
 *   Y        final demand by country (GN x G); yd_i = Y_i,c(i) (domestic); Ym = Y with own column zeroed;
 *            ym = rowSums(Ym) (final exports)
 *   VBR      G x GN, VBR[r, i] = sum_{k in r} v_k B_ki   (country r's value added per unit of i's output)
 *   VBdom_i  = VBR[c(i), i] (domestic VA multiplier), VBfor_i = sum_{r != c(i)} VBR[r, i] (foreign)
 *   VLdom_i  = sum_{k in c(i)} v_k L_ki (local domestic multiplier, "V_s L_ss" of WWZ)
 *
 * Vectorised across exporters (as in GlobalValueChains.jl): the only O((GN)^2 G) work is one GEMM,
 * Bm [Yd | Ym | P(ym)] with P(ym) the GN x G matrix holding ym_i in column c(i); everything else is
 * O((GN)^2) passes or N x N blocks. Nothing of size GN x GN x G is ever formed.
 *
 * The "A-pass" (aggregates S, all GN x G, row i = exporter country-sector, column r = importer) holds
 * sums over j in r (r != c(i)) of A_ij times a quantity of j, one per WWZ term (Table A2 of WWZ 2013):
 *   S2  = A_sr B_rr Y_rr                     S3  = A_sr sum_{t != s,r} B_rt Y_tt
 *   S4  = A_sr B_rr sum_{t != s,r} Y_rt      S5  = A_sr sum_{t != s,r} B_rt sum_{u != s,t} Y_tu
 *   S6  = A_sr B_rs Y_ss                     S7  = A_sr B_rr Y_rs
 *   S8  = A_sr sum_{t != s,r} B_rt Y_ts      S13 = A_sr B_rs sum_{t != s} Y_st
 *   S14 = A_sr X_r (= intermediate exports)  AW  = A_sr L_rr Y_rr     AE = A_sr L_rr E_r
 */
import { linalg, matrix, type Matrix } from '../linalg/index.js';
import type { IoModel } from '../mrio/model.js';

export interface APass {
  S2: Float64Array; S3: Float64Array; S4: Float64Array; S5: Float64Array; S6: Float64Array;
  S7: Float64Array; S8: Float64Array; S13: Float64Array; S14: Float64Array;
  AW: Float64Array; AE: Float64Array;
}

export interface DecompBase {
  G: number;
  N: number;
  GN: number;
  /** Country of each country-sector row. */
  ctry: Int32Array;
  v: Float64Array;
  x: Float64Array;
  /** Domestic final demand yd_i = Y[i, c(i)]. */
  yd: Float64Array;
  /** Final exports ym_i = sum_{r != c(i)} Y[i, r]. */
  ym: Float64Array;
  /** Total gross exports E_i. */
  e: Float64Array;
  VBR: Float64Array;
  VBdom: Float64Array;
  VBfor: Float64Array;
  VLdom: Float64Array;
  /** Local inverse blocks L_ss (N x N each). */
  L: Matrix[];
  /** L yd (= L_ss Y_ss stacked, "Wcol") and L E. */
  Ly: Float64Array;
  LE: Float64Array;
  /** Bd yd and Bd ym. */
  Bdyd: Float64Array;
  Bdym: Float64Array;
  /** Transposed G x GN products (row s holds column s): Bm Yd, Bm Ym, Bm P(ym), Bd Ym. */
  BmYdT: Float64Array;
  BmYmT: Float64Array;
  BmPT: Float64Array;
  BdYmT: Float64Array;
  /** Row sums of Bm Yd and Bm Ym (= Bm yd, Bm ym). */
  bmyd: Float64Array;
  bmym: Float64Array;
  pass: APass;
}

const cache = new WeakMap<IoModel, DecompBase>();

/** The shared matrices of `m`, computed on first use and cached. */
export function decompBase(m: IoModel): DecompBase {
  let b = cache.get(m);
  if (!b) {
    b = computeBase(m);
    cache.set(m, b);
  }
  return b;
}

/** Local inverse block L_ss (N x N row-major), computed when the model skipped it. */
function localBlocks(m: IoModel): Matrix[] {
  if (m.L.length === m.G) return m.L;
  const { N, GN } = m;
  const out: Matrix[] = [];
  for (let s = 0; s < m.G; s++) {
    const I = matrix(N, N);
    for (let a = 0; a < N; a++) {
      for (let c = 0; c < N; c++) I.data[a * N + c] = (a === c ? 1 : 0) - m.A.data[(s * N + a) * GN + s * N + c];
    }
    out.push(linalg().inverse(I));
  }
  return out;
}

/** y = M_ss z_s for every country block (M = block list of N x N matrices). */
function blockMulVec(Ls: Matrix[], z: Float64Array, N: number): Float64Array {
  const out = new Float64Array(z.length);
  Ls.forEach((Lb, s) => {
    const o = s * N;
    for (let a = 0; a < N; a++) {
      let acc = 0;
      for (let c = 0; c < N; c++) acc += Lb.data[a * N + c] * z[o + c];
      out[o + a] = acc;
    }
  });
  return out;
}

function computeBase(m: IoModel): DecompBase {
  const { G, N, GN, v, x, e } = m;
  const Bd = m.B.data;
  const Yc = m.Yc.data;
  const ctry = new Int32Array(GN);
  for (let i = 0; i < GN; i++) ctry[i] = Math.floor(i / N);
  const Ls = localBlocks(m);

  const yd = new Float64Array(GN);
  const ym = new Float64Array(GN);
  for (let i = 0; i < GN; i++) {
    const s = ctry[i];
    for (let r = 0; r < G; r++) {
      if (r === s) yd[i] = Yc[i * G + r];
      else ym[i] += Yc[i * G + r];
    }
  }

  // VBR (G x GN): rows of diag(v) B summed by country
  const VBR = new Float64Array(G * GN);
  for (let k = 0; k < GN; k++) {
    const vk = v[k];
    if (vk === 0) continue;
    const o = ctry[k] * GN;
    const bk = k * GN;
    for (let i = 0; i < GN; i++) VBR[o + i] += vk * Bd[bk + i];
  }
  const VBdom = new Float64Array(GN);
  const VBfor = new Float64Array(GN);
  for (let i = 0; i < GN; i++) {
    for (let r = 0; r < G; r++) {
      if (r === ctry[i]) VBdom[i] = VBR[r * GN + i];
      else VBfor[i] += VBR[r * GN + i];
    }
  }
  const VLdom = new Float64Array(GN);
  Ls.forEach((Lb, s) => {
    for (let a = 0; a < N; a++) {
      const va = v[s * N + a];
      for (let c = 0; c < N; c++) VLdom[s * N + c] += va * Lb.data[a * N + c];
    }
  });
  const Ly = blockMulVec(Ls, yd, N);
  const LE = blockMulVec(Ls, e, N);

  // Bm = B without its own-country blocks; one GEMM Bm [Yd | Ym | P(ym)]
  const Bm = new Float64Array(Bd);
  for (let s = 0; s < G; s++) {
    for (let a = s * N; a < (s + 1) * N; a++) Bm.fill(0, a * GN + s * N, a * GN + (s + 1) * N);
  }
  const RHS = matrix(GN, 3 * G);
  for (let i = 0; i < GN; i++) {
    const s = ctry[i];
    const o = i * 3 * G;
    RHS.data[o + s] = yd[i];
    for (let r = 0; r < G; r++) if (r !== s) RHS.data[o + G + r] = Yc[i * G + r];
    RHS.data[o + 2 * G + s] = ym[i];
  }
  const P = linalg().gemm({ rows: GN, cols: GN, data: Bm }, RHS).data;
  const BmYdT = new Float64Array(G * GN);
  const BmYmT = new Float64Array(G * GN);
  const BmPT = new Float64Array(G * GN);
  const bmyd = new Float64Array(GN);
  const bmym = new Float64Array(GN);
  for (let j = 0; j < GN; j++) {
    const o = j * 3 * G;
    for (let s = 0; s < G; s++) {
      BmYdT[s * GN + j] = P[o + s];
      BmYmT[s * GN + j] = P[o + G + s];
      BmPT[s * GN + j] = P[o + 2 * G + s];
      bmyd[j] += P[o + s];
      bmym[j] += P[o + G + s];
    }
  }

  // Bd products, block by block: Bd yd, Bd ym, Bd Ym (G x GN transposed), and for S4 the
  // direct sums B_rr (ym_r - Y_r,s) to avoid cancellation.
  const Bdyd = new Float64Array(GN);
  const Bdym = new Float64Array(GN);
  const BdYmT = new Float64Array(G * GN);
  const BdZ4T = new Float64Array(G * GN);
  for (let r = 0; r < G; r++) {
    for (let a = r * N; a < (r + 1) * N; a++) {
      let sy = 0;
      let sm = 0;
      for (let k = r * N; k < (r + 1) * N; k++) {
        const bak = Bd[a * GN + k];
        sy += bak * yd[k];
        sm += bak * ym[k];
        const yo = k * G;
        for (let s = 0; s < G; s++) {
          if (s === r) continue;
          const y = Yc[yo + s];
          BdYmT[s * GN + a] += bak * y;
          BdZ4T[s * GN + a] += bak * (ym[k] - y);
        }
      }
      Bdyd[a] = sy;
      Bdym[a] = sm;
    }
  }

  const pass = aPass(m, ctry, { Bdyd, Ly, LE, bmyd, bmym, BmYdT, BmYmT, BmPT, BdYmT, BdZ4T });
  return {
    G, N, GN, ctry, v, x, yd, ym, e, L: Ls, VBR, VBdom, VBfor, VLdom, Ly, LE, Bdyd, Bdym,
    BmYdT, BmYmT, BmPT, BdYmT, bmyd, bmym, pass,
  };
}

interface PassInput {
  Bdyd: Float64Array; Ly: Float64Array; LE: Float64Array; bmyd: Float64Array; bmym: Float64Array;
  BmYdT: Float64Array; BmYmT: Float64Array; BmPT: Float64Array; BdYmT: Float64Array; BdZ4T: Float64Array;
}

/** One sweep over the off-diagonal blocks of A accumulating every S term (see the file header). */
function aPass(m: IoModel, ctry: Int32Array, p: PassInput): APass {
  const { G, N, GN, x } = m;
  const A = m.A.data;
  const mk = () => new Float64Array(GN * G);
  const out: APass = {
    S2: mk(), S3: mk(), S4: mk(), S5: mk(), S6: mk(), S7: mk(), S8: mk(), S13: mk(), S14: mk(), AW: mk(), AE: mk(),
  };
  const { S2, S3, S4, S5, S6, S7, S8, S13, S14, AW, AE } = out;
  for (let i = 0; i < GN; i++) {
    const s = ctry[i];
    const so = s * GN;
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      let s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s13 = 0, s14 = 0, aw = 0, ae = 0;
      const j1 = (r + 1) * N;
      for (let j = r * N; j < j1; j++) {
        const a = A[i * GN + j];
        if (a === 0) continue;
        const bmYd = p.BmYdT[so + j];
        const bmYm = p.BmYmT[so + j];
        const bmP = p.BmPT[so + j];
        const bdYm = p.BdYmT[so + j];
        s2 += a * p.Bdyd[j];
        s3 += a * (p.bmyd[j] - bmYd);
        s4 += a * p.BdZ4T[so + j];
        s5 += a * (p.bmym[j] - bmYm - bmP);
        s6 += a * bmYd;
        s7 += a * bdYm;
        s8 += a * bmYm;
        s13 += a * bmP;
        s14 += a * x[j];
        aw += a * p.Ly[j];
        ae += a * p.LE[j];
      }
      const o = i * G + r;
      S2[o] = s2; S3[o] = s3; S4[o] = s4; S5[o] = s5; S6[o] = s6; S7[o] = s7; S8[o] = s8;
      S13[o] = s13; S14[o] = s14; AW[o] = aw; AE[o] = ae;
    }
  }
  return out;
}
