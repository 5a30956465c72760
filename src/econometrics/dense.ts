/**
 * Small dense helpers for K x K matrices used by the estimators (row-major Float64Array, K small).
 * - `cholesky` / `invSpd`: A = L L', A^-1 from L; throws NumericalError when A is not positive definite.
 * - `symEigen`: cyclic Jacobi eigen-decomposition of a symmetric matrix (used for the
 *   Cameron-Gelbach-Miller PSD fix and rank tests).
 * - `sandwich`: B M B for symmetric B.
 */
import { NumericalError } from '../errors.js';

/** Lower-triangular L with A = L L' (A is n x n SPD, row-major). */
export function cholesky(a: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] * l[j * n + k];
    if (!(d > 0)) throw new NumericalError(`matrix is not positive definite (pivot ${j + 1} of ${n}).`);
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}

/** Inverse of an SPD matrix via Cholesky. */
export function invSpd(a: Float64Array, n: number): Float64Array {
  const l = cholesky(a, n);
  // inverse of L (lower)
  const li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    li[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * li[k * n + j];
      li[i * n + j] = s / l[i * n + i];
    }
  }
  // A^-1 = L^-T L^-1
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += li[k * n + i] * li[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/** Solve A x = b for SPD A. */
export function solveSpd(a: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const l = cholesky(a, n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * z[k];
    z[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** General inverse by Gauss-Jordan with partial pivoting (small n). */
export function invGeneral(a: Float64Array, n: number): Float64Array {
  const m = a.slice();
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]) > Math.abs(m[p * n + c])) p = r;
    const piv = m[p * n + c];
    if (piv === 0 || !Number.isFinite(piv)) throw new NumericalError(`matrix is singular (column ${c + 1} of ${n}).`);
    if (p !== c) {
      for (let k = 0; k < n; k++) {
        let t = m[c * n + k];
        m[c * n + k] = m[p * n + k];
        m[p * n + k] = t;
        t = inv[c * n + k];
        inv[c * n + k] = inv[p * n + k];
        inv[p * n + k] = t;
      }
    }
    const ip = 1 / piv;
    for (let k = 0; k < n; k++) {
      m[c * n + k] *= ip;
      inv[c * n + k] *= ip;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c];
      if (f === 0) continue;
      for (let k = 0; k < n; k++) {
        m[r * n + k] -= f * m[c * n + k];
        inv[r * n + k] -= f * inv[c * n + k];
      }
    }
  }
  return inv;
}

/** Eigen-decomposition of symmetric A: values (unsorted) and vectors as columns of V (row-major). */
export function symEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = a.slice();
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += m[i * n + i] * m[i * n + i];
      for (let j = i + 1; j < n; j++) off += m[i * n + j] * m[i * n + j];
    }
    if (off <= 1e-30 * Math.max(diag, 1e-300)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        const app = m[p * n + p];
        const aqq = m[q * n + q];
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = m[i * n + i];
  return { values, vectors: v };
}

/** B M B' for n x n matrices (B symmetric in our uses; computed generally). */
export function sandwich(b: Float64Array, m: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const bik = b[i * n + k];
      if (bik === 0) continue;
      for (let j = 0; j < n; j++) t[i * n + j] += bik * m[k * n + j];
    }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += t[i * n + k] * b[j * n + k];
      out[i * n + j] = s;
    }
  return out;
}

/** Cross-product X'W X of column vectors (optional weights), K x K row-major. */
export function crossprod(cols: readonly Float64Array[], w?: Float64Array): Float64Array {
  const k = cols.length;
  const out = new Float64Array(k * k);
  const n = k ? cols[0].length : 0;
  for (let a = 0; a < k; a++) {
    const ca = cols[a];
    for (let b = 0; b <= a; b++) {
      const cb = cols[b];
      let s = 0;
      if (w) for (let i = 0; i < n; i++) s += w[i] * ca[i] * cb[i];
      else for (let i = 0; i < n; i++) s += ca[i] * cb[i];
      out[a * k + b] = s;
      out[b * k + a] = s;
    }
  }
  return out;
}

/** Quadratic form d' A^-1 d for SPD A (via Cholesky solve). */
export function quadFormInv(a: Float64Array, n: number, d: ArrayLike<number>): number {
  const x = solveSpd(a, n, d);
  let s = 0;
  for (let i = 0; i < n; i++) s += d[i] * x[i];
  return s;
}
