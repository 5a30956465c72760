/**
 * FGLS column of Table 3 (spec 3): Stata `xtgls` default (panels iid, no autocorrelation) with country
 * dummies, run through the shared engine feglsPanel(panels 'iid', corr 'independent'):
 *   LSDV OLS of y on a constant, a dummy for every estimation-sample country but the base, and the slopes;
 *   σ² = SSR/N (no df correction); V = σ² (D'D)⁻¹; z statistics; no R².
 * The slopes equal the FE slopes and each slope's z/t ratio is sqrt(N/(N − n − k)). The constant is the
 * base country's intercept; the base is the first group of the data (Table 1 order: PHL when present).
 */
import { feglsPanel } from '../../econometrics/fgls.js';
import { frame } from '../../econometrics/frame.js';
import type { PanelData, XtFit } from './xt-types.js';

export function xtFglsDummies(d: PanelData): XtFit & { base: string } {
  const n = d.groups.length;
  const N = d.y.length;
  const alias = d.names.map((_, j) => `x${j + 1}`);
  const dummies = d.groups.slice(1).map((_, g) => `d${g + 1}`);
  const cols: Record<string, Float64Array | string[]> = {
    y: d.y,
    id: Array.from(d.codes, (c) => `g${c}`),
    t: d.time ?? Float64Array.from(d.y, (_, i) => i),
  };
  alias.forEach((a, j) => (cols[a] = d.X[j]));
  dummies.forEach((nm, g) => (cols[nm] = Float64Array.from(d.codes, (c) => (c === g + 1 ? 1 : 0))));
  const fit = feglsPanel(`y ~ ${[...alias, ...dummies].join(' + ')}`, frame(cols), { id: 'id', time: 't', panels: 'iid', corr: 'independent' });
  if (fit.collinear.length) throw new Error(`FGLS: collinear columns (${fit.collinear.join(', ')}).`);
  const out: XtFit & { base: string } = {
    method: 'FGLS', estimable: true, terms: [...d.names, '_cons'], coef: {}, se: {}, stat: {}, p: {}, statKind: 'z',
    vcovSlopes: [], nobs: N, groups: n, notes: [], base: d.groups[0],
  };
  const src = [...alias, '(Intercept)'];
  out.terms.forEach((t, a) => {
    out.coef[t] = fit.coef[src[a]];
    out.se[t] = fit.se[src[a]];
    out.stat[t] = fit.tstat[src[a]];
    out.p[t] = fit.pvalue[src[a]];
  });
  const ia = alias.map((a) => fit.names.indexOf(a));
  out.vcovSlopes = ia.map((a) => ia.map((c) => fit.vcovMatrix[a][c]));
  out.sigma2_e = fit.sigma2[Object.keys(fit.sigma2)[0]];
  out.notes.push(`LSDV with ${n - 1} country dummies; base (constant) = ${d.groups[0]}; sigma^2 = SSR/N; z statistics.`);
  return out;
}
