/**
 * Variance-covariance estimators for linear models b = (X'WX)^-1 X'Wy (also 2SLS with X = fitted Xhat).
 * Notation: B = (X'WX)^-1 ("bread"), e residuals, s_i = w_i e_i x_i the score of row i, N rows,
 * K = k (estimated slopes, incl. intercept) + K_fe (FE degrees of freedom, see fixef.ts), G clusters.
 *
 *   'iid'         V = s^2 B,                      s^2 = sum w e^2 / (N - K)
 *   'hc0'         V = B (sum s_i s_i') B
 *   'hc1'         V = N/(N-K) * B (sum s_i s_i') B                       (Stata `robust`, sandwich HC1)
 *   'cluster'     V = G/(G-1) * (N-1)/(N-K) * B (sum_g S_g S_g') B      (Stata CR1; S_g = sum of s_i in g)
 *                 here K excludes FE nested in the cluster (fixest ssc fixef.K = "nested", reghdfe).
 *   'cluster_plm' V = N/(N-k) * B (sum_g S_g S_g') B with k = slopes only, no G/(G-1):
 *                 plm::vcovHC(method = "arellano", type = "HC1") on a within model.
 *   'twoway'      Cameron-Gelbach-Miller (2011): V = V_1 + V_2 - V_12, V_j the CR1 matrix for
 *                 clustering by dimension j (its own G_j/(G_j-1)), V_12 by the intersection; the common
 *                 factor (N-1)/(N-K) uses K with FE nested in either cluster removed. If V is not
 *                 positive semi-definite, negative eigenvalues are set to zero (CGM 2011, section 2.3).
 * Degrees of freedom for t tests: N - K for iid/hc, G - 1 (min over dimensions) for clustered.
 */
import { OptionError } from '../errors.js';
import { symEigen } from './dense.js';

export type VcovType = 'iid' | 'hc0' | 'hc1' | 'cluster' | 'cluster_plm' | 'twoway';

export interface ClusterVar {
  name: string;
  /** Codes 0..G-1 per row. */
  codes: Int32Array;
  G: number;
}

export interface VcovInput {
  /** Regressors (kept columns; for 2SLS the first-stage fitted values), each of length N. */
  X: readonly Float64Array[];
  residuals: Float64Array;
  weights?: Float64Array;
  /** (X'WX)^-1, k x k row-major. */
  bread: Float64Array;
  nobs: number;
  /** FE degrees of freedom (all FE) and those of FE nested in the clusters. */
  kFe: number;
  kFeNested?: number;
}

export interface VcovResult {
  V: Float64Array;
  /** Degrees of freedom for t/F reference distributions. */
  dfT: number;
  /** K of the small-sample factor (k + K_fe; FE nested in the clusters removed for clustered types; k for cluster_plm). */
  K: number;
  note: string;
  /** Number of clusters per dimension (clustered types). */
  G?: number[];
  /** Whether the two-way eigenvalue fix changed the matrix. */
  eigenFixed?: boolean;
}

/** sum_g S_g S_g' with S_g = sum_{i in g} w_i e_i x_i (codes undefined: by row). */
export function meat(X: readonly Float64Array[], e: Float64Array, w: Float64Array | undefined, codes?: Int32Array, G?: number): Float64Array {
  const k = X.length;
  const n = e.length;
  const out = new Float64Array(k * k);
  if (!codes) {
    for (let i = 0; i < n; i++) {
      const u = w ? w[i] * e[i] : e[i];
      const u2 = u * u;
      for (let a = 0; a < k; a++) {
        const xa = X[a][i] * u2;
        for (let b = 0; b <= a; b++) out[a * k + b] += xa * X[b][i];
      }
    }
  } else {
    const ng = G as number;
    const S = new Float64Array(ng * k);
    for (let i = 0; i < n; i++) {
      const u = w ? w[i] * e[i] : e[i];
      const o = codes[i] * k;
      for (let a = 0; a < k; a++) S[o + a] += X[a][i] * u;
    }
    for (let g = 0; g < ng; g++) {
      const o = g * k;
      for (let a = 0; a < k; a++) {
        const sa = S[o + a];
        if (sa === 0) continue;
        for (let b = 0; b <= a; b++) out[a * k + b] += sa * S[o + b];
      }
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) out[b * k + a] = out[a * k + b];
  return out;
}

/** B M B (B symmetric). */
function sand(B: Float64Array, M: Float64Array, k: number, scale: number): Float64Array {
  const T = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let l = 0; l < k; l++) {
      const b = B[i * k + l];
      if (b === 0) continue;
      for (let j = 0; j < k; j++) T[i * k + j] += b * M[l * k + j];
    }
  const V = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += T[i * k + l] * B[l * k + j];
      V[i * k + j] = s * scale;
    }
  return V;
}

/** Intersection of two clusterings (codes re-indexed 0..G12-1). */
export function intersectClusters(a: ClusterVar, b: ClusterVar): ClusterVar {
  const map = new Map<number, number>();
  const codes = new Int32Array(a.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const key = a.codes[i] * b.G + b.codes[i];
    let c = map.get(key);
    if (c === undefined) {
      c = map.size;
      map.set(key, c);
    }
    codes[i] = c;
  }
  return { name: `${a.name}^${b.name}`, codes, G: map.size };
}

/** Compute V for the requested type (conventions in the file comment). */
export function computeVcov(inp: VcovInput, type: VcovType, clusters: readonly ClusterVar[] = []): VcovResult {
  const k = inp.X.length;
  const N = inp.nobs;
  const K = k + inp.kFe;
  const w = inp.weights;
  const e = inp.residuals;
  if (type === 'iid') {
    let ssr = 0;
    for (let i = 0; i < N; i++) ssr += (w ? w[i] : 1) * e[i] * e[i];
    const s2 = ssr / (N - K);
    return { V: inp.bread.map((v) => v * s2), dfT: N - K, K, note: `iid (classical) SE: s^2 (X'X)^-1, s^2 = SSR/(N-K), N=${N}, K=${K}${inp.kFe ? ` incl. ${inp.kFe} FE dof` : ''}` };
  }
  if (type === 'hc0' || type === 'hc1') {
    const scale = type === 'hc1' ? N / (N - K) : 1;
    return {
      V: sand(inp.bread, meat(inp.X, e, w), k, scale),
      dfT: N - K,
      K,
      note: type === 'hc1' ? `heteroskedasticity-robust HC1: N/(N-K) B M B, N=${N}, K=${K}` : 'heteroskedasticity-robust HC0: B M B',
    };
  }
  if (clusters.length === 0) throw new OptionError(`vcov '${type}' needs at least one cluster variable.`);
  if (type === 'cluster_plm') {
    const c = clusters[0];
    if (clusters.length > 1) throw new OptionError(`vcov 'cluster_plm' takes one cluster variable, got ${clusters.length}.`);
    return {
      V: sand(inp.bread, meat(inp.X, e, w, c.codes, c.G), k, N / (N - k)),
      dfT: c.G - 1,
      K: k,
      G: [c.G],
      note: `clustered by ${c.name} (G=${c.G}), plm arellano HC1 convention: N/(N-k) with k=${k} slopes only, no G/(G-1)`,
    };
  }
  const Kc = k + inp.kFe - (inp.kFeNested ?? 0);
  const adjN = (N - 1) / (N - Kc);
  if (type === 'cluster' && clusters.length === 1) {
    const c = clusters[0];
    return {
      V: sand(inp.bread, meat(inp.X, e, w, c.codes, c.G), k, (c.G / (c.G - 1)) * adjN),
      dfT: c.G - 1,
      K: Kc,
      G: [c.G],
      note: `clustered by ${c.name} (G=${c.G}), Stata CR1: G/(G-1)*(N-1)/(N-K), N=${N}, K=${Kc}${inp.kFeNested ? ' (FE nested in cluster not counted)' : ''}`,
    };
  }
  if (clusters.length !== 2) throw new OptionError(`two-way clustering needs exactly 2 cluster variables, got ${clusters.length}.`);
  const [c1, c2] = clusters;
  const c12 = intersectClusters(c1, c2);
  const M = new Float64Array(k * k);
  for (const [c, sgn] of [
    [c1, 1],
    [c2, 1],
    [c12, -1],
  ] as const) {
    const m = meat(inp.X, e, w, c.codes, c.G);
    const f = (sgn * c.G) / (c.G - 1);
    for (let i = 0; i < k * k; i++) M[i] += f * m[i];
  }
  let V = sand(inp.bread, M, k, adjN);
  let eigenFixed = false;
  const { values, vectors } = symEigen(V, k);
  if (values.some((l) => l < 0)) {
    eigenFixed = true;
    const fixed = new Float64Array(k * k);
    for (let m = 0; m < k; m++) {
      const l = Math.max(values[m], 0);
      if (l === 0) continue;
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) fixed[i * k + j] += l * vectors[i * k + m] * vectors[j * k + m];
    }
    V = fixed;
  }
  const Gmin = Math.min(c1.G, c2.G);
  return {
    V,
    dfT: Gmin - 1,
    K: Kc,
    G: [c1.G, c2.G],
    eigenFixed,
    note: `two-way clustered by ${c1.name} (G=${c1.G}) and ${c2.name} (G=${c2.G}), Cameron-Gelbach-Miller V1+V2-V12, each with G_j/(G_j-1), times (N-1)/(N-K), N=${N}, K=${Kc}${eigenFixed ? '; negative eigenvalues set to 0' : ''}`,
  };
}
