/**
 * Estimation adapter of the bri-symbiosis study over gvc's `feols`: every model is OLS (or 2SLS) with three
 * additive sets of fixed effects (year, industry, country), HC1 SE with K = all parameters including the
 * non-redundant FE dummies (Stata `reg ... i.year i.ind i.cty, robust`), t(N-K) p-values, no singleton
 * dropping (as `reg`), R2 of the dummy-variable model. Regressors absorbed by the FE (ln DIS, ln CUL) are
 * reported as omitted. The estimation sample is a 0/1 column of the panel.
 */
import { pNorm2 } from '../../econometrics/dist.js';
import { feols, type FeolsResult } from '../../econometrics/feols.js';
import { takeRows, type DataFrame } from '../../econometrics/frame.js';
import { feolsTerms, sampleRows, type TermEstimate } from '../fit.js';

export { sampleRows, type TermEstimate };

export const FIXED_EFFECTS = ['year', 'sector', 'partner'] as const;

export interface ModelSpec {
  dep: string;
  regressors: string[];
  /** Name of the 0/1 sample column. */
  sample: string;
  /** Description of the excluded instrument of a first stage (documentation in the estimate JSON only). */
  instrument?: string;
  /** 2SLS: the endogenous regressor (also listed first in `regressors`) and its excluded instrument;
   * small = false: HC0 SE and normal p-values (ivreg2's default) instead of HC1 and t(N-K). */
  iv?: { endog: string; instrument: string; small?: boolean; label?: string };
}

export interface IvTests {
  instrument: string;
  /** Description of the instrument (e.g. "stand-in instrument ..."), copied from the model spec. */
  label?: string;
  kpLM: number;
  kpLMp: number;
  kpF: number;
  cdF: number;
  stockYogo10: number;
}

export interface Fit {
  dep: string;
  terms: TermEstimate[];
  /** Regressors dropped as collinear with the FE (or each other). */
  omitted: string[];
  n: number;
  r2: number;
  /** Parameters estimated: slopes plus non-redundant FE dummies (K of HC1 and of the t df). */
  K: number;
  vcov: string;
  iv?: IvTests;
}

function toFit(r: FeolsResult, dep: string): Fit {
  return {
    dep,
    terms: feolsTerms(r),
    omitted: r.collinear,
    n: r.nobs,
    r2: r.r2,
    K: r.k + r.kFe,
    vcov: r.vcovNote,
  };
}

/** One model on its sample. */
export function fitModel(panel: DataFrame, spec: ModelSpec): Fit {
  const rows = sampleRows(panel, spec.sample);
  const vars = new Set([spec.dep, ...spec.regressors, ...FIXED_EFFECTS, ...(spec.iv ? [spec.iv.instrument] : [])]);
  const data = takeRows(panel, rows, [...vars]);
  const fe = FIXED_EFFECTS.join(' + ');
  if (!spec.iv) {
    const f = `${spec.dep} ~ ${spec.regressors.join(' + ')} | ${fe}`;
    return toFit(feols(f, data, { vcov: 'hc1', dropSingletons: false }), spec.dep);
  }
  const exog = spec.regressors.filter((v) => v !== spec.iv!.endog);
  const f = `${spec.dep} ~ ${exog.length ? exog.join(' + ') : '1'} | ${fe} | ${spec.iv.endog} ~ ${spec.iv.instrument}`;
  const small = spec.iv.small !== false;
  const r = feols(f, data, { vcov: small ? 'hc1' : 'hc0', dropSingletons: false });
  const fit = toFit(r, spec.dep);
  if (!small) {
    for (const t of fit.terms) t.p = pNorm2(t.t);
    fit.vcov += '; normal p-values (ivreg2 without small)';
  }
  // report the endogenous regressor first, as in the paper
  fit.terms.sort((a, b) => (a.term === spec.iv!.endog ? -1 : b.term === spec.iv!.endog ? 1 : 0));
  const d = r.iv!;
  fit.iv = { instrument: spec.iv.instrument, ...(spec.iv.label ? { label: spec.iv.label } : {}), kpLM: d.kpLM, kpLMp: d.kpLMp, kpF: d.kpF, cdF: d.cdF, stockYogo10: 16.38 };
  return fit;
}

/**
 * First stage with SE clustered by a grouping column (Stata CR1): returns the squared t of the instrument,
 * the F a cluster-robust first stage reports for one excluded instrument.
 */
export function clusteredFirstStageF(panel: DataFrame, spec: ModelSpec, cluster: string): { F: number; G: number } {
  const rows = sampleRows(panel, spec.sample);
  const vars = new Set([spec.dep, ...spec.regressors, ...FIXED_EFFECTS, cluster]);
  const data = takeRows(panel, rows, [...vars]);
  const f = `${spec.dep} ~ ${spec.regressors.join(' + ')} | ${FIXED_EFFECTS.join(' + ')}`;
  const r = feols(f, data, { vcov: 'cluster', cluster, dropSingletons: false });
  const t = r.tstat[spec.regressors[0]];
  return { F: t * t, G: r.cluster?.G[0] ?? NaN };
}

export function term(fit: Fit, name: string): TermEstimate | undefined {
  return fit.terms.find((t) => t.term === name);
}
