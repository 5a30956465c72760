/**
 * Linear probability model: OLS (optionally with FE/IV parts) of a 0/1 outcome. The errors of an LPM
 * are heteroskedastic by construction (Var = p(1 - p)), so the default variance is HC1 (or CR1 when a
 * cluster is given). Reports the share of fitted probabilities outside [0, 1] (fitted values include
 * the fixed effects).
 */
import { InputError } from '../errors.js';
import type { DataFrame } from './frame.js';
import { feols } from './feols.js';
import type { FeolsOptions, FeolsResult } from './types.js';

export interface LpmResult extends FeolsResult {
  /** Fraction of observations whose fitted value is < 0 or > 1. */
  shareOutside: number;
  below0: number;
  above1: number;
}

/** @example lpm('inlf ~ educ + age + kidslt6', mroz).shareOutside */
export function lpm(formula: string, data: DataFrame, opts: FeolsOptions = {}): LpmResult {
  const vcov = opts.vcov ?? (opts.cluster ? 'cluster' : 'hc1');
  const r = feols(formula, data, { ...opts, vcov });
  const y = Float64Array.from(r.fitted, (f, i) => f + r.residuals[i]);
  if (y.some((v) => v !== 0 && v !== 1)) throw new InputError(`the outcome '${r.depvar}' of a linear probability model must be 0/1.`);
  let below0 = 0;
  let above1 = 0;
  for (const f of r.fitted) {
    if (f < 0) below0++;
    else if (f > 1) above1++;
  }
  return {
    ...r,
    shareOutside: (below0 + above1) / r.nobs,
    below0,
    above1,
    vcovNote: `linear probability model; ${r.vcovNote}`,
  };
}
