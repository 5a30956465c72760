/**
 * Synthetic city-MRIO tables, §5.3 steps 5 and 7 (exact injection of the planted transfer through final demand):
 *   Θ_ks = U(0,1)³ with column sums r_s ~ U(.40, .65);  W_dd = .7, W_cd = .3 (GDP_c/d̃_cd) / Σ_{c'≠d} (GDP_c'/d̃_c'd);
 *   A = W ⊗ Θ (the same in all years);  ψ ~ Dirichlet(.7);  FD_d = .55 GDP_d,2012;  EXP = .08 GDP_c,2012 ψ;
 *   L = (I − A)^-1, V = I_n ⊗ ψ, M = G L V (one LU of I − A with n right-hand sides: LV = solve(I − A, V));
 *   M[−i,−i] q^{p,i} = (y1 − y0) τ[i→·, p],  B^2015_·i = B^2012_·i + q^{P1,i},  B^2017_·i = B^2015_·i + q^{P2,i};
 *   B^2012_cd = W_cd FD_d + f_cd with the top-up f_cd = max(0, F Σ_p (y1 − y0)(|τ[d→c,p]| + mean_{c'≠d}|τ[d→c',p]|)
 *   − W_cd FD_d), F = 3, 6, 12, 24 until min Y ≥ 0;
 *   Y^y[(c,k), d, m] = B^y_cd ψ_k σ_m;  x^y = L(Y^y 1 + EXP) = LV (b^y + e);  Z^y = A diag(x^y);
 *   IMP = .05 x;  VA = x − 1'Z − IMP (> 0).
 * Tables are materialised one year at a time by `load(year)` (Z is 1.35 GB at the paper size).
 */
import { linalg, matrix } from '../../../linalg/index.js';
import { FD_SHARES, PERIODS, TABLE_YEARS } from '../config.js';
import { K_FD, type CityMrio, type CityMrioSource } from '../mrio-city.js';
import type { Rand } from '../random.js';
import { GeneratorError, type Planted } from './effects.js';
import type { World } from './world.js';

export interface SyntheticTables {
  source: CityMrioSource;
  /** The same tables, synchronously (a fresh copy per call: the pipeline consumes Z). */
  load(year: number): CityMrio;
  /** Share of off-diagonal (c, d) with a positive top-up f_cd. */
  topupShare: number;
  /** Factor F that made Y ≥ 0. */
  topupFactor: number;
  /** Seconds spent in the LU solve for LV. */
  leontiefSeconds: number;
  /** min over c of M_cc and max off-diagonal column sum of M (diagnostics). */
  mDiag: { minDiag: number; maxOffColSum: number };
}

export function makeTables(world: World, planted: Planted, sectors: string[], rand: Rand): SyntheticTables {
  const n = world.n;
  const N = sectors.length;
  const nN = n * N;
  const gdp0 = world.gdp[0];
  // step 5
  const theta = new Float64Array(N * N);
  for (let s = 0; s < N; s++) {
    const r = rand.uniform(0.4, 0.65);
    let sum = 0;
    for (let k = 0; k < N; k++) sum += theta[k * N + s] = rand.next() ** 3;
    for (let k = 0; k < N; k++) theta[k * N + s] *= r / sum;
  }
  const W = new Float64Array(n * n);
  for (let d = 0; d < n; d++) {
    let den = 0;
    for (let c = 0; c < n; c++) if (c !== d) den += gdp0[c] / world.dTilde[c * n + d];
    for (let c = 0; c < n; c++) W[c * n + d] = c === d ? 0.7 : (0.3 * (gdp0[c] / world.dTilde[c * n + d])) / den;
  }
  const psi = rand.dirichlet(0.7, N);
  const fd = Float64Array.from(gdp0, (g) => 0.55 * g);
  const e = Float64Array.from(gdp0, (g) => 0.08 * g);

  // step 7: M = G L V from one LU of I − A
  const t0 = performance.now();
  let LV: Float64Array;
  {
    const IA = matrix(nN, nN);
    const a = IA.data;
    for (let c = 0; c < n; c++) {
      for (let k = 0; k < N; k++) {
        const row = (c * N + k) * nN;
        for (let d = 0; d < n; d++) {
          const w = W[c * n + d];
          const o = row + d * N;
          for (let s = 0; s < N; s++) a[o + s] = -w * theta[k * N + s];
        }
      }
    }
    for (let r = 0; r < nN; r++) a[r * nN + r] += 1;
    const V = matrix(nN, n);
    for (let c = 0; c < n; c++) for (let k = 0; k < N; k++) V.data[(c * N + k) * n + c] = psi[k];
    LV = linalg().solve(IA, V).data;
  }
  const leontiefSeconds = (performance.now() - t0) / 1000;
  const M = new Float64Array(n * n);
  for (let r = 0; r < nN; r++) {
    const c = Math.floor(r / N);
    for (let d = 0; d < n; d++) M[c * n + d] += LV[r * n + d];
  }
  let minDiag = Infinity;
  let maxOff = 0;
  for (let d = 0; d < n; d++) {
    minDiag = Math.min(minDiag, M[d * n + d]);
    let s = 0;
    for (let c = 0; c < n; c++) if (c !== d) s += Math.abs(M[c * n + d]);
    maxOff = Math.max(maxOff, s);
  }

  // q^{p,i}: M[−i,−i] q = (y1 − y0) τ[i→·, p]; Q[p][c*n + i] = q^{p,i}_c
  const Q = [new Float64Array(n * n), new Float64Array(n * n)];
  const m = n - 1;
  for (let i = 0; i < n; i++) {
    const sub = matrix(m, m);
    const rhs = matrix(m, 2);
    for (let a = 0, j = 0; j < n; j++) {
      if (j === i) continue;
      for (let b = 0, c = 0; c < n; c++) {
        if (c === i) continue;
        sub.data[a * m + b++] = M[j * n + c];
      }
      PERIODS.forEach((p, k) => (rhs.data[a * 2 + k] = (p.y1 - p.y0) * planted.tau[k][i * n + j]));
      a++;
    }
    const q = linalg().solve(sub, rhs).data;
    for (let a = 0, c = 0; c < n; c++) {
      if (c === i) continue;
      Q[0][c * n + i] = q[a * 2];
      Q[1][c * n + i] = q[a * 2 + 1];
      a++;
    }
  }

  // top-up and B^y
  const meanAbs = PERIODS.map((_, p) => Float64Array.from({ length: n }, (__, d) => {
    let s = 0;
    for (let c = 0; c < n; c++) if (c !== d) s += Math.abs(planted.tau[p][d * n + c]);
    return s / (n - 1);
  }));
  let B: Float64Array[] = [];
  let factor = 3;
  let topups = 0;
  for (; ; factor *= 2) {
    const B0 = new Float64Array(n * n);
    topups = 0;
    for (let c = 0; c < n; c++) {
      for (let d = 0; d < n; d++) {
        const base = W[c * n + d] * fd[d];
        let f = 0;
        if (c !== d) {
          let need = 0;
          PERIODS.forEach((p, k) => (need += (p.y1 - p.y0) * (Math.abs(planted.tau[k][d * n + c]) + meanAbs[k][d])));
          f = Math.max(0, factor * need - base);
          if (f > 0) topups++;
        }
        B0[c * n + d] = base + f;
      }
    }
    const B1 = B0.map((v, q) => v + Q[0][q]);
    const B2 = B1.map((v, q) => v + Q[1][q]);
    B = [B0, B1, B2];
    let minB = Infinity;
    for (const b of B) for (let q = 0; q < n * n; q++) minB = Math.min(minB, b[q]);
    if (minB >= 0) break;
    if (factor >= 24) throw new GeneratorError(`synthetic generator: final demand stays negative (min Y = ${minB}) after the top-up factors 3, 6, 12, 24.`);
  }

  // x^y = LV (b^y + e)
  const x = B.map((b) => {
    const v = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      let s = e[c];
      for (let d = 0; d < n; d++) s += b[c * n + d];
      v[c] = s;
    }
    const out = new Float64Array(nN);
    for (let r = 0; r < nN; r++) {
      let s = 0;
      for (let c = 0; c < n; c++) s += LV[r * n + c] * v[c];
      out[r] = s;
    }
    return out;
  });

  const load = (year: number): CityMrio => {
    const y = TABLE_YEARS.indexOf(year as (typeof TABLE_YEARS)[number]);
    if (y < 0) throw new GeneratorError(`synthetic tables exist for ${TABLE_YEARS.join(', ')}, not ${year}.`);
    const xv = x[y];
    const Z = new Float64Array(nN * nN);
    const colZ = new Float64Array(nN);
    for (let c = 0; c < n; c++) {
      for (let k = 0; k < N; k++) {
        const row = (c * N + k) * nN;
        for (let d = 0; d < n; d++) {
          const w = W[c * n + d];
          for (let s = 0; s < N; s++) {
            const col = d * N + s;
            const v = w * theta[k * N + s] * xv[col];
            Z[row + col] = v;
            colZ[col] += v;
          }
        }
      }
    }
    const Y = new Float64Array(nN * n * K_FD);
    for (let r = 0; r < nN; r++) {
      const c = Math.floor(r / N);
      const pk = psi[r % N];
      for (let d = 0; d < n; d++) {
        const b = B[y][c * n + d] * pk;
        for (let q = 0; q < K_FD; q++) Y[(r * n + d) * K_FD + q] = b * FD_SHARES[q];
      }
    }
    const imp = Float64Array.from(xv, (v) => 0.05 * v);
    const va = Float64Array.from(xv, (v, r) => v - colZ[r] - imp[r]);
    for (let r = 0; r < nN; r++) {
      if (!(va[r] > 0)) throw new GeneratorError(`synthetic generator: value added ${va[r]} is not positive in row ${r} of ${year}.`);
    }
    const exp = Float64Array.from({ length: nN }, (_, r) => e[Math.floor(r / N)] * psi[r % N]);
    return { year, cities: world.codes.slice(), sectors, Z, Y, exp, other: new Float64Array(nN), go: xv.slice(), imp, va, source: `synthetic ${year}` };
  };
  return {
    source: { years: TABLE_YEARS, load },
    load,
    topupShare: topups / (n * (n - 1)),
    topupFactor: factor,
    leontiefSeconds,
    mDiag: { minDiag, maxOffColSum: maxOff },
  };
}
