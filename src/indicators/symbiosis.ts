/**
 * Industrial relocation and industrial symbiosis indices of the bri-symbiosis spec (Liu, Zhou and Zeng 2023,
 * "The reciprocal and symbiotic effects of industrial relocation between China and BRI countries",
 * China Economist 18(5); relocation after Wang and Wu 2017 on the Wang-Wei-Zhu 2013 decomposition).
 * Notation: B global Leontief inverse, A = Z x^-1, v = va / x, L_a local inverse of a,
 *   u_a = v_a B_aa,  w_a = v_a L_a,  XF_b = B Y[:, b],  XF_b^{-a} = XF_b - B[:, a] Y[a, b]
 * Two-way industrial relocation (3.1), a != b, sector i of the exporter a:
 *   ABS(a,i,b) = u_a[i] Y[(a,i),b] + w_a[i] sum_{d != a} sum_j A[(a,i),(d,j)] XF_b^{-a}[(d,j)]   (attribution wwz)
 *              = w_a[i] ( Y[(a,i),b] + sum_{d != a} A[(a,i),(d,.)] XF_b[(d,.)] )                  (local)
 *              = v[(a,i)] XF_b[(a,i)]                                                             (origin)
 *   ITR[i] = ABS(r,i,c) + ABS(c,i,r)      (T_{ic,r} + T_{ir,c})
 * Symbiosis (3.2) for China c, partner r, same sector i on both sides, zcr = Z[(c,i),(r,i)], zrc = Z[(r,i),(c,i)]:
 *   RH = ( zcr/x_ri + zcr/x_ci + zrc/x_ci + zrc/x_ri ) / 4         integration (IIR_cr, IDR_rc, IIR_rc, IDR_cr)
 *   HD = ( v_ri B[(r,i),(c,i)] + v_ci B[(c,i),(r,i)] ) / 2        interactivity (theta_cr, theta_rc)
 *   VAX[a,i] = u_a[i] sum_{b != a} Y[(a,i),b] + w_a[i] sum_{d != a} A[(a,i),(d,.)] F_a[(d,.)],
 *              F_a = B[:, not a] sum_{b != a} Y[not a, b]
 *   g = VAX_t / VAX_{t-1} - 1,   XT = (|g_c| + |g_r|) / (2 |g_c - g_r|)                      coordination
 * Mediators (3.3): RVC = (theta_cr E_c + theta_rc E_r) / (E_c + E_r);
 *   INC = (va_ci + va_ri) / (2 sum_s va_si).
 * Robustness (A2 b): one sector against all sectors of the other country (RH_b, HD_b, XT_b).
 * Missing values are NaN: RH when x_ci or x_ri <= 0; HD, RVC (and theta unless asked for raw) when E_c or
 * E_r <= 0; INC when world sector VA <= 0; XT when VAX_{t-1} <= 0, g_c = 0, g_r = 0 or g_c = g_r.
 * The bri-symbiosis study (src/study/bri-symbiosis) computes its panel with these functions.
 */
import { matrix, type Matrix } from '../linalg/index.js';
import type { IoModel } from '../mrio/model.js';
import { mv, ratio, timesLocal } from './common.js';

export type Attribution = 'wwz' | 'local' | 'origin';

/** The per-year matrices the symbiosis indices share (B Y by destination, u and w). */
export interface SymbiosisContext {
  m: IoModel;
  /**
   * XF = B Yc (GN x G): column b = output everywhere serving b's final demand. Computed column by column with
   * plain row sums (not the backend's gemm), so the study outputs built on it do not depend on the backend.
   */
  XF: Matrix;
  /** u_a = v_a B_aa, stacked for all countries (length GN). */
  u: Float64Array;
  /** w_a = v_a L_a, stacked (length GN). */
  w: Float64Array;
}

export function symbiosisContext(m: IoModel): SymbiosisContext {
  const { G, N, GN, B, v } = m;
  const XF = matrix(GN, G);
  const y = new Float64Array(GN);
  for (let b = 0; b < G; b++) {
    for (let r = 0; r < GN; r++) y[r] = m.Yc.data[r * G + b];
    const col = mv(B, y);
    for (let r = 0; r < GN; r++) XF.data[r * G + b] = col[r];
  }
  const u = new Float64Array(GN);
  for (let a = 0; a < G; a++) {
    for (let k = a * N; k < (a + 1) * N; k++) {
      const vk = v[k];
      if (vk === 0) continue;
      const o = k * GN;
      for (let i = a * N; i < (a + 1) * N; i++) u[i] += vk * B.data[o + i];
    }
  }
  return { m, XF, u, w: timesLocal(m, v) };
}

/** sum_{d != a} sum_j A[(a,i),(d,j)] y[(d,j)] for the N rows of country a. */
export function foreignRowsTimes(m: IoModel, a: number, y: ArrayLike<number>): Float64Array {
  const { N, GN } = m;
  const A = m.A.data;
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const o = (a * N + i) * GN;
    let acc = 0;
    for (let c = 0; c < GN; c++) if (c < a * N || c >= (a + 1) * N) acc += A[o + c] * y[c];
    out[i] = acc;
  }
  return out;
}

/** XF column b as a vector. */
function xfColumn(ctx: SymbiosisContext, b: number): Float64Array {
  const { GN, G } = ctx.m;
  const out = new Float64Array(GN);
  for (let r = 0; r < GN; r++) out[r] = ctx.XF.data[r * G + b];
  return out;
}

/** ABS(a, ., b): value added of a's sectors absorbed by b's final demand (length N), a != b. */
export function absorption(ctx: SymbiosisContext, a: number, b: number, attribution: Attribution = 'wwz'): Float64Array {
  const { m, u, w } = ctx;
  const { G, N, GN, B, Yc, v } = m;
  const out = new Float64Array(N);
  const xf = xfColumn(ctx, b);
  if (attribution === 'origin') {
    for (let i = 0; i < N; i++) out[i] = v[a * N + i] * xf[a * N + i];
    return out;
  }
  if (attribution === 'local') {
    const h = foreignRowsTimes(m, a, xf);
    for (let i = 0; i < N; i++) {
      const r = a * N + i;
      out[i] = w[r] * (Yc.data[r * G + b] + h[i]);
    }
    return out;
  }
  // wwz: XF_b^{-a} = XF_b - B[:, a] Y[a, b]
  for (let r = 0; r < GN; r++) {
    let s = 0;
    const o = r * GN + a * N;
    for (let k = 0; k < N; k++) s += B.data[o + k] * Yc.data[(a * N + k) * G + b];
    xf[r] -= s;
  }
  const h = foreignRowsTimes(m, a, xf);
  for (let i = 0; i < N; i++) {
    const r = a * N + i;
    out[i] = u[r] * Yc.data[r * G + b] + w[r] * h[i];
  }
  return out;
}

/** Two-way industrial relocation between c and r by sector: ITR = ABS(r,.,c) + ABS(c,.,r). */
export function relocation(ctx: SymbiosisContext, c: number, r: number, attribution: Attribution = 'wwz') {
  const cToR = absorption(ctx, c, r, attribution);
  const rToC = absorption(ctx, r, c, attribution);
  return { ITR: cToR.map((x, i) => x + rToC[i]), ITR_c_to_r: cToR, ITR_r_to_c: rToC };
}

/** sum_{b != a} Y[r, b]: final demand of the rest of the world for product r. */
function demandAbroad(m: IoModel, a: number, r: number): number {
  const { G, Yc } = m;
  let s = 0;
  for (let b = 0; b < G; b++) if (b !== a) s += Yc.data[r * G + b];
  return s;
}

/** F_a = B[:, not a] sum_{b != a} Y[not a, b] (length GN): output serving foreign demand for goods made outside a. */
export function foreignFinalOutput(m: IoModel, a: number): Float64Array {
  const { N, GN, B } = m;
  const z = new Float64Array(GN);
  for (let r = 0; r < GN; r++) if (Math.floor(r / N) !== a) z[r] = demandAbroad(m, a, r);
  return mv(B, z);
}

/**
 * VAX[a, .]: value added of a's sectors exported and absorbed abroad (length N). Fa, when given, is
 * foreignFinalOutput(m, a) (used by the wwz attribution; saves the product when the caller needs F_a too).
 */
export function valueAddedExports(ctx: SymbiosisContext, a: number, attribution: Attribution = 'wwz', Fa?: Float64Array): Float64Array {
  const { m, u, w } = ctx;
  const { G, N, GN, v } = m;
  const out = new Float64Array(N);
  const yOut = (r: number) => demandAbroad(m, a, r);
  if (attribution === 'wwz') {
    const h = foreignRowsTimes(m, a, Fa ?? foreignFinalOutput(m, a));
    for (let i = 0; i < N; i++) {
      const r = a * N + i;
      out[i] = u[r] * yOut(r) + w[r] * h[i];
    }
    return out;
  }
  // sums of XF_b over b != a
  const xs = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    let s = 0;
    for (let b = 0; b < G; b++) if (b !== a) s += ctx.XF.data[r * G + b];
    xs[r] = s;
  }
  if (attribution === 'origin') {
    for (let i = 0; i < N; i++) out[i] = v[a * N + i] * xs[a * N + i];
    return out;
  }
  const h = foreignRowsTimes(m, a, xs);
  for (let i = 0; i < N; i++) {
    const r = a * N + i;
    out[i] = w[r] * (yOut(r) + h[i]);
  }
  return out;
}

/** Growth of one value, curr / prev - 1 (NaN when prev <= 0 or either is missing). */
export function growthRate(prev: number, curr: number): number {
  return prev > 0 ? curr / prev - 1 : NaN;
}

/** Growth VAX_t / VAX_{t-1} - 1 (NaN when VAX_{t-1} <= 0). */
export function growth(prev: ArrayLike<number>, curr: ArrayLike<number>): Float64Array {
  const out = new Float64Array(curr.length);
  for (let i = 0; i < out.length; i++) out[i] = growthRate(prev[i], curr[i]);
  return out;
}

/** Coordination XT = (|g_c| + |g_r|) / (2 |g_c - g_r|); NaN when a rate is 0 or missing or they are equal. */
export function coordination(gc: number, gr: number): number {
  if (!Number.isFinite(gc) || !Number.isFinite(gr) || gc === 0 || gr === 0 || gc === gr) return NaN;
  return (Math.abs(gc) + Math.abs(gr)) / (2 * Math.abs(gc - gr));
}

/**
 * XT_b = ( |g_r.| / |g_ci - g_r.| + |g_c.| / |g_ri - g_c.| ) / 2, with g_s. the growth of all-sector VAX of s;
 * NaN when g_ci = g_r., g_ri = g_c., or any rate is 0 or missing.
 */
export function coordinationB(gci: number, gri: number, gcAll: number, grAll: number): number {
  const all = [gci, gri, gcAll, grAll];
  if (all.some((g) => !Number.isFinite(g) || g === 0) || gci === grAll || gri === gcAll) return NaN;
  return (Math.abs(grAll) / Math.abs(gci - grAll) + Math.abs(gcAll) / Math.abs(gri - gcAll)) / 2;
}

/** Per-sector pair indices of one year for China c and partner r (arrays of length N). */
export interface PairIndices {
  IIR_cr: Float64Array;
  IDR_rc: Float64Array;
  IIR_rc: Float64Array;
  IDR_cr: Float64Array;
  RH: Float64Array;
  theta_cr: Float64Array;
  theta_rc: Float64Array;
  HD: Float64Array;
  RVC: Float64Array;
  INC: Float64Array;
  E_c: Float64Array;
  E_r: Float64Array;
  /** World gross output of the sector (A2 (a) normaliser). */
  X_world: Float64Array;
  RH_b: Float64Array;
  HD_b: Float64Array;
  /** A2 (b) components: sum_k v[(r,k)] B[(r,k),(c,i)] and sum_k v[(c,k)] B[(c,k),(r,i)] (never set missing). */
  theta_cr_b: Float64Array;
  theta_rc_b: Float64Array;
}

export interface PairIndicesOptions {
  /**
   * Keep theta_cr and theta_rc where E_c or E_r <= 0 (they are defined per unit of exports; HD and RVC stay
   * missing there). Default false: theta is NaN like HD. The bri-symbiosis panel reports the raw thetas.
   */
  rawThetas?: boolean;
}

/** RH, HD, RVC, INC and their components for every sector of the pair (c, r). */
export function pairIndices(m: IoModel, c: number, r: number, opts: PairIndicesOptions = {}): PairIndices {
  const { G, N, GN, B, v, e, x } = m;
  const t = m.table;
  const Z = t.Z.data;
  const mk = () => new Float64Array(N);
  const o: PairIndices = {
    IIR_cr: mk(), IDR_rc: mk(), IIR_rc: mk(), IDR_cr: mk(), RH: mk(), theta_cr: mk(), theta_rc: mk(), HD: mk(),
    RVC: mk(), INC: mk(), E_c: mk(), E_r: mk(), X_world: mk(), RH_b: mk(), HD_b: mk(), theta_cr_b: mk(), theta_rc_b: mk(),
  };
  for (let i = 0; i < N; i++) {
    const ci = c * N + i;
    const ri = r * N + i;
    const xc = x[ci];
    const xr = x[ri];
    const zcr = Z[ci * GN + ri];
    const zrc = Z[ri * GN + ci];
    const okX = xc > 0 && xr > 0;
    o.IIR_cr[i] = okX ? zcr / xr : NaN;
    o.IDR_rc[i] = okX ? zcr / xc : NaN;
    o.IIR_rc[i] = okX ? zrc / xc : NaN;
    o.IDR_cr[i] = okX ? zrc / xr : NaN;
    o.RH[i] = (o.IIR_cr[i] + o.IDR_rc[i] + o.IIR_rc[i] + o.IDR_cr[i]) / 4;
    // one sector vs all sectors of the other country
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let k = 0; k < N; k++) {
      s1 += Z[(c * N + k) * GN + ri];
      s2 += Z[ci * GN + r * N + k];
      s3 += Z[(r * N + k) * GN + ci];
      s4 += Z[ri * GN + c * N + k];
    }
    o.RH_b[i] = okX ? (s1 / xr + s2 / xc + s3 / xc + s4 / xr) / 4 : NaN;
    const Ec = e[ci];
    const Er = e[ri];
    o.E_c[i] = Ec;
    o.E_r[i] = Er;
    const okE = Ec > 0 && Er > 0;
    const tcr = v[ri] * B.data[ri * GN + ci];
    const trc = v[ci] * B.data[ci * GN + ri];
    o.theta_cr[i] = okE || opts.rawThetas ? tcr : NaN;
    o.theta_rc[i] = okE || opts.rawThetas ? trc : NaN;
    o.HD[i] = okE ? (tcr + trc) / 2 : NaN;
    o.RVC[i] = okE ? (tcr * Ec + trc * Er) / (Ec + Er) : NaN;
    let tb1 = 0;
    let tb2 = 0;
    for (let k = 0; k < N; k++) {
      tb1 += v[r * N + k] * B.data[(r * N + k) * GN + ci];
      tb2 += v[c * N + k] * B.data[(c * N + k) * GN + ri];
    }
    o.theta_cr_b[i] = tb1;
    o.theta_rc_b[i] = tb2;
    o.HD_b[i] = okE ? (tb1 + tb2) / 2 : NaN;
    let wva = 0;
    let wx = 0;
    for (let s = 0; s < G; s++) {
      wva += t.va[s * N + i];
      wx += x[s * N + i];
    }
    o.INC[i] = ratio(t.va[ci] + t.va[ri], 2 * wva);
    o.X_world[i] = wx;
  }
  return o;
}
