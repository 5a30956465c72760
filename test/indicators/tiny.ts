/**
 * Test fixtures for the indicator suites: a hand-written 2-country x 2-sector table, a seeded 3-country
 * table (indirect re-export terms vanish with two countries), and textbook routines written independently of
 * src/linalg (Gauss-Jordan inverse, naive products) for the reference values.
 */
import { buildTable } from '../../src/mrio/build.js';
import { fromRows, matrix } from '../../src/linalg/index.js';
import type { MrioTable } from '../../src/mrio/table.js';
import { mulberry32 } from '../../src/random.js';

/** Two countries A, B; sectors s1, s2; one final-demand column per country; x = row sums (balanced). */
export function tiny2(opts: { xDelta?: number[] } = {}): MrioTable {
  const Z = [
    [20, 15, 10, 5],
    [10, 30, 8, 12],
    [6, 4, 25, 10],
    [3, 9, 12, 18],
  ];
  const Y = [
    [50, 20],
    [40, 15],
    [10, 60],
    [12, 45],
  ];
  const x = Z.map((r, i) => r.reduce((a, b) => a + b, 0) + Y[i][0] + Y[i][1] + (opts.xDelta?.[i] ?? 0));
  return buildTable({
    countries: ['A', 'B'],
    sectors: ['s1', 's2'],
    fdCategories: ['FD'],
    Z: fromRows(Z),
    Y: fromRows(Y),
    x: Float64Array.from(x),
  });
}

const rng = mulberry32;

/**
 * G countries x N sectors with K final-demand categories, random positive flows; x = row sums plus an
 * optional imbalance (relative, per row) so that identities that need balanced rows can be told apart.
 */
export function randomTable(G: number, N: number, seed: number, opts: { K?: number; imbalance?: number } = {}): MrioTable {
  const K = opts.K ?? 1;
  const r = rng(seed);
  const GN = G * N;
  const Z = matrix(GN, GN);
  const Y = matrix(GN, G * K);
  for (let i = 0; i < GN; i++) {
    for (let j = 0; j < GN; j++) {
      const same = Math.floor(i / N) === Math.floor(j / N);
      Z.data[i * GN + j] = (same ? 20 : 4) * r();
    }
    for (let c = 0; c < G * K; c++) {
      const same = Math.floor(i / N) === Math.floor(c / K);
      Y.data[i * G * K + c] = (same ? 60 : 10) * r();
    }
  }
  const x = new Float64Array(GN);
  for (let i = 0; i < GN; i++) {
    let s = 0;
    for (let j = 0; j < GN; j++) s += Z.data[i * GN + j];
    for (let c = 0; c < G * K; c++) s += Y.data[i * G * K + c];
    x[i] = s * (1 + (opts.imbalance ?? 0) * (r() - 0.5));
  }
  const countries = Array.from({ length: G }, (_, k) => `C${k + 1}`);
  const sectors = Array.from({ length: N }, (_, k) => `s${k + 1}`);
  const fdCategories = K === 1 ? ['FD'] : Array.from({ length: K }, (_, k) => `F${k + 1}`);
  return buildTable({ countries, sectors, fdCategories, Z, Y, x });
}

/** Gauss-Jordan inverse of a small dense matrix given as rows (no pivoting tricks beyond partial). */
export function gjInverse(M: number[][]): number[][] {
  const n = M.length;
  const a = M.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * n; j++) a[c][j] /= d;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((r) => r.slice(n));
}

/** Rows of a flat matrix. */
export function rowsOf(data: ArrayLike<number>, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => data[i * cols + j]));
}

export function mul(a: number[][], b: number[][]): number[][] {
  return a.map((r) => b[0].map((_, j) => r.reduce((s, x, k) => s + x * b[k][j], 0)));
}

/** Textbook objects of a table, computed without src/linalg: A, B, v, Yc (GN x G), local inverses. */
export function reference(t: MrioTable) {
  const G = t.countries.length;
  const N = t.sectors.length;
  const GN = G * N;
  const K = t.fdCategories.length;
  const Z = rowsOf(t.Z.data, GN, GN);
  const x = Array.from(t.x);
  const A = Z.map((r) => r.map((z, j) => (x[j] !== 0 ? z / x[j] : 0)));
  const B = gjInverse(A.map((r, i) => r.map((a, j) => (i === j ? 1 : 0) - a)));
  const v = Array.from(t.va).map((va, i) => (x[i] !== 0 ? va / x[i] : 0));
  const Yc = Array.from({ length: GN }, (_, r) =>
    Array.from({ length: G }, (_, d) => {
      let s = 0;
      for (let k = 0; k < K; k++) s += t.Y.data[r * G * K + d * K + k];
      return s;
    }),
  );
  const L = Array.from({ length: G }, (_, s) =>
    gjInverse(Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (i === j ? 1 : 0) - A[s * N + i][s * N + j]))),
  );
  const ctry = (r: number) => Math.floor(r / N);
  // gross exports of each row
  const e = Array.from({ length: GN }, (_, r) => {
    let s = 0;
    for (let c = 0; c < GN; c++) if (ctry(c) !== ctry(r)) s += Z[r][c];
    for (let d = 0; d < G; d++) if (d !== ctry(r)) s += Yc[r][d];
    return s;
  });
  /** L as a full block-diagonal GN x GN matrix. */
  const Lfull = Array.from({ length: GN }, (_, i) =>
    Array.from({ length: GN }, (_, j) => (ctry(i) === ctry(j) ? L[ctry(i)][i % N][j % N] : 0)),
  );
  return { G, N, GN, Z, x, A, B, v, Yc, L, Lfull, e, ctry, va: Array.from(t.va) };
}
