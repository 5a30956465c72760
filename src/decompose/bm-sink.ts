/**
 * Borin & Mancini (2019), exporter perspective, sink-based decomposition (their eq. 33-39), sector and
 * bilateral levels: value added is recorded the last time it leaves the exporting country s. DC and FC
 * are as in the source approach; DVA, FVA and REF follow the exports to their final absorption with the
 * country-s perimeter "hypothetical extraction" of the s-rows:
 *
 *   F_s^-1  = ((I - A_ss) B_ss)^-1,   e^_s = F_s^-1 E_s,   X~ = X - B_.s e^_s
 *   Psi_r   = Y_r. 1 + (A X~)_r - A_rr X~_r                                  (N, per importer r)
 *   Phi_sr  = Y_sr + A_sr L_rr Psi_r,   DVA = (V_s B_ss) Phi,   FVA = (sum_{t!=s} V_t B_ts) Phi
 *   X~^s    = B Y_.s - B_.s F_s^-1 ((A B Y)_s,s - A_ss (B Y)_s,s)
 *   REF     = (V_s B_ss) A_sr L_rr (Y_rs + (A X~^s)_r - A_rr X~^s_r),   VAX = DVA - REF
 *   bilateral also VAXIM (value added absorbed by the importer r itself; DAVAX <= VAXIM <= VAX):
 *   x^r     = B Y_.r - B_.s F_s^-1 ((A B Y)_s,r - A_ss (B Y)_s,r + Y_sr)
 *   VAXIM   = (V_s B_ss) (Y_sr + A_sr L_rr (Y_rr + (A x^r)_r - A_rr x^r_r))
 * Row blocks of A times B_.s use A B = B - I, so every (s, r) step is O(N^2) and nothing of size
 * GN x GN is formed per exporter. Follows decompr 7's .bm_sink (checked there against Stata's icio).
 */
import { luFactor, luSolve, linalg, matrix, type Matrix } from '../linalg/index.js';
import type { IoModel } from '../mrio/model.js';
import { decompBase } from './shared.js';
import { sumBlocks } from './bm.js';

export const BM_SINK_SECTOR_TERMS = ['GEXP', 'DC', 'DVA', 'VAX', 'REF', 'DDC', 'FC', 'FVA', 'FDC'] as const;
export const BM_SINK_BILATERAL_TERMS = ['GEXP', 'DC', 'DVA', 'VAX', 'VAXIM', 'REF', 'DDC', 'FC', 'FVA', 'FDC'] as const;
export type BmSinkTerm = (typeof BM_SINK_BILATERAL_TERMS)[number];

/** N-vector M[r0.., c0..] z (block of a row-major n x n matrix), optionally accumulated into out. */
function blockMv(M: Float64Array, n: number, r0: number, c0: number, N: number, z: ArrayLike<number>, out: Float64Array, sign = 1): void {
  for (let a = 0; a < N; a++) {
    const o = (r0 + a) * n + c0;
    let acc = 0;
    for (let c = 0; c < N; c++) acc += M[o + c] * z[c];
    out[a] += sign * acc;
  }
}

function mvSmall(M: Matrix, z: ArrayLike<number>): Float64Array {
  const N = M.rows;
  const out = new Float64Array(N);
  blockMv(M.data, N, 0, 0, N, z, out);
  return out;
}

/** Bilateral sink terms, GN*G long (row i*G + r, own-country rows zero). */
export function bmSinkBilateral(m: IoModel): Record<BmSinkTerm, Float64Array> {
  const b = decompBase(m);
  const { G, N, GN, VBdom, VBfor } = b;
  const A = m.A.data;
  const B = m.B.data;
  const Y = m.Yc.data;
  const E = m.E.data;
  const x = m.x;
  const BFD = linalg().gemm(m.B, m.Yc).data; // GN x G
  const ABFD = linalg().gemm(m.A, { rows: GN, cols: G, data: BFD }).data;
  const AX = new Float64Array(GN);
  for (let i = 0; i < GN; i++) {
    let acc = 0;
    for (let j = 0; j < GN; j++) acc += A[i * GN + j] * x[j];
    AX[i] = acc;
  }
  const Yrow = new Float64Array(GN);
  for (let i = 0; i < GN; i++) for (let r = 0; r < G; r++) Yrow[i] += Y[i * G + r];
  const n = GN * G;
  const out = {} as Record<BmSinkTerm, Float64Array>;
  for (const t of BM_SINK_BILATERAL_TERMS) out[t] = new Float64Array(n);

  const col = (M: Float64Array, cols: number, c: number, r0: number) => {
    const v = new Float64Array(N);
    for (let a = 0; a < N; a++) v[a] = M[(r0 + a) * cols + c];
    return v;
  };
  for (let s = 0; s < G; s++) {
    const s0 = s * N;
    // F_s = (I - A_ss) B_ss, factorised once
    const F = matrix(N, N);
    for (let a = 0; a < N; a++) {
      for (let c = 0; c < N; c++) {
        let acc = B[(s0 + a) * GN + s0 + c];
        for (let k = 0; k < N; k++) acc -= A[(s0 + a) * GN + s0 + k] * B[(s0 + k) * GN + s0 + c];
        F.data[a * N + c] = acc;
      }
    }
    const Fs = luFactor(F);
    const solveF = (rhs: Float64Array) => luSolve(Fs, matrix(N, 1, rhs)).data;
    const ehat = solveF(m.e.slice(s0, s0 + N));
    // rhs_s = (A B Y)_s,s - A_ss (B Y)_s,s  ->  w_s = F^-1 rhs_s
    const rhsS = col(ABFD, G, s, s0);
    blockMv(A, GN, s0, s0, N, col(BFD, G, s, s0), rhsS, -1);
    const wS = solveF(rhsS);
    for (let r = 0; r < G; r++) {
      if (r === s) continue;
      const r0 = r * N;
      const Lrr = b.L[r];
      // X~_r = X_r - B_rs e^ ; (A X~)_r = (A X)_r - B_rs e^  (A B = B - I, r != s)
      const Bre = new Float64Array(N);
      blockMv(B, GN, r0, s0, N, ehat, Bre);
      const Xt = new Float64Array(N);
      const psi = new Float64Array(N);
      for (let a = 0; a < N; a++) {
        Xt[a] = x[r0 + a] - Bre[a];
        psi[a] = Yrow[r0 + a] + AX[r0 + a] - Bre[a];
      }
      blockMv(A, GN, r0, r0, N, Xt, psi, -1);
      // X~^s_r = (BY)_r,s - B_rs w_s ; (A X~^s)_r = (ABY)_r,s - B_rs w_s
      const Brw = new Float64Array(N);
      blockMv(B, GN, r0, s0, N, wS, Brw);
      const Xs = new Float64Array(N);
      const psiR = new Float64Array(N);
      for (let a = 0; a < N; a++) {
        Xs[a] = BFD[(r0 + a) * G + s] - Brw[a];
        psiR[a] = Y[(r0 + a) * G + s] + ABFD[(r0 + a) * G + s] - Brw[a];
      }
      blockMv(A, GN, r0, r0, N, Xs, psiR, -1);
      // x^r: rhs = (ABY)_s,r - A_ss (BY)_s,r + Y_sr ; w = F^-1 rhs
      const rhsV = col(ABFD, G, r, s0);
      blockMv(A, GN, s0, s0, N, col(BFD, G, r, s0), rhsV, -1);
      for (let a = 0; a < N; a++) rhsV[a] += Y[(s0 + a) * G + r];
      const wV = solveF(rhsV);
      const Brv = new Float64Array(N);
      blockMv(B, GN, r0, s0, N, wV, Brv);
      const xr = new Float64Array(N);
      const inner = new Float64Array(N);
      for (let a = 0; a < N; a++) {
        xr[a] = BFD[(r0 + a) * G + r] - Brv[a];
        inner[a] = Y[(r0 + a) * G + r] + ABFD[(r0 + a) * G + r] - Brv[a];
      }
      blockMv(A, GN, r0, r0, N, xr, inner, -1);
      const phi = new Float64Array(N);
      const phiR = new Float64Array(N);
      const phiV = new Float64Array(N);
      blockMv(A, GN, s0, r0, N, mvSmall(Lrr, psi), phi);
      blockMv(A, GN, s0, r0, N, mvSmall(Lrr, psiR), phiR);
      blockMv(A, GN, s0, r0, N, mvSmall(Lrr, inner), phiV);
      for (let a = 0; a < N; a++) {
        const i = s0 + a;
        const o = i * G + r;
        const ysr = Y[o];
        const e = E[o];
        const dc = VBdom[i] * e;
        const fc = VBfor[i] * e;
        const dva = VBdom[i] * (ysr + phi[a]);
        const fva = VBfor[i] * (ysr + phi[a]);
        const ref = VBdom[i] * phiR[a];
        out.GEXP[o] = e;
        out.DC[o] = dc;
        out.DVA[o] = dva;
        out.VAX[o] = dva - ref;
        out.VAXIM[o] = VBdom[i] * (ysr + phiV[a]);
        out.REF[o] = ref;
        out.DDC[o] = dc - dva;
        out.FC[o] = fc;
        out.FVA[o] = fva;
        out.FDC[o] = fc - fva;
      }
    }
  }
  return out;
}

/** Sector level (GN rows): bilateral sink terms summed over importers, without VAXIM. */
export function bmSinkSector(m: IoModel): Record<(typeof BM_SINK_SECTOR_TERMS)[number], Float64Array> {
  const { VAXIM: _drop, ...rest } = bmSinkBilateral(m);
  void _drop;
  return sumBlocks(rest, m.GN, m.G);
}
