/**
 * The tidy country x year panel of the bri-upgrading study (spec 2 and 6): one row per country of the group
 * and year read, sorted by country and year.
 *
 *   K_w[r,t]    = 100 GFCF_w / GDP_w          PGDP_w[r,t] = 100 (GDP_w[r,t] / GDP_w[r,t-1] - 1)
 *   K, PGDP     = WDI gfcf_gdp / gdppc_growth when supplied, else K_w / PGDP_w (K_source, PGDP_source)
 *   Tariff, Hum, RD = tariff_wm, tert_enrol, rd_gdp (interior gaps interpolated); RD_lag1 = RD[t-1]
 *   ln1p_Sofdi  = ln(1 + Sofdi)
 * Lags and growth use the full series (the year before the window when read). est_sample = 1 for rows in
 * the window with every variable of the full (or reduced) model defined (listwise deletion).
 */
import type { DataFrame } from '../../econometrics/frame.js';
import { InputError } from '../../errors.js';
import { KWW_TERMS } from '../../decompose/kww.js';
import { FULL_REGRESSORS } from './columns.js';
import type { UpgradingConfig } from './config.js';
import type { Covariates, CovariateField } from './externals.js';
import { at, interpolateSeries, type Interpolated } from './interpolate.js';
import type { YearMeasures } from './measures.js';
import type { SofdiResult } from './sofdi.js';

export type CovariateMode = 'none' | 'supplied' | 'synthetic';

export interface PanelInputs {
  measures: YearMeasures[];
  cfg: UpgradingConfig;
  covariates?: Covariates;
  sofdi?: SofdiResult;
  mode: CovariateMode;
}

export interface Panel {
  frame: DataFrame;
  /** Regressors of the full (or reduced) model, in the paper's order. */
  regressors: string[];
  reduced: boolean;
  kSource: 'wdi' | 'wiod_proxy';
  pgdpSource: 'wdi' | 'wiod_proxy';
  /** Cells filled by interpolation, by variable (rows of the panel). */
  interpolatedCells: Record<string, number>;
  /** Rows outside the estimation sample by reason. */
  dropped: Record<string, number>;
  /** Plausible-range flags (spec 7), by variable: count of rows outside the range. */
  rangeFlags: Record<string, number>;
}

const RANGES: Record<string, [number, number, boolean]> = {
  Tariff: [0, 100, false],
  K: [0, 100, false],
  RD: [0, 10, false],
  PGDP: [-50, 50, false],
  K_w: [0, 100, true],
};

export function buildPanel(inp: PanelInputs): Panel {
  const { measures, cfg, covariates, sofdi } = inp;
  const byYear = [...measures].sort((a, b) => a.year - b.year);
  for (const c of cfg.countries) {
    if (!byYear[0].countries.includes(c)) throw new InputError(`country ${c} of group "${cfg.groupName}" is not in the table (available: ${byYear[0].countries.join(', ')}).`);
  }
  const countries = [...cfg.countries].sort();
  const hasCov = !!covariates;
  const kSource = covariates?.fields.includes('gfcf_gdp') ? 'wdi' : 'wiod_proxy';
  const pgdpSource = covariates?.fields.includes('gdppc_growth') ? 'wdi' : 'wiod_proxy';
  const regressors = hasCov ? FULL_REGRESSORS.filter((v) => v !== 'ln1p_Sofdi' || !!sofdi) : ['K', 'PGDP'];
  const interp = new Map<string, Interpolated>();
  const series = (f: CovariateField, c: string): Interpolated => {
    const key = `${f}|${c}`;
    let s = interp.get(key);
    if (!s) interp.set(key, (s = interpolateSeries(covariates?.data[f].get(c))));
    return s;
  };

  const rows: Record<string, Array<number | string>> = {};
  for (const name of ['country', 'year', 'E', ...KWW_TERMS, 'IV', 'FV', 'GVCP', 'GVCL', 'bm_GVC_share', 'bm_GVCB_share', 'bm_GVCF_share', 'GDP_w', 'GFCF_w', 'K_w', 'PGDP_w', 'Tariff', 'Sofdi', 'ln1p_Sofdi', 'K', 'Hum', 'RD', 'RD_lag1', 'PGDP', 'K_source', 'PGDP_source', 'covariates', 'interpolated', 'est_sample']) rows[name] = [];
  const interpolatedCells: Record<string, number> = {};
  const dropped: Record<string, number> = {};
  const rangeFlags: Record<string, number> = {};
  for (const c of countries) {
    for (const [k, m] of byYear.entries()) {
      const r = m.countries.indexOf(c);
      const t = m.year;
      const prev = k > 0 && byYear[k - 1].year === t - 1 ? byYear[k - 1] : undefined;
      const push = (n: string, v: number | string) => rows[n].push(v);
      push('country', c);
      push('year', t);
      push('E', m.E[r]);
      for (const term of KWW_TERMS) push(term, m.terms[term][r]);
      push('IV', m.IV[r]);
      push('FV', m.FV[r]);
      push('GVCP', m.GVCP[r]);
      push('GVCL', m.GVCL[r]);
      push('bm_GVC_share', m.bmGvcShare[r]);
      push('bm_GVCB_share', m.bmGvcbShare[r]);
      push('bm_GVCF_share', m.bmGvcfShare[r]);
      push('GDP_w', m.GDP_w[r]);
      push('GFCF_w', m.GFCF_w[r]);
      const kw = m.GDP_w[r] > 0 ? (100 * m.GFCF_w[r]) / m.GDP_w[r] : NaN;
      const gPrev = prev ? prev.GDP_w[prev.countries.indexOf(c)] : NaN;
      const pw = gPrev > 0 ? 100 * (m.GDP_w[r] / gPrev - 1) : NaN;
      push('K_w', kw);
      push('PGDP_w', pw);
      const filled: string[] = [];
      const cov = (f: CovariateField, name: string, year = t): number => {
        if (!hasCov) return NaN;
        const s = series(f, c);
        if (s.filled.has(year)) filled.push(name);
        return at(s, year);
      };
      const tariff = cov('tariff_wm', 'Tariff');
      let sof = NaN;
      if (sofdi) {
        sof = sofdi.value(c, t);
        if (sofdi.interpolated(c, t)) filled.push('Sofdi');
      }
      push('Tariff', tariff);
      push('Sofdi', sof);
      push('ln1p_Sofdi', Math.log1p(sof));
      const K = kSource === 'wdi' ? cov('gfcf_gdp', 'K') : kw;
      const hum = cov('tert_enrol', 'Hum');
      const rd = cov('rd_gdp', 'RD');
      const rdLag = cov('rd_gdp', 'RD_lag1', t - 1);
      const P = pgdpSource === 'wdi' ? cov('gdppc_growth', 'PGDP') : pw;
      push('K', K);
      push('Hum', hum);
      push('RD', rd);
      push('RD_lag1', rdLag);
      push('PGDP', P);
      push('K_source', kSource);
      push('PGDP_source', pgdpSource);
      push('covariates', inp.mode);
      push('interpolated', filled.join(';'));
      for (const f of filled) interpolatedCells[f] = (interpolatedCells[f] ?? 0) + 1;
      const values: Record<string, number> = { GVCL: m.GVCL[r], GVCP: m.GVCP[r], Tariff: tariff, ln1p_Sofdi: Math.log1p(sof), K, Hum: hum, RD: rd, PGDP: P, K_w: kw };
      for (const [v, [lo, hi, open]] of Object.entries(RANGES)) {
        const x = values[v];
        if (Number.isFinite(x) && (open ? !(x > lo && x < hi) : !(x >= lo && x <= hi))) rangeFlags[v] = (rangeFlags[v] ?? 0) + 1;
      }
      let reason = '';
      if (t < cfg.window[0] || t > cfg.window[1]) reason = 'outside the estimation window';
      else {
        const miss = ['GVCL', 'GVCP', ...regressors].find((v) => !Number.isFinite(values[v]));
        if (miss) reason = `${miss} missing`;
      }
      if (reason) dropped[reason] = (dropped[reason] ?? 0) + 1;
      push('est_sample', reason ? 0 : 1);
    }
  }
  const n = rows.country.length;
  const columns: DataFrame['columns'] = {};
  for (const [name, vals] of Object.entries(rows)) {
    columns[name] = typeof vals[0] === 'string' || ['country', 'K_source', 'PGDP_source', 'covariates', 'interpolated'].includes(name)
      ? (vals as string[])
      : Float64Array.from(vals as number[]);
  }
  return {
    frame: { columns, nrow: n },
    regressors,
    reduced: !hasCov,
    kSource,
    pgdpSource,
    interpolatedCells,
    dropped,
    rangeFlags,
  };
}
