/**
 * Projecting out multi-way fixed effects: x -> M_D x, the residual of x on the FE dummies D.
 *
 * Method of alternating projections (Gauss-Seidel on the FE normal equations; Guimaraes-Portugal 2010,
 * Gaure 2013): one sweep applies, for q = 1..Q, x <- x - mean_q(x), where mean_q is the (weighted)
 * mean of x within each level of FE q. With one FE a single sweep is exact; with two FE on a balanced
 * panel the projections commute and one sweep is also exact.
 *
 * Acceleration (Irons-Tuck 1969, as in fixest): from x0, take two sweeps x1 = F(x0), x2 = F(x1), then
 *     d1 = x2 - x1,  d2 = x2 - 2 x1 + x0,  x <- x2 - (d1'd2 / d2'd2) d1
 * and repeat. Convergence: max_i |x_{k+1,i} - x_{k,i}| <= tol * s, s = the standard deviation of the
 * original variable (tol = 1e-10 by default), checked on plain sweeps.
 * Each variable is demeaned separately; iteration counts are reported per variable.
 */
import { NumericalError } from '../errors.js';
import type { FixefDim } from './fixef.js';

export interface DemeanOptions {
  weights?: Float64Array;
  /** Relative tolerance (default 1e-10). */
  tol?: number;
  /** Maximum sweeps per variable (default 10000). */
  maxIter?: number;
}

export interface DemeanResult {
  /** Demeaned copies of the input vectors. */
  cols: Float64Array[];
  /** Sweeps used per variable. */
  iterations: number[];
  converged: boolean;
}

/** Precomputed 1 / (sum of weights) per level, per FE. */
function inverseSizes(dims: readonly FixefDim[], w?: Float64Array): Float64Array[] {
  return dims.map((d) => {
    const s = new Float64Array(d.nlevels);
    if (w) for (let i = 0; i < d.codes.length; i++) s[d.codes[i]] += w[i];
    else for (let i = 0; i < d.codes.length; i++) s[d.codes[i]] += 1;
    for (let g = 0; g < s.length; g++) s[g] = s[g] > 0 ? 1 / s[g] : 0;
    return s;
  });
}

/** One Gauss-Seidel sweep in place; `buf` has room for the largest FE. */
function sweep(x: Float64Array, dims: readonly FixefDim[], inv: Float64Array[], buf: Float64Array, w?: Float64Array): void {
  const n = x.length;
  for (let q = 0; q < dims.length; q++) {
    const codes = dims[q].codes;
    const L = dims[q].nlevels;
    const iq = inv[q];
    buf.fill(0, 0, L);
    if (w) for (let i = 0; i < n; i++) buf[codes[i]] += w[i] * x[i];
    else for (let i = 0; i < n; i++) buf[codes[i]] += x[i];
    for (let g = 0; g < L; g++) buf[g] *= iq[g];
    for (let i = 0; i < n; i++) x[i] -= buf[codes[i]];
  }
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > m) m = d;
  }
  return m;
}

/** Demean each vector by all FE (see the file comment). Throws NumericalError if not converged. */
export function demean(vars: readonly Float64Array[], dims: readonly FixefDim[], opts: DemeanOptions = {}): DemeanResult {
  const tol = opts.tol ?? 1e-10;
  const maxIter = opts.maxIter ?? 10000;
  const w = opts.weights;
  const inv = inverseSizes(dims, w);
  const buf = new Float64Array(Math.max(1, ...dims.map((d) => d.nlevels)));
  const iterations: number[] = [];
  const cols: Float64Array[] = [];
  let converged = true;
  for (const v of vars) {
    const n = v.length;
    let x = Float64Array.from(v);
    if (dims.length === 0) {
      cols.push(x);
      iterations.push(0);
      continue;
    }
    // scale: sd of the original variable
    let m = 0;
    for (let i = 0; i < n; i++) m += v[i];
    m /= n || 1;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (v[i] - m) * (v[i] - m);
    const scale = Math.sqrt(ss / Math.max(1, n - 1));
    sweep(x, dims, inv, buf, w);
    let iter = 1;
    if (dims.length === 1 || scale === 0) {
      cols.push(x);
      iterations.push(iter);
      continue;
    }
    const thr = tol * scale;
    let x1 = new Float64Array(n);
    let x2 = new Float64Array(n);
    let done = false;
    while (iter < maxIter) {
      x1.set(x);
      sweep(x1, dims, inv, buf, w);
      iter++;
      if (maxAbsDiff(x1, x) <= thr) {
        x = x1;
        done = true;
        break;
      }
      x2.set(x1);
      sweep(x2, dims, inv, buf, w);
      iter++;
      if (maxAbsDiff(x2, x1) <= thr) {
        x = x2;
        done = true;
        break;
      }
      // Irons-Tuck extrapolation
      let num = 0;
      let den = 0;
      for (let i = 0; i < n; i++) {
        const d1 = x2[i] - x1[i];
        const d2 = d1 - (x1[i] - x[i]);
        num += d1 * d2;
        den += d2 * d2;
      }
      if (den > 0) {
        const a = num / den;
        for (let i = 0; i < n; i++) x[i] = x2[i] - a * (x2[i] - x1[i]);
      } else {
        const t = x;
        x = x2;
        x2 = t;
      }
    }
    if (!done) converged = false;
    cols.push(x);
    iterations.push(iter);
    void x1;
  }
  if (!converged && opts.maxIter === undefined) {
    throw new NumericalError(`fixed-effects demeaning did not converge in ${maxIter} sweeps; raise maxIter or loosen tol.`);
  }
  return { cols, iterations, converged };
}
