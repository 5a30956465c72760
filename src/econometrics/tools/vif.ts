/**
 * Variance inflation factors: each regressor regressed (with an intercept) on all the others,
 * VIF_j = 1 / (1 - R_j^2), tolerance 1 - R_j^2, and the mean VIF (Stata `estat vif`, R car::vif for
 * one-column terms). Rows with a missing value in any regressor are dropped.
 */
import { InputError } from '../../errors.js';
import { olsFit } from '../ols.js';

export interface VifRow {
  variable: string;
  vif: number;
  tolerance: number;
  r2: number;
}

export interface VifResult {
  rows: VifRow[];
  mean: number;
  nobs: number;
}

export function vif(columns: Record<string, ArrayLike<number>>): VifResult {
  const names = Object.keys(columns);
  if (names.length < 2) throw new InputError(`VIF needs at least two regressors, got ${names.length}.`);
  const n = columns[names[0]].length;
  for (const nm of names) if (columns[nm].length !== n) throw new InputError(`regressor '${nm}' has ${columns[nm].length} rows, '${names[0]}' has ${n}.`);
  const keep: number[] = [];
  for (let i = 0; i < n; i++) if (names.every((nm) => Number.isFinite(columns[nm][i]))) keep.push(i);
  const N = keep.length;
  if (N <= names.length) throw new InputError(`VIF needs more complete rows (${N}) than regressors (${names.length}).`);
  const cols = names.map((nm) => Float64Array.from(keep, (i) => columns[nm][i]));
  const ones = new Float64Array(N).fill(1);
  const rows: VifRow[] = names.map((nm, j) => {
    const y = cols[j];
    const others = [ones, ...cols.filter((_, k) => k !== j)];
    const fit = olsFit(others, y);
    let mean = 0;
    for (let i = 0; i < N; i++) mean += y[i];
    mean /= N;
    let tss = 0;
    for (let i = 0; i < N; i++) tss += (y[i] - mean) ** 2;
    if (!(tss > 0)) throw new InputError(`regressor '${nm}' is constant; its VIF is undefined.`);
    // tolerance as ssr / tss (not 1 - R^2, which cancels when R^2 is near 1)
    const tol = fit.ssr / tss;
    return { variable: nm, vif: tol > 0 ? 1 / tol : Infinity, tolerance: tol, r2: 1 - tol };
  });
  const mean = rows.reduce((s, r) => s + r.vif, 0) / rows.length;
  return { rows, mean, nobs: N };
}
