/**
 * Pure-TypeScript dense linear algebra (row-major Float64Array).
 * - LU with partial pivoting (Doolittle, right-looking, row-major so the inner loops are contiguous).
 * - Inverse by LU then forward/back substitution on the identity's columns, done row-wise.
 * - GEMM as an i-k-j loop over cache blocks.
 * Singularity: a pivot below n * eps * max|A| raises SingularMatrixError naming the pivot row.
 */
import { SingularMatrixError, InputError } from '../errors.js';
import type { GemmOptions, LinalgBackend } from './backend.js';
import { matrix, transpose, type Matrix } from './matrix.js';

export interface LuFactors {
  n: number;
  /** L (unit lower, below diagonal) and U (upper) packed row-major. */
  lu: Float64Array;
  /** perm[i] = original row placed at row i. */
  perm: Int32Array;
}

/** LU factorization with partial pivoting of a square matrix (input untouched). */
export function luFactor(a: Matrix): LuFactors {
  if (a.rows !== a.cols) throw new InputError(`LU needs a square matrix, got ${a.rows}x${a.cols}.`);
  const n = a.rows;
  const lu = a.data.slice();
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let amax = 0;
  for (let i = 0; i < lu.length; i++) amax = Math.max(amax, Math.abs(lu[i]));
  const tol = Math.max(n, 1) * Number.EPSILON * amax;
  const tmp = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let p = k;
    let pv = Math.abs(lu[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]);
      if (v > pv) {
        pv = v;
        p = i;
      }
    }
    if (!(pv > tol)) {
      throw new SingularMatrixError(`matrix is singular to working precision at pivot ${k + 1} of ${n} (row ${perm[p] + 1}).`);
    }
    if (p !== k) {
      tmp.set(lu.subarray(k * n, k * n + n));
      lu.copyWithin(k * n, p * n, p * n + n);
      lu.set(tmp, p * n);
      const t = perm[k];
      perm[k] = perm[p];
      perm[p] = t;
    }
    const inv = 1 / lu[k * n + k];
    const rowK = k * n;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const f = lu[ri + k] * inv;
      if (f === 0) {
        lu[ri + k] = 0;
        continue;
      }
      lu[ri + k] = f;
      for (let j = k + 1; j < n; j++) lu[ri + j] -= f * lu[rowK + j];
    }
  }
  return { n, lu, perm };
}

/** Solve A X = B given LU factors of A; B is n x k. */
export function luSolve(f: LuFactors, b: Matrix): Matrix {
  const { n, lu, perm } = f;
  if (b.rows !== n) throw new InputError(`right-hand side has ${b.rows} rows, expected ${n}.`);
  const k = b.cols;
  const x = matrix(n, k);
  const X = x.data;
  for (let i = 0; i < n; i++) X.set(b.data.subarray(perm[i] * k, perm[i] * k + k), i * k);
  // forward: L y = Pb (unit diagonal), row operations on contiguous rows of X
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const xi = i * k;
    for (let j = 0; j < i; j++) {
      const l = lu[ri + j];
      if (l === 0) continue;
      const xj = j * k;
      for (let c = 0; c < k; c++) X[xi + c] -= l * X[xj + c];
    }
  }
  // backward: U x = y
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = i * k;
    for (let j = i + 1; j < n; j++) {
      const u = lu[ri + j];
      if (u === 0) continue;
      const xj = j * k;
      for (let c = 0; c < k; c++) X[xi + c] -= u * X[xj + c];
    }
    const d = 1 / lu[ri + i];
    for (let c = 0; c < k; c++) X[xi + c] *= d;
  }
  return x;
}

function gemmPure(a: Matrix, b: Matrix, opts: GemmOptions = {}): Matrix {
  const A = opts.transA ? transpose(a) : a;
  const B = opts.transB ? transpose(b) : b;
  if (A.cols !== B.rows) throw new InputError(`gemm shapes do not conform: ${A.rows}x${A.cols} times ${B.rows}x${B.cols}.`);
  const m = A.rows;
  const kk = A.cols;
  const n = B.cols;
  const c = matrix(m, n);
  const C = c.data;
  const Ad = A.data;
  const Bd = B.data;
  const KB = 128;
  for (let k0 = 0; k0 < kk; k0 += KB) {
    const k1 = Math.min(k0 + KB, kk);
    for (let i = 0; i < m; i++) {
      const ci = i * n;
      const ai = i * kk;
      for (let p = k0; p < k1; p++) {
        const av = Ad[ai + p];
        if (av === 0) continue;
        const bp = p * n;
        for (let j = 0; j < n; j++) C[ci + j] += av * Bd[bp + j];
      }
    }
  }
  return c;
}

function inversePure(a: Matrix): Matrix {
  const f = luFactor(a);
  const n = a.rows;
  const eye = matrix(n, n);
  for (let i = 0; i < n; i++) eye.data[i * n + i] = 1;
  return luSolve(f, eye);
}

export const pureBackend: LinalgBackend = {
  name: 'pure-ts',
  gemm: gemmPure,
  inverse: inversePure,
  solve: (a, b) => luSolve(luFactor(a), b),
};
