/**
 * Result and option types shared by the estimators (plain data: numbers, strings, records, arrays).
 */
import type { VcovType } from './vcov.js';

/** Variance choice: the types of vcov.ts plus aliases ('hetero', 'robust', 'HC1' = 'hc1'; 'CR1' = 'cluster'). */
export type VcovChoice = VcovType | 'hetero' | 'robust' | 'HC1' | 'HC0' | 'CR1' | 'twoway_cluster';

export interface FeolsOptions {
  /** Variance estimator (default: 'cluster' when `cluster` is given, else 'iid'). */
  vcov?: VcovChoice;
  /** Cluster variable(s); two names give two-way clustering. */
  cluster?: string | readonly string[];
  /** Weights: a column name or one value per data row (analytic weights). */
  weights?: string | Float64Array;
  /** Drop singleton observations of the FE (default true). */
  dropSingletons?: boolean;
  /** Demeaning tolerance and sweep limit (defaults 1e-10, 10000). */
  fixefTol?: number;
  fixefMaxIter?: number;
  /** Collinearity tolerance (default 1e-10, see ols.ts). */
  collinTol?: number;
  /**
   * Small-sample correction. `k: 'fixest'` (default): K of the factors (N-1)/(N-K), N/(N-K) leaves out the
   * FE nested in the clusters, like fixest ssc(fixef.K = "nested"). `k: 'reghdfe'`: as Stata reghdfe, which
   * reports _cons and so counts the intercept even when the FE that absorbs it (the first FE) is nested in
   * the cluster: K = the fixest K + 1 in that case, the same K otherwise. The K used is `kVcov` of the result.
   */
  ssc?: { k?: 'fixest' | 'reghdfe' };
}

export interface FirstStage {
  endog: string;
  /** F on the excluded instruments, classical: ((SSR_r - SSR_u)/q) / (SSR_u/(N - K_z)). */
  F: number;
  /** Wald/q on the excluded instruments using the model's robust/cluster variance (equals F for iid). */
  Frobust: number;
  df1: number;
  df2: number;
  pvalue: number;
  pvalueRobust: number;
  /** Partial R^2 of the excluded instruments. */
  partialR2: number;
}

export interface IvInfo {
  endog: string[];
  instruments: string[];
  firstStage: FirstStage[];
  /** Cragg-Donald Wald F (iid; minimum eigenvalue statistic). */
  cdF: number;
  /** Kleibergen-Paap rk LM statistic (chi2 with dfLM = L - K1 + 1), robust to the chosen variance. */
  kpLM: number;
  kpLMdf: number;
  kpLMp: number;
  /** Kleibergen-Paap rk Wald F. */
  kpF: number;
  note: string;
}

/** What every estimator returns: named coefficients with their inference (regression tables read this). */
export interface CoefResult {
  formula: string;
  depvar: string;
  /** Coefficient names in order (collinear ones removed). */
  names: string[];
  coef: Record<string, number>;
  se: Record<string, number>;
  /** t (or z) statistics. */
  tstat: Record<string, number>;
  pvalue: Record<string, number>;
  /** Variance matrix in `names` order. */
  vcovMatrix: number[][];
  /** Human-readable convention of the variance estimator. */
  vcovNote: string;
  nobs: number;
}

export interface FeolsResult extends CoefResult {
  vcovType: VcovType;
  /** Degrees of freedom used for t tests. */
  dfT: number;
  /** Rows dropped: missing values, non-finite transforms, FE singletons. */
  dropped: { missing: number; nonFinite: number; singletons: number };
  /** Regressors dropped as collinear (by name). */
  collinear: string[];
  /** Slopes estimated (k), FE degrees of freedom (K_fe), residual df N - k - K_fe. */
  k: number;
  kFe: number;
  /** K used in the small-sample factor of the variance (see FeolsOptions.ssc and vcov.ts). */
  kVcov: number;
  dfResid: number;
  r2: number;
  adjR2: number;
  /** Within R^2 (FE models), NaN otherwise. */
  r2Within: number;
  rmse: number;
  ssr: number;
  fixef: { names: string[]; sizes: number[]; redundant: number[]; iterations: number };
  cluster?: { names: string[]; G: number[] };
  iv?: IvInfo;
  /** Original row indices of the estimation sample; residuals and fitted values on those rows. */
  rows: Int32Array;
  residuals: Float64Array;
  fitted: Float64Array;
  weighted: boolean;
}
