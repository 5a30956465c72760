/**
 * Estimation frames of the deglobalization study: the in-sample country-years with the model variables
 * under their short names (gvcp, omega, mu, v, gr and the eq. 17 controls), the k-year differences of eq. (18)
 * (overlapping, or non-overlapping t = t0 + k, t0 + 2k, ...), and the optional z-scoring (population SD over
 * the rows that enter, spec 2.3).
 */
import { frame, numericColumn, type DataFrame } from '../../econometrics/frame.js';
import { diff } from '../../econometrics/tools/lags.js';
import { modelColumns, type DeglobConfig } from './config.js';

export const REGRESSORS = ['omega', 'mu', 'v', 'gr'] as const;

/** Controls of eq. (17): ln gdppc and ln pop from the covariates file, else ln GDP (MRIO). */
export function controlsFor(hasCovariates: boolean): string[] {
  return hasCovariates ? ['ln_gdppc', 'ln_pop'] : ['ln_GDP'];
}

/** In-sample rows with short-named model variables (levels, raw). */
export function levelFrame(panel: DataFrame, cfg: DeglobConfig, hasCovariates: boolean): DataFrame {
  const mc = modelColumns(cfg);
  const inS = numericColumn(panel, 'in_sample');
  const rows: number[] = [];
  for (let i = 0; i < panel.nrow; i++) if (inS[i] === 1) rows.push(i);
  const pick = (name: string) => Float64Array.from(rows, (r) => numericColumn(panel, name)[r]);
  const country = panel.columns.country as string[];
  const cols: Record<string, Float64Array | string[]> = {
    country: rows.map((r) => country[r]),
    year: pick('year'),
    gvcp: pick(mc.gvcp),
    omega: pick(mc.omega),
    mu: pick(mc.mu),
    v: pick(mc.v),
    gr: pick('gr'),
  };
  for (const c of controlsFor(hasCovariates)) cols[c] = pick(c);
  return frame(cols);
}

/** Eq. (18) frame: k-year differences of gvcp and the regressors, rows where t - k is in the sample. */
export function differenceFrame(levels: DataFrame, k: number, cfg: DeglobConfig): DataFrame {
  const id = levels.columns.country as string[];
  const year = numericColumn(levels, 'year');
  const d: Record<string, Float64Array> = {};
  for (const v of ['gvcp', ...REGRESSORS]) d[v] = diff(numericColumn(levels, v), id, year, 1, { seasonal: k });
  const keep: number[] = [];
  const t0 = cfg.window[0];
  for (let i = 0; i < levels.nrow; i++) {
    if (year[i] - k < t0) continue;
    if (cfg.differences === 'nonoverlapping' && (year[i] - t0) % k !== 0) continue;
    keep.push(i);
  }
  const cols: Record<string, Float64Array | string[]> = {
    country: keep.map((i) => id[i]),
    year: Float64Array.from(keep, (i) => year[i]),
  };
  for (const v of Object.keys(d)) cols[v] = Float64Array.from(keep, (i) => d[v][i]);
  return frame(cols);
}

/** z-score the named columns over the rows where all of them are finite (population SD); others unchanged. */
export function zscore(df: DataFrame, vars: readonly string[]): DataFrame {
  const cols = vars.map((v) => numericColumn(df, v));
  const ok: boolean[] = [];
  for (let i = 0; i < df.nrow; i++) ok.push(cols.every((c) => Number.isFinite(c[i])));
  const out: Record<string, Float64Array | string[]> = { ...df.columns } as Record<string, Float64Array | string[]>;
  vars.forEach((v, k) => {
    const c = cols[k];
    let n = 0;
    let s = 0;
    for (let i = 0; i < c.length; i++) if (ok[i]) {
      n++;
      s += c[i];
    }
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < c.length; i++) if (ok[i]) ss += (c[i] - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    out[v] = c.map((x, i) => (ok[i] && sd > 0 ? (x - mean) / sd : ok[i] ? 0 : NaN));
  });
  return frame(out);
}
