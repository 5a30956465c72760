/**
 * Mediation analysis: Baron and Kenny (1986) stepwise regressions, the Sobel (1982) test and a
 * bootstrap of the indirect effect with a percentile confidence interval.
 *
 *   (1) y = c0 + c  x            + controls    total effect c
 *   (2) m = a0 + a  x            + controls    path a
 *   (3) y = b0 + c' x + b m      + controls    direct effect c', path b
 *
 * Indirect effect a*b (= c - c' in OLS with the same sample and controls). Sobel:
 * z = a b / sqrt(b^2 se_a^2 + a^2 se_b^2) (first-order delta method); Aroian adds se_a^2 se_b^2.
 * Standard errors are classical OLS. The bootstrap resamples rows (or whole clusters) with
 * replacement using a seeded generator, re-estimates (2) and (3) and reports the percentile interval
 * of a*b (type-7 quantiles of the B draws).
 */
import { InputError, OptionError } from '../../errors.js';
import { olsFit } from '../ols.js';
import { rng } from '../../random.js';
import { normalQuantile, tPValue, zPValue } from '../dist.js';
import { quantileSorted } from './describe.js';

export interface MediationData {
  y: ArrayLike<number>;
  /** Treatment / independent variable. */
  x: ArrayLike<number>;
  /** Mediator. */
  m: ArrayLike<number>;
  controls?: Record<string, ArrayLike<number>>;
}

export interface MediationOptions {
  /** Bootstrap replications (default 1000; 0 skips). */
  bootstrap?: number;
  seed?: number;
  /** Confidence level of the bootstrap interval (default 0.95). */
  level?: number;
  /** Resample these clusters instead of rows. */
  cluster?: ArrayLike<string | number>;
}

export interface PathEstimate {
  estimate: number;
  se: number;
  t: number;
  p: number;
}

export interface MediationResult {
  nobs: number;
  /** Step 1: total effect of x on y. */
  c: PathEstimate;
  /** Step 2: effect of x on m. */
  a: PathEstimate;
  /** Step 3: effect of m on y holding x. */
  b: PathEstimate;
  /** Step 3: direct effect of x on y holding m. */
  cPrime: PathEstimate;
  indirect: number;
  /** indirect / total. */
  proportionMediated: number;
  sobel: { se: number; z: number; p: number };
  aroian: { se: number; z: number; p: number };
  bootstrap?: {
    B: number;
    seed: number;
    level: number;
    lower: number;
    upper: number;
    se: number;
    mean: number;
    /** Normal-theory interval indirect -/+ z se_boot, for comparison. */
    normalLower: number;
    normalUpper: number;
  };
}

/**
 * Sobel (1982) test of the indirect effect a b from the two path estimates and their standard errors:
 * se = sqrt(b^2 se_a^2 + a^2 se_b^2), z = a b / se, two-sided normal p.
 */
export function sobelTest(a: number, seA: number, b: number, seB: number): { se: number; z: number; p: number } {
  const se = Math.sqrt(b ** 2 * seA ** 2 + a ** 2 * seB ** 2);
  const z = (a * b) / se;
  return { se, z, p: zPValue(z) };
}

function path(cols: Float64Array[], y: Float64Array, j: number, label: string): PathEstimate {
  const fit = olsFit(cols, y);
  const pos = fit.keep.indexOf(j);
  if (pos < 0) throw new InputError(`mediation: ${label} is collinear with the other regressors.`);
  const k = fit.rank;
  const df = y.length - k;
  const s2 = fit.ssr / df;
  const se = Math.sqrt(s2 * fit.xtxInv[pos * k + pos]);
  const est = fit.coef[pos];
  const t = est / se;
  return { estimate: est, se, t, p: tPValue(t, df) };
}

function coefOnly(cols: Float64Array[], y: Float64Array, j: number): number {
  const fit = olsFit(cols, y);
  const pos = fit.keep.indexOf(j);
  return pos < 0 ? NaN : fit.coef[pos];
}

export function mediation(data: MediationData, opts: MediationOptions = {}): MediationResult {
  const n0 = data.y.length;
  const ctrlNames = Object.keys(data.controls ?? {});
  const all: ArrayLike<number>[] = [data.y, data.x, data.m, ...ctrlNames.map((k) => (data.controls as Record<string, ArrayLike<number>>)[k])];
  for (const c of all) if (c.length !== n0) throw new InputError(`mediation: all variables need ${n0} rows.`);
  const keep: number[] = [];
  for (let i = 0; i < n0; i++) if (all.every((c) => Number.isFinite(c[i]))) keep.push(i);
  const N = keep.length;
  if (N < 4 + ctrlNames.length) throw new InputError(`mediation needs more complete rows, found ${N}.`);
  const take = (v: ArrayLike<number>, rows: ArrayLike<number>) => Float64Array.from({ length: rows.length }, (_, i) => v[rows[i]]);
  const B = opts.bootstrap ?? 1000;
  if (!Number.isInteger(B) || B < 0) throw new OptionError(`bootstrap must be a non-negative integer, got ${B}.`);
  const level = opts.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new OptionError(`level must lie in (0, 1), got ${level}.`);
  const seed = opts.seed ?? 1;

  const build = (rows: ArrayLike<number>) => {
    const ones = new Float64Array(rows.length).fill(1);
    const y = take(data.y, rows);
    const x = take(data.x, rows);
    const m = take(data.m, rows);
    const ctrl = ctrlNames.map((k) => take((data.controls as Record<string, ArrayLike<number>>)[k], rows));
    return { y, x, m, base: [ones, x, ...ctrl], full: [ones, x, m, ...ctrl] };
  };
  const rowsAll = Int32Array.from(keep);
  const d = build(rowsAll);
  const c = path(d.base, d.y, 1, 'x');
  const a = path(d.base, d.m, 1, 'x');
  const cPrime = path(d.full, d.y, 1, 'x');
  const b = path(d.full, d.y, 2, 'the mediator');
  const indirect = a.estimate * b.estimate;
  const v1 = b.estimate ** 2 * a.se ** 2 + a.estimate ** 2 * b.se ** 2;
  const aroianSe = Math.sqrt(v1 + a.se ** 2 * b.se ** 2);
  const res: MediationResult = {
    nobs: N,
    c,
    a,
    b,
    cPrime,
    indirect,
    proportionMediated: indirect / c.estimate,
    sobel: sobelTest(a.estimate, a.se, b.estimate, b.se),
    aroian: { se: aroianSe, z: indirect / aroianSe, p: zPValue(indirect / aroianSe) },
  };
  if (B > 0) {
    const r = rng(seed);
    // resampling units: rows, or clusters of rows
    let units: number[][];
    if (opts.cluster) {
      if (opts.cluster.length !== n0) throw new InputError(`the cluster variable has ${opts.cluster.length} rows, the data ${n0}.`);
      const map = new Map<string, number[]>();
      for (const i of keep) {
        const g = String(opts.cluster[i]);
        let arr = map.get(g);
        if (!arr) map.set(g, (arr = []));
        arr.push(i);
      }
      units = [...map.values()];
    } else units = keep.map((i) => [i]);
    const G = units.length;
    const draws = new Float64Array(B);
    for (let bi = 0; bi < B; bi++) {
      const rows: number[] = [];
      for (let g = 0; g < G; g++) for (const i of units[r.int(G)]) rows.push(i);
      const db = build(rows);
      const aa = coefOnly(db.base, db.m, 1);
      const bb = coefOnly(db.full, db.y, 2);
      draws[bi] = aa * bb;
    }
    const finite = Float64Array.from(draws.filter((v) => Number.isFinite(v))).sort();
    const nb = finite.length;
    let mean = 0;
    for (const v of finite) mean += v;
    mean /= nb;
    let ss = 0;
    for (const v of finite) ss += (v - mean) ** 2;
    const se = Math.sqrt(ss / (nb - 1));
    const alpha = 1 - level;
    const z = normalQuantile(1 - alpha / 2);
    res.bootstrap = {
      B,
      seed,
      level,
      lower: quantileSorted(finite, alpha / 2),
      upper: quantileSorted(finite, 1 - alpha / 2),
      se,
      mean,
      normalLower: indirect - z * se,
      normalUpper: indirect + z * se,
    };
  }
  return res;
}
