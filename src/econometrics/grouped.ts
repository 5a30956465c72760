/**
 * Grouped regressions: the same model estimated separately on each value of one or more grouping
 * variables (like fixest's `split`). A group whose model fails (too few rows, all collinear) gets an
 * `error` message instead of a result, so one bad group does not stop the others.
 */
import type { DataFrame } from './frame.js';
import { groupRows, takeRows } from './frame.js';
import { feols } from './feols.js';
import type { FeolsOptions, FeolsResult } from './types.js';

export interface GroupFit<R = FeolsResult> {
  /** Group label (values joined by '_' for several grouping variables). */
  group: string;
  nrow: number;
  result?: R;
  error?: string;
}

/** Run `estimator` on each group of `by` (default estimator: feols). */
export function feolsBy<R = FeolsResult>(
  formula: string,
  data: DataFrame,
  by: string | readonly string[],
  opts: FeolsOptions = {},
  estimator: (f: string, d: DataFrame, o: FeolsOptions) => R = feols as unknown as (f: string, d: DataFrame, o: FeolsOptions) => R,
): GroupFit<R>[] {
  return groupRows(data, by).map(({ key, rows }) => {
    const sub = takeRows(data, rows);
    try {
      return { group: key, nrow: rows.length, result: estimator(formula, sub, opts) };
    } catch (e) {
      return { group: key, nrow: rows.length, error: (e as Error).message };
    }
  });
}
