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
import { uniform32 } from '../random.js';


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
  const rand = uniform32(opts.seed ?? 2024); // xoshiro128** (src/random.ts), 32-bit uniforms
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
