/**
 * Backend-independent correctness suite, checked against facts computed outside any backend:
 * textbook Leontief inverses, exact adjugate inverses, hand-computed products and residuals.
 * Run by pure.test.ts and native.test.ts.
 */
import { expect, it } from 'vitest';
import { InputError, SingularMatrixError } from '../../src/errors.js';
import { fromRows, identity, matrix, toRows, type LinalgBackend } from '../../src/linalg/index.js';
import { diagDominant, iMinus, maxAbs, maxAbsDiff, naiveMul, randomMatrix } from './helpers.js';

/** Close within an absolute tolerance, element by element, with the worst difference in the failure. */
function expectClose(actual: number[][], expected: number[][], tol: number): void {
  const diff = maxAbsDiff(fromRows(actual), fromRows(expected));
  expect(diff, `max |diff| ${diff} > ${tol}`).toBeLessThanOrEqual(tol);
}

/** Register the shared tests for one backend (call inside a describe block). */
export function backendSuite(get: () => LinalgBackend): void {
  it('reproduces the Miller & Blair two-sector Leontief inverse', () => {
    // Miller & Blair, Input-Output Analysis (2009), sec. 2.3: Z = [150 500; 200 100], x = [1000 2000]
    const A = fromRows([[0.15, 0.25], [0.2, 0.05]]);
    const L = get().inverse(iMinus(A));
    expectClose(toRows(L), [[1.2541, 0.33], [0.264, 1.1221]], 5e-5);
    // exact: (I-A)^-1 = [0.95 0.25; 0.2 0.85] / 0.7575
    expectClose(toRows(L), [[0.95 / 0.7575, 0.25 / 0.7575], [0.2 / 0.7575, 0.85 / 0.7575]], 1e-14);
  });

  it('inverts a 3x3 Leontief matrix to its exact adjugate / determinant', () => {
    const A = fromRows([[0.2, 0.3, 0.2], [0.4, 0.1, 0.2], [0.1, 0.3, 0.2]]);
    // 10 (I-A) = [8 -3 -2; -4 9 -2; -1 -3 8], det 384, adj [66 30 24; 34 62 24; 21 27 60]
    const adj = [[66, 30, 24], [34, 62, 24], [21, 27, 60]];
    const expected = adj.map((r) => r.map((v) => (10 * v) / 384));
    expectClose(toRows(get().inverse(iMinus(A))), expected, 1e-14);
  });

  it('needs pivoting: zero leading entries', () => {
    const P = fromRows([[0, 1], [1, 0]]);
    expectClose(toRows(get().inverse(P)), [[0, 1], [1, 0]], 0); // -0 and +0 both fine
    const A = fromRows([[0, 2, 1], [1, 1, 0], [3, 0, 1]]);
    expect(maxAbsDiff(naiveMul(A, get().inverse(A)), identity(3))).toBeLessThan(1e-15);
  });

  it('A * inv(A) = I and inv(A) * A = I for a random nonsymmetric 60x60 matrix', () => {
    const A = randomMatrix(60, 60, 11);
    const X = get().inverse(A);
    const scale = maxAbs(A.data) * maxAbs(X.data) * 60;
    expect(maxAbsDiff(naiveMul(A, X), identity(60)) / scale).toBeLessThan(1e-14);
    expect(maxAbsDiff(naiveMul(X, A), identity(60)) / scale).toBeLessThan(1e-14);
  });

  it('solves a hand-checked 2x2 system', () => {
    const x = get().solve(fromRows([[2, 1], [1, 3]]), fromRows([[3], [5]]));
    expectClose(toRows(x), [[0.8], [1.4]], 1e-15);
  });

  it('solves with one and many right-hand sides to small residuals', () => {
    for (const [n, k, seed] of [[40, 1, 3], [40, 7, 4], [25, 60, 5]]) {
      const A = randomMatrix(n, n, seed);
      const B = randomMatrix(n, k, seed + 100);
      const X = get().solve(A, B);
      expect([X.rows, X.cols]).toEqual([n, k]);
      const r = maxAbsDiff(naiveMul(A, X), B) / (maxAbs(A.data) * maxAbs(X.data) * n);
      expect(r, `n=${n} k=${k}`).toBeLessThan(1e-14);
    }
  });

  it('solve with the identity as right-hand side equals the inverse', () => {
    const A = diagDominant(30, 9);
    expect(maxAbsDiff(get().solve(A, identity(30)), get().inverse(A))).toBeLessThan(1e-14);
    expect(get().solve(A, matrix(30, 0)).cols).toBe(0);
  });

  it('leaves its inputs untouched', () => {
    const A = randomMatrix(12, 12, 21);
    const B = randomMatrix(12, 3, 22);
    const a0 = A.data.slice();
    const b0 = B.data.slice();
    get().inverse(A);
    get().solve(A, B);
    get().gemm(A, B, { transA: true });
    expect(A.data).toEqual(a0);
    expect(B.data).toEqual(b0);
  });

  it('detects exactly singular matrices with SingularMatrixError naming the pivot', () => {
    const S = fromRows([[1, 2], [2, 4]]);
    expect(() => get().inverse(S)).toThrow(SingularMatrixError);
    expect(() => get().inverse(S)).toThrow(/pivot 2 of 2/);
    expect(() => get().solve(S, fromRows([[1], [2]]))).toThrow(SingularMatrixError);
    expect(() => get().inverse(matrix(3, 3))).toThrow(/pivot 1 of 3/);
  });

  it('detects numerically singular matrices (rounding leaves a tiny pivot)', () => {
    expect(() => get().inverse(fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]))).toThrow(SingularMatrixError);
    // I - A with columns of A summing to one: the column sums of I - A vanish
    const A = fromRows([
      [0.1, 0.3, 0.25, 0.2],
      [0.4, 0.1, 0.25, 0.3],
      [0.3, 0.2, 0.25, 0.1],
      [0.2, 0.4, 0.25, 0.4],
    ]);
    expect(() => get().inverse(iMinus(A))).toThrow(SingularMatrixError);
    expect(() => get().solve(iMinus(A), identity(4))).toThrow(SingularMatrixError);
  });

  it('gemm matches hand-computed products for every transpose combination', () => {
    const A = fromRows([[1, 2, 3], [4, 5, 6]]);
    const B = fromRows([[7, 8], [9, 10], [11, 12]]);
    expect(toRows(get().gemm(A, B))).toEqual([[58, 64], [139, 154]]);
    expect(toRows(get().gemm(A, B, {}))).toEqual([[58, 64], [139, 154]]);
    const D = fromRows([[1, 2], [3, 4]]);
    expect(toRows(get().gemm(A, D, { transA: true }))).toEqual([[13, 18], [17, 24], [21, 30]]);
    const Bt = fromRows([[7, 9, 11], [8, 10, 12]]);
    expect(toRows(get().gemm(A, Bt, { transB: true }))).toEqual([[58, 64], [139, 154]]);
    const E = fromRows([[1, 0], [0, 1], [1, 1]]);
    expect(toRows(get().gemm(A, E, { transA: true, transB: true }))).toEqual([[1, 4, 5], [2, 5, 7], [3, 6, 9]]);
  });

  it('gemm agrees with the naive product on random rectangular matrices', () => {
    const A = randomMatrix(37, 53, 31);
    const B = randomMatrix(53, 29, 32);
    expect(maxAbsDiff(get().gemm(A, B), naiveMul(A, B))).toBeLessThan(1e-13);
  });

  it('rejects non-conforming shapes with InputError', () => {
    const A = matrix(2, 3);
    expect(() => get().gemm(A, matrix(2, 3))).toThrow(InputError);
    expect(() => get().gemm(A, matrix(3, 2), { transA: true })).toThrow(InputError);
    expect(() => get().inverse(A)).toThrow(InputError);
    expect(() => get().solve(identity(3), matrix(2, 1))).toThrow(InputError);
  });
}
