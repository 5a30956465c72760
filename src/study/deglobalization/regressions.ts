/**
 * Table 1 of the deglobalization study (spec 2.3): two-way fixed-effects regressions of GVCP on omega, mu, v
 * and gr, eq. (16) in levels, eq. (17) with controls, eq. (18) in overlapping 2- and 4-year differences.
 * Standard errors: conventional (s^2 = RSS / (N - n - (T-1) - K)), HC1 with the same df, or CR1 clustered by
 * country with nested country effects (reghdfe). Both the within R^2 and the dummy-regression (LSDV) R^2.
 */
import { feols } from '../../econometrics/feols.js';
import type { DataFrame } from '../../econometrics/frame.js';
import type { FeolsResult } from '../../econometrics/types.js';
import { feolsTerms, type TermEstimate } from '../fit.js';
import type { DeglobConfig, Se } from './config.js';
import { controlsFor, differenceFrame, levelFrame, REGRESSORS, zscore } from './sample.js';

export type { TermEstimate };

export interface Fit {
  id: string;
  column: string;
  formula: string;
  n: number;
  terms: TermEstimate[];
  r2Within: number;
  r2Lsdv: number;
  dfResid: number;
  dfT: number;
  ssr: number;
  vcov: string;
  countries: number;
  years: number;
  dropped: number;
}

export function vcovOptions(se: Se): { vcov: 'iid' | 'hc1' | 'cluster'; cluster?: string } {
  if (se === 'hc1') return { vcov: 'hc1' };
  if (se === 'cluster') return { vcov: 'cluster', cluster: 'country' };
  return { vcov: 'iid' };
}

export function seLabel(se: Se): string {
  if (se === 'hc1') return 'HC1 robust standard errors (sandwich x N/(N - n - (T-1) - K)), t with N - n - (T-1) - K df';
  if (se === 'cluster') return 'standard errors clustered by country (CR1, country effects nested), t with G - 1 df';
  return 'conventional standard errors, s^2 = RSS/(N - n - (T-1) - K), t with that many df';
}

function distinct(df: DataFrame, name: string, rows: Int32Array): number {
  const c = df.columns[name];
  return new Set(Array.from(rows, (r) => String(c[r]))).size;
}

export function toFit(id: string, column: string, r: FeolsResult, data: DataFrame): Fit {
  return {
    id,
    column,
    formula: r.formula,
    n: r.nobs,
    terms: feolsTerms(r),
    r2Within: r.r2Within,
    r2Lsdv: r.r2,
    dfResid: r.dfResid,
    dfT: r.dfT,
    ssr: r.ssr,
    vcov: r.vcovNote,
    countries: distinct(data, 'country', r.rows),
    years: distinct(data, 'year', r.rows),
    dropped: r.dropped.missing + r.dropped.nonFinite + r.dropped.singletons,
  };
}

/** Estimate one two-way FE column. */
export function twoWay(id: string, column: string, data: DataFrame, dep: string, rhs: readonly string[], cfg: DeglobConfig): Fit {
  const df = cfg.standardize === 'zscore' ? zscore(data, [dep, ...rhs]) : data;
  const formula = `${dep} ~ ${rhs.join(' + ')} | country + year`;
  return toFit(id, column, feols(formula, df, vcovOptions(cfg.se)), df);
}

export interface Table1Fits {
  eq16: Fit;
  eq17: Fit;
  eq18_k2: Fit;
  eq18_k4: Fit;
  controls: string[];
}

export function table1Fits(panel: DataFrame, cfg: DeglobConfig, hasCovariates: boolean): Table1Fits {
  const lv = levelFrame(panel, cfg, hasCovariates);
  const controls = controlsFor(hasCovariates);
  const x = [...REGRESSORS];
  return {
    eq16: twoWay('table1_eq16', 'eq16', lv, 'gvcp', x, cfg),
    eq17: twoWay('table1_eq17', 'eq17', lv, 'gvcp', [...x, ...controls], cfg),
    eq18_k2: twoWay('table1_eq18_k2', 'eq18_k2', differenceFrame(lv, 2, cfg), 'gvcp', x, cfg),
    eq18_k4: twoWay('table1_eq18_k4', 'eq18_k4', differenceFrame(lv, 4, cfg), 'gvcp', x, cfg),
    controls,
  };
}
