/**
 * Thin adapter over econometrics/feols for the study's estimator (§3): OLS with absorbed pair FE μ_ij and
 * period FE η_t, SE clustered by ordered pair, Stata reghdfe conventions:
 *   V = G/(G−1) · (N−1)/(N−K) · B M B,   K = k + 2 (k slopes; one period dummy plus the intercept; the pair FE
 *   are nested in the clusters and add nothing),   p from t(G − 1).
 * feols counts K = k + K_fe − K_fe,nested = k + 1 by default (fixest "nested" rule, no intercept); this adapter
 * rescales the SE by sqrt((N − K_feols)/(N − K)), K_feols = the result's kVcov, so that they follow reghdfe.
 * (feols's option ssc: { k: 'reghdfe' } gives the same K inside V; it is not used here because applying the
 * factor inside V instead of to the SE moves the SE by up to 2 ulp and the written full-precision estimates.)
 * "R-squared" is the full-model R² with the FE; within R² is extra. A regressor without within-pair
 * variation in the sample (or dropped as collinear) is "not identified": numbers are NaN, never an error.
 */
import { takeRows, type DataFrame } from '../../econometrics/frame.js';
import { feols } from '../../econometrics/feols.js';
import { pT2 } from '../../econometrics/dist.js';

export interface Fit {
  dependent: string;
  regressors: string[];
  coef: Record<string, number>;
  se: Record<string, number>;
  t: Record<string, number>;
  p: Record<string, number>;
  identified: Record<string, boolean>;
  nobs: number;
  clusters: number;
  r2: number;
  r2Within: number;
  /** K used in the small-sample factor, and singletons dropped. */
  K: number;
  singletons: number;
  /** Share of fitted values outside [0, 1] (reported for the LPM). */
  outside01: number;
  /** Why nothing was estimated, when nothing was. */
  note?: string;
}

/** True when x varies within at least one pair (codes = pair id per row). */
function variesWithinPair(x: Float64Array, pair: Float64Array): boolean {
  const first = new Map<number, number>();
  for (let r = 0; r < x.length; r++) {
    const v = first.get(pair[r]);
    if (v === undefined) first.set(pair[r], x[r]);
    else if (Math.abs(v - x[r]) > 1e-12 * Math.max(1, Math.abs(v))) return true;
  }
  return false;
}

function empty(dep: string, regs: string[], nobs: number, note: string): Fit {
  const nan = Object.fromEntries(regs.map((r) => [r, NaN]));
  return {
    dependent: dep, regressors: regs, coef: { ...nan }, se: { ...nan }, t: { ...nan }, p: { ...nan },
    identified: Object.fromEntries(regs.map((r) => [r, false])), nobs, clusters: 0, r2: NaN, r2Within: NaN,
    K: NaN, singletons: 0, outside01: NaN, note,
  };
}

/** Estimate dep ~ regs | pair + period on the given rows, clustered by pair. */
export function fitPairFe(df: DataFrame, rows: Int32Array, dep: string, regs: string[]): Fit {
  const sub = takeRows(df, rows, [dep, ...regs, 'pair', 'pidx']);
  const pair = sub.columns.pair as Float64Array;
  const usable = regs.filter((r) => variesWithinPair(sub.columns[r] as Float64Array, pair));
  if (!usable.length || sub.nrow < 4) return empty(dep, regs, sub.nrow, 'no regressor varies within pairs');
  let res;
  try {
    res = feols(`${dep} ~ ${usable.join(' + ')} | pair + pidx`, sub, { vcov: 'cluster', cluster: 'pair' });
  } catch (e) {
    return empty(dep, regs, sub.nrow, (e as Error).message);
  }
  const N = res.nobs;
  const G = res.cluster?.G[0] ?? NaN;
  const k = res.k;
  const kUsed = res.kVcov;
  const K = k + 2;
  const scale = Math.sqrt((N - kUsed) / (N - K));
  const out = empty(dep, regs, N, '');
  delete out.note;
  for (const r of regs) {
    if (!res.names.includes(r)) continue;
    const b = res.coef[r];
    const se = res.se[r] * scale;
    out.coef[r] = b;
    out.se[r] = se;
    out.t[r] = b / se;
    out.p[r] = pT2(b / se, G - 1);
    out.identified[r] = Number.isFinite(se) && se >= 0;
  }
  let outside = 0;
  for (const v of res.fitted) if (v < 0 || v > 1) outside++;
  return {
    ...out, nobs: N, clusters: G, r2: res.r2, r2Within: res.r2Within, K, singletons: res.dropped.singletons,
    outside01: outside / N,
  };
}

/** Two-sided t quantile: t with P(|T_df| > t) = alpha (bisection on pT2). */
export function tQuantile(alpha: number, df: number): number {
  let lo = 0;
  let hi = 1e3;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (pT2(mid, df) > alpha) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
