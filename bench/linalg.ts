/**
 * Leontief-inverse benchmark: (I - A)^-1 with A random nonnegative, column sums ~0.6, at n = 2000
 * and n = 4915 (the ICIO size). Native OpenBLAS vs pure TypeScript (only up to --pure-max, default
 * 2000) vs numpy.linalg.inv on the same matrix (python3 child, one call per round, alternating with
 * native). Prints seconds (best of --reps) and native/numpy, and writes every raw timing to
 * bench/results/linalg.json.
 *
 *   npm run bench -- linalg [--sizes 2000,4915] [--reps 3] [--pure-max 2000] [--no-numpy]
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
  numpy: boolean;
}

interface Row {
  n: number;
  native: number[] | null;
  pure: number[] | null;
  numpy: number[] | null;
  /** best native / best numpy */
  ratio: number | null;
  /** max |(I-A) (X v) - v| for a random v, native inverse X */
  residual: number | null;
  /** relative difference of sum(X) between numpy and native */
  numpyChecksumRelDiff: number | null;
  notes: string[];
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [2000, 4915], reps: 3, pureMax: 2000, numpy: true };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--sizes') o.sizes = value().split(',').map(Number);
    else if (flag === '--reps') o.reps = Number(value());
    else if (flag === '--pure-max') o.pureMax = Number(value());
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

function printTable(rows: Row[]): void {
  console.log('\n     n   native s    numpy s     pure s   native/numpy   residual');
  for (const r of rows) {
    const cells = [fmt(best(r.native)), fmt(best(r.numpy)), fmt(best(r.pure)), fmt(r.ratio, 2)];
    const res = r.residual === null ? '-' : r.residual.toExponential(1);
    console.log(`${String(r.n).padStart(6)} ${cells.map((c, i) => c.padStart(i === 3 ? 14 : 10)).join(' ')} ${res.padStart(10)}`);
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
    const row: Row = { n, native: null, pure: null, numpy: null, ratio: null, residual: null, numpyChecksumRelDiff: null, notes: [] };
    // native and numpy alternate, one call each per round, so load from other processes hits both alike
    const tmp = noNumpy ? undefined : writeMatrixFile(m.data);
    let check: number | null = null;
    let npCheck: number | null = null;
    try {
      for (let k = 0; k < o.reps; k++) {
        if (native) {
          const [x, times] = timeReps(native, m, 1);
          (row.native ??= []).push(...times);
          if (k === 0) {
            row.residual = residual(m, x);
            check = sum(x.data);
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
      const [x, times] = timeReps(pureBackend, m, 1);
      row.pure = times;
      if (check === null) check = sum(x.data);
    } else {
      row.notes.push(`pure-ts skipped above n=${o.pureMax} (--pure-max)`);
    }
    if (check !== null && npCheck !== null) row.numpyChecksumRelDiff = Math.abs(npCheck - check) / Math.abs(check);
    const bn = best(row.native);
    const bp = best(row.numpy);
    if (bn !== null && bp !== null) row.ratio = bn / bp;
    if (row.numpyChecksumRelDiff !== null && row.numpyChecksumRelDiff > 1e-9) {
      row.notes.push(`sum of inverse differs from numpy's by ${row.numpyChecksumRelDiff.toExponential(1)} (relative)`);
    }
    rows.push(row);
    console.log(`n=${n}: native ${fmt(bn)} s, numpy ${fmt(bp)} s, pure ${fmt(best(row.pure))} s`);
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
    results: rows,
  };
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`\nraw timings: ${out}`);
}

/** The `linalg` benchmark for bench/run.ts. */
export const linalgBench: Benchmark = {
  name: 'linalg',
  description: 'Leontief inverse (I - A)^-1 at n = 2000 and 4915: native OpenBLAS vs pure TS vs numpy',
  run,
};
