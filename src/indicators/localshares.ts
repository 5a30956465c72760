/**
 * Local (domestic) shares and the value-added ratio of the deglobalization spec (2.2; Qu and Yang 2023,
 * "Manufacturing localization, technology backfire, and economic de-globalization", China Economist 18(1)).
 * Country c, scope K of sectors, a and b over the country-sectors of all regions (RoW included):
 *   omega_c = sum_{a in c, a in K} Yfd[a, c] / sum_{a in K} Yfd[a, c]            local share of final goods
 *   mu_c    = sum_{a in c} sum_{b in c∩K} Z[a, b] / sum_a sum_{b in c∩K} Z[a, b]   (basis "user", default)
 *   mu_c    = sum_{a in c∩K} sum_{b in c} Z[a, b] / sum_{a in K} sum_{b in c} Z[a, b] (basis "product")
 *   v_c     = sum_{b in c∩K} VA_b / sum_{b in c∩K} X_b                          value-added ratio
 *   GDP_c   = sum_{b in c} VA_b;  growth_c = GDP_c,t / GDP_c,t-1 - 1;
 *   world_growth = sum_c GDP_t / sum_c GDP_t-1 - 1 (all regions);  gr_c = growth_c - world_growth
 * A share with a denominator <= 0 is NaN (missing); shares are never clipped.
 */
import type { MrioTable } from '../mrio/table.js';
import { finalDemandByCountry } from '../mrio/table.js';
import { ratio, sectorScope } from './common.js';

export interface LocalShares {
  countries: string[];
  omega: Float64Array;
  /** User basis (inputs bought by the scope sectors of c). */
  mu: Float64Array;
  /** Product basis (scope products used as inputs by all sectors of c). */
  muProduct: Float64Array;
  /** Value-added ratio of the scope sectors. */
  v: Float64Array;
  /** Sum of value added over all sectors. */
  GDP: Float64Array;
}

/** omega, mu (both bases), v and GDP for every country of a table; scope e.g. "c2-c17" (default all). */
export function localShares(t: MrioTable, scope: string | number[] = 'all'): LocalShares {
  const G = t.countries.length;
  const N = t.sectors.length;
  const GN = G * N;
  const K = sectorScope(t.sectors, scope);
  const inK = new Uint8Array(N);
  for (const k of K) inK[k] = 1;
  const Yfd = finalDemandByCountry(t);
  const Z = t.Z.data;
  const omega = new Float64Array(G);
  const mu = new Float64Array(G);
  const muProduct = new Float64Array(G);
  const v = new Float64Array(G);
  const GDP = new Float64Array(G);
  for (let c = 0; c < G; c++) {
    let fdLocal = 0;
    let fdAll = 0;
    for (let a = 0; a < GN; a++) {
      if (!inK[a % N]) continue;
      const y = Yfd.data[a * G + c];
      fdAll += y;
      if (Math.floor(a / N) === c) fdLocal += y;
    }
    omega[c] = ratio(fdLocal, fdAll);
    // user basis: columns b of c in K, all rows a
    let uLocal = 0;
    let uAll = 0;
    // product basis: rows a in K (all regions), columns b of c
    let pLocal = 0;
    let pAll = 0;
    for (let a = 0; a < GN; a++) {
      const aLocal = Math.floor(a / N) === c;
      const aK = inK[a % N] === 1;
      const o = a * GN;
      for (let b = c * N; b < (c + 1) * N; b++) {
        const z = Z[o + b];
        if (inK[b - c * N]) {
          uAll += z;
          if (aLocal) uLocal += z;
        }
        if (aK) {
          pAll += z;
          if (aLocal) pLocal += z;
        }
      }
    }
    mu[c] = ratio(uLocal, uAll);
    muProduct[c] = ratio(pLocal, pAll);
    let va = 0;
    let x = 0;
    let gdp = 0;
    for (let i = 0; i < N; i++) {
      const b = c * N + i;
      gdp += t.va[b];
      if (inK[i]) {
        va += t.va[b];
        x += t.x[b];
      }
    }
    v[c] = ratio(va, x);
    GDP[c] = gdp;
  }
  return { countries: t.countries.slice(), omega, mu, muProduct, v, GDP };
}

export interface Growth {
  growth: Float64Array;
  worldGrowth: number;
  /** growth - worldGrowth. */
  gr: Float64Array;
}

/** Nominal GDP growth between two years (same country order), world growth over all regions, and gr. */
export function gdpGrowth(gdpPrev: ArrayLike<number>, gdpCurr: ArrayLike<number>): Growth {
  const n = gdpCurr.length;
  const growth = new Float64Array(n);
  let wp = 0;
  let wc = 0;
  for (let c = 0; c < n; c++) {
    growth[c] = gdpPrev[c] > 0 ? gdpCurr[c] / gdpPrev[c] - 1 : NaN;
    wp += gdpPrev[c];
    wc += gdpCurr[c];
  }
  const worldGrowth = wp > 0 ? wc / wp - 1 : NaN;
  return { growth, worldGrowth, gr: growth.map((g) => g - worldGrowth) };
}
