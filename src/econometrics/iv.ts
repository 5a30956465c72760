/**
 * Instrument diagnostics for 2SLS, on the endogenous regressors Y (N x K1) and the excluded
 * instruments Z (N x L), both already partialled out of the exogenous regressors and fixed effects
 * (Frisch-Waugh-Lovell), and multiplied by sqrt(w) when weighted. Pi = (Z'Z)^-1 Z'Y, V = Y - Z Pi.
 *
 * - First-stage F per endogenous variable (classical):
 *     F = ((SSR_r - SSR_u) / L) / (SSR_u / (N - k_exog - L - K_fe)),  SSR_r = ||y||^2, SSR_u = ||v||^2
 *   and its robust counterpart Frobust = pi' Vrob^-1 pi / L, Vrob the model's vcov type (HC1 or cluster)
 *   for the first-stage regression (same small-sample factors as the second stage).
 * - Cragg-Donald Wald F: min eig( S^-1/2 Pi'Z'Z Pi S^-1/2 ) / L, S = V'V / (N - k_exog - L - K_fe).
 * - Kleibergen-Paap (2006) rk statistics for H0: rank(Pi) = K1 - 1 (underidentification / weak IV).
 *   With Z'Z = F'F, Y'Y = G'G (Cholesky, upper) and Theta = F Pi G^-1 = U S W', let b be the right
 *   singular vector of the smallest singular value and A the L x (L-K1+1) left singular vectors of
 *   the smallest ones. Then lambda = A' Theta b = D Pi c with D = A'F, c = G^-1 b, and
 *     rk = lambda' (D Vrob(u) D')^-1 lambda,
 *   where Vrob(u) is the robust (or cluster) sandwich (Z'Z)^-1 [meat of z_i u_i] (Z'Z)^-1 for the
 *   scalar residual u = V c (a linear combination of first-stage residuals). The result is invariant
 *   to the choice of bases, so it equals ranktest's statistic.
 *   Wald form (kpF = rk / L): u = V c with the model's small-sample factor; for K1 = 1 it is exactly the
 *   robust first-stage F. LM form (kpLM, chi2 with L - K1 + 1 df): u evaluated at the rank-reduced
 *   Pi_0 = F^-1 (Theta - s_min a b') G (the restricted estimate under H0), meat without small-sample
 *   factor, i.e. the score-type statistic; with iid errors and K1 = 1 it is N R^2_partial (Anderson LM).
 */
import { crossprod, invSpd, cholesky, symEigen } from './dense.js';
import { pChi2, pF } from './dist.js';
import { computeVcov, type ClusterVar, type VcovType } from './vcov.js';
import { olsFit } from './ols.js';
import type { FirstStage, IvInfo } from './types.js';

export interface IvDiagInput {
  Y: Float64Array[];
  Z: Float64Array[];
  endogNames: string[];
  instrNames: string[];
  nobs: number;
  /** Exogenous regressors estimated (incl. intercept) and FE degrees of freedom. */
  kExog: number;
  kFe: number;
  kFeNested: number;
  vcovType: VcovType;
  clusters: ClusterVar[];
}

function robustV(inp: IvDiagInput, u: Float64Array, bread: Float64Array, smallSample: boolean): Float64Array {
  const type: VcovType = smallSample ? (inp.vcovType === 'iid' ? 'iid' : inp.vcovType) : inp.vcovType === 'iid' ? 'iid' : inp.clusters.length ? 'cluster' : 'hc0';
  const L = inp.Z.length;
  if (!smallSample) {
    // score form: no small-sample factors; iid variance with divisor N
    if (type === 'iid') {
      let s = 0;
      for (let i = 0; i < u.length; i++) s += u[i] * u[i];
      return bread.map((v) => (v * s) / inp.nobs);
    }
    const r = computeVcov({ X: inp.Z, residuals: u, bread, nobs: inp.nobs, kFe: 0 }, type === 'cluster' ? 'cluster' : 'hc0', inp.clusters);
    if (type === 'cluster') {
      // undo CR1 factors
      const G = inp.clusters[0].G;
      const f = ((G - 1) / G) * ((inp.nobs - L) / (inp.nobs - 1));
      return r.V.map((v) => v * f);
    }
    return r.V;
  }
  return computeVcov(
    { X: inp.Z, residuals: u, bread, nobs: inp.nobs, kFe: inp.kExog + inp.kFe, kFeNested: inp.kFeNested },
    type,
    inp.clusters,
  ).V;
}

function quadInv(M: Float64Array, n: number, d: Float64Array): number {
  const Mi = invSpd(M, n);
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s += d[i] * Mi[i * n + j] * d[j];
  return s;
}

/** First-stage F statistics, Cragg-Donald and Kleibergen-Paap (see the file comment). */
export function ivDiagnostics(inp: IvDiagInput): IvInfo {
  const { Y, Z, nobs: N } = inp;
  const L = Z.length;
  const K1 = Y.length;
  const df2 = N - inp.kExog - L - inp.kFe;
  const ZZ = crossprod(Z);
  const B = invSpd(ZZ, L);
  const Pi: Float64Array[] = [];
  const Vres: Float64Array[] = [];
  const firstStage: FirstStage[] = [];
  for (let j = 0; j < K1; j++) {
    const fit = olsFit(Z, Y[j], { tol: 0 });
    Pi.push(fit.coef);
    Vres.push(fit.residuals);
    let ssrR = 0;
    for (const v of Y[j]) ssrR += v * v;
    const F = ((ssrR - fit.ssr) / L) / (fit.ssr / df2);
    const Vr = robustV(inp, fit.residuals, B, true);
    const Fr = inp.vcovType === 'iid' ? F : quadInv(Vr, L, fit.coef) / L;
    firstStage.push({
      endog: inp.endogNames[j],
      F,
      Frobust: Fr,
      df1: L,
      df2,
      pvalue: pF(F, L, df2),
      pvalueRobust: pF(Fr, L, df2),
      partialR2: 1 - fit.ssr / ssrR,
    });
  }
  // Cragg-Donald
  const S = new Float64Array(K1 * K1);
  const PZZP = new Float64Array(K1 * K1);
  for (let a = 0; a < K1; a++)
    for (let b = 0; b < K1; b++) {
      let s = 0;
      for (let i = 0; i < N; i++) s += Vres[a][i] * Vres[b][i];
      S[a * K1 + b] = s / df2;
      let p = 0;
      for (let r = 0; r < L; r++) for (let c = 0; c < L; c++) p += Pi[a][r] * ZZ[r * L + c] * Pi[b][c];
      PZZP[a * K1 + b] = p;
    }
  const cdF = minGenEig(PZZP, S, K1) / L;

  // Kleibergen-Paap
  const YY = crossprod(Y);
  const Fu = transposeUpper(cholesky(ZZ, L), L); // upper F with Z'Z = F'F
  const Gu = transposeUpper(cholesky(YY, K1), K1);
  const Gi = invUpper(Gu, K1);
  // Theta = F Pi G^-1 (L x K1), Pi as L x K1
  const PiM = new Float64Array(L * K1);
  for (let r = 0; r < L; r++) for (let j = 0; j < K1; j++) PiM[r * K1 + j] = Pi[j][r];
  const Theta = mm(mm(Fu, PiM, L, L, K1), Gi, L, K1, K1);
  const TtT = mtm(Theta, L, K1);
  const er = symEigen(TtT, K1);
  let kmin = 0;
  for (let m = 1; m < K1; m++) if (er.values[m] < er.values[kmin]) kmin = m;
  const bvec = Float64Array.from({ length: K1 }, (_, i) => er.vectors[i * K1 + kmin]);
  const smin = Math.sqrt(Math.max(er.values[kmin], 0));
  const el = symEigen(mmt(Theta, L, K1), L);
  const order = Array.from({ length: L }, (_, i) => i).sort((a, b) => el.values[a] - el.values[b]);
  const nA = L - K1 + 1;
  const A = order.slice(0, nA).map((m) => Float64Array.from({ length: L }, (_, i) => el.vectors[i * L + m]));
  // c = G^-1 b, D = A'F (nA x L)
  const c = new Float64Array(K1);
  for (let i = 0; i < K1; i++) for (let j = 0; j < K1; j++) c[i] += Gi[i * K1 + j] * bvec[j];
  const D = new Float64Array(nA * L);
  for (let a = 0; a < nA; a++) for (let col = 0; col < L; col++) for (let r = 0; r < L; r++) D[a * L + col] += A[a][r] * Fu[r * L + col];
  const lambda = new Float64Array(nA);
  const Pic = new Float64Array(L);
  for (let r = 0; r < L; r++) for (let j = 0; j < K1; j++) Pic[r] += PiM[r * K1 + j] * c[j];
  for (let a = 0; a < nA; a++) for (let r = 0; r < L; r++) lambda[a] += D[a * L + r] * Pic[r];
  const rk = (u: Float64Array, small: boolean): number => {
    const Vr = robustV(inp, u, B, small);
    const W = new Float64Array(nA * nA);
    for (let a = 0; a < nA; a++)
      for (let b = 0; b < nA; b++) {
        let s = 0;
        for (let r = 0; r < L; r++) for (let q = 0; q < L; q++) s += D[a * L + r] * Vr[r * L + q] * D[b * L + q];
        W[a * nA + b] = s;
      }
    return quadInv(W, nA, lambda);
  };
  const uW = new Float64Array(N);
  for (let j = 0; j < K1; j++) for (let i = 0; i < N; i++) uW[i] += Vres[j][i] * c[j];
  const kpWald = rk(uW, true);
  // restricted residual: V c + s_min * Z F^-1 a_min, a_min = left singular vector of s_min
  const aMin = A[0];
  const Fi = invUpper(Fu, L);
  const g = new Float64Array(L);
  for (let r = 0; r < L; r++) for (let q = 0; q < L; q++) g[r] += Fi[r * L + q] * aMin[q];
  // orient a_min so that Theta b = s_min a_min
  let dot = 0;
  for (let r = 0; r < L; r++) {
    let tb = 0;
    for (let j = 0; j < K1; j++) tb += Theta[r * K1 + j] * bvec[j];
    dot += tb * aMin[r];
  }
  const sgn = dot >= 0 ? 1 : -1;
  const uL = Float64Array.from(uW);
  for (let r = 0; r < L; r++) {
    const f = sgn * smin * g[r];
    if (f !== 0) for (let i = 0; i < N; i++) uL[i] += f * Z[r][i];
  }
  const kpLM = rk(uL, false);
  const kpLMdf = L - K1 + 1;
  return {
    endog: inp.endogNames,
    instruments: inp.instrNames,
    firstStage,
    cdF,
    kpLM,
    kpLMdf,
    kpLMp: pChi2(kpLM, kpLMdf),
    kpF: kpWald / L,
    note: `first-stage F on ${L} excluded instrument(s), df2 = N - k - L - K_fe = ${df2}; robust F, KP rk Wald F and KP rk LM use vcov '${inp.vcovType}'`,
  };
}

function transposeUpper(l: Float64Array, n: number): Float64Array {
  const u = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) u[i * n + j] = l[j * n + i];
  return u;
}

function invUpper(u: Float64Array, n: number): Float64Array {
  const x = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    x[c * n + c] = 1 / u[c * n + c];
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= c; m++) s += u[i * n + m] * x[m * n + c];
      x[i * n + c] = -s / u[i * n + i];
    }
  }
  return x;
}

function mm(a: Float64Array, b: Float64Array, r: number, k: number, c: number): Float64Array {
  const o = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let l = 0; l < k; l++) for (let j = 0; j < c; j++) o[i * c + j] += a[i * k + l] * b[l * c + j];
  return o;
}

function mtm(a: Float64Array, r: number, c: number): Float64Array {
  const o = new Float64Array(c * c);
  for (let i = 0; i < c; i++) for (let j = 0; j < c; j++) for (let l = 0; l < r; l++) o[i * c + j] += a[l * c + i] * a[l * c + j];
  return o;
}

function mmt(a: Float64Array, r: number, c: number): Float64Array {
  const o = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) for (let l = 0; l < c; l++) o[i * r + j] += a[i * c + l] * a[j * c + l];
  return o;
}

/** Smallest eigenvalue of S^-1 M (S SPD, M symmetric) via Cholesky S = LL', eig(L^-1 M L^-T). */
function minGenEig(M: Float64Array, S: Float64Array, n: number): number {
  const l = cholesky(S, n);
  const li = invUpper(transposeUpper(l, n), n); // (L')^-1 = L^-T (upper)
  // C = L^-1 M L^-T = li' M li
  const t = mm(M, li, n, n, n);
  const C = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) C[i * n + j] += li[k * n + i] * t[k * n + j];
  const e = symEigen(C, n);
  return Math.min(...e.values);
}
