/**
 * Two-sided winsorizing with Stata's percentile rule (`_pctile`, default definition, as `winsor2` uses):
 * sort the n defined values, P = n p / 100; the percentile is (x_(P) + x_(P+1)) / 2 when P is an integer,
 * else x_(ceil P) (1-based order statistics).
 *
 * @example stataPercentile([1, 2, 3, 4], 50) // 2.5
 */

export function stataPercentile(values: ArrayLike<number>, p: number): number {
  const xs = Array.from(values).filter((q) => Number.isFinite(q)).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return NaN;
  const np = n * p;
  if (Number.isInteger(p) ? np % 100 === 0 : Number.isInteger(np / 100)) {
    const P = np / 100;
    if (P <= 0) return xs[0];
    if (P >= n) return xs[n - 1];
    return (xs[P - 1] + xs[P]) / 2;
  }
  const k = Math.ceil(np / 100);
  return xs[Math.min(Math.max(k, 1), n) - 1];
}

export interface WinsorCuts {
  lo: number;
  hi: number;
  /** Number of values the cut-offs were computed from. */
  n: number;
}

/** Cut-offs [p_lo, p_hi] over the rows where `use(i)` holds and the value is finite. */
export function winsorCuts(x: Float64Array, use: (i: number) => boolean, p: [number, number]): WinsorCuts {
  const sel: number[] = [];
  for (let i = 0; i < x.length; i++) if (use(i) && Number.isFinite(x[i])) sel.push(x[i]);
  return { lo: stataPercentile(sel, p[0]), hi: stataPercentile(sel, p[1]), n: sel.length };
}

/** Clip every finite value to [lo, hi]; NaN stays NaN. */
export function clip(x: Float64Array, cuts: WinsorCuts): Float64Array {
  return x.map((q) => (Number.isFinite(q) ? Math.min(Math.max(q, cuts.lo), cuts.hi) : NaN));
}

/** ln of positive values; NaN elsewhere. */
export function logPositive(x: Float64Array): Float64Array {
  return x.map((q) => (q > 0 ? Math.log(q) : NaN));
}
