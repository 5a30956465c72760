/** Options and result types of the Hansen (1999) panel threshold regression (see hansen.ts). */
import type { Effects } from './panel.js';

export type ThresholdVce = 'classical' | 'white' | 'hc1' | 'cluster';

export interface ThresholdOptions {
  /** Number of thresholds to search for, 1..3 (default 1). */
  thresholds?: number;
  /**
   * Trimming: each regime keeps at least ceil(trim * N) observations. One number for all searches
   * or one per threshold (default 0.01, Hansen 1999 and xthreg).
   */
  trim?: number | readonly number[];
  /** Minimum observations per regime regardless of trim (default 1). */
  minObs?: number;
  /** Use this many quantile points of q as candidates instead of every distinct value (0 or undefined: all). */
  grid?: number;
  /** Bootstrap replications for F_1..F_m (a number applies to all; 0 skips the bootstrap). Default 300. */
  bootstrap?: number | readonly number[];
  /** Seed of the bootstrap (default 1). */
  seed?: number;
  /** Fixed effects: 'unit' (Hansen 1999, default) or 'twoway' (unit and period). */
  effects?: Effects;
  /** Standard errors reported as `se` in the final model (default 'classical'; White is always reported too). */
  vce?: ThresholdVce;
  /** Confidence levels of the threshold sets (default [0.90, 0.95, 0.99]; the first 0.95 entry is the headline). */
  levels?: readonly number[];
  /** Replace g_1 by Hansen's refined estimate in the final model when m >= 2 (default true). */
  refine?: boolean;
  /** Number of thresholds in the final regression (default: all searched). */
  final?: number;
  /** Keep the LR(gamma) paths in the result (default true). */
  keepPaths?: boolean;
  /**
   * Replicate Hansen's (1999) own program: after removing unit means, drop each unit's last period and
   * compute every sum of squares over the remaining n (T - 1) rows (default false: all n T rows, as
   * xthreg and the fixed-effects estimator). With `grid: 393` this reproduces his published second
   * threshold 0.5362 on his data. Unit effects only.
   */
  dropLastPeriod?: boolean;
  /**
   * Scale of the F and LR statistics: 'hansen' (default) sigma2 = S / (n (T - 1)), Hansen (1999) eq. 17;
   * 'xthreg' sigma2 = S / (n T - T), the MSE Stata's xthreg prints (so its Fstat column can be matched).
   * Thresholds and coefficients do not depend on it.
   */
  sigma2?: 'hansen' | 'xthreg';
}

export interface ThresholdData {
  y: ArrayLike<number>;
  /** Regime-dependent regressor. */
  x: ArrayLike<number>;
  /** Threshold variable. */
  q: ArrayLike<number>;
  /** Regime-independent regressors by name. */
  z: Record<string, ArrayLike<number>>;
  id: ArrayLike<string | number>;
  time: ArrayLike<string | number>;
  names?: { y?: string; x?: string; q?: string; id?: string; time?: string };
}

export interface ConfidenceSet {
  level: number;
  /** c(alpha) = -2 ln(1 - sqrt(level)). */
  critical: number;
  lower: number;
  upper: number;
  /** False when some candidate between lower and upper lies outside the set. */
  contiguous: boolean;
}

export interface ThresholdStep {
  /** Which threshold this is (1, 2, 3). */
  m: number;
  /** The newly added threshold. */
  gamma: number;
  /** S_m, SSR with m thresholds. */
  ssr: number;
  /** S_m / (n (T - 1)). */
  sigma2: number;
  /** F_m = (S_{m-1} - S_m) / sigma2. */
  F: number;
  /** Bootstrap p-value #{F* > F} / B (NaN without bootstrap). */
  p: number;
  /** Bootstrap critical values (90%, 95%, 99%). */
  crit: { p90: number; p95: number; p99: number };
  B: number;
  ci: ConfidenceSet[];
  /** Candidates searched. */
  candidates: number;
  /** Hansen's refinement of the first threshold given the second (m = 2 only). */
  refined?: { gamma: number; ssr: number; ci: ConfidenceSet[] };
  /** LR(gamma) along the search that produced gamma. */
  path?: { gamma: Float64Array; lr: Float64Array };
}

export interface CoefRow {
  name: string;
  estimate: number;
  /** The standard error selected by `vce`. */
  se: number;
  t: number;
  p: number;
  seClassical: number;
  seWhite: number;
}

export interface RegimeInfo {
  label: string;
  lower: number;
  upper: number;
  nobs: number;
}

export interface ThresholdFinal {
  thresholds: number[];
  coef: CoefRow[];
  regimes: RegimeInfo[];
  ssr: number;
  /** Within R^2: 1 - SSR / TSS of the transformed y. */
  r2within: number;
  /** Residual degrees of freedom of the classical SE. */
  df: number;
  vce: ThresholdVce;
}

export interface ThresholdResult {
  names: { y: string; x: string; q: string; z: string[]; id: string; time: string };
  n: number;
  T: number;
  N: number;
  effects: Effects;
  /** SSR of the linear fixed-effects model (no threshold). */
  ssr0: number;
  steps: ThresholdStep[];
  /** Thresholds in the order found (g_1, g_2, g_3). */
  thresholds: number[];
  final: ThresholdFinal;
  grid: number | 'all';
  trim: number[];
  seed: number;
  /** Distinct values of q. */
  distinct: number;
  /** Scale convention of F and LR (see ThresholdOptions.sigma2). */
  sigma2: 'hansen' | 'xthreg';
}
