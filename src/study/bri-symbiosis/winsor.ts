/**
 * Two-sided winsorizing of the bri-symbiosis study: cut-offs from the window cells only, applied to every row.
 * Percentiles follow Stata's `_pctile` rule (as `winsor2` uses), the shared `quantileSorted(..., 'stata')` of
 * src/econometrics/tools/describe.ts: with P = n p / 100, (x_(P) + x_(P+1)) / 2 when P is an integer, else
 * x_(ceil P) (1-based order statistics).
 */
import { quantileSorted, sortedFinite } from '../../econometrics/tools/describe.js';

export interface WinsorCuts {
  lo: number;
  hi: number;
  /** Number of values the cut-offs were computed from. */
  n: number;
}

/** Cut-offs [p_lo, p_hi] (percent) over the rows where `use(i)` holds and the value is finite. */
export function winsorCuts(x: Float64Array, use: (i: number) => boolean, p: [number, number]): WinsorCuts {
  const sel: number[] = [];
  for (let i = 0; i < x.length; i++) if (use(i) && Number.isFinite(x[i])) sel.push(x[i]);
  const sorted = sortedFinite(sel);
  return { lo: quantileSorted(sorted, p[0] / 100, 'stata'), hi: quantileSorted(sorted, p[1] / 100, 'stata'), n: sel.length };
}

/** Clip every finite value to [lo, hi]; NaN stays NaN. */
export function clip(x: Float64Array, cuts: WinsorCuts): Float64Array {
  return x.map((q) => (Number.isFinite(q) ? Math.min(Math.max(q, cuts.lo), cuts.hi) : NaN));
}

/** ln of positive values; NaN elsewhere. */
export function logPositive(x: Float64Array): Float64Array {
  return x.map((q) => (q > 0 ? Math.log(q) : NaN));
}
