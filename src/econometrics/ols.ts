/**
 * Ordinary (and weighted) least squares by Householder QR, with collinearity detection.
 *
 *   b = argmin sum_i w_i (y_i - x_i'b)^2,   (X'WX)^-1 = R^-1 R^-T   where sqrt(W) X = Q R.
 *
 * Collinearity (fixest-like): columns are processed left to right; column j is dropped when the part
 * of it not explained by the columns already kept is tiny:
 *     ||(I - P_kept) x_j||^2 < tol * ||x_j^ref||^2        (tol = 1e-10 by default, as fixest's collin.tol)
 * where x_j^ref is `refNorms[j]` when given (e.g. the norm before fixed effects were projected out, so a
 * regressor absorbed by the FE is dropped) and the column's own norm otherwise. An all-zero column is
 * always dropped. Dropped columns are reported by index (and name when names are given).
 *
 * Residuals are y - X b computed from the original (unweighted) columns; `ssr` is sum w e^2.
 */
import { InputError } from '../errors.js';
import type { Matrix } from '../linalg/index.js';

export interface OlsOptions {
  /** Column names (for `droppedNames`/`names`). */
  names?: readonly string[];
  /** Observation weights (analytic weights: the objective is sum w e^2). */
  weights?: Float64Array;
  /** Collinearity tolerance on the squared-norm ratio (default 1e-10). */
  tol?: number;
  /** Reference norms ||x_j^ref|| used by the collinearity rule (default: the columns' own norms). */
  refNorms?: ArrayLike<number>;
}

export interface OlsFit {
  /** Coefficients of the kept columns, in input order. */
  coef: Float64Array;
  /** Indices (into the input columns) of the kept columns. */
  keep: number[];
  /** Indices of the columns dropped as collinear. */
  dropped: number[];
  /** Names of kept / dropped columns (when names were given; else "x1", "x2", ...). */
  names: string[];
  droppedNames: string[];
  /** (X'WX)^-1 for the kept columns, k x k row-major. */
  xtxInv: Float64Array;
  residuals: Float64Array;
  fitted: Float64Array;
  /** sum w e^2. */
  ssr: number;
  nobs: number;
  /** Number of kept columns. */
  rank: number;
}

/** Columns of a row-major Matrix as separate vectors. */
export function matrixColumns(x: Matrix): Float64Array[] {
  const cols: Float64Array[] = [];
  for (let j = 0; j < x.cols; j++) {
    const c = new Float64Array(x.rows);
    for (let i = 0; i < x.rows; i++) c[i] = x.data[i * x.cols + j];
    cols.push(c);
  }
  return cols;
}

function norm2(v: Float64Array, from = 0): number {
  let s = 0;
  for (let i = from; i < v.length; i++) s += v[i] * v[i];
  return s;
}

/**
 * Least squares of y on the columns of X (a Matrix, N x K, or an array of K column vectors of length N).
 * @example olsFit([ones, x], y, { names: ['(Intercept)', 'x'] }).coef
 */
export function olsFit(X: Matrix | readonly Float64Array[], y: ArrayLike<number>, opts: OlsOptions = {}): OlsFit {
  const cols = Array.isArray(X) ? (X as readonly Float64Array[]) : matrixColumns(X as Matrix);
  const n = y.length;
  const K = cols.length;
  for (let j = 0; j < K; j++) {
    if (cols[j].length !== n) throw new InputError(`regressor ${j + 1} has ${cols[j].length} rows, the outcome has ${n}.`);
  }
  const tol = opts.tol ?? 1e-10;
  const w = opts.weights;
  const sw = w ? Float64Array.from(w, (v) => Math.sqrt(v)) : undefined;
  const allNames = opts.names ? [...opts.names] : cols.map((_, j) => `x${j + 1}`);

  // working copies (weighted)
  const work: Float64Array[] = cols.map((c) => {
    const a = Float64Array.from(c);
    if (sw) for (let i = 0; i < n; i++) a[i] *= sw[i];
    return a;
  });
  const qy = Float64Array.from(y as ArrayLike<number>);
  if (sw) for (let i = 0; i < n; i++) qy[i] *= sw[i];

  const keep: number[] = [];
  const dropped: number[] = [];
  // Householder vectors (stored in full length, zeros above their pivot row) and R columns
  const hv: Float64Array[] = [];
  const hbeta: number[] = [];
  const rcols: Float64Array[] = []; // R column for each kept column, length = rank at that time + 1

  for (let j = 0; j < K; j++) {
    const a = work[j];
    const ref = opts.refNorms ? opts.refNorms[j] * opts.refNorms[j] : norm2(a);
    // apply previous reflections
    for (let r = 0; r < hv.length; r++) applyReflector(hv[r], hbeta[r], r, a);
    const r = keep.length;
    const rem = norm2(a, r);
    if (!(ref > 0) || !(rem >= tol * ref) || r >= n) {
      dropped.push(j);
      continue;
    }
    // build reflector for a[r..]
    const alpha = a[r] >= 0 ? -Math.sqrt(rem) : Math.sqrt(rem);
    const v = new Float64Array(n);
    v[r] = a[r] - alpha;
    for (let i = r + 1; i < n; i++) v[i] = a[i];
    const vnorm = norm2(v, r);
    const beta = vnorm > 0 ? 2 / vnorm : 0;
    const rc = new Float64Array(r + 1);
    for (let i = 0; i < r; i++) rc[i] = a[i];
    rc[r] = alpha;
    hv.push(v);
    hbeta.push(beta);
    rcols.push(rc);
    keep.push(j);
  }
  const k = keep.length;
  for (let r = 0; r < k; r++) applyReflector(hv[r], hbeta[r], r, qy);

  // back substitution R b = (Q'y)[0..k)
  const coef = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = qy[i];
    for (let c = i + 1; c < k; c++) s -= rcols[c][i] * coef[c];
    coef[i] = s / rcols[i][i];
  }
  // R^-1 (upper), then (X'WX)^-1 = R^-1 R^-T
  const rinv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    rinv[c * k + c] = 1 / rcols[c][c];
    for (let i = c - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= c; m++) s += rcols[m][i] * rinv[m * k + c];
      rinv[i * k + c] = -s / rcols[i][i];
    }
  }
  const xtxInv = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let m = i; m < k; m++) s += rinv[i * k + m] * rinv[j * k + m];
      xtxInv[i * k + j] = s;
      xtxInv[j * k + i] = s;
    }
  }
  const fitted = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    const col = cols[keep[c]];
    const b = coef[c];
    for (let i = 0; i < n; i++) fitted[i] += b * col[i];
  }
  const residuals = new Float64Array(n);
  let ssr = 0;
  for (let i = 0; i < n; i++) {
    const e = (y[i] as number) - fitted[i];
    residuals[i] = e;
    ssr += (w ? w[i] : 1) * e * e;
  }
  return {
    coef,
    keep,
    dropped,
    names: keep.map((j) => allNames[j]),
    droppedNames: dropped.map((j) => allNames[j]),
    xtxInv,
    residuals,
    fitted,
    ssr,
    nobs: n,
    rank: k,
  };
}

/** a <- (I - beta v v') a, with v zero above row r. */
function applyReflector(v: Float64Array, beta: number, r: number, a: Float64Array): void {
  if (beta === 0) return;
  let s = 0;
  const n = a.length;
  for (let i = r; i < n; i++) s += v[i] * a[i];
  s *= beta;
  if (s === 0) return;
  for (let i = r; i < n; i++) a[i] -= s * v[i];
}
