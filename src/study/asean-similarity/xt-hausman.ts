/**
 * Hausman test FE vs RE as Stata `hausman fe re` (spec 3): H = d'(V_FE − V_RE)⁻¹ d over the slopes,
 * d = b_FE − b_RE, each V from its own fit (RE with s² of the transformed regression); df = rank(V_FE − V_RE),
 * p from χ²(df). When V_FE − V_RE is not positive definite, the Moore–Penrose inverse (eigenvalues with
 * |λ| > 1e-12 · max|λ| are inverted; a negative one can make H negative, then no p is given) is used and a note says so.
 * Grunfeld: H = 2.3304, df = 2, p = 0.3119. The statistic is the shared hausman(..., { df: 'rank' }) of
 * src/econometrics/re.ts; this module adds the study's decision and note.
 */
import { hausman } from '../../econometrics/re.js';
import { NOT_ESTIMABLE_EXACT, type XtFit } from './xt-types.js';

export interface HausmanTest {
  estimable: boolean;
  reason?: string;
  stat: number;
  df: number;
  p: number;
  /** Number of slopes compared (R prints this as df). */
  slopes: number;
  positiveDefinite: boolean;
  decision: string;
  note: string;
}

export function hausmanTest(fe: XtFit, re: XtFit, names: readonly string[]): HausmanTest {
  const m = names.length;
  if (!re.estimable || !fe.estimable) {
    return { estimable: false, reason: re.reason ?? fe.reason ?? NOT_ESTIMABLE_EXACT, stat: NaN, df: NaN, p: NaN, slopes: m, positiveDefinite: false, decision: '', note: 'RE not estimated.' };
  }
  const model = (f: XtFit) => ({ names: [...names], coef: f.coef, vcovMatrix: f.vcovSlopes });
  const h = hausman(model(fe), model(re), { df: 'rank' });
  const { stat, p } = h;
  const rank = h.df;
  const pd = h.positiveDefinite!;
  const values = h.eigenvalues!;
  const decision = !Number.isFinite(p)
    ? 'negative statistic: no p-value, the test is not conclusive (V_FE - V_RE is not positive semi-definite on these data)'
    : p < 0.05 ? 'p < 0.05: reject H0 (RE consistent) -> prefer FE' : 'p >= 0.05: RE not rejected (FE remains the study\'s main estimator)';
  const note = pd
    ? 'V_FE - V_RE positive definite; df = rank = number of slopes.'
    : `V_FE - V_RE is not positive definite (eigenvalues ${Array.from(values, (v) => v.toExponential(3)).join(', ')}); Moore-Penrose inverse used, df = rank = ${rank}${stat < 0 ? '; the statistic is negative, so no p-value' : ''} (R phtest would print ${m}).`;
  return { estimable: true, stat, df: rank, p, slopes: m, positiveDefinite: pd, decision, note };
}
