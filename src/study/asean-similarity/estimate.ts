/**
 * Table 3 estimations on the estimation sample (spec 3): FE (xtreg, fe), RE (Swamy–Arora, Stata form by
 * default or plm), FGLS (xtgls iid with country dummies) and the Hausman test FE vs RE. Year effects are not
 * estimated (the study's t-ratios imply 6 slopes + country effects only); two-way FE, cluster-robust FE and
 * Parks–Kmenta FGLS are optional extra columns (option extras).
 */
import { InputError } from '../../errors.js';
import { frame } from '../../econometrics/frame.js';
import { REGRESSORS, type AseanConfig } from './config.js';
import type { PanelRow } from './panel.js';
import { panelFromFrame, type PanelData, type XtFit } from './xt-types.js';
import { xtFe } from './xt-fe.js';
import { xtRe } from './xt-re.js';
import { xtFglsDummies } from './xt-fgls.js';
import { hausmanTest, type HausmanTest } from './xt-hausman.js';
import { extraFits, type ExtraFit } from './xt-extras.js';

export interface Table3Estimates {
  data: PanelData;
  fe: ReturnType<typeof xtFe>;
  re: XtFit;
  fgls: ReturnType<typeof xtFglsDummies>;
  hausman: HausmanTest;
  /** Optional robustness columns (option extras). */
  extras: ExtraFit[];
}

/** The estimation sample (in_sample rows, panel order) as estimator input. */
export function sampleData(rows: readonly PanelRow[]): PanelData {
  const s = rows.filter((r) => r.in_sample === 1);
  const k = REGRESSORS.length;
  const groups = new Set(s.map((r) => r.iso3));
  if (s.length === 0) throw new InputError('the estimation sample is empty: no country-year has ESI, Import and all covariates (see drop_reason in asean_panel.csv).');
  if (groups.size < 2 || s.length <= groups.size + k) {
    throw new InputError(`the estimation sample (${s.length} rows, ${groups.size} countries) is too small for ${k} slopes with country effects.`);
  }
  const cols: Record<string, Float64Array | string[]> = {
    iso3: s.map((r) => r.iso3),
    year: Float64Array.from(s, (r) => r.year),
    esi: Float64Array.from(s, (r) => r.esi as number),
  };
  for (const v of REGRESSORS) cols[v] = Float64Array.from(s, (r) => r[v] as number);
  return panelFromFrame(frame(cols), 'esi', REGRESSORS, 'iso3', 'year');
}

export function estimateTable3(rows: readonly PanelRow[], cfg: AseanConfig): Table3Estimates {
  const data = sampleData(rows);
  const fe = xtFe(data);
  const n = data.groups.length;
  let re: XtFit;
  if (n - REGRESSORS.length - 1 <= 0) {
    re = {
      method: 'RE', estimable: false, reason: `not estimable (${n} countries: the between regression needs more than ${REGRESSORS.length + 1})`,
      terms: [...data.names, '_cons'], coef: {}, se: {}, stat: {}, p: {}, statKind: 'z', vcovSlopes: [], nobs: data.y.length, groups: n, notes: [],
    };
  } else re = xtRe(data, cfg.reVariance);
  const fgls = xtFglsDummies(data);
  const hausman = hausmanTest(fe, re, data.names);
  return { data, fe, re, fgls, hausman, extras: extraFits(data, cfg.extras, cfg.years) };
}
