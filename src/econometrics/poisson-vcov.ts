/**
 * Variance of Poisson (PPML) coefficients at the IRLS solution.
 *
 * Notation: mu the fitted means, p_i prior weights (1 without weights), W = diag(p mu), X~ the regressors
 * with the fixed effects projected out under W (weighted within transformation), B = (X~' W X~)^-1
 * (the inverse Fisher information of the slopes with the FE concentrated out), s_i = p_i (y_i - mu_i) x~_i
 * the score of row i, S_g = sum of s_i over cluster g. N rows, k slopes, K_fe FE degrees of freedom
 * (fixef.ts), K = k + K_fe, K_c = K minus the FE nested in the cluster(s), G clusters.
 *
 *   iid       V = B                                    (dispersion fixed at 1; no small-sample factor)
 *   hc0       V = B (sum s_i s_i') B
 *   hc1       V = c * B (sum s_i s_i') B
 *   cluster   V = G/(G-1) * c_cl * B (sum_g S_g S_g') B
 *   twoway    V = c_cl * (V_1 + V_2 - V_12), each V_j with its own G_j/(G_j-1) (Cameron-Gelbach-Miller),
 *             negative eigenvalues set to zero.
 *
 * Small-sample factors c, c_cl by convention (`ssc`):
 *   'fixest'   (default) c = N/(N-K), c_cl = (N-1)/(N-K_c): fixest::fepois defaults
 *              ssc(adj = TRUE, fixef.K = "nested", cluster.adj = TRUE); the same rule as feols here.
 *   'ppmlhdfe' c = N/(N-1), c_cl = 1: Stata `poisson`/`ppmlhdfe` ("vce_asymptotic": clustered SE scaled
 *              by G/(G-1) only, robust SE by N/(N-1), FE not counted). The AGTPA guide's Stata `ppml`
 *              tables use this convention.
 * Inference uses the standard normal (z statistics), as fixest, ppmlhdfe and Stata do for Poisson.
 */
import { OptionError } from '../errors.js';
import { computeVcov, type ClusterVar, type VcovType } from './vcov.js';

export type PoissonSsc = 'fixest' | 'ppmlhdfe';

export interface PoissonVcovInput {
  /** Demeaned regressors (kept columns) under the final weights. */
  X: readonly Float64Array[];
  y: Float64Array;
  mu: Float64Array;
  /** Prior weights. */
  weights?: Float64Array;
  /** (X~'WX~)^-1, k x k row-major. */
  bread: Float64Array;
  nobs: number;
  kFe: number;
  kFeNested: number;
  ssc: PoissonSsc;
}

export interface PoissonVcov {
  V: Float64Array;
  /** K in the small-sample factor (NaN when none is used). */
  K: number;
  note: string;
  eigenFixed?: boolean;
}

export function poissonVcov(inp: PoissonVcovInput, type: VcovType, clusters: readonly ClusterVar[]): PoissonVcov {
  const k = inp.X.length;
  const N = inp.nobs;
  const K = k + inp.kFe;
  const Kc = K - inp.kFeNested;
  if (type === 'iid') {
    return { V: Float64Array.from(inp.bread), K: NaN, note: `iid (model-based) SE: inverse Fisher information (X~'WX~)^-1, W = mu, N=${N}` };
  }
  if (type === 'cluster_plm') throw new OptionError(`vcov 'cluster_plm' is for linear within models; use 'cluster' with --model poisson.`);
  const n = inp.y.length;
  // computeVcov's sandwich with residual e = (y - mu)/mu and weight p mu gives the score p (y - mu) x~
  const w = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    w[i] = (inp.weights ? inp.weights[i] : 1) * inp.mu[i];
    e[i] = (inp.y[i] - inp.mu[i]) / inp.mu[i];
  }
  const vc = computeVcov({ X: inp.X, residuals: e, weights: w, bread: inp.bread, nobs: N, kFe: inp.kFe, kFeNested: inp.kFeNested }, type, clusters);
  const fixest = inp.ssc === 'fixest';
  const conv = fixest ? 'fixest convention' : 'ppmlhdfe/Stata poisson convention';
  if (type === 'hc0') return { V: vc.V, K: NaN, note: `heteroskedasticity-robust HC0 sandwich B M B (scores (y-mu) x~), N=${N}` };
  if (type === 'hc1') {
    // computeVcov used N/(N-K)
    const scale = fixest ? 1 : (N / (N - 1)) / (N / (N - K));
    return {
      V: rescale(vc.V, scale),
      K: fixest ? K : 1,
      note: `heteroskedasticity-robust sandwich (scores (y-mu) x~) times ${fixest ? `N/(N-K), N=${N}, K=${K}` : `N/(N-1), N=${N}`} (${conv})`,
    };
  }
  // clustered: computeVcov used G/(G-1) * (N-1)/(N-Kc)
  const scale = fixest ? 1 : (N - Kc) / (N - 1);
  const G = vc.G ?? [];
  const who = clusters.map((c, j) => `${c.name} (G=${G[j] ?? c.G})`).join(' and ');
  const factor = fixest ? ` * (N-1)/(N-K), N=${N}, K=${Kc}${inp.kFeNested ? ' (FE nested in cluster not counted)' : ''}` : ', no N-based factor';
  return {
    V: rescale(vc.V, scale),
    K: fixest ? Kc : NaN,
    eigenFixed: vc.eigenFixed,
    note:
      (type === 'twoway' ? `two-way clustered by ${who}, Cameron-Gelbach-Miller V1+V2-V12 with G_j/(G_j-1)` : `clustered by ${who}, G/(G-1)`) +
      factor +
      ` (${conv})${vc.eigenFixed ? '; negative eigenvalues set to 0' : ''}`,
  };
}

function rescale(V: Float64Array, s: number): Float64Array {
  return s === 1 ? V : V.map((v) => v * s);
}
