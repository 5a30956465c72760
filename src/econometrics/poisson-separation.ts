/**
 * Separation checks for Poisson models with fixed effects (Correia, Guimarães and Zylkin 2020, "Verifying
 * the existence of maximum likelihood estimates for generalized linear models", and ppmlhdfe's `fe` and
 * `simplex`-style checks, reduced to their cheap special cases).
 *
 * An observation is *separated* when the pseudo-likelihood is maximised only in the limit where its
 * conditional mean goes to zero (its linear index to -infinity). Such rows carry no information on the
 * identified coefficients, and leaving them in makes IRLS drift without converging. Two cases are detected:
 *
 *  1. FE separation: a level of some fixed effect whose outcome is zero on every one of its rows. Its FE
 *     coefficient diverges to -infinity; all its rows are dropped.
 *  2. Simple regressor separation: a regressor x that is exactly zero on every row with y > 0 and has one
 *     sign (all >= 0 or all <= 0) on the rows with y = 0, not all zero there. Moving its coefficient to
 *     -/+ infinity sends the mean of the rows with x != 0 to zero without touching the others; those rows
 *     are separated and dropped (x then becomes an all-zero column, removed as collinear).
 *
 * Dropping rows can create new FE singletons and new separated levels, so the checks (and, unless
 * disabled, singleton removal) are repeated until nothing changes. The general case (a linear combination
 * of regressors and FE that is <= 0 where y = 0 and = 0 where y > 0) needs the ReLU/simplex algorithms of
 * the paper and is not checked here.
 */
import { aliveRows, singletonPass, type FixefDim } from './fixef.js';

export interface SeparationInput {
  /** Outcome (>= 0) on the candidate rows. */
  y: Float64Array;
  dims: readonly FixefDim[];
  /** Regressor columns on the same rows (raw, before any demeaning). */
  X: readonly Float64Array[];
  names: readonly string[];
  /** Also drop FE singletons iteratively (default true). */
  singletons?: boolean;
  /** Run the separation checks (default true); with false only singletons are dropped. */
  separation?: boolean;
}

export interface SeparationResult {
  /** Kept row indices (ascending, into the input rows). */
  keep: Int32Array;
  /** Rows dropped because their FE level has an all-zero outcome. */
  fe: number;
  /** Rows dropped by the simple regressor check, and the regressors that separated them. */
  regressor: number;
  regressorNames: string[];
  /** FE singleton rows dropped. */
  singletons: number;
}

/** Iterate FE separation, regressor separation and singleton removal to a fixed point. */
export function poissonSeparation(inp: SeparationInput): SeparationResult {
  const { y, dims, X, names } = inp;
  const n = y.length;
  const doSingle = inp.singletons !== false && dims.length > 0;
  const doSep = inp.separation !== false;
  const alive = new Uint8Array(n).fill(1);
  let fe = 0;
  let regressor = 0;
  let singletons = 0;
  const sepNames = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    if (doSep) {
      for (const d of dims) {
        const total = new Float64Array(d.nlevels);
        const seen = new Uint8Array(d.nlevels);
        for (let i = 0; i < n; i++) {
          if (!alive[i]) continue;
          total[d.codes[i]] += y[i];
          seen[d.codes[i]] = 1;
        }
        for (let i = 0; i < n; i++) {
          if (alive[i] && seen[d.codes[i]] && total[d.codes[i]] === 0) {
            alive[i] = 0;
            fe++;
            changed = true;
          }
        }
      }
      X.forEach((x, j) => {
        let zeroOnPositive = true;
        let pos = false;
        let neg = false;
        for (let i = 0; i < n && zeroOnPositive; i++) {
          if (!alive[i]) continue;
          if (y[i] > 0) {
            if (x[i] !== 0) zeroOnPositive = false;
          } else if (x[i] > 0) pos = true;
          else if (x[i] < 0) neg = true;
        }
        if (!zeroOnPositive || pos === neg) return; // not zero where y > 0, or mixed signs / all zero where y = 0
        for (let i = 0; i < n; i++) {
          if (alive[i] && x[i] !== 0) {
            alive[i] = 0;
            regressor++;
            changed = true;
          }
        }
        sepNames.add(names[j]);
      });
    }
    if (doSingle) {
      const pass = singletonPass(dims, alive);
      singletons += pass;
      if (pass > 0) changed = true;
    }
  }
  const keep = aliveRows(alive);
  return { keep, fe, regressor, regressorNames: [...sepNames], singletons };
}
