/**
 * Feasible GLS for panels, like Stata `xtgls y x, panels(hetero) corr(ar1)`.
 *
 * Model y_it = x_it'b + u_it, u_it = rho u_i,t-1 + e_it (common rho), Var(e_it) = sigma_i^2 (panel-specific).
 * Steps (rows sorted by id then time; "consecutive" means time_t - time_{t-1} = 1 within a panel):
 *  1. pooled OLS of y on X -> residuals u;
 *  2. corr 'ar1': rho_i = sum_t u_t u_{t-1} / sum_t u_{t-1}^2 over consecutive pairs of panel i
 *     (Stata rhotype(regress)); the common rho is the mean of the rho_i (panels with no pair skipped);
 *  3. Prais-Winsten transform within each panel: the first observation of a spell is multiplied by
 *     sqrt(1 - rho^2), the others become z_t - rho z_{t-1} (y, X and the intercept alike);
 *  4. panels 'hetero': OLS on the transformed data, sigma_i^2 = sum_t e_it^2 / T_i (divisor T_i, as Stata);
 *  5. GLS: weighted least squares on the transformed data with weights 1/sigma_i^2;
 *     V = (X*' Omega^-1 X*)^-1 with no further scaling; inference is by z (normal) statistics, as xtgls.
 * With panels 'iid' and corr 'independent' this is pooled OLS with V = (SSR/N)(X'X)^-1.
 */
import { InputError } from '../errors.js';
import { column, factor, numericColumn } from './frame.js';
import type { DataFrame } from './frame.js';
import { parseFormula } from './formula.js';
import { buildColumns, evalExpr } from './design.js';
import { prepare } from './feols.js';
import { olsFit } from './ols.js';
import { pNorm2 } from './dist.js';
import type { CoefResult } from './types.js';

export interface FglsOptions {
  id: string;
  time: string;
  /** 'hetero' (default) or 'iid' (homoskedastic). */
  panels?: 'hetero' | 'iid';
  /** 'ar1' (default) or 'independent'. */
  corr?: 'ar1' | 'independent';
}

export interface FglsResult extends CoefResult {
  groups: number;
  rho: number;
  /** sigma_i^2 by panel label. */
  sigma2: Record<string, number>;
  collinear: string[];
}

/** FGLS with panel heteroskedasticity and common AR(1) (see the file comment). */
export function feglsPanel(formula: string, data: DataFrame, opts: FglsOptions): FglsResult {
  const panels = opts.panels ?? 'hetero';
  const corr = opts.corr ?? 'ar1';
  const f = parseFormula(formula);
  if (f.fixef.length || f.iv) throw new InputError(`feglsPanel takes 'y ~ x' formulas without FE or IV parts ('${formula}').`);
  f.variables.push(opts.id, opts.time);
  const p = prepare(f, data);
  const d0 = p.sample.data;
  const idf = factor(column(d0, opts.id));
  const t0 = numericColumn(d0, opts.time);
  const order = Array.from({ length: d0.nrow }, (_, i) => i).sort((a, b) => idf.codes[a] - idf.codes[b] || t0[a] - t0[b]);
  const codes = Int32Array.from(order, (i) => idf.codes[i]);
  const time = Float64Array.from(order, (i) => t0[i]);
  const N = order.length;
  const y0 = evalExpr(f.lhs.expr, d0);
  const X0 = buildColumns(f.terms, d0, f.intercept);
  const y = Float64Array.from(order, (i) => y0[i]);
  const X = X0.cols.map((c) => Float64Array.from(order, (i) => c[i]));
  const linked = new Uint8Array(N); // 1 when row i follows row i-1 in the same panel with a unit time step
  for (let i = 1; i < N; i++) {
    if (codes[i] === codes[i - 1] && time[i] === time[i - 1]) throw new InputError(`panel ${idf.levels[codes[i]]} has two rows for ${opts.time} = ${time[i]}.`);
    linked[i] = codes[i] === codes[i - 1] && time[i] - time[i - 1] === 1 ? 1 : 0;
  }
  const G = idf.levels.length;
  let fit = olsFit(X, y, { names: X0.names });
  let rho = 0;
  if (corr === 'ar1') {
    const num = new Float64Array(G);
    const den = new Float64Array(G);
    const u = fit.residuals;
    for (let i = 1; i < N; i++)
      if (linked[i]) {
        num[codes[i]] += u[i] * u[i - 1];
        den[codes[i]] += u[i - 1] * u[i - 1];
      }
    let s = 0;
    let m = 0;
    for (let g = 0; g < G; g++)
      if (den[g] > 0) {
        s += num[g] / den[g];
        m++;
      }
    rho = m ? s / m : 0;
    if (!(Math.abs(rho) < 1)) throw new InputError(`estimated AR(1) coefficient ${rho} is outside (-1, 1).`);
  }
  const pw = (v: Float64Array): Float64Array => {
    if (rho === 0) return v;
    const o = new Float64Array(N);
    const c = Math.sqrt(1 - rho * rho);
    for (let i = 0; i < N; i++) o[i] = linked[i] ? v[i] - rho * v[i - 1] : c * v[i];
    return o;
  };
  const ys = pw(y);
  const Xs = X.map(pw);
  const T = new Float64Array(G);
  for (let i = 0; i < N; i++) T[codes[i]]++;
  const sig2 = new Float64Array(G).fill(1);
  let w: Float64Array | undefined;
  if (panels === 'hetero') {
    const e = olsFit(Xs, ys).residuals;
    sig2.fill(0);
    for (let i = 0; i < N; i++) sig2[codes[i]] += e[i] * e[i];
    for (let g = 0; g < G; g++) sig2[g] /= T[g];
    w = Float64Array.from(codes, (c) => 1 / sig2[c]);
  }
  fit = olsFit(Xs, ys, { names: X0.names, weights: w });
  const k = fit.rank;
  let scale = 1;
  if (panels === 'iid') scale = fit.ssr / N;
  const out = { coef: {} as Record<string, number>, se: {} as Record<string, number>, tstat: {} as Record<string, number>, pvalue: {} as Record<string, number> };
  const vm: number[][] = [];
  fit.names.forEach((nm, a) => {
    out.coef[nm] = fit.coef[a];
    out.se[nm] = Math.sqrt(fit.xtxInv[a * k + a] * scale);
    out.tstat[nm] = out.coef[nm] / out.se[nm];
    out.pvalue[nm] = pNorm2(out.tstat[nm]);
    vm.push(Array.from(fit.xtxInv.subarray(a * k, a * k + k), (v) => v * scale));
  });
  const sigma2: Record<string, number> = {};
  idf.levels.forEach((l, g) => (sigma2[l] = panels === 'hetero' ? sig2[g] : scale));
  return {
    formula,
    depvar: f.lhs.label,
    names: fit.names,
    ...out,
    vcovMatrix: vm,
    vcovNote: `FGLS panels(${panels}) corr(${corr})${corr === 'ar1' ? `, common rho = mean of panel rho_i = ${rho.toFixed(6)}, Prais-Winsten` : ''}; V = (X*'Omega^-1 X*)^-1, z tests`,
    nobs: N,
    groups: G,
    rho,
    sigma2,
    collinear: fit.droppedNames,
  };
}
