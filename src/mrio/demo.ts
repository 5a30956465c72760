/**
 * A generated demo world MRIO (default 10 countries x 8 sectors), seeded and deterministic.
 * Construction guarantees a productive economy: technical coefficients are drawn with column sums
 * in [0.35, 0.65], final demand is positive, and Z and x are derived from A and final demand exactly
 * (x = (I - A)^-1 y, Z = A diag(x)), so the table balances to rounding.
 */
import { linalg, matrix } from '../linalg/index.js';
import { iMinus } from './model.js';
import { buildTable } from './build.js';
import type { MrioTable } from './table.js';

/** xoshiro128** seeded by splitmix32: small, fast, reproducible across platforms. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  const sm = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const a = [sm(), sm(), sm(), sm()];
  return () => {
    const r = Math.imul(rotl(Math.imul(a[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (a[1] << 9) >>> 0;
    a[2] ^= a[0];
    a[3] ^= a[1];
    a[1] ^= a[2];
    a[0] ^= a[3];
    a[2] ^= t;
    a[3] = rotl(a[3], 11);
    return r / 4294967296;
  };
}
function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export const DEMO_COUNTRIES = ['CHN', 'USA', 'DEU', 'JPN', 'KOR', 'IDN', 'IND', 'BRA', 'RUS', 'ROW'];
export const DEMO_SECTORS = ['AGR', 'MIN', 'FOOD', 'TEX', 'CHEM', 'MACH', 'ELEC', 'SERV'];

export interface DemoOptions {
  countries?: number;
  sectors?: number;
  seed?: number;
  year?: number;
}

export function demoWorld(opts: DemoOptions = {}): MrioTable {
  const G = opts.countries ?? 10;
  const N = opts.sectors ?? 8;
  const rand = rng(opts.seed ?? 2024);
  const GN = G * N;
  const countries = Array.from({ length: G }, (_, i) => DEMO_COUNTRIES[i] ?? `C${i + 1}`);
  const sectors = Array.from({ length: N }, (_, i) => DEMO_SECTORS[i] ?? `S${i + 1}`);
  const size = countries.map(() => 0.5 + 2 * rand());
  const A = matrix(GN, GN);
  for (let c = 0; c < GN; c++) {
    const cc = Math.floor(c / N);
    const target = 0.35 + 0.3 * rand();
    const w = new Float64Array(GN);
    let tot = 0;
    for (let r = 0; r < GN; r++) {
      const rc = Math.floor(r / N);
      const home = rc === cc ? 8 : 1;
      const v = rand() < 0.15 ? 0 : home * size[rc] * rand();
      w[r] = v;
      tot += v;
    }
    for (let r = 0; r < GN; r++) A.data[r * GN + c] = (w[r] / tot) * target;
  }
  const K = 2;
  const Y = matrix(GN, G * K);
  for (let r = 0; r < GN; r++) {
    const rc = Math.floor(r / N);
    for (let j = 0; j < G; j++) {
      const base = (rc === j ? 60 : 4) * size[j] * (0.2 + rand());
      Y.data[r * G * K + j * K] = Math.round(base * 0.8 * 100) / 100;
      Y.data[r * G * K + j * K + 1] = Math.round(base * 0.2 * 100) / 100;
    }
  }
  const y = new Float64Array(GN);
  for (let r = 0; r < GN; r++) for (let k = 0; k < G * K; k++) y[r] += Y.data[r * G * K + k];
  const x = linalg().solve(iMinus(A), matrix(GN, 1, y)).data;
  const Z = matrix(GN, GN);
  for (let r = 0; r < GN; r++) for (let c = 0; c < GN; c++) Z.data[r * GN + c] = A.data[r * GN + c] * x[c];
  return buildTable({
    countries,
    sectors,
    fdCategories: ['HH', 'GFCF'],
    Z,
    Y,
    x: Float64Array.from(x),
    year: opts.year ?? 2020,
    source: `demo world (seed ${opts.seed ?? 2024})`,
    unit: 'million USD',
  });
}
