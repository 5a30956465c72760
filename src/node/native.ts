/**
 * Loader of the native OpenBLAS addon (native/, built by scripts/build-native.mjs into
 * native/build/Release/gvc_openblas.node). `loadNativeBackend()` wraps it as a LinalgBackend named
 * 'openblas', or returns undefined when the addon is not built or does not load.
 *
 * Threads: GVC_THREADS=n sets OpenBLAS's worker count; otherwise OPENBLAS_NUM_THREADS /
 * OMP_NUM_THREADS, when set, are left to OpenBLAS; otherwise every available core is used (also when
 * GVC_THREADS is not a positive integer, with a process warning).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, SingularMatrixError } from '../errors.js';
import { matrix, type GemmOptions, type LinalgBackend, type Matrix } from '../linalg/index.js';

/** The addon's raw exports (row-major Float64Array in, new Float64Array out). */
interface Addon {
  gemm(a: Float64Array, ar: number, ac: number, b: Float64Array, br: number, bc: number, ta: boolean, tb: boolean): Float64Array;
  inverse(a: Float64Array, n: number): Float64Array;
  solve(a: Float64Array, n: number, b: Float64Array, k: number): Float64Array;
  setThreads(n: number): void;
  getThreads(): number;
  config(): string;
}

/** The OpenBLAS backend plus a few introspection helpers. */
export interface NativeBackend extends LinalgBackend {
  readonly name: 'openblas';
  /** OpenBLAS build string, e.g. "OpenBLAS 0.3.21 ... SkylakeX MAX_THREADS=64". */
  readonly config: string;
  /** Current OpenBLAS worker-thread count. */
  threads(): number;
  /** Change the OpenBLAS worker-thread count (>= 1). */
  setThreads(n: number): void;
}

const ADDON_REL = join('native', 'build', 'Release', 'gvc_openblas.node');

/** Absolute path of the built addon, searched upward from this file (src/node or dist/node), or undefined. */
export function nativeAddonPath(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const p = join(dir, ADDON_REL);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

function threadCount(): number | undefined {
  const raw = process.env.GVC_THREADS;
  if (raw !== undefined && raw !== '') {
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1) return n;
    process.emitWarning(`GVC_THREADS must be a positive integer, got "${raw}"; using all cores.`);
    return availableParallelism();
  }
  if (process.env.OPENBLAS_NUM_THREADS || process.env.OMP_NUM_THREADS) return undefined;
  return availableParallelism();
}

/** Re-throw addon errors as gvc's typed errors. */
function translate(err: unknown, n: number): never {
  const e = err as { code?: string; pivot?: number; message?: string };
  if (e?.code === 'GVC_SINGULAR') {
    throw new SingularMatrixError(`matrix is singular to working precision at pivot ${e.pivot} of ${n} (OpenBLAS LU).`);
  }
  if (e?.code === 'GVC_SHAPE' || e?.code === 'GVC_ARG') throw new InputError(`${e.message}.`);
  throw err;
}

function square(a: Matrix, what: string): number {
  if (a.rows !== a.cols) throw new InputError(`${what} needs a square matrix, got ${a.rows}x${a.cols}.`);
  return a.rows;
}

function wrap(addon: Addon): NativeBackend {
  return {
    name: 'openblas',
    config: addon.config(),
    threads: () => addon.getThreads(),
    setThreads: (n: number) => addon.setThreads(n),
    gemm(a: Matrix, b: Matrix, opts: GemmOptions = {}): Matrix {
      const ta = opts.transA === true;
      const tb = opts.transB === true;
      const [m, k] = ta ? [a.cols, a.rows] : [a.rows, a.cols];
      const [k2, n] = tb ? [b.cols, b.rows] : [b.rows, b.cols];
      if (k !== k2) throw new InputError(`gemm shapes do not conform: ${m}x${k} times ${k2}x${n}.`);
      try {
        return matrix(m, n, addon.gemm(a.data, a.rows, a.cols, b.data, b.rows, b.cols, ta, tb));
      } catch (err) {
        return translate(err, k);
      }
    },
    inverse(a: Matrix): Matrix {
      const n = square(a, 'inverse');
      try {
        return matrix(n, n, addon.inverse(a.data, n));
      } catch (err) {
        return translate(err, n);
      }
    },
    solve(a: Matrix, b: Matrix): Matrix {
      const n = square(a, 'solve');
      if (b.rows !== n) throw new InputError(`right-hand side has ${b.rows} rows, expected ${n}.`);
      try {
        return matrix(n, b.cols, addon.solve(a.data, n, b.data, b.cols));
      } catch (err) {
        return translate(err, n);
      }
    },
  };
}

let cached: NativeBackend | null | undefined;

/**
 * The native OpenBLAS backend, or undefined when native/build/Release/gvc_openblas.node is absent or
 * fails to load (missing libopenblas at run time, ABI mismatch). Loads once; sets the thread count.
 */
export function loadNativeBackend(): NativeBackend | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  const path = nativeAddonPath();
  if (!path) return undefined;
  let addon: Addon;
  try {
    addon = createRequire(import.meta.url)(path) as Addon;
  } catch {
    return undefined;
  }
  const threads = threadCount();
  if (threads !== undefined) addon.setThreads(threads);
  cached = wrap(addon);
  return cached;
}
