/**
 * Small pieces the per-study estimation adapters share: one coefficient row of a fit, the rows of a feols
 * result as such rows, and the estimation sample given as a 0/1 column of a panel.
 */
import { numericColumn, type DataFrame } from '../econometrics/frame.js';
import type { FeolsResult } from '../econometrics/types.js';

/** One coefficient: estimate, standard error, test statistic and two-sided p-value. */
export interface TermEstimate {
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
}

/** The coefficients of a feols result in its order, as reported by feols. */
export function feolsTerms(r: FeolsResult): TermEstimate[] {
  return r.names.map((term) => ({ term, estimate: r.coef[term], se: r.se[term], t: r.tstat[term], p: r.pvalue[term] }));
}

/** Rows where the 0/1 column `sample` is 1 (and `keep(i)` holds, when given). */
export function sampleRows(panel: DataFrame, sample: string, keep?: (i: number) => boolean): number[] {
  const s = numericColumn(panel, sample);
  const rows: number[] = [];
  for (let i = 0; i < panel.nrow; i++) if (s[i] === 1 && (!keep || keep(i))) rows.push(i);
  return rows;
}
