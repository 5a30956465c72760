/**
 * Estimation adapter of the bri-upgrading study over gvc's `feols` (spec 3): the one-way within (country FE)
 * estimator with Stata `xtreg, fe` conventions.
 *
 *   conventional  V = s^2 (X~'X~)^-1,  s^2 = RSS / (N - n - k),  t with N - n - k df
 *                 (k slopes, n countries; year dummies, when present, count among the slopes)
 *   cluster (CR1) V = G/(G-1) (N-1)/(N-k-1) B M B, country FE not counted (nested in the clusters),
 *                 t with G - 1 df. feols' CR1 uses (N-1)/(N-k); the factor (N-k)/(N-k-1) restores Stata's.
 *   within R2     1 - RSS / TSS of the country-demeaned dependent variable
 *   Constant      ybar - xbar'b (grand means of the sample); Var = s^2/N + xbar'V xbar (conventional),
 *                 xbar'V xbar (cluster: the within residuals sum to zero in every country)
 * Two-way FE (country + year) is the one-way model with year dummies (first sample year omitted), as
 * `xtreg y x i.year, fe`: df = N - n - (T-1) - k.
 */
import { feols } from '../../econometrics/feols.js';
import { numericColumn, takeRows, type DataFrame } from '../../econometrics/frame.js';
import { pT2 } from '../../econometrics/dist.js';
import { sampleRows, type TermEstimate } from '../fit.js';

export { sampleRows, type TermEstimate };

export type SeType = 'conventional' | 'cluster';

export interface Fit {
  dep: string;
  regressors: string[];
  /** Slopes (and year dummies) then _cons. */
  terms: TermEstimate[];
  /** Slope names (no dummies, no constant) in `regressors` order, their coefficients and variance. */
  slopes: string[];
  b: number[];
  V: number[][];
  n: number;
  countries: number;
  years: number;
  yearFe: boolean;
  r2Within: number;
  dfT: number;
  se: SeType;
  vcovNote: string;
  /** Regressors dropped as collinear. */
  omitted: string[];
}

export interface FitOptions {
  se?: SeType;
  yearFe?: boolean;
  id?: string;
  time?: string;
}

/** Within (country FE) regression of `dep` on `regressors` over `rows` of the panel. */
export function withinFit(panel: DataFrame, dep: string, regressors: readonly string[], rows: readonly number[], opts: FitOptions = {}): Fit {
  const id = opts.id ?? 'country';
  const time = opts.time ?? 'year';
  const se = opts.se ?? 'conventional';
  const data = takeRows(panel, Int32Array.from(rows), [dep, ...regressors, id, time]);
  const yr = numericColumn(data, time);
  const years = [...new Set(yr)].sort((a, b) => a - b);
  const dummies: string[] = [];
  if (opts.yearFe) {
    for (const y of years.slice(1)) {
      const name = `year_${y}`;
      data.columns[name] = Float64Array.from(yr, (v) => (v === y ? 1 : 0));
      dummies.push(name);
    }
  }
  const rhs = [...regressors, ...dummies];
  const r = feols(`${dep} ~ ${rhs.join(' + ')} | ${id}`, data, { vcov: se === 'cluster' ? 'cluster' : 'iid', cluster: se === 'cluster' ? id : undefined, dropSingletons: false });
  const N = r.nobs;
  const k = r.k;
  const scale = se === 'cluster' ? (N - k) / (N - k - 1) : 1;
  const names = r.names;
  const V = r.vcovMatrix.map((row) => row.map((v) => v * scale));
  const b = names.map((nm) => r.coef[nm]);
  // grand means and the constant
  const means = names.map((nm) => mean(numericColumn(data, nm)));
  const ybar = mean(numericColumn(data, dep));
  const cons = ybar - means.reduce((s, m, j) => s + m * b[j], 0);
  let vCons = 0;
  for (let a = 0; a < names.length; a++) for (let c = 0; c < names.length; c++) vCons += means[a] * V[a][c] * means[c];
  if (se === 'conventional') vCons += r.ssr / (N - k - r.kFe) / N;
  const terms: TermEstimate[] = names.map((nm, j) => {
    const s = Math.sqrt(V[j][j]);
    const t = b[j] / s;
    return { term: nm, estimate: b[j], se: s, t, p: pT2(t, r.dfT) };
  });
  const sc = Math.sqrt(vCons);
  terms.push({ term: '_cons', estimate: cons, se: sc, t: cons / sc, p: pT2(cons / sc, r.dfT) });
  const slopes = regressors.filter((v) => names.includes(v));
  const idx = slopes.map((v) => names.indexOf(v));
  return {
    dep,
    regressors: [...regressors],
    terms,
    slopes,
    b: idx.map((j) => b[j]),
    V: idx.map((a) => idx.map((c) => V[a][c])),
    n: N,
    countries: new Set<string | number>(Array.from(data.columns[id] as ArrayLike<string | number>)).size,
    years: years.length,
    yearFe: !!opts.yearFe,
    r2Within: r.r2Within,
    dfT: r.dfT,
    se,
    vcovNote:
      se === 'cluster'
        ? `cluster-robust by ${id} (Stata xtreg, fe vce(cluster) CR1: G/(G-1)*(N-1)/(N-k-1)), t with G-1 = ${r.dfT} df`
        : `conventional (xtreg, fe): s^2 = RSS/(N-n-k), t with ${r.dfT} df`,
    omitted: r.collinear,
  };
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** Plain JSON of a fit (estimates/<id>.json). */
export function fitJson(f: Fit): Record<string, unknown> {
  return {
    dep: f.dep,
    regressors: f.regressors,
    terms: f.terms,
    n: f.n,
    countries: f.countries,
    years: f.years,
    year_fe: f.yearFe,
    r2_within: f.r2Within,
    df_t: f.dfT,
    se: f.vcovNote,
    omitted: f.omitted,
  };
}
