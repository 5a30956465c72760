/**
 * Random-effects panel regression (Swamy-Arora) and the Hausman test, as in R plm.
 *
 * Model y_it = x_it'b + mu_i + e_it. Variance components, option `variance`:
 *   sigma2_e  = SSR_within / (N - n - K_w)                       (K_w slopes identified in the within model)
 *   'plm' (default; plm `random.method = "swar"` with the Baltagi-Chang unbalanced generalisation):
 *     sigma2_mu = (SSR_between - (n - K_b) sigma2_e) / (N - tr[(Xb'Xb)^-1 Xb'ZZ'Xb])
 *     where the between regression runs on group means repeated T_i times (Xb, incl. intercept, K_b
 *     columns), Z the N x n individual dummies;
 *   'stata' (Stata `xtreg, re`): between regression = unweighted OLS of ybar_i on (1, xbar_i), one row per
 *     group; sigma2_mu = SSR_b / (n - K_b) - sigma2_e / Tbar, Tbar = n / sum_i 1/T_i (harmonic mean).
 *   Both equal SSR_b / (T (n - K_b)) - sigma2_e / T on balanced panels. Negative values are set to 0.
 *   theta_i   = 1 - sqrt(sigma2_e / (sigma2_e + T_i sigma2_mu))
 * GLS by OLS on quasi-demeaned data y_it - theta_i ybar_i, x_it - theta_i xbar_i (the intercept becomes
 * 1 - theta_i); classical V = s^2 (X*'X*)^-1 with s^2 = SSR* / (N - K), as plm (lm on transformed data).
 * R^2 is that of the transformed regression (plm's convention).
 *
 * Hausman (plm::phtest): H = (b_FE - b_RE)' (V_FE - V_RE)^-1 (b_FE - b_RE) over the slopes both models
 * estimate, chi2 with that many df. V_FE - V_RE is inverted as a general matrix; if it is not positive
 * definite the statistic may be negative (reported as is, like plm). Option `df: 'rank'` (Stata
 * `hausman fe re`): the Moore-Penrose inverse of the symmetrized V_FE - V_RE (eigenvalues with
 * |l| > 1e-12 max|l| inverted) and df = its rank; no p-value when the statistic is negative.
 */
import { InputError } from '../errors.js';
import { column, factor } from './frame.js';
import type { DataFrame } from './frame.js';
import { parseFormula } from './formula.js';
import { buildColumns, evalExpr } from './design.js';
import { prepare, clusterVars, resolveVcov } from './feols.js';
import { demean } from './demean.js';
import { olsFit } from './ols.js';
import { computeVcov } from './vcov.js';
import { invGeneral, symEigen } from './dense.js';
import { pChi2, pT2 } from './dist.js';
import type { FixefDim } from './fixef.js';
import type { CoefResult, VcovChoice } from './types.js';

/** Swamy-Arora variance-component form: plm's Baltagi-Chang or Stata's `xtreg, re` (see the file comment). */
export type ReVariance = 'plm' | 'stata';

export interface ReOptions {
  /** Individual (panel) identifier; alternatively write `y ~ x | id`. */
  id?: string;
  /** Variance components (default 'plm'). */
  variance?: ReVariance;
  vcov?: VcovChoice;
  cluster?: string | readonly string[];
}

export interface ReResult extends CoefResult {
  dfT: number;
  groups: number;
  /** Theta (single value for balanced panels; the median otherwise) and its range. */
  theta: number;
  thetaRange: [number, number];
  sigma2_idios: number;
  sigma2_id: number;
  r2: number;
  collinear: string[];
  note: string;
}

/** Swamy-Arora random effects (see the file comment). */
export function reRandom(formula: string, data: DataFrame, opts: ReOptions = {}): ReResult {
  const parts = formula.split('|');
  const id = opts.id ?? parts[1]?.trim();
  if (!id) throw new InputError(`random effects need the panel identifier: option id or 'y ~ x | id' (formula '${formula}').`);
  const f = parseFormula(parts[0]);
  f.variables.push(id);
  const p = prepare(f, data, { cluster: opts.cluster });
  const df = p.sample.data;
  const N = df.nrow;
  const fid = factor(column(df, id));
  const n = fid.levels.length;
  const dim: FixefDim = { name: id, codes: fid.codes, nlevels: n };
  const y = evalExpr(f.lhs.expr, df);
  const X = buildColumns(f.terms, df, f.intercept);
  const Ti = new Float64Array(n);
  for (let i = 0; i < N; i++) Ti[fid.codes[i]]++;

  // within
  const icpt = f.intercept ? 1 : 0;
  const slopes = X.cols.slice(icpt);
  const dm = demean([y, ...slopes], [dim]);
  const wfit = olsFit(dm.cols.slice(1), dm.cols[0], { refNorms: slopes.map(norm) });
  const s2e = wfit.ssr / (N - n - wfit.rank);

  // between on group means
  const variance = opts.variance ?? 'plm';
  const means = [y, ...X.cols].map((v) => groupMeans(v, fid.codes, Ti));
  const s2mu = betweenVariance(means[0], means.slice(1), Ti, s2e, variance).sigma2_u;
  const theta = Float64Array.from(Ti, (t) => 1 - Math.sqrt(s2e / (s2e + t * s2mu)));

  // quasi-demeaned GLS
  const qd = [y, ...X.cols].map((v, c) => {
    const m = means[c];
    return Float64Array.from(v, (x, i) => x - theta[fid.codes[i]] * m[fid.codes[i]]);
  });
  const gfit = olsFit(qd.slice(1), qd[0], { names: X.names, refNorms: X.cols.map(norm) });
  const k = gfit.rank;
  const vtype = resolveVcov(opts.vcov, p.clusters);
  const vc = computeVcov({ X: gfit.keep.map((j) => qd[1 + j]), residuals: gfit.residuals, bread: gfit.xtxInv, nobs: N, kFe: 0 }, vtype, clusterVars(df, p.clusters));
  const out = { coef: {} as Record<string, number>, se: {} as Record<string, number>, tstat: {} as Record<string, number>, pvalue: {} as Record<string, number> };
  const vm: number[][] = [];
  gfit.names.forEach((nm, a) => {
    out.coef[nm] = gfit.coef[a];
    out.se[nm] = Math.sqrt(vc.V[a * k + a]);
    out.tstat[nm] = out.coef[nm] / out.se[nm];
    out.pvalue[nm] = pT2(out.tstat[nm], vc.dfT);
    vm.push(Array.from(vc.V.subarray(a * k, a * k + k)));
  });
  const ty = qd[0];
  const my = ty.reduce((s, v) => s + v, 0) / N;
  const tss = ty.reduce((s, v) => s + (v - my) * (v - my), 0);
  const sorted = Array.from(theta).sort((a, b) => a - b);
  return {
    formula,
    depvar: f.lhs.label,
    names: gfit.names,
    ...out,
    vcovMatrix: vm,
    vcovNote: `random effects (Swamy-Arora) GLS; ${vc.note}`,
    dfT: vc.dfT,
    nobs: N,
    groups: n,
    theta: sorted[Math.floor((n - 1) / 2)],
    thetaRange: [sorted[0], sorted[n - 1]],
    sigma2_idios: s2e,
    sigma2_id: s2mu,
    r2: 1 - gfit.ssr / tss,
    collinear: gfit.droppedNames,
    note: `Swamy-Arora: sigma2_e = SSR_within/(N-n-K) (N=${N}, n=${n}), sigma2_mu from the between regression (${variance === 'plm' ? 'Baltagi-Chang trace form for unbalanced panels' : 'Stata xtreg, re: unweighted between regression, harmonic-mean T'}), theta_i = 1 - sqrt(sigma2_e/(sigma2_e + T_i sigma2_mu))`,
  };
}

export interface BetweenVariance {
  sigma2_u: number;
  /** SSR of the between regression (unweighted for stata, sum_i T_i e_i^2 for plm). */
  ssrBetween: number;
  /** Harmonic mean of the group sizes. */
  tbar: number;
}

/**
 * sigma2_u of Swamy-Arora from the between regression of the group means ybar (length n) on W (group means
 * of the regressors, intercept column included), group sizes T and the within sigma2_e, in either form of
 * the file comment.
 */
export function betweenVariance(ybar: Float64Array, W: Float64Array[], T: Float64Array, s2e: number, variance: ReVariance): BetweenVariance {
  const n = T.length;
  const tbar = n / T.reduce((s, t) => s + 1 / t, 0);
  if (variance === 'stata') {
    const b = olsFit(W, ybar);
    return { sigma2_u: Math.max(0, b.ssr / (n - b.rank) - s2e / tbar), ssrBetween: b.ssr, tbar };
  }
  const N = T.reduce((s, t) => s + t, 0);
  const bfit = olsFit(W, ybar, { weights: T });
  const Kb = bfit.rank;
  const xb = bfit.keep.map((j) => W[j]);
  let tr = 0;
  for (let a = 0; a < Kb; a++)
    for (let b = 0; b < Kb; b++) {
      let m2 = 0;
      for (let g = 0; g < n; g++) m2 += T[g] * T[g] * xb[a][g] * xb[b][g];
      tr += bfit.xtxInv[a * Kb + b] * m2;
    }
  return { sigma2_u: Math.max(0, (bfit.ssr - (n - Kb) * s2e) / (N - tr)), ssrBetween: bfit.ssr, tbar };
}

function norm(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

function groupMeans(v: Float64Array, codes: Int32Array, T: Float64Array): Float64Array {
  const m = new Float64Array(T.length);
  for (let i = 0; i < v.length; i++) m[codes[i]] += v[i];
  for (let g = 0; g < T.length; g++) m[g] /= T[g];
  return m;
}

/** Minimal model shape used by the Hausman test (feols and reRandom results fit). */
export interface CoefModel {
  names: string[];
  coef: Record<string, number>;
  vcovMatrix: number[][];
}

export interface HausmanResult {
  stat: number;
  df: number;
  p: number;
  coefficients: string[];
  note: string;
  /** With df 'rank': whether V_FE - V_RE is positive definite, and its eigenvalues. */
  positiveDefinite?: boolean;
  eigenvalues?: Float64Array;
}

export interface HausmanOptions {
  /**
   * 'k' (default, plm::phtest): general inverse, df = number of slopes compared. 'rank' (Stata `hausman`):
   * Moore-Penrose inverse of the symmetrized difference, df = its rank (see the file comment).
   */
  df?: 'k' | 'rank';
}

/** Hausman test of a consistent model (FE) against an efficient one (RE), plm::phtest or Stata style. */
export function hausman(consistent: CoefModel, efficient: CoefModel, opts: HausmanOptions = {}): HausmanResult {
  const common = consistent.names.filter((nm) => nm !== '(Intercept)' && efficient.names.includes(nm));
  const m = common.length;
  if (m === 0) throw new InputError('the two models share no slope coefficient to compare.');
  const d = new Float64Array(m);
  const V = new Float64Array(m * m);
  const ic = common.map((nm) => consistent.names.indexOf(nm));
  const ie = common.map((nm) => efficient.names.indexOf(nm));
  for (let a = 0; a < m; a++) {
    d[a] = consistent.coef[common[a]] - efficient.coef[common[a]];
    for (let b = 0; b < m; b++) V[a * m + b] = consistent.vcovMatrix[ic[a]][ic[b]] - efficient.vcovMatrix[ie[a]][ie[b]];
  }
  if (opts.df === 'rank') return hausmanRank(d, V, common);
  const Vi = invGeneral(V, m);
  let stat = 0;
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) stat += d[a] * Vi[a * m + b] * d[b];
  return {
    stat,
    df: m,
    p: pChi2(stat, m),
    coefficients: common,
    note: 'Hausman test (plm::phtest): (b_FE - b_RE)\'(V_FE - V_RE)^-1 (b_FE - b_RE) ~ chi2(df) under H0 (RE consistent)',
  };
}

/** The df = rank form: Moore-Penrose inverse of the symmetrized V (Stata `hausman fe re`). */
function hausmanRank(d: Float64Array, V: Float64Array, common: string[]): HausmanResult {
  const m = common.length;
  for (let a = 0; a < m; a++) for (let c = a + 1; c < m; c++) V[a * m + c] = V[c * m + a] = (V[a * m + c] + V[c * m + a]) / 2;
  const { values, vectors } = symEigen(V, m);
  const top = Math.max(...Array.from(values, Math.abs));
  const tol = 1e-12 * top;
  let stat = 0;
  let rank = 0;
  let pd = true;
  for (let e = 0; e < m; e++) {
    const lam = values[e];
    if (!(lam > tol)) pd = false;
    if (Math.abs(lam) <= tol) continue;
    let proj = 0;
    for (let a = 0; a < m; a++) proj += vectors[a * m + e] * d[a];
    stat += (proj * proj) / lam;
    rank++;
  }
  return {
    stat,
    df: rank,
    p: rank > 0 && stat >= 0 ? pChi2(stat, rank) : NaN,
    coefficients: common,
    note: 'Hausman test (Stata hausman fe re): (b_FE - b_RE)\'(V_FE - V_RE)^+ (b_FE - b_RE) ~ chi2(rank) under H0 (RE consistent)',
    positiveDefinite: pd,
    eigenvalues: values,
  };
}
