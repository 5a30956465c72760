/**
 * Leontief-inverse benchmark: (I - A)^-1 with A random nonnegative, column sums ~0.6, at n = 500,
 * 1000, 1435 (WIOD), 2000 and 4915 (the ICIO size). Native OpenBLAS vs the pure-TypeScript fallback
 * (blocked, only up to --pure-max, default 2000) vs numpy.linalg.inv on the same matrix (python3
 * child, one call per round, alternating with native). The previous unblocked pure-TS inverse is kept
 * here, in the benchmark only, and timed once per size up to --old-max for the before/after column.
 * Prints seconds (best of --reps), native/numpy, pure/numpy, pure/native and old/new, and writes
 * every raw timing to bench/results/linalg.json.
 *
 *   npm run bench -- linalg [--sizes 500,1000,1435,2000,4915] [--reps 3] [--pure-max 2000]
 *                           [--old-max 2000] [--no-numpy]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matVec, matrix, pureBackend, type LinalgBackend, type Matrix } from '../src/linalg/index.js';
import { loadNativeBackend } from '../src/node/native.js';
import { numpyUnavailable, timeNumpyInverse, writeMatrixFile } from './numpy.js';
import type { Benchmark } from './run.js';
import { mulberry32 } from '../src/random.js';

interface Options {
  sizes: number[];
  reps: number;
  pureMax: number;
  oldMax: number;
  numpy: boolean;
}

interface Row {
  n: number;
  native: number[] | null;
  pure: number[] | null;
  /** the unblocked pure-TS inverse this fallback replaced (LU, then substitution on n columns) */
  pureOld: number[] | null;
  numpy: number[] | null;
  /** best native / best numpy */
  ratio: number | null;
  /** best pure / best numpy */
  pureVsNumpy: number | null;
  /** best pure / best native */
  pureVsNative: number | null;
  /** old pure / best pure */
  pureSpeedup: number | null;
  /** max |(I-A) (X v) - v| for the pure inverse X */
  pureResidual: number | null;
  /** max |X_pure - X_native| over all entries */
  pureMaxDiffNative: number | null;
  /** max |(I-A) (X v) - v| for a random v, native inverse X */
  residual: number | null;
  /** relative difference of sum(X) between numpy and native */
  numpyChecksumRelDiff: number | null;
  notes: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [500, 1000, 1435, 2000, 4915], reps: 3, pureMax: 2000, oldMax: 2000, numpy: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') o.sizes = value().split(',').map(Number);
    else if (flag === '--reps') o.reps = Number(value());
    else if (flag === '--pure-max') o.pureMax = Number(value());
    else if (flag === '--old-max') o.oldMax = Number(value());
    else if (flag === '--no-numpy') o.numpy = false;
    else throw new Error(`linalg bench: unknown argument ${argv[i]}`);
  }
  return o;
}

/** Deterministic uniform [0, 1) generator. */
const rng = mulberry32;

/** I - A with A >= 0 random and column j summing to 0.6 * (0.8 .. 1.2). */
export function leontiefMatrix(n: number, seed = 42): Matrix {
  const r = rng(seed);
  const m = matrix(n, n);
  const d = m.data;
  const colSum = new Float64Array(n);
  for (let i = 0; i < n * n; i++) {
    const v = r() ** 3; // skewed like real input coefficients: many small, few large
    d[i] = v;
    colSum[i % n] += v;
  }
  const target = Float64Array.from({ length: n }, () => 0.6 * (0.8 + 0.4 * r()));
  for (let i = 0; i < n * n; i++) d[i] = -d[i] * (target[i % n] / colSum[i % n]);
  for (let i = 0; i < n; i++) d[i * n + i] += 1;
  return m;
}

/**
 * The pure-TS inverse before blocking, for the before/after comparison only: unblocked right-looking
 * LU with partial pivoting (rank-1 row updates), then forward and back substitution on all n columns
 * of the identity, one row operation at a time. Same pivot rule as the current backend.
 */
export function unblockedInverse(a: Matrix): Matrix {
  const n = a.rows;
  const lu = a.data.slice();
  const perm = Int32Array.from({ length: n }, (_, i) => i);
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
    if (!(pv > tol)) throw new Error(`singular at pivot ${k + 1} of ${n}`);
    if (p !== k) {
      tmp.set(lu.subarray(k * n, k * n + n));
      lu.copyWithin(k * n, p * n, p * n + n);
      lu.set(tmp, p * n);
      [perm[k], perm[p]] = [perm[p], perm[k]];
    }
    const inv = 1 / lu[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const f = lu[ri + k] * inv;
      lu[ri + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[ri + j] -= f * lu[k * n + j];
    }
  }
  const x = matrix(n, n);
  const X = x.data;
  for (let i = 0; i < n; i++) X[i * n + perm[i]] = 1; // row i of P I is row perm[i] of I
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const l = lu[i * n + j];
      if (l === 0) continue;
      for (let c = 0; c < n; c++) X[i * n + c] -= l * X[j * n + c];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      const u = lu[i * n + j];
      if (u === 0) continue;
      for (let c = 0; c < n; c++) X[i * n + c] -= u * X[j * n + c];
    }
    const d = 1 / lu[i * n + i];
    for (let c = 0; c < n; c++) X[i * n + c] *= d;
  }
  return x;
}

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const out = f();
  return [out, (performance.now() - t0) / 1000];
}

function timeReps(b: LinalgBackend, m: Matrix, reps: number): [Matrix, number[]] {
  let x = m;
  const times: number[] = [];
  for (let k = 0; k < reps; k++) {
    const [out, s] = time(() => b.inverse(m));
    x = out;
    times.push(s);
  }
  return [x, times];
}

const sum = (x: Float64Array) => x.reduce((s, v) => s + v, 0);
const best = (t: number[] | null) => (t && t.length ? Math.min(...t) : null);
const fmt = (v: number | null, digits = 3) => (v === null ? '-' : v.toFixed(digits));

function residual(m: Matrix, x: Matrix): number {
  const r = rng(7);
  const v = Float64Array.from({ length: m.rows }, () => r() - 0.5);
  const back = matVec(m, matVec(x, v));
  let worst = 0;
  for (let i = 0; i < v.length; i++) worst = Math.max(worst, Math.abs(back[i] - v[i]));
  return worst;
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function printTable(rows: Row[]): void {
  console.log('\n     n   native s    numpy s     pure s  pure-old s   native/numpy  pure/numpy  pure/native  old/new   residual');
  for (const r of rows) {
    const cells = [
      fmt(best(r.native)).padStart(10),
      fmt(best(r.numpy)).padStart(10),
      fmt(best(r.pure)).padStart(10),
      fmt(best(r.pureOld)).padStart(11),
      fmt(r.ratio, 2).padStart(14),
      fmt(r.pureVsNumpy, 1).padStart(11),
      fmt(r.pureVsNative, 1).padStart(12),
      fmt(r.pureSpeedup, 1).padStart(8),
    ];
    const res = r.residual ?? r.pureResidual;
    console.log(`${String(r.n).padStart(6)} ${cells.join(' ')} ${(res === null ? '-' : res.toExponential(1)).padStart(10)}`);
    for (const note of r.notes) console.log(`        note: ${note}`);
  }
}

async function run(argv: string[]): Promise<void> {
  const o = parseArgs(argv);
  const native = loadNativeBackend();
  const noNumpy = o.numpy ? numpyUnavailable() : 'disabled by --no-numpy';
  console.log(`linalg: inverse of I - A, sizes ${o.sizes.join(', ')}, best of ${o.reps}`);
  console.log(native ? `native: ${native.config}, ${native.threads()} threads` : 'native: addon not built, skipped');
  if (noNumpy) console.log(`numpy: skipped (${noNumpy})`);
  if (native) native.inverse(leontiefMatrix(256, 1)); // start OpenBLAS threads

  const rows: Row[] = [];
  let numpyVersion: string | null = null;
  for (const n of o.sizes) {
    const m = leontiefMatrix(n);
    const row: Row = {
      n,
      native: null,
      pure: null,
      pureOld: null,
      numpy: null,
      ratio: null,
      pureVsNumpy: null,
      pureVsNative: null,
      pureSpeedup: null,
      residual: null,
      pureResidual: null,
      pureMaxDiffNative: null,
      numpyChecksumRelDiff: null,
      notes: [],
    };
    // native and numpy alternate, one call each per round, so load from other processes hits both alike
    const tmp = noNumpy ? undefined : writeMatrixFile(m.data);
    let check: number | null = null;
    let npCheck: number | null = null;
    let nativeX: Matrix | null = null;
    try {
      for (let k = 0; k < o.reps; k++) {
        if (native) {
          const [x, times] = timeReps(native, m, 1);
          (row.native ??= []).push(...times);
          if (k === 0) {
            row.residual = residual(m, x);
            check = sum(x.data);
            nativeX = x;
          }
        }
        if (tmp) {
          const np = timeNumpyInverse(tmp.file, n, 1);
          if (typeof np === 'string') row.notes.push(`numpy failed: ${np}`);
          else {
            (row.numpy ??= []).push(...np.times);
            numpyVersion = np.version;
            npCheck = np.checksum;
          }
        }
      }
    } finally {
      tmp?.dispose();
    }
    if (n <= o.pureMax) {
      const [x, times] = timeReps(pureBackend, m, o.reps);
      row.pure = times;
      row.pureResidual = residual(m, x);
      if (nativeX) row.pureMaxDiffNative = maxAbsDiff(x.data, (nativeX as Matrix).data);
      if (check === null) check = sum(x.data);
      if (n <= o.oldMax) {
        const [xo, s] = time(() => unblockedInverse(m));
        row.pureOld = [s];
        const d = maxAbsDiff(xo.data, x.data);
        if (d > 1e-10) row.notes.push(`old and new pure inverses differ by up to ${d.toExponential(1)}`);
      }
    } else {
      row.notes.push(`pure-ts skipped above n=${o.pureMax} (--pure-max)`);
    }
    if (check !== null && npCheck !== null) row.numpyChecksumRelDiff = Math.abs(npCheck - check) / Math.abs(check);
    const bn = best(row.native);
    const bp = best(row.numpy);
    const bt = best(row.pure);
    const bo = best(row.pureOld);
    if (bn !== null && bp !== null) row.ratio = bn / bp;
    if (bt !== null && bp !== null) row.pureVsNumpy = bt / bp;
    if (bt !== null && bn !== null) row.pureVsNative = bt / bn;
    if (bt !== null && bo !== null) row.pureSpeedup = bo / bt;
    if (row.numpyChecksumRelDiff !== null && row.numpyChecksumRelDiff > 1e-9) {
      row.notes.push(`sum of inverse differs from numpy's by ${row.numpyChecksumRelDiff.toExponential(1)} (relative)`);
    }
    rows.push(row);
    console.log(`n=${n}: native ${fmt(bn)} s, numpy ${fmt(bp)} s, pure ${fmt(bt)} s, pure (old, unblocked) ${fmt(bo)} s`);
  }
  printTable(rows);

  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'linalg.json');
  mkdirSync(dirname(out), { recursive: true });
  const doc = {
    benchmark: 'linalg',
    task: 'inverse of I - A, A >= 0 random with column sums ~0.6',
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    openblas: native ? { config: native.config, threads: native.threads() } : null,
    numpy: numpyVersion ?? noNumpy ?? null,
    reps: o.reps,
    pure: 'blocked LU (panels of 64, recursive to 16) + 4x4 register-blocked packed GEMM; inverse = U^-1 L^-1 P',
    pureOld: 'unblocked LU + row-wise substitution on the identity (the fallback before blocking; timed once)',
    results: rows,
  };
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`\nraw timings: ${out}`);
}

/** The `linalg` benchmark for bench/run.ts. */
export const linalgBench: Benchmark = {
  name: 'linalg',
  description: 'Leontief inverse (I - A)^-1 at n = 500 to 4915: native OpenBLAS vs pure TS (new and old) vs numpy',
  run,
};
