/**
 * Dense matrices: row-major Float64Array with explicit shape.
 * Element (i, j) of an r x c matrix lives at data[i * c + j].
 */
import { InputError } from '../errors.js';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A zero-filled (or wrapped) rows x cols matrix. */
export function matrix(rows: number, cols: number, data?: Float64Array | number[]): Matrix {
  if (data === undefined) return { rows, cols, data: new Float64Array(rows * cols) };
  const d = data instanceof Float64Array ? data : Float64Array.from(data);
  if (d.length !== rows * cols) {
    throw new InputError(`matrix data has ${d.length} values but shape ${rows}x${cols} needs ${rows * cols}.`);
  }
  return { rows, cols, data: d };
}

/** Matrix from an array of rows. @example fromRows([[1,2],[3,4]]).data // Float64Array [1,2,3,4] */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = matrix(r, c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new InputError(`row ${i} has ${rows[i].length} values, expected ${c}.`);
    m.data.set(rows[i], i * c);
  }
  return m;
}

export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

export function identity(n: number): Matrix {
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

export function clone(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

export function transpose(m: Matrix): Matrix {
  const t = matrix(m.cols, m.rows);
  const { rows, cols, data } = m;
  const B = 64;
  for (let ii = 0; ii < rows; ii += B) {
    for (let jj = 0; jj < cols; jj += B) {
      const iMax = Math.min(ii + B, rows);
      const jMax = Math.min(jj + B, cols);
      for (let i = ii; i < iMax; i++) {
        for (let j = jj; j < jMax; j++) t.data[j * rows + i] = data[i * cols + j];
      }
    }
  }
  return t;
}

/** Row sums: a vector of length rows. */
export function rowSums(m: Matrix): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    const o = i * m.cols;
    for (let j = 0; j < m.cols; j++) s += m.data[o + j];
    out[i] = s;
  }
  return out;
}

/** Column sums: a vector of length cols. */
export function colSums(m: Matrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const o = i * m.cols;
    for (let j = 0; j < m.cols; j++) out[j] += m.data[o + j];
  }
  return out;
}

/** m * diag(v): scale column j by v[j]. */
export function scaleCols(m: Matrix, v: ArrayLike<number>): Matrix {
  const out = matrix(m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) {
    const o = i * m.cols;
    for (let j = 0; j < m.cols; j++) out.data[o + j] = m.data[o + j] * v[j];
  }
  return out;
}

/** diag(v) * m: scale row i by v[i]. */
export function scaleRows(m: Matrix, v: ArrayLike<number>): Matrix {
  const out = matrix(m.rows, m.cols);
  for (let i = 0; i < m.rows; i++) {
    const o = i * m.cols;
    const s = v[i];
    for (let j = 0; j < m.cols; j++) out.data[o + j] = m.data[o + j] * s;
  }
  return out;
}

/** Matrix-vector product m * v. */
export function matVec(m: Matrix, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    const o = i * m.cols;
    for (let j = 0; j < m.cols; j++) s += m.data[o + j] * v[j];
    out[i] = s;
  }
  return out;
}

/** Vector-matrix product v' * m (a row vector of length cols). */
export function vecMat(v: ArrayLike<number>, m: Matrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) {
    const s = v[i];
    if (s === 0) continue;
    const o = i * m.cols;
    for (let j = 0; j < m.cols; j++) out[j] += s * m.data[o + j];
  }
  return out;
}

/** Largest absolute element-wise difference, and the largest relative one (|a-b| / max(|a|,|b|,tiny)). */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): { abs: number; rel: number } {
  let abs = 0;
  let rel = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > abs) abs = d;
    const s = Math.max(Math.abs(a[i]), Math.abs(b[i]));
    if (s > 0 && d / s > rel) rel = d / s;
  }
  return { abs, rel };
}

/** A sub-block [r0, r0+nr) x [c0, c0+nc) as a new matrix. */
export function block(m: Matrix, r0: number, c0: number, nr: number, nc: number): Matrix {
  const out = matrix(nr, nc);
  for (let i = 0; i < nr; i++) {
    const src = (r0 + i) * m.cols + c0;
    out.data.set(m.data.subarray(src, src + nc), i * nc);
  }
  return out;
}
