/**
 * The numeric model: build A, Yfd and V for the symmetric economy, invert I - A with the generic solver of the
 * linalg layer and decompose exports (spec `deglobalization` 1.2 and 1.4). Nothing here uses the closed forms,
 * so the two routes check each other.
 *
 *   X = B y,  y_j = sum_i Yfd[j,i],  B = (I - A)^-1
 *   Ex_i = sum_{j != i} (A[i,j] X_j + Yfd[i,j])
 *   F = diag(V) B diag(Ex)          F[s,r] = value added of s embodied in r's gross exports
 *   DVX_i (vs1)    = sum_{r != i} F[i,r]
 *   DVX_i (kww_iv) = DVA_INTrex_i = sum_{s != i} V_i B[i,s] sum_{t != i,s} Yfd[s,t]
 *   FVA_i          = sum_{s != i} F[s,i]
 *   GVCP_i         = (DVX_i + FVA_i) / Ex_i
 */
import { NumericalError, OptionError } from '../../errors.js';
import { identity, linalg, matrix, matVec, type Matrix } from '../../linalg/index.js';
import { finalDemandMatrix, finalDemandShares, technicalCoefficients, valueAddedCoefficients } from './economy.js';
import { checkParams, type DeglobParams } from './params.js';

/** How the economy is pinned down: absorption G (default: all ones) or gross output X (G is then implied). */
export type NumericInput = { G: ArrayLike<number> } | { X: ArrayLike<number> };

/** Every matrix and vector of the numeric model. */
export interface NumericModel {
  params: DeglobParams;
  A: Matrix;
  /** Leontief inverse from the generic solver. */
  B: Matrix;
  /** Value-added coefficients (1 - column sums of A). */
  V: Float64Array;
  Yfd: Matrix;
  /** Absorption by country. */
  G: Float64Array;
  /** Final demand for each country's output (row sums of Yfd). */
  y: Float64Array;
  /** Gross output. */
  X: Float64Array;
  /** Gross exports. */
  Ex: Float64Array;
  /** Value added by source (row) embodied in each exporter's (column) gross exports. */
  F: Matrix;
  DVX_vs1: Float64Array;
  DVX_kww_iv: Float64Array;
  FVA: Float64Array;
  gvcp_vs1: Float64Array;
  gvcp_kpww: Float64Array;
  /** Output shares x_i = X_i / sum X. */
  x: Float64Array;
  /** Absorption shares g_i = G_i / sum G. */
  g: Float64Array;
  /** Export shares Ex_i / sum Ex. */
  export_share: Float64Array;
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

/** I - M for a square M. */
function identityMinus(M: Matrix): Matrix {
  const out = identity(M.rows);
  for (let k = 0; k < out.data.length; k++) out.data[k] -= M.data[k];
  return out;
}

/** Absorption implied by gross output: G = Fs^-1 (I - A) X (needs omega != 1/N). */
export function absorptionFromOutput(p: DeglobParams, X: ArrayLike<number>): Float64Array {
  checkParams(p);
  if (X.length !== p.N) throw new OptionError(`X has ${X.length} entries but N = ${p.N}.`);
  const y = matVec(identityMinus(technicalCoefficients(p)), X);
  const sol = linalg().solve(finalDemandShares(p), matrix(p.N, 1, y));
  return Float64Array.from(sol.data);
}

/** Solve and decompose the explicit N-country economy. */
export function solveNumeric(p: DeglobParams, input?: NumericInput): NumericModel {
  checkParams(p);
  const n = p.N;
  const G =
    input === undefined
      ? new Float64Array(n).fill(1)
      : 'G' in input
        ? Float64Array.from(input.G)
        : absorptionFromOutput(p, input.X);
  const A = technicalCoefficients(p);
  const Yfd = finalDemandMatrix(p, G);
  const V = valueAddedCoefficients(A);
  const B = linalg().inverse(identityMinus(A));
  const y = new Float64Array(n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) y[j] += Yfd.data[j * n + i];
  const X = matVec(B, y);

  const Ex = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let e = 0;
    for (let j = 0; j < n; j++) if (j !== i) e += A.data[i * n + j] * X[j] + Yfd.data[i * n + j];
    Ex[i] = e;
  }
  for (let i = 0; i < n; i++) {
    if (!(Ex[i] > 0)) throw new NumericalError(`country ${i + 1} has no exports (Ex = ${Ex[i]}), so GVC participation is undefined.`);
  }

  const F = matrix(n, n);
  for (let s = 0; s < n; s++) for (let r = 0; r < n; r++) F.data[s * n + r] = V[s] * B.data[s * n + r] * Ex[r];
  const DVX_vs1 = new Float64Array(n);
  const FVA = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    for (let r = 0; r < n; r++) {
      if (r === s) continue;
      DVX_vs1[s] += F.data[s * n + r];
      FVA[r] += F.data[s * n + r];
    }
  }

  // DVA_INTrex_i = sum_{s != i} V_i B[i,s] (y_s - Yfd[s,s] - Yfd[s,i])
  const DVX_kww_iv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0;
    for (let s = 0; s < n; s++) {
      if (s === i) continue;
      d += B.data[i * n + s] * (y[s] - Yfd.data[s * n + s] - Yfd.data[s * n + i]);
    }
    DVX_kww_iv[i] = V[i] * d;
  }

  const gvcp_vs1 = new Float64Array(n);
  const gvcp_kpww = new Float64Array(n);
  const sX = sum(X);
  const sG = sum(G);
  const sEx = sum(Ex);
  const x = new Float64Array(n);
  const g = new Float64Array(n);
  const export_share = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    gvcp_vs1[i] = (DVX_vs1[i] + FVA[i]) / Ex[i];
    gvcp_kpww[i] = (DVX_kww_iv[i] + FVA[i]) / Ex[i];
    x[i] = X[i] / sX;
    g[i] = G[i] / sG;
    export_share[i] = Ex[i] / sEx;
  }
  return { params: { ...p }, A, B, V, Yfd, G, y, X, Ex, F, DVX_vs1, DVX_kww_iv, FVA, gvcp_vs1, gvcp_kpww, x, g, export_share };
}

/** Numeric T and R: the off-diagonal and diagonal of V B. */
export function numericRT(m: NumericModel): { R: number; T: number } {
  // B[0,0] and B[0,1] (N >= 2 always holds).
  return { R: m.V[0] * m.B.data[0], T: m.V[0] * m.B.data[1] };
}

/**
 * Numeric export-gap multiplier f = (Ex_i - Ex_j)/(X_i - X_j), from an economy with G = (2, 1, ..., 1).
 * Throws at omega = 1/N, where output gaps vanish.
 */
export function numericF(p: DeglobParams): number {
  const G = new Float64Array(p.N).fill(1);
  G[0] = 2;
  const m = solveNumeric(p, { G });
  const dX = m.X[0] - m.X[1];
  if (Math.abs(dX) <= 1e-12 * Math.abs(m.X[0])) {
    throw new NumericalError(`f is undefined at omega = 1/N: output gaps do not respond to absorption gaps.`);
  }
  return (m.Ex[0] - m.Ex[1]) / dX;
}
