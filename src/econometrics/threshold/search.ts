/**
 * The fast engine of the threshold search.
 *
 * For fixed earlier thresholds F (possibly none) the model with one more threshold gamma has
 * regressors spanning [B, w(gamma)], where B = within-transformed [z, x*d_1, ..., x*d_{|F|+1}]
 * (the regimes of F) and w(gamma) = x * 1(q <= gamma). By Frisch-Waugh,
 *
 *   S(gamma) = S_B - a(gamma)^2 / D(gamma),
 *   a(gamma) = w~' e_B = w' e_B,           e_B = M_B y~ (within-transformed residuals of B)
 *   D(gamma) = w~'w~ - (B'w)' (B'B)^-1 (B'w),
 *
 * where w~ is the within transform of w. Walking the observations in ascending order of q,
 * w grows one entry at a time, so B'w, w'w and the unit (and period) sums of w that give w~'w~
 * update in O(p) per observation. D depends only on the regressors: it is computed once per
 * base and reused for every bootstrap sample; a(gamma) costs O(N) per search.
 */
import { SingularMatrixError } from '../../errors.js';
import { linalg, matrix } from '../../linalg/index.js';
import { within, type Effects } from './panel.js';

export interface Design {
  n: number;
  T: number;
  N: number;
  effects: Effects;
  /** Within-transformed regime-independent regressors, one array per column (panel order). */
  z: Float64Array[];
  /** Regime-dependent regressor, raw (panel order). */
  x: Float64Array;
  /** Threshold variable (panel order). */
  q: Float64Array;
  /** Observations sorted by q ascending (stable). */
  sorted: Int32Array;
  /** Distinct values of q, ascending. */
  values: Float64Array;
  /** cum[j] = number of observations with q <= values[j]. */
  cum: Int32Array;
  /**
   * Hansen's (1999) program: after demeaning, each unit's last period is dropped, so every sum of
   * squares and cross-product runs over n (T - 1) rows (unit effects only).
   */
  dropLast: boolean;
  /** 1 for rows that enter the sums of squares, 0 for dropped rows. */
  kept: Uint8Array;
}

export function makeDesign(
  z: Float64Array[],
  x: Float64Array,
  q: Float64Array,
  n: number,
  T: number,
  effects: Effects,
  dropLast = false,
): Design {
  const N = n * T;
  const kept = new Uint8Array(N).fill(1);
  if (dropLast) for (let i = 0; i < n; i++) kept[i * T + T - 1] = 0;
  const idx = Array.from({ length: N }, (_, k) => k);
  idx.sort((a, b) => q[a] - q[b] || a - b);
  const sorted = Int32Array.from(idx);
  const vals: number[] = [];
  const cum: number[] = [];
  for (let pos = 0; pos < N; pos++) {
    const v = q[sorted[pos]];
    if (pos + 1 === N || q[sorted[pos + 1]] !== v) {
      vals.push(v);
      cum.push(pos + 1);
    }
  }
  return { n, T, N, effects, z, x, q, sorted, values: Float64Array.from(vals), cum: Int32Array.from(cum), dropLast, kept };
}

/** Regime columns x * 1(regime j) for the fixed thresholds (distinct-value indices, ascending), transformed. */
export function regimeColumns(d: Design, fixed: readonly number[]): Float64Array[] {
  const cuts = fixed.map((j) => d.values[j]);
  const m = cuts.length;
  const raw = Array.from({ length: m + 1 }, () => new Float64Array(d.N));
  for (let k = 0; k < d.N; k++) {
    const qk = d.q[k];
    let r = 0;
    while (r < m && qk > cuts[r]) r++;
    raw[r][k] = d.x[k];
  }
  return raw.map((c) => within(c, d.n, d.T, d.effects));
}

export interface Base {
  /** Fixed thresholds as distinct-value indices, ascending. */
  fixed: number[];
  /** Columns of B (z columns first, then regime columns). */
  cols: Float64Array[];
  /** (B'B)^-1, p x p row-major. */
  ginv: Float64Array;
  /** D(values[j]) for every distinct index j; NaN where w(gamma) is (numerically) in span(B). */
  D: Float64Array;
  /** Row mask when the design drops rows (Hansen's program), else undefined. */
  kept?: Uint8Array;
}

function invertSmall(g: Float64Array, p: number): Float64Array {
  // scale to unit diagonal for conditioning, invert, unscale
  const s = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const di = g[i * p + i];
    if (!(di > 0)) throw new SingularMatrixError(`regressor ${i + 1} of the threshold model is zero after the within transformation.`);
    s[i] = 1 / Math.sqrt(di);
  }
  const a = matrix(p, p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) a.data[i * p + j] = g[i * p + j] * s[i] * s[j];
  const inv = linalg().inverse(a).data;
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) out[i * p + j] = inv[i * p + j] * s[i] * s[j];
  return out;
}

/** Cross-product matrix of column arrays. */
export function crossprod(cols: Float64Array[], N: number, kept?: Uint8Array): Float64Array {
  const p = cols.length;
  const g = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const ca = cols[a];
    for (let b = a; b < p; b++) {
      const cb = cols[b];
      let s = 0;
      if (kept) {
        for (let k = 0; k < N; k++) if (kept[k]) s += ca[k] * cb[k];
      } else for (let k = 0; k < N; k++) s += ca[k] * cb[k];
      g[a * p + b] = s;
      g[b * p + a] = s;
    }
  }
  return g;
}

export function makeBase(d: Design, fixed: readonly number[]): Base {
  const fx = [...fixed].sort((a, b) => a - b);
  const cols = [...d.z, ...regimeColumns(d, fx)];
  const p = cols.length;
  const { N, T, n } = d;
  const drop = d.dropLast;
  const kept = d.kept;
  const ginv = invertSmall(crossprod(cols, N, drop ? kept : undefined), p);
  // per-unit sums of B over kept rows (zero without dropping: within-transformed columns sum to 0 by unit)
  const bUnit = drop ? new Float64Array(n * p) : undefined;
  if (bUnit) {
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < p; a++) {
        let s = 0;
        for (let t = 0; t < T; t++) if (kept[i * T + t]) s += cols[a][i * T + t];
        bUnit[i * p + a] = s;
      }
    }
  }
  const L = d.values.length;
  const D = new Float64Array(L);
  const c = new Float64Array(p);
  const v = new Float64Array(p);
  const unitSum = new Float64Array(n);
  const unitKept = new Float64Array(n);
  const timeSum = new Float64Array(T);
  const twoway = d.effects === 'twoway';
  let ww = 0; // sum over kept rows of w^2
  let su2 = 0; // sum_i s_i^2
  let suk = 0; // sum_i s_i * s_i^kept
  let st2 = 0;
  let tot = 0;
  let pos = 0;
  for (let j = 0; j < L; j++) {
    const end = d.cum[j];
    for (; pos < end; pos++) {
      const o = d.sorted[pos];
      const xo = d.x[o];
      if (xo === 0) continue;
      const i = (o / T) | 0;
      const ko = kept[o];
      if (ko) {
        ww += xo * xo;
        for (let a = 0; a < p; a++) c[a] += xo * cols[a][o];
      }
      const si = unitSum[i];
      const ski = unitKept[i];
      su2 += xo * (2 * si + xo);
      const xk = ko ? xo : 0;
      suk += (si + xo) * (ski + xk) - si * ski;
      unitSum[i] = si + xo;
      unitKept[i] = ski + xk;
      if (bUnit) {
        const f = xo / T;
        for (let a = 0; a < p; a++) c[a] -= f * bUnit[i * p + a];
      }
      if (twoway) {
        const t = o - i * T;
        const rt = timeSum[t];
        st2 += xo * (2 * rt + xo);
        timeSum[t] = rt + xo;
        tot += xo;
      }
    }
    // w~'w~ over the rows that count
    let wtw: number;
    if (drop) wtw = ww - (2 * suk) / T + ((T - 1) * su2) / (T * T);
    else {
      wtw = ww - su2 / T;
      if (twoway) wtw += -st2 / n + (tot * tot) / N;
    }
    let quad = 0;
    for (let a = 0; a < p; a++) {
      let s = 0;
      const row = a * p;
      for (let b = 0; b < p; b++) s += ginv[row + b] * c[b];
      v[a] = s;
      quad += c[a] * s;
    }
    const Dj = wtw - quad;
    D[j] = wtw > 0 && Dj > 1e-9 * wtw ? Dj : NaN;
  }
  return { fixed: fx, cols, ginv, D, kept: drop ? kept : undefined };
}

export interface BaseFit {
  beta: Float64Array;
  /** Residuals y - B beta; zero on dropped rows. */
  resid: Float64Array;
  ssr: number;
  /** Per-unit sums of the residuals over kept rows (only when rows are dropped). */
  unitResid?: Float64Array;
}

/** OLS of (transformed) y on the base columns (over the kept rows). */
export function fitBase(b: Base, y: Float64Array, T = 0): BaseFit {
  const p = b.cols.length;
  const N = y.length;
  const kept = b.kept;
  const by = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const ca = b.cols[a];
    let s = 0;
    if (kept) {
      for (let k = 0; k < N; k++) if (kept[k]) s += ca[k] * y[k];
    } else for (let k = 0; k < N; k++) s += ca[k] * y[k];
    by[a] = s;
  }
  const beta = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let c = 0; c < p; c++) s += b.ginv[a * p + c] * by[c];
    beta[a] = s;
  }
  const resid = y.slice();
  for (let a = 0; a < p; a++) {
    const ca = b.cols[a];
    const ba = beta[a];
    for (let k = 0; k < N; k++) resid[k] -= ba * ca[k];
  }
  let ssr = 0;
  if (kept) for (let k = 0; k < N; k++) if (!kept[k]) resid[k] = 0;
  for (let k = 0; k < N; k++) ssr += resid[k] * resid[k];
  let unitResid: Float64Array | undefined;
  if (kept) {
    if (!(T > 0)) throw new Error('fitBase needs T when rows are dropped');
    const n = N / T;
    unitResid = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += resid[i * T + t];
      unitResid[i] = s;
    }
  }
  return { beta, resid, ssr, unitResid };
}

/** Distinct-value indices j (from `pool`) at which every regime of F + {values[j]} has at least h observations. */
export function admissible(d: Design, fixed: readonly number[], h: number, pool: Int32Array): Int32Array {
  const fx = [...fixed].sort((a, b) => a - b);
  const m = fx.length;
  const fc = fx.map((j) => d.cum[j]);
  // regimes of the fixed thresholds alone must already hold h observations
  let prev = 0;
  for (let r = 0; r < m; r++) {
    if (fc[r] - prev < h) return new Int32Array(0);
    prev = fc[r];
  }
  if (d.N - prev < h) return new Int32Array(0);
  const out = new Int32Array(pool.length);
  let cnt = 0;
  for (let u = 0; u < pool.length; u++) {
    const j = pool[u];
    const cj = d.cum[j];
    // the new cut splits the fixed regime it falls in: both parts need h observations
    let r = 0;
    while (r < m && fx[r] < j) r++;
    if (r < m && fx[r] === j) continue;
    const lower = r === 0 ? 0 : fc[r - 1];
    const upper = r === m ? d.N : fc[r];
    if (cj - lower >= h && upper - cj >= h) out[cnt++] = j;
  }
  return out.slice(0, cnt);
}

export interface SearchResult {
  /** S(gamma) at each candidate (same order as the candidates); NaN where not estimable. */
  ssr: Float64Array;
  /** Position in the candidate list of the minimiser (smallest gamma among ties); -1 if none. */
  best: number;
  /** SSR of the base model (no new threshold). */
  ssrBase: number;
}

/** S(gamma) over the candidates for transformed y, given a base whose e_B is `fit.resid`. */
export function searchWithFit(d: Design, b: Base, fit: BaseFit, candidates: Int32Array): SearchResult {
  const e = fit.resid;
  const ue = fit.unitResid;
  const T = d.T;
  const L = d.values.length;
  const out = new Float64Array(candidates.length);
  let u = 0;
  let acc = 0;
  let pos = 0;
  let best = -1;
  let bestS = Infinity;
  for (let j = 0; j < L && u < candidates.length; j++) {
    const end = d.cum[j];
    if (ue) {
      for (; pos < end; pos++) {
        const o = d.sorted[pos];
        const xo = d.x[o];
        acc += xo * (e[o] - ue[(o / T) | 0] / T);
      }
    } else {
      for (; pos < end; pos++) {
        const o = d.sorted[pos];
        acc += d.x[o] * e[o];
      }
    }
    if (candidates[u] !== j) continue;
    const Dj = b.D[j];
    const s = Number.isNaN(Dj) ? NaN : fit.ssr - (acc * acc) / Dj;
    out[u] = s;
    if (s < bestS) {
      bestS = s;
      best = u;
    }
    u++;
  }
  return { ssr: out, best, ssrBase: fit.ssr };
}

export function search(d: Design, b: Base, y: Float64Array, candidates: Int32Array): SearchResult {
  return searchWithFit(d, b, fitBase(b, y, d.T), candidates);
}
