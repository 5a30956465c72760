/**
 * One interface for dense linear algebra. The pure-TypeScript backend (./pure.ts) runs anywhere,
 * including browsers; the native OpenBLAS backend is registered at the Node edge (src/node/native.ts)
 * when its addon is built. `linalg()` returns whichever is active.
 */
import type { Matrix } from './matrix.js';

export interface GemmOptions {
  /** Use A' instead of A. */
  transA?: boolean;
  /** Use B' instead of B. */
  transB?: boolean;
}

export interface LinalgBackend {
  readonly name: string;
  /** C = op(A) * op(B). */
  gemm(a: Matrix, b: Matrix, opts?: GemmOptions): Matrix;
  /** A^-1 for square A; throws SingularMatrixError when A is singular. */
  inverse(a: Matrix): Matrix;
  /** X solving A X = B (B is n x k, many right-hand sides); throws SingularMatrixError. */
  solve(a: Matrix, b: Matrix): Matrix;
}

let active: LinalgBackend | undefined;
let fallback: (() => LinalgBackend) | undefined;

/** Register the backend used by `linalg()` (e.g. the native one, once loaded). */
export function setBackend(b: LinalgBackend): void {
  active = b;
}

/** Internal: the pure backend registers itself as the fallback. */
export function setFallback(f: () => LinalgBackend): void {
  fallback = f;
}

/** The active backend: native OpenBLAS when registered, else pure TypeScript. */
export function linalg(): LinalgBackend {
  if (active) return active;
  if (!fallback) throw new Error('no linear algebra backend registered');
  active = fallback();
  return active;
}
