/**
 * Shared shapes of the study's panel estimators (spec 3): a balanced or unbalanced panel given as an outcome,
 * slope columns and group codes, and one uniform fit record (coef, se, t/z statistic, p, N, groups, R²
 * variants, variance components) that tables and the estimates JSON read.
 */
import { InputError } from '../../errors.js';
import { column, numericColumn, type DataFrame } from '../../econometrics/frame.js';

export interface PanelData {
  y: Float64Array;
  /** Slope columns (no constant). */
  X: Float64Array[];
  names: string[];
  /** Group code per row (0..n-1) and the group labels. */
  codes: Int32Array;
  groups: string[];
  /** Optional time per row (FGLS ordering). */
  time?: Float64Array;
}

export interface XtFit {
  method: string;
  estimable: boolean;
  /** Why not estimated (e.g. "not estimable (exact within fit)"). */
  reason?: string;
  /** Slopes then "_cons" when estimated. */
  terms: string[];
  coef: Record<string, number>;
  se: Record<string, number>;
  stat: Record<string, number>;
  p: Record<string, number>;
  statKind: 't' | 'z';
  /** Degrees of freedom of t statistics. */
  df?: number;
  /** Covariance of the slopes (in `names` order of the data). */
  vcovSlopes: number[][];
  nobs: number;
  groups: number;
  r2?: number;
  r2Within?: number;
  r2Between?: number;
  r2Overall?: number;
  sigma2_e?: number;
  sigma2_u?: number;
  theta?: { min: number; median: number; max: number; byGroup: Record<string, number> };
  notes: string[];
}

/** Outcome, slopes and group codes (groups in order of first appearance) of the complete rows of a frame. */
export function panelFromFrame(df: DataFrame, y: string, xs: readonly string[], id: string, time?: string): PanelData {
  const yc = numericColumn(df, y);
  const xc = xs.map((x) => numericColumn(df, x));
  const tc = time ? numericColumn(df, time) : undefined;
  const keep: number[] = [];
  for (let i = 0; i < df.nrow; i++) if (Number.isFinite(yc[i]) && xc.every((c) => Number.isFinite(c[i]))) keep.push(i);
  if (keep.length === 0) throw new InputError(`no complete rows for ${y} ~ ${xs.join(' + ')}.`);
  const idc = column(df, id);
  const ids = keep.map((i) => String(idc[i]));
  const groups = [...new Set(ids)];
  const index = new Map(groups.map((g, k) => [g, k]));
  return {
    y: Float64Array.from(keep, (i) => yc[i]),
    X: xc.map((c) => Float64Array.from(keep, (i) => c[i])),
    names: [...xs],
    codes: Int32Array.from(ids, (g) => index.get(g)!),
    groups,
    time: tc ? Float64Array.from(keep, (i) => tc[i]) : undefined,
  };
}

/** Group sizes and group means of a column. */
export function groupMeans(v: ArrayLike<number>, codes: Int32Array, n: number): { T: Float64Array; mean: Float64Array } {
  const T = new Float64Array(n);
  const mean = new Float64Array(n);
  for (let i = 0; i < v.length; i++) {
    T[codes[i]]++;
    mean[codes[i]] += v[i];
  }
  for (let g = 0; g < n; g++) mean[g] /= T[g];
  return { T, mean };
}

/** Column minus its group mean. */
export function within(v: ArrayLike<number>, codes: Int32Array, n: number): Float64Array {
  const { mean } = groupMeans(v, codes, n);
  return Float64Array.from({ length: v.length }, (_, i) => v[i] - mean[codes[i]]);
}

export function sumSq(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}

/** Squared correlation of two vectors. */
export function corr2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? (sab * sab) / (saa * sbb) : NaN;
}

/** Relative tolerance of an exact within fit (spec 3): SSR_w <= 1e-20 * sum of squared demeaned y. */
export const EXACT_FIT_TOL = 1e-20;
export const NOT_ESTIMABLE_EXACT = 'not estimable (exact within fit)';
