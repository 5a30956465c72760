/**
 * Optional robustness columns of Table 3 (spec 3; off by default, option extras=twoway,cluster,parks):
 *   twoway   FE with country and year effects (feols y ~ x | country + year, classical variance, t tests);
 *   cluster  FE with cluster-robust variance by country (Stata CR1, G/(G−1)·(N−1)/(N−K); few clusters);
 *   parks    Parks–Kmenta FGLS, xtgls panels(hetero) corr(ar1) with country dummies; AR(1) runs over the
 *            ordered list of study years (2002→2006→2010→2014 count as one step each; Resolution).
 * Each returns the uniform XtFit with a label, the FE flags for the table and notes.
 */
import { OptionError } from '../../errors.js';
import { feols } from '../../econometrics/feols.js';
import { feglsPanel } from '../../econometrics/fgls.js';
import { frame } from '../../econometrics/frame.js';
import type { PanelData, XtFit } from './xt-types.js';

export type Extra = 'twoway' | 'cluster' | 'parks';
export const EXTRAS: readonly Extra[] = ['twoway', 'cluster', 'parks'];

export interface ExtraFit extends XtFit {
  label: string;
  countryFe: string;
  yearFe: string;
}

export function parseExtras(s: string | undefined): Extra[] {
  if (!s) return [];
  const out = s.split(',').map((x) => x.trim()).filter(Boolean);
  for (const x of out) if (!EXTRAS.includes(x as Extra)) throw new OptionError(`extras: unknown column "${x}" (valid: ${EXTRAS.join(', ')}).`);
  return out as Extra[];
}

function columns(d: PanelData, time: Float64Array): { cols: Record<string, Float64Array | string[]>; alias: string[] } {
  const alias = d.names.map((_, j) => `x${j + 1}`);
  const cols: Record<string, Float64Array | string[]> = { y: d.y, g: Array.from(d.codes, (c) => `g${c}`), tt: time };
  alias.forEach((a, j) => (cols[a] = d.X[j]));
  return { cols, alias };
}

function fromFeols(d: PanelData, method: string, label: string, formula: string, cols: Record<string, Float64Array | string[]>, alias: string[], cluster: boolean): ExtraFit {
  const fit = feols(formula, frame(cols), cluster ? { vcov: 'cluster', cluster: 'g', dropSingletons: false } : { vcov: 'iid', dropSingletons: false });
  const out: ExtraFit = {
    method, label, estimable: true, terms: [...d.names], coef: {}, se: {}, stat: {}, p: {}, statKind: 't', df: fit.dfT,
    vcovSlopes: fit.vcovMatrix.map((r) => [...r]), nobs: fit.nobs, groups: d.groups.length, notes: [fit.vcovNote],
    r2: fit.r2Within, r2Within: fit.r2Within, countryFe: 'Yes', yearFe: method === 'FE-twoway' ? 'Yes' : 'No',
  };
  d.names.forEach((nm, j) => {
    out.coef[nm] = fit.coef[alias[j]];
    out.se[nm] = fit.se[alias[j]];
    out.stat[nm] = fit.tstat[alias[j]];
    out.p[nm] = fit.pvalue[alias[j]];
  });
  if (cluster) out.notes.push(`only ${d.groups.length} clusters: cluster-robust inference is unreliable with so few.`);
  return out;
}

function parks(d: PanelData, time: Float64Array): ExtraFit {
  const { cols, alias } = columns(d, time);
  const dummies = d.groups.slice(1).map((_, g) => `d${g + 1}`);
  dummies.forEach((nm, g) => (cols[nm] = Float64Array.from(d.codes, (c) => (c === g + 1 ? 1 : 0))));
  const fit = feglsPanel(`y ~ ${[...alias, ...dummies].join(' + ')}`, frame(cols), { id: 'g', time: 'tt', panels: 'hetero', corr: 'ar1' });
  const out: ExtraFit = {
    method: 'FGLS-parks', label: 'FGLS (hetero, AR1)', estimable: true, terms: [...d.names, '_cons'], coef: {}, se: {}, stat: {}, p: {}, statKind: 'z',
    vcovSlopes: [], nobs: fit.nobs, groups: fit.groups, notes: [fit.vcovNote, 'AR(1) over the ordered list of study years.'],
    countryFe: 'Dummies', yearFe: 'No',
  };
  const src = [...alias, '(Intercept)'];
  out.terms.forEach((t, a) => {
    out.coef[t] = fit.coef[src[a]];
    out.se[t] = fit.se[src[a]];
    out.stat[t] = fit.tstat[src[a]];
    out.p[t] = fit.pvalue[src[a]];
  });
  return out;
}

/** The requested robustness columns; `years` orders the study years for the AR(1) step. */
export function extraFits(d: PanelData, extras: readonly Extra[], years: readonly number[]): ExtraFit[] {
  const yearIndex = Float64Array.from(d.time ?? new Float64Array(d.y.length), (y) => years.indexOf(y));
  const { cols, alias } = columns(d, d.time ?? yearIndex);
  const rhs = alias.join(' + ');
  return extras.map((x) => {
    if (x === 'twoway') return fromFeols(d, 'FE-twoway', 'Two-way FE', `y ~ ${rhs} | g + tt`, cols, alias, false);
    if (x === 'cluster') return fromFeols(d, 'FE-cluster', 'FE, cluster SE', `y ~ ${rhs} | g`, cols, alias, true);
    return parks(d, yearIndex);
  });
}
