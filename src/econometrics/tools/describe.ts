/**
 * Descriptive statistics as a tidy table: one row per variable (and group) with N, mean, sd (n - 1),
 * min, p25, median, p75, max and the count of missing values. Percentiles use linear interpolation
 * between order statistics (R's type 7, numpy's default) unless `definition: 'stata'` (Stata's
 * `summarize, detail` / `_pctile`: the average of x_(np) and x_(np+1) when np is an integer, else x_(ceil np)).
 */
import { InputError } from '../../errors.js';
import { column, isNumeric, numericColumn, type DataFrame } from '../frame.js';

export type PercentileDefinition = 'type7' | 'stata';

/** The p-quantile (0 <= p <= 1) of ascending-sorted finite values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number, definition: PercentileDefinition = 'type7'): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new InputError(`a percentile must lie in [0, 1], got ${p}.`);
  if (definition === 'stata') {
    const np = n * p;
    if (np <= 0) return sorted[0];
    if (np >= n) return sorted[n - 1];
    const fl = Math.floor(np);
    if (Math.abs(np - fl) < 1e-12 * Math.max(1, np)) return fl >= n ? sorted[n - 1] : (sorted[fl - 1] + sorted[fl]) / 2;
    return sorted[Math.ceil(np) - 1];
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** The finite values of x, ascending. */
export function sortedFinite(x: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) out.push(x[i]);
  return Float64Array.from(out).sort();
}

export interface DescribeRow {
  variable: string;
  /** Group label when `by` was given. */
  group?: string;
  n: number;
  missing: number;
  mean: number;
  sd: number;
  min: number;
  p25: number;
  median: number;
  p75: number;
  max: number;
}

/** Summary of one vector (missing = NaN or infinite entries). */
export function summarize(x: ArrayLike<number>, variable = 'x', definition: PercentileDefinition = 'type7'): DescribeRow {
  const s = sortedFinite(x);
  const n = s.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += s[i];
  mean = n ? mean / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (s[i] - mean) * (s[i] - mean);
  return {
    variable,
    n,
    missing: x.length - n,
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
    min: n ? s[0] : NaN,
    p25: quantileSorted(s, 0.25, definition),
    median: quantileSorted(s, 0.5, definition),
    p75: quantileSorted(s, 0.75, definition),
    max: n ? s[n - 1] : NaN,
  };
}

export interface DescribeOptions {
  /** Group labels (one per row): statistics per group, groups in sorted order. */
  by?: ArrayLike<string | number>;
  definition?: PercentileDefinition;
}

/** Descriptive statistics of several variables (same length), optionally by group. */
export function describe(columns: Record<string, ArrayLike<number>>, opts: DescribeOptions = {}): DescribeRow[] {
  const names = Object.keys(columns);
  const def = opts.definition ?? 'type7';
  const rows: DescribeRow[] = [];
  if (!opts.by) {
    for (const nm of names) rows.push(summarize(columns[nm], nm, def));
    return rows;
  }
  const by = opts.by;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < by.length; i++) {
    const g = String(by[i]);
    let a = groups.get(g);
    if (!a) groups.set(g, (a = []));
    a.push(i);
  }
  const keys = [...groups.keys()];
  const numericKeys = keys.every((k) => k !== '' && Number.isFinite(Number(k)));
  keys.sort(numericKeys ? (a, b) => Number(a) - Number(b) : undefined);
  for (const nm of names) {
    const c = columns[nm];
    if (c.length !== by.length) throw new InputError(`variable '${nm}' has ${c.length} rows but the group variable has ${by.length}.`);
    for (const g of keys) {
      const idx = groups.get(g) as number[];
      const sub = Float64Array.from(idx, (i) => c[i]);
      rows.push({ ...summarize(sub, nm, def), group: g });
    }
  }
  return rows;
}

/** Descriptive statistics of numeric columns of a frame (default: every numeric column). */
export function describeFrame(df: DataFrame, vars?: readonly string[], opts: { by?: string; definition?: PercentileDefinition } = {}): DescribeRow[] {
  const names = vars ?? Object.keys(df.columns).filter((k) => isNumeric(df.columns[k]) && k !== opts.by);
  const cols: Record<string, Float64Array> = {};
  for (const nm of names) cols[nm] = numericColumn(df, nm);
  const by = opts.by ? (column(df, opts.by) as ArrayLike<string | number>) : undefined;
  return describe(cols, { by, definition: opts.definition });
}

/** A fixed-width text table of describe() rows. */
export function formatDescribe(rows: readonly DescribeRow[], digits = 4): string {
  const hasGroup = rows.some((r) => r.group !== undefined);
  const head = ['variable', ...(hasGroup ? ['group'] : []), 'N', 'mean', 'sd', 'min', 'p25', 'median', 'p75', 'max'];
  const body = rows.map((r) => [
    r.variable,
    ...(hasGroup ? [r.group ?? ''] : []),
    String(r.n),
    ...[r.mean, r.sd, r.min, r.p25, r.median, r.p75, r.max].map((v) => (Number.isFinite(v) ? v.toFixed(digits) : 'NA')),
  ]);
  const w = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j < (hasGroup ? 2 : 1) ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ');
  return [line(head), ...body.map(line)].join('\n') + '\n';
}
