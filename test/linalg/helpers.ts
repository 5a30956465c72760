/** Test helpers for the linear algebra suites: a seeded PRNG, random matrices and a naive product. */
import { matrix, type Matrix } from '../../src/linalg/index.js';
import { mulberry32 } from '../../src/random.js';

/** Deterministic uniform [0, 1) generator (mulberry32). */
export const rng = mulberry32;

/** rows x cols matrix of uniform values in [-1, 1). */
export function randomMatrix(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  const m = matrix(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = 2 * r() - 1;
  return m;
}

/** Random n x n strictly diagonally dominant matrix (well conditioned, nonsymmetric). */
export function diagDominant(n: number, seed: number): Matrix {
  const m = randomMatrix(n, n, seed);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += Math.abs(m.data[i * n + j]);
    m.data[i * n + i] = (m.data[i * n + i] >= 0 ? 1 : -1) * (s + 1);
  }
  return m;
}

/** Reference product by the textbook triple loop, independent of any backend. */
export function naiveMul(a: Matrix, b: Matrix): Matrix {
  const c = matrix(a.rows, b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let s = 0;
      for (let p = 0; p < a.cols; p++) s += a.data[i * a.cols + p] * b.data[p * b.cols + j];
      c.data[i * b.cols + j] = s;
    }
  }
  return c;
}

/** Largest absolute entry. */
export function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

/** Largest |a_ij - b_ij|. */
export function maxAbsDiff(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) return Infinity;
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}

/** I - A for square A. */
export function iMinus(a: Matrix): Matrix {
  const n = a.rows;
  const m = matrix(n, n);
  for (let i = 0; i < n * n; i++) m.data[i] = -a.data[i];
  for (let i = 0; i < n; i++) m.data[i * n + i] += 1;
  return m;
}
