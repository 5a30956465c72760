/**
 * Within (country fixed effects) estimator as Stata `xtreg, fe` (spec 3, column FE). Slopes and their
 * variance come from the shared engine feols (y ~ x | id, classical iid variance, singletons kept):
 *   b = OLS of ỹ on X̃ (group-demeaned), σ_e² = SSR_w / (N − n − k), V = σ_e² (X̃'X̃)⁻¹, t with N − n − k df.
 * Adapter for Stata's `_cons` (feols reports none): _cons = ȳ − x̄'b over the estimation sample with
 *   Var(_cons) = σ_e² (1/N + x̄'(X̃'X̃)⁻¹ x̄) = σ_e²/N + x̄' V x̄.
 * R²: within = 1 − SSR_w / Σỹ² (the table's); between = corr(ȳ_i, x̄_i'b)², overall = corr(y, x'b)².
 * An exact within fit (SSR_w <= 1e-20 Σỹ²) is flagged: σ_e² = 0, SE 0 and infinite t (shown as "exact fit").
 */
import { feols } from '../../econometrics/feols.js';
import { frame } from '../../econometrics/frame.js';
import { pT2 } from '../../econometrics/dist.js';
import { EXACT_FIT_TOL, corr2, groupMeans, sumSq, within, type PanelData, type XtFit } from './xt-types.js';

export interface FeExtras {
  /** Residual sum of squares of the within regression and Σỹ². */
  ssrWithin: number;
  tssWithin: number;
  exactFit: boolean;
}

export function xtFe(d: PanelData): XtFit & FeExtras {
  const n = d.groups.length;
  const N = d.y.length;
  const k = d.X.length;
  const alias = d.names.map((_, j) => `x${j + 1}`);
  const cols: Record<string, Float64Array | string[]> = { y: d.y, g: Array.from(d.codes, (c) => `g${c}`) };
  alias.forEach((a, j) => (cols[a] = d.X[j]));
  const fit = feols(`y ~ ${alias.join(' + ')} | g`, frame(cols), { vcov: 'iid', dropSingletons: false });
  if (fit.collinear.length) throw new Error(`FE: regressor(s) ${fit.collinear.map((a) => d.names[alias.indexOf(a)]).join(', ')} are collinear with the country effects.`);
  const b = alias.map((a) => fit.coef[a]);
  const V = fit.vcovMatrix;
  const tssWithin = sumSq(within(d.y, d.codes, n));
  const ssrWithin = fit.ssr;
  const exactFit = ssrWithin <= EXACT_FIT_TOL * tssWithin;
  const df = N - n - k;
  const s2e = exactFit ? 0 : ssrWithin / df;
  const out: XtFit & FeExtras = {
    method: 'FE', estimable: true, terms: [...d.names, '_cons'], coef: {}, se: {}, stat: {}, p: {}, statKind: 't', df,
    vcovSlopes: V.map((r) => [...r]), nobs: N, groups: n, notes: [], ssrWithin, tssWithin, exactFit, sigma2_e: s2e,
  };
  d.names.forEach((nm, j) => {
    out.coef[nm] = b[j];
    out.se[nm] = fit.se[alias[j]];
  });
  const xbar = d.X.map((c) => c.reduce((s, v) => s + v, 0) / N);
  const ybar = d.y.reduce((s, v) => s + v, 0) / N;
  let cons = ybar;
  let quad = 0;
  for (let a = 0; a < k; a++) {
    cons -= xbar[a] * b[a];
    for (let c = 0; c < k; c++) quad += xbar[a] * V[a][c] * xbar[c];
  }
  out.coef._cons = cons;
  out.se._cons = Math.sqrt((ssrWithin / df) / N + quad);
  for (const t of out.terms) {
    if (exactFit) out.se[t] = 0;
    out.stat[t] = out.coef[t] / out.se[t];
    out.p[t] = exactFit ? 0 : pT2(out.stat[t], df);
  }
  const xb = Float64Array.from(d.y, (_, i) => d.X.reduce((s, c, j) => s + c[i] * b[j], 0));
  const gy = groupMeans(d.y, d.codes, n).mean;
  const gxb = groupMeans(xb, d.codes, n).mean;
  out.r2Within = 1 - ssrWithin / tssWithin;
  out.r2 = out.r2Within;
  out.r2Between = corr2(gy, gxb);
  out.r2Overall = corr2(d.y, xb);
  if (exactFit) out.notes.push('exact within fit: SSR_w <= 1e-20 * sum of squared demeaned y; sigma_e^2 = 0.');
  return out;
}
