/**
 * A city-level MRIO table year as the study reads it (§2.1, §5.1): n cities × N sectors, rows and columns
 * city-major (r = c·N + s), money in 10,000 yuan.
 *   Z  (nN × nN)       domestic intermediate flows
 *   Y  (nN × 5n)       domestic final use by destination city and category RURAL, URBAN, GOV, GFCF, INVEN
 *   exp, other (nN)    exports and the other/error column (not final demand of any city; checks only)
 *   go (nN)            gross output x
 *   imp, va (nN)       optional import and value-added rows (column side)
 * Accounting checks on read: row balance ΣZ + ΣY + EXP + OTHER = GO and, with IMP/VA rows, column balance
 * colsum Z + IMP + VA = GO (relative 1e-6, worst row reported); Z ≥ 0; negative Y only in INVEN;
 * zero-output sectors listed.
 */
import { FD_CATEGORIES } from './config.js';

export interface CityMrio {
  year: number;
  cities: string[];
  sectors: string[];
  Z: Float64Array;
  Y: Float64Array;
  exp: Float64Array;
  other: Float64Array;
  go: Float64Array;
  imp?: Float64Array;
  va?: Float64Array;
  source: string;
}

/** Tables of the three years, loaded one at a time (the paper profile holds ~1.35 GB per Z). */
export interface CityMrioSource {
  years: readonly number[];
  load(year: number): CityMrio | Promise<CityMrio>;
}

export const K_FD = FD_CATEGORIES.length;

/** Y summed over the five categories: nN × n (Y[(c,s), d]). */
export function finalDemandByCity(t: CityMrio): Float64Array {
  const n = t.cities.length;
  const nN = n * t.sectors.length;
  const out = new Float64Array(nN * n);
  for (let r = 0; r < nN; r++) {
    const o = r * n * K_FD;
    for (let d = 0; d < n; d++) {
      let s = 0;
      for (let m = 0; m < K_FD; m++) s += t.Y[o + d * K_FD + m];
      out[r * n + d] = s;
    }
  }
  return out;
}

export interface MrioCheck {
  /** Largest relative row-balance error and its row label. */
  rowBalance: { rel: number; row: string };
  colBalance?: { rel: number; col: string };
  negativeZ: number;
  /** Negative Y cells outside INVEN. */
  negativeY: number;
  zeroOutput: string[];
}

export function rowLabel(t: CityMrio, r: number): string {
  const N = t.sectors.length;
  return `${t.cities[Math.floor(r / N)]}.${t.sectors[r % N]}`;
}

/** The §5.1 checks (never throws; the caller decides what to do with the numbers). */
export function checkCityMrio(t: CityMrio): MrioCheck {
  const nN = t.go.length;
  const n = t.cities.length;
  let worst = 0;
  let worstRow = 0;
  let negZ = 0;
  let negY = 0;
  const zero: string[] = [];
  const colZ = new Float64Array(nN);
  for (let r = 0; r < nN; r++) {
    let s = t.exp[r] + t.other[r];
    let scale = Math.abs(t.exp[r]) + Math.abs(t.other[r]);
    const zo = r * nN;
    for (let c = 0; c < nN; c++) {
      const v = t.Z[zo + c];
      if (v < 0) negZ++;
      s += v;
      scale += Math.abs(v);
      colZ[c] += v;
    }
    const yo = r * n * K_FD;
    for (let k = 0; k < n * K_FD; k++) {
      const v = t.Y[yo + k];
      if (v < 0 && k % K_FD !== K_FD - 1) negY++;
      s += v;
      scale += Math.abs(v);
    }
    const rel = Math.abs(s - t.go[r]) / Math.max(Math.abs(t.go[r]), scale, 1e-300);
    if (rel > worst) {
      worst = rel;
      worstRow = r;
    }
    if (t.go[r] === 0) zero.push(rowLabel(t, r));
  }
  const out: MrioCheck = { rowBalance: { rel: worst, row: rowLabel(t, worstRow) }, negativeZ: negZ, negativeY: negY, zeroOutput: zero };
  if (t.imp && t.va) {
    let w = 0;
    let wc = 0;
    for (let c = 0; c < nN; c++) {
      const rel = Math.abs(colZ[c] + t.imp[c] + t.va[c] - t.go[c]) / Math.max(Math.abs(t.go[c]), 1e-300);
      if (t.go[c] !== 0 && rel > w) {
        w = rel;
        wc = c;
      }
    }
    out.colBalance = { rel: w, col: rowLabel(t, wc) };
  }
  return out;
}
