/**
 * Hansen (1999) fixed-effects panel threshold regression.
 *
 *   y_it = mu_i [+ eta_t] + z_it' b + x_it c_1 1(q_it <= g_1) + ... + x_it c_{m+1} 1(q_it > g_m) + e_it
 *
 * Balanced panel, within transformation (unit means; optionally unit and period means), threshold
 * search over the observed values of q (all distinct values by default, or `grid` quantile points),
 * sequential search for 2 and 3 thresholds with Hansen's refinement of the first, F statistics with
 * sigma^2 = S_m / (n (T - 1)), bootstrap p-values by the fixed-regressor residual bootstrap (whole unit
 * residual vectors resampled with replacement), likelihood-ratio confidence sets, and the final
 * regression at the estimated thresholds with classical, White, HC1 and cluster standard errors.
 *
 * References: Hansen, B. E. (1999), "Threshold effects in non-dynamic panels: estimation, testing and
 * inference", Journal of Econometrics 93, 345-368; Wang, Q. (2015), "Fixed-effect panel threshold model
 * using Stata", Stata Journal 15(1), 121-134.
 */
import { InputError, NumericalError, OptionError } from '../../errors.js';
import { olsFit } from '../ols.js';
import { balancePanel, toPanelOrder, within, type Effects } from './panel.js';
import { admissible, fitBase, makeBase, makeDesign, search, searchWithFit, type Base, type Design } from './search.js';
import { rng, seedFrom } from '../../random.js';
import { finalModel } from './final.js';
import type { ConfidenceSet, ThresholdData, ThresholdOptions, ThresholdResult, ThresholdStep, ThresholdVce } from './types.js';

export type { CoefRow, ConfidenceSet, RegimeInfo, ThresholdData, ThresholdFinal, ThresholdOptions, ThresholdResult, ThresholdStep, ThresholdVce } from './types.js';

const cAlpha = (level: number): number => -2 * Math.log(1 - Math.sqrt(level));

function checkFinite(name: string, v: Float64Array, p: { units: string[]; times: Array<string | number>; T: number }): void {
  for (let k = 0; k < v.length; k++) {
    if (!Number.isFinite(v[k])) {
      const i = Math.floor(k / p.T);
      throw new InputError(`'${name}' is missing or not finite for unit ${p.units[i]} at ${p.times[k - i * p.T]} (the threshold model needs a balanced panel without gaps).`);
    }
  }
}

/**
 * The candidate pool: every distinct value of q, or (grid = K) Hansen's quantile grid over the distinct
 * values: with L distinct values v_1 < ... < v_L and probabilities p_k evenly spaced on [trim, 1 - trim]
 * (k = 1..K), the candidates are v_floor(p_k L). K = 393 with trim 0.01 is the grid of Hansen (1999)
 * (p = 0.0100, 0.0125, ..., 0.9900), which reproduces his estimates 0.0157 and 0.5362.
 */
function candidatePool(d: Design, grid: number | undefined, trim: number): Int32Array {
  const L = d.values.length;
  if (!grid || grid <= 0 || grid >= L) return Int32Array.from({ length: L }, (_, j) => j);
  const set = new Set<number>();
  const lo = trim;
  const hi = 1 - trim;
  for (let k = 0; k < grid; k++) {
    const prob = grid === 1 ? 0.5 : lo + ((hi - lo) * k) / (grid - 1);
    const pos1 = Math.floor(prob * L + 1e-9); // 1-based
    set.add(Math.min(L - 1, Math.max(0, pos1 - 1)));
  }
  return Int32Array.from([...set].sort((x, y) => x - y));
}

class BaseCache {
  private map = new Map<string, { base: Base; pools: Map<number, Int32Array> }>();
  constructor(
    private d: Design,
    private pool: Int32Array,
  ) {}
  get(fixed: readonly number[]): Base {
    return this.entry(fixed).base;
  }
  candidates(fixed: readonly number[], h: number): Int32Array {
    const e = this.entry(fixed);
    let c = e.pools.get(h);
    if (!c) {
      c = admissible(this.d, e.base.fixed, h, this.pool);
      e.pools.set(h, c);
    }
    return c;
  }
  private entry(fixed: readonly number[]): { base: Base; pools: Map<number, Int32Array> } {
    const fx = [...fixed].sort((a, b) => a - b);
    const key = fx.join(',');
    let e = this.map.get(key);
    if (!e) {
      if (this.map.size > 48) {
        // keep the first entries (the base with no threshold, the estimated ones); drop the rest
        let kept = 0;
        for (const k of [...this.map.keys()]) if (kept++ >= 4) this.map.delete(k);
      }
      e = { base: makeBase(this.d, fx), pools: new Map() };
      this.map.set(key, e);
    }
    return e;
  }
}

function confidenceSets(gammas: Float64Array, lr: Float64Array, levels: readonly number[]): ConfidenceSet[] {
  return levels.map((level) => {
    const c = cAlpha(level);
    let lo = -1;
    let hi = -1;
    for (let u = 0; u < lr.length; u++) {
      if (lr[u] <= c) {
        if (lo < 0) lo = u;
        hi = u;
      }
    }
    let contiguous = true;
    for (let u = lo; u >= 0 && u <= hi; u++) if (!(lr[u] <= c)) contiguous = false;
    return { level, critical: c, lower: lo >= 0 ? gammas[lo] : NaN, upper: hi >= 0 ? gammas[hi] : NaN, contiguous };
  });
}

function perThreshold<T>(v: T | readonly T[] | undefined, def: T, m: number, what: string): T[] {
  if (v === undefined) return Array.from({ length: m }, () => def);
  if (Array.isArray(v)) {
    const arr = v as readonly T[];
    if (arr.length === 1) return Array.from({ length: m }, () => arr[0]);
    if (arr.length < m) throw new OptionError(`${what} has ${arr.length} values but ${m} thresholds are searched.`);
    return arr.slice(0, m);
  }
  return Array.from({ length: m }, () => v as T);
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

/**
 * Collinearity of the regressors after the fixed effects (the rule of ols.ts: a column is collinear when
 * the part not explained by the columns before it is below 1e-10 of its squared norm before the within
 * transformation). The regime-dependent regressor comes last: the regime columns sum to it.
 */
function checkCollinear(
  zCols: Float64Array[],
  xw: Float64Array,
  zNorms: number[],
  xNorm: number,
  y: Float64Array,
  names: { x: string; z: string[] },
  effects: Effects,
): void {
  const fe = effects === 'twoway' ? 'the unit and period fixed effects' : 'the unit fixed effects';
  const fit = olsFit([...zCols, xw], y, { names: [...names.z, names.x], refNorms: [...zNorms, xNorm] });
  if (fit.dropped.length === 0) return;
  const bad = fit.droppedNames[0];
  const other = names.z.length > (bad === names.x ? 0 : 1) ? `the other regressors and ${fe}` : fe;
  throw new NumericalError(
    bad === names.x
      ? `the regime-dependent regressor '${bad}' is collinear with ${other}; remove it from the formula or choose another --regime.`
      : `regressor '${bad}' is collinear with ${other}; remove it from the formula.`,
  );
}

/** Estimate the panel threshold model. */
export function panelThreshold(data: ThresholdData, options: ThresholdOptions = {}): ThresholdResult {
  const m = options.thresholds ?? 1;
  if (!Number.isInteger(m) || m < 1 || m > 3) throw new OptionError(`thresholds must be 1, 2 or 3, got ${m}.`);
  const trims = perThreshold(options.trim, 0.01, m, 'trim');
  for (const t of trims) if (!(t >= 0 && t < 0.5)) throw new OptionError(`trim must be in [0, 0.5), got ${t}.`);
  const boots = perThreshold(options.bootstrap, 300, m, 'bootstrap');
  for (const b of boots) if (!Number.isInteger(b) || b < 0) throw new OptionError(`bootstrap replications must be a non-negative integer, got ${b}.`);
  const seed = options.seed ?? 1;
  const effects: Effects = options.effects ?? 'unit';
  if (effects !== 'unit' && effects !== 'twoway') throw new OptionError(`effects must be 'unit' or 'twoway', got '${String(effects)}'.`);
  const vce: ThresholdVce = options.vce ?? 'classical';
  if (!['classical', 'white', 'hc1', 'cluster'].includes(vce)) throw new OptionError(`vce must be classical, white, hc1 or cluster, got '${vce}'.`);
  const levels = options.levels ?? [0.9, 0.95, 0.99];
  for (const l of levels) if (!(l > 0 && l < 1)) throw new OptionError(`confidence levels must lie in (0, 1), got ${l}.`);
  const refine = options.refine ?? true;
  const nFinal = options.final ?? m;
  if (!Number.isInteger(nFinal) || nFinal < 0 || nFinal > m) throw new OptionError(`final must be an integer 0..${m}, got ${nFinal}.`);
  const keepPaths = options.keepPaths ?? true;
  const dropLast = options.dropLastPeriod ?? false;
  if (dropLast && effects !== 'unit') throw new OptionError(`dropLastPeriod replicates Hansen's one-way program and needs effects 'unit'.`);

  const names = {
    y: data.names?.y ?? 'y',
    x: data.names?.x ?? 'x',
    q: data.names?.q ?? 'q',
    z: Object.keys(data.z),
    id: data.names?.id ?? 'id',
    time: data.names?.time ?? 'time',
  };
  const panel = balancePanel(data.id, data.time, names.id, names.time);
  const { n, T, N } = panel;
  if (T < 2) throw new InputError(`the threshold model needs at least 2 periods per unit, found ${T}.`);
  const yRaw = toPanelOrder(data.y, panel);
  const xRaw = toPanelOrder(data.x, panel);
  const q = toPanelOrder(data.q, panel);
  checkFinite(names.y, yRaw, panel);
  checkFinite(names.x, xRaw, panel);
  checkFinite(names.q, q, panel);
  const rawNorms: number[] = [];
  const zCols = names.z.map((nm) => {
    const c = toPanelOrder(data.z[nm], panel);
    checkFinite(nm, c, panel);
    rawNorms.push(norm(c));
    return within(c, n, T, effects);
  });
  const y = within(yRaw, n, T, effects);
  checkCollinear(zCols, within(xRaw, n, T, effects), rawNorms, norm(xRaw), y, names, effects);
  const d = makeDesign(zCols, xRaw, q, n, T, effects, dropLast);
  const pool = candidatePool(d, options.grid, trims[0]);
  const cache = new BaseCache(d, pool);
  const minObs = Math.max(1, options.minObs ?? 1);
  const hOf = (k: number): number => Math.max(minObs, Math.ceil(trims[k] * N - 1e-9));
  if (options.sigma2 !== undefined && options.sigma2 !== 'hansen' && options.sigma2 !== 'xthreg') {
    throw new OptionError(`sigma2 must be 'hansen' or 'xthreg', got "${String(options.sigma2)}".`);
  }
  const dof = options.sigma2 === 'xthreg' ? n * T - T : n * (T - 1);

  // ---- sequential search on the data ----
  const base0 = cache.get([]);
  const fit0 = fitBase(base0, y, T);
  const ssr0 = fit0.ssr;
  const fixed: number[] = [];
  const ssrs: number[] = [ssr0];
  const steps: ThresholdStep[] = [];
  for (let k = 0; k < m; k++) {
    const cand = cache.candidates(fixed, hOf(k));
    if (cand.length === 0) {
      throw new InputError(`no admissible value of '${names.q}' for threshold ${k + 1}: every candidate leaves a regime with fewer than ${hOf(k)} observations (lower trim or grid).`);
    }
    const res = search(d, cache.get(fixed), y, cand);
    if (res.best < 0) throw new InputError(`threshold ${k + 1} could not be estimated: '${names.x}' is collinear with the other regressors in every regime split.`);
    const j = cand[res.best];
    const S = res.ssr[res.best];
    const sigma2 = S / dof;
    const F = (ssrs[k] - S) / sigma2;
    const gam = Float64Array.from(cand, (c) => d.values[c]);
    const lr = Float64Array.from(res.ssr, (s) => (s - S) / sigma2);
    const step: ThresholdStep = {
      m: k + 1,
      gamma: d.values[j],
      ssr: S,
      sigma2,
      F,
      p: NaN,
      crit: { p90: NaN, p95: NaN, p99: NaN },
      B: boots[k],
      ci: confidenceSets(gam, lr, levels),
      candidates: cand.length,
    };
    if (keepPaths) step.path = { gamma: gam, lr };
    fixed.push(j);
    ssrs.push(S);
    if (k === 1) {
      // refinement of the first threshold holding the second
      const candR = cache.candidates([j], hOf(k));
      const rr = search(d, cache.get([j]), y, candR);
      if (rr.best >= 0) {
        const Sr = rr.ssr[rr.best];
        const lrR = Float64Array.from(rr.ssr, (s) => (s - Sr) / sigma2);
        step.refined = {
          gamma: d.values[candR[rr.best]],
          ssr: Sr,
          ci: confidenceSets(Float64Array.from(candR, (c) => d.values[c]), lrR, levels),
        };
      }
    }
    steps.push(step);
  }

  // ---- bootstrap p-values ----
  for (let k = 0; k < m; k++) {
    const B = boots[k];
    if (B === 0) continue;
    const nullBase = cache.get(fixed.slice(0, k));
    const nullFit = fitBase(nullBase, y, T);
    const yhat = new Float64Array(N);
    for (let o = 0; o < N; o++) yhat[o] = y[o] - nullFit.resid[o];
    const e0 = nullFit.resid;
    const r = rng(seedFrom(seed, k + 1));
    const ystar = new Float64Array(N);
    const estar = new Float64Array(N);
    const Fstar = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < n; i++) {
        const src = r.int(n) * T;
        const dst = i * T;
        for (let t = 0; t < T; t++) estar[dst + t] = e0[src + t];
      }
      if (effects === 'twoway') within(estar, n, T, effects, estar);
      for (let o = 0; o < N; o++) ystar[o] = yhat[o] + estar[o];
      const fx: number[] = [];
      let sPrev = NaN;
      let sCur = NaN;
      for (let s = 0; s <= k; s++) {
        const bs = cache.get(fx);
        const fit = fitBase(bs, ystar, T);
        const cand = cache.candidates(fx, hOf(s));
        const res = searchWithFit(d, bs, fit, cand);
        if (res.best < 0) {
          sPrev = fit.ssr;
          sCur = fit.ssr;
          break;
        }
        sPrev = fit.ssr;
        sCur = res.ssr[res.best];
        fx.push(cand[res.best]);
      }
      Fstar[b] = (sPrev - sCur) / (sCur / dof);
    }
    const F = steps[k].F;
    let exceed = 0;
    for (let b = 0; b < B; b++) if (Fstar[b] > F) exceed++;
    const sortedF = Fstar.slice().sort();
    const os = (pr: number): number => sortedF[Math.min(B, Math.max(1, Math.ceil(pr * B - 1e-9))) - 1];
    steps[k].p = exceed / B;
    steps[k].crit = { p90: os(0.9), p95: os(0.95), p99: os(0.99) };
  }

  // ---- final regression ----
  const finalIdx = fixed.slice(0, nFinal);
  if (refine && nFinal >= 2 && steps[1].refined) {
    const gr = steps[1].refined.gamma;
    let a = 0;
    while (d.values[a] !== gr) a++;
    finalIdx[0] = a;
  }
  const final = finalModel(d, y, [...new Set(finalIdx)].sort((a, b) => a - b), names, vce);

  return {
    names,
    n,
    T,
    N,
    effects,
    ssr0,
    steps,
    thresholds: steps.map((s) => s.gamma),
    final,
    grid: options.grid && options.grid > 0 && options.grid < d.values.length ? options.grid : 'all',
    trim: trims,
    seed,
    distinct: d.values.length,
    sigma2: options.sigma2 ?? 'hansen',
  };
}
