/**
 * Random effects by GLS, Swamy–Arora variance components (spec 3, column RE), in two forms:
 *
 *   σ_e² = SSR_w / (N − n − k)                                   (within regression, k slopes)
 *   σ_u² from the shared betweenVariance of src/econometrics/re.ts (reRandom's option `variance`):
 *   stata (default, Stata `xtreg, re`): between regression = OLS of ȳ_i on (1, x̄_i), one unweighted row
 *         per group; σ_u² = max(0, SSR_b/(n − k − 1) − σ_e²/T̄), T̄ = n / Σ_i 1/T_i (harmonic mean)
 *   plm   (R plm "swar", Baltagi–Chang): between regression on the N-row matrix of w_i = (1, x̄_i')'
 *         (group means repeated T_i times), residuals ê_i;
 *         σ_u² = max(0, (Σ_i T_i ê_i² − (n − k − 1) σ_e²) / (N − tr[(X̄'X̄)⁻¹ Σ_i T_i² w_i w_i']))
 *   The two coincide on balanced panels (Grunfeld σ_u² = 7089.800); without Grunfeld's last row they give
 *   7088.22 (stata) and 7124.82 (plm).
 *   θ_i = 1 − sqrt(σ_e² / (T_i σ_u² + σ_e²)); b = OLS of y − θ_i ȳ_i on (1 − θ_i, x − θ_i x̄_i);
 *   V = s² (X*'X*)⁻¹ with s² = SSR* / (N − k − 1) (the transformed regression's residual variance); z tests.
 * R²: overall = corr(y, x'b)² (the table's), within = corr(ỹ, x̃'b)², between = corr(ȳ_i, x̄_i'b)².
 * An exact within fit (σ_e² = 0, θ_i = 1, zero constant column) is reported as not estimable.
 */
import { olsFit } from '../../econometrics/ols.js';
import { pNorm2 } from '../../econometrics/dist.js';
import { betweenVariance, type ReVariance } from '../../econometrics/re.js';
import { EXACT_FIT_TOL, NOT_ESTIMABLE_EXACT, corr2, groupMeans, sumSq, within, type PanelData, type XtFit } from './xt-types.js';

export type ReVarianceForm = ReVariance;

export interface ReComponents {
  sigma2_e: number;
  sigma2_u: number;
  /** SSR of the between regression (unweighted for stata, Σ T_i ê_i² for plm). */
  ssrBetween: number;
  tbar: number;
  exactFit: boolean;
}

/** Variance components of either form (see the file comment). */
export function reComponents(d: PanelData, form: ReVarianceForm = 'stata'): ReComponents {
  const n = d.groups.length;
  const N = d.y.length;
  const k = d.X.length;
  const yw = within(d.y, d.codes, n);
  const Xw = d.X.map((c) => within(c, d.codes, n));
  const wfit = olsFit(Xw, yw);
  const tssW = sumSq(yw);
  const exactFit = wfit.ssr <= EXACT_FIT_TOL * tssW;
  const s2e = exactFit ? 0 : wfit.ssr / (N - n - k);
  const gy = groupMeans(d.y, d.codes, n);
  const gx = d.X.map((c) => groupMeans(c, d.codes, n).mean);
  const ones = new Float64Array(n).fill(1);
  const b = betweenVariance(gy.mean, [ones, ...gx], gy.T, s2e, form);
  return { sigma2_e: s2e, sigma2_u: b.sigma2_u, ssrBetween: b.ssrBetween, tbar: b.tbar, exactFit };
}

/** GLS random effects with the chosen variance form. */
export function xtRe(d: PanelData, form: ReVarianceForm = 'stata'): XtFit & { components: ReComponents } {
  const n = d.groups.length;
  const N = d.y.length;
  const k = d.X.length;
  const comp = reComponents(d, form);
  const base: XtFit & { components: ReComponents } = {
    method: 'RE', estimable: false, terms: [...d.names, '_cons'], coef: {}, se: {}, stat: {}, p: {}, statKind: 'z',
    vcovSlopes: [], nobs: N, groups: n, notes: [], components: comp, sigma2_e: comp.sigma2_e, sigma2_u: comp.sigma2_u,
  };
  if (comp.exactFit) {
    base.reason = NOT_ESTIMABLE_EXACT;
    base.notes.push('exact within fit: sigma_e^2 = 0 gives theta_i = 1 and a zero constant column; RE not estimated.');
    return base;
  }
  const gy = groupMeans(d.y, d.codes, n);
  const gx = d.X.map((c) => groupMeans(c, d.codes, n).mean);
  const theta = Float64Array.from(gy.T, (t) => 1 - Math.sqrt(comp.sigma2_e / (t * comp.sigma2_u + comp.sigma2_e)));
  const th = (i: number) => theta[d.codes[i]];
  const ys = Float64Array.from(d.y, (v, i) => v - th(i) * gy.mean[d.codes[i]]);
  const cs = Float64Array.from(d.y, (_, i) => 1 - th(i));
  const Xs = d.X.map((c, j) => Float64Array.from(c, (v, i) => v - th(i) * gx[j][d.codes[i]]));
  const fit = olsFit([...Xs, cs], ys, { names: [...d.names, '_cons'] });
  if (fit.rank < k + 1) throw new Error(`RE: collinear regressors (${fit.droppedNames.join(', ')}).`);
  const s2 = fit.ssr / (N - k - 1);
  const K = k + 1;
  const out = { ...base, estimable: true };
  out.terms.forEach((t, a) => {
    out.coef[t] = fit.coef[a];
    out.se[t] = Math.sqrt(s2 * fit.xtxInv[a * K + a]);
    out.stat[t] = out.coef[t] / out.se[t];
    out.p[t] = pNorm2(out.stat[t]);
  });
  out.vcovSlopes = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, c) => s2 * fit.xtxInv[a * K + c]));
  const b = d.names.map((nm) => out.coef[nm]);
  const xb = Float64Array.from(d.y, (_, i) => d.X.reduce((s, c, j) => s + c[i] * b[j], 0));
  out.r2Overall = corr2(d.y, xb);
  out.r2 = out.r2Overall;
  out.r2Within = corr2(within(d.y, d.codes, n), within(xb, d.codes, n));
  out.r2Between = corr2(gy.mean, groupMeans(xb, d.codes, n).mean);
  const sorted = Array.from(theta).sort((a, c) => a - c);
  const byGroup: Record<string, number> = {};
  d.groups.forEach((g, i) => (byGroup[g] = theta[i]));
  out.theta = { min: sorted[0], median: sorted.length % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2, max: sorted[n - 1], byGroup };
  out.notes.push(
    `Swamy-Arora (${form === 'stata' ? 'Stata xtreg, re: unweighted between regression, harmonic-mean T' : 'plm swar: Baltagi-Chang form'}); ` +
      `V = s^2 (X*'X*)^-1 with s^2 = SSR* / (N-k-1) = ${s2.toPrecision(6)}.`,
  );
  if (comp.sigma2_u === 0) out.notes.push('sigma_u^2 = 0: theta_i = 0 and RE equals pooled OLS.');
  return out;
}
