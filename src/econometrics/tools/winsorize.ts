/**
 * Winsorizing (or trimming) at percentiles, optionally within groups.
 *
 *   winsorize(x, { lower: 0.01, upper: 0.99 })            // values below p1 set to p1, above p99 to p99
 *   winsorize(x, { lower: 0.05, upper: 0.95, by: year })  // cut-offs computed within each year
 *   winsorize(x, { trim: true })                          // outside values become NaN instead
 *
 * Missing values (NaN) stay missing and do not enter the percentiles. Percentiles: 'type7' (linear
 * interpolation, R's default) or 'stata' (Stata `_pctile`, as used by winsor2).
 */
import { InputError, OptionError } from '../../errors.js';
import { quantileSorted, sortedFinite, type PercentileDefinition } from './describe.js';

export interface WinsorizeOptions {
  /** Lower percentile as a fraction (default 0.01); 0 leaves the bottom alone. */
  lower?: number;
  /** Upper percentile as a fraction (default 0.99); 1 leaves the top alone. */
  upper?: number;
  /** Group labels: cut-offs are computed within each group. */
  by?: ArrayLike<string | number>;
  /** Set values beyond the cut-offs to NaN instead of the cut-off (trimming). */
  trim?: boolean;
  definition?: PercentileDefinition;
}

export interface WinsorizeResult {
  values: Float64Array;
  /** Cut-offs per group ('' when ungrouped). */
  cutoffs: Map<string, { lower: number; upper: number }>;
  /** Number of values changed (winsorized or trimmed). */
  changed: number;
}

export function winsorizeDetailed(x: ArrayLike<number>, opts: WinsorizeOptions = {}): WinsorizeResult {
  const lo = opts.lower ?? 0.01;
  const hi = opts.upper ?? 0.99;
  if (!(lo >= 0 && hi <= 1 && lo <= hi)) throw new OptionError(`winsorize needs 0 <= lower <= upper <= 1, got lower ${lo}, upper ${hi}.`);
  const def = opts.definition ?? 'type7';
  const n = x.length;
  const groups = new Map<string, number[]>();
  if (opts.by) {
    if (opts.by.length !== n) throw new InputError(`the group variable has ${opts.by.length} rows, the data ${n}.`);
    for (let i = 0; i < n; i++) {
      const g = String(opts.by[i]);
      let a = groups.get(g);
      if (!a) groups.set(g, (a = []));
      a.push(i);
    }
  } else groups.set('', Array.from({ length: n }, (_, i) => i));
  const out = Float64Array.from(x as ArrayLike<number>);
  const cutoffs = new Map<string, { lower: number; upper: number }>();
  let changed = 0;
  for (const [g, idx] of groups) {
    const s = sortedFinite(Float64Array.from(idx, (i) => x[i]));
    const cl = lo > 0 ? quantileSorted(s, lo, def) : -Infinity;
    const cu = hi < 1 ? quantileSorted(s, hi, def) : Infinity;
    cutoffs.set(g, { lower: cl, upper: cu });
    for (const i of idx) {
      const v = out[i];
      if (Number.isNaN(v)) continue;
      if (v < cl) {
        out[i] = opts.trim ? NaN : cl;
        changed++;
      } else if (v > cu) {
        out[i] = opts.trim ? NaN : cu;
        changed++;
      }
    }
  }
  return { values: out, cutoffs, changed };
}

/** Winsorized copy of x (see module doc). */
export function winsorize(x: ArrayLike<number>, opts: WinsorizeOptions = {}): Float64Array {
  return winsorizeDetailed(x, opts).values;
}
