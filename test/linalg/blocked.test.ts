/**
 * The blocked pure-TypeScript kernels at and around their block boundaries (LU panels of 64 columns,
 * split recursively down to 16; GEMM tiles of 4x4 in packs of 128 rows, 256 deep, 1024 columns),
 * checked against textbook loops written here: a triple-loop product and an unblocked LU.
 */
import { describe, expect, it } from 'vitest';
import { SingularMatrixError } from '../../src/errors.js';
import { luFactor, luSolve, matrix, pureBackend, type Matrix } from '../../src/linalg/index.js';
import { diagDominant, randomMatrix } from './helpers.js';

const SIZES = [1, 2, 3, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 257];

/** C = A B by the textbook triple loop. */
function tripleLoop(a: Matrix, b: Matrix): Matrix {
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

/** Explicit transpose by index swapping. */
function flip(a: Matrix): Matrix {
  const t = matrix(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) t.data[j * a.rows + i] = a.data[i * a.cols + j];
  return t;
}

/** Unblocked textbook LU with partial pivoting (first maximum wins), returning the row order. */
function textbookPivots(a: Matrix): Int32Array {
  const n = a.rows;
  const w = a.data.slice();
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(w[i * n + k]) > Math.abs(w[p * n + k])) p = i;
    for (let j = 0; j < n; j++) [w[k * n + j], w[p * n + j]] = [w[p * n + j], w[k * n + j]];
    [perm[k], perm[p]] = [perm[p], perm[k]];
    for (let i = k + 1; i < n; i++) {
      const f = w[i * n + k] / w[k * n + k];
      for (let j = k; j < n; j++) w[i * n + j] -= f * w[k * n + j];
    }
  }
  return perm;
}

const maxAbs = (x: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
};

function maxDiff(a: Matrix, b: Matrix): number {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
  let m = 0;
  for (let i = 0; i < a.data.length; i++) m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
  return m;
}

function eye(n: number): Matrix {
  const m = matrix(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

describe('pure-ts blocked LU at block boundaries', () => {
  for (const n of SIZES) {
    it(`n = ${n}: P A = L U, |L| <= 1, the textbook pivots, and A A^-1 = A^-1 A = I`, () => {
      const A = randomMatrix(n, n, 1000 + n);
      const f = luFactor(A);
      // P A = L U, rebuilt with plain loops
      let worst = 0;
      let maxL = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p <= Math.min(i, j); p++) s += (p === i ? 1 : f.lu[i * n + p]) * f.lu[p * n + j];
          worst = Math.max(worst, Math.abs(s - A.data[f.perm[i] * n + j]));
          if (j < i) maxL = Math.max(maxL, Math.abs(f.lu[i * n + j]));
        }
      }
      expect(worst, 'max |PA - LU|').toBeLessThan(1e-13 * Math.max(1, n / 16));
      expect(maxL).toBeLessThanOrEqual(1);
      expect(Array.from(f.perm)).toEqual(Array.from(textbookPivots(A)));

      const X = pureBackend.inverse(A);
      const scale = maxAbs(A.data) * maxAbs(X.data) * n;
      expect(maxDiff(tripleLoop(A, X), eye(n)) / scale, 'A X - I').toBeLessThan(1e-14);
      expect(maxDiff(tripleLoop(X, A), eye(n)) / scale, 'X A - I').toBeLessThan(1e-14);
    });
  }

  for (const n of [1, 33, 64, 65, 257]) {
    it(`n = ${n}: solve with 1, 3, 5 and 70 right-hand sides leaves small residuals`, () => {
      const A = diagDominant(n, 2000 + n);
      const f = luFactor(A);
      const X1 = luSolve(f, randomMatrix(n, 70, 1));
      for (const k of [1, 3, 5, 70]) {
        const B = randomMatrix(n, k, 3000 + k);
        const X = luSolve(f, B);
        const r = maxDiff(tripleLoop(A, X), B) / (maxAbs(A.data) * maxAbs(X.data) * n);
        expect(r, `k=${k}`).toBeLessThan(1e-14);
      }
      expect(X1.cols).toBe(70);
      // one column at a time (the k = 1 path) agrees with the blocked many-column solve
      const B = randomMatrix(n, 4, 77);
      const all = luSolve(f, B);
      for (let c = 0; c < 4; c++) {
        const col = matrix(n, 1, Float64Array.from({ length: n }, (_, i) => B.data[i * 4 + c]));
        const x = luSolve(f, col);
        for (let i = 0; i < n; i++) expect(Math.abs(x.data[i] - all.data[i * 4 + c])).toBeLessThan(1e-13);
      }
    });
  }

  for (const n of [65, 130]) {
    it(`n = ${n}: sparse rows in shuffled order (zero multipliers skipped, pivoting needed)`, () => {
      const r = randomMatrix(n, n, 4000 + n);
      const A = matrix(n, n);
      // row i of A is row shuffle(i) of a sparse, diagonally heavy matrix
      const order = Array.from({ length: n }, (_, i) => (i * 37 + 11) % n);
      for (let i = 0; i < n; i++) {
        const src = order[i];
        for (let j = 0; j < n; j++) {
          const v = r.data[i * n + j];
          A.data[i * n + j] = j === src ? 3 + v : Math.abs(v) < 0.15 ? v : 0;
        }
      }
      const X = pureBackend.inverse(A);
      const scale = maxAbs(A.data) * maxAbs(X.data) * n;
      expect(maxDiff(tripleLoop(A, X), eye(n)) / scale).toBeLessThan(1e-14);
      const B = randomMatrix(n, 6, 9);
      const Y = pureBackend.solve(A, B);
      expect(maxDiff(tripleLoop(A, Y), B) / (maxAbs(A.data) * maxAbs(Y.data) * n)).toBeLessThan(1e-14);
    });
  }

  it('the inverse equals solving against the identity beyond one block (n = 129)', () => {
    const A = diagDominant(129, 5);
    expect(maxDiff(pureBackend.inverse(A), pureBackend.solve(A, eye(129)))).toBeLessThan(1e-15);
  });

  it('detects singularity in a later block: a zero row surfaces at the last pivot', () => {
    const A = diagDominant(100, 6);
    A.data.fill(0, 90 * 100, 91 * 100);
    expect(() => pureBackend.inverse(A)).toThrow(SingularMatrixError);
    expect(() => pureBackend.inverse(A)).toThrow(/pivot 100 of 100 \(row 91\)/);
  });

  it('detects singularity in a later block: a repeated row leaves a tiny pivot', () => {
    const A = diagDominant(150, 7);
    A.data.copyWithin(130 * 150, 20 * 150, 21 * 150);
    expect(() => pureBackend.inverse(A)).toThrow(SingularMatrixError);
    expect(() => pureBackend.solve(A, randomMatrix(150, 2, 8))).toThrow(SingularMatrixError);
  });

  it('handles 0 x 0', () => {
    expect(pureBackend.inverse(matrix(0, 0)).data.length).toBe(0);
    expect(pureBackend.solve(matrix(0, 0), matrix(0, 3)).cols).toBe(3);
  });
});

describe('pure-ts blocked GEMM on non-square shapes, every transpose combination', () => {
  // (m, k, n): thin, single row or column, across the 4x4 tile, 128-row, 256-deep and 1024-column packs
  const shapes: Array<[number, number, number]> = [
    [1, 1, 1],
    [1, 7, 1],
    [5, 1, 3],
    [3, 300, 2],
    [2, 3, 300],
    [37, 53, 29],
    [129, 70, 257],
    [257, 300, 5],
    [6, 513, 1030],
    [130, 4, 1],
  ];
  for (const [m, k, n] of shapes) {
    it(`${m}x${k} times ${k}x${n}`, () => {
      const A = randomMatrix(m, k, m * 7 + k);
      const B = randomMatrix(k, n, n * 11 + k);
      const ref = tripleLoop(A, B);
      const tol = 1e-15 * k * 4;
      const At = flip(A);
      const Bt = flip(B);
      expect(maxDiff(pureBackend.gemm(A, B), ref), 'N N').toBeLessThan(tol);
      expect(maxDiff(pureBackend.gemm(At, B, { transA: true }), ref), 'T N').toBeLessThan(tol);
      expect(maxDiff(pureBackend.gemm(A, Bt, { transB: true }), ref), 'N T').toBeLessThan(tol);
      expect(maxDiff(pureBackend.gemm(At, Bt, { transA: true, transB: true }), ref), 'T T').toBeLessThan(tol);
    });
  }

  it('empty inner or outer dimensions give zero or empty products', () => {
    const C = pureBackend.gemm(matrix(3, 0), matrix(0, 4));
    expect([C.rows, C.cols]).toEqual([3, 4]);
    expect(maxAbs(C.data)).toBe(0);
    expect(pureBackend.gemm(matrix(0, 5), matrix(5, 2)).data.length).toBe(0);
  });

  it('accumulates nothing across calls (fresh output each time)', () => {
    const A = randomMatrix(9, 300, 1);
    const B = randomMatrix(300, 9, 2);
    const first = pureBackend.gemm(A, B);
    pureBackend.gemm(randomMatrix(200, 300, 3), randomMatrix(300, 1100, 4));
    expect(maxDiff(pureBackend.gemm(A, B), first)).toBe(0);
  });
});
