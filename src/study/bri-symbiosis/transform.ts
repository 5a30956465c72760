/**
 * Transformations and samples of the bri-symbiosis study (spec 3.6, 6, 7):
 *  - winsorizing in levels to [p1, p99], cut-offs over the window cells where each variable is defined,
 *    applied to every row (the year before the window too); DIS and CUL are not clipped;
 *  - logs of clipped levels (non-positive -> missing);
 *  - the stand-in instrument z[r,i,t] = mean of ln ITR_w[r',i,t] over partners r' != r with ITR > 0;
 *  - calendar lags (t-1, same r and i) of the regressors for Table A1 (internal columns `L_*`);
 *  - the samples (main, iv, lag, a2b, list c) and the first reason a row leaves the main sample.
 */
import type { DataFrame } from '../../econometrics/frame.js';
import type { StudyConfig } from './config.js';
import { clip, logPositive, winsorCuts, type WinsorCuts } from './winsor.js';

export const WINSORIZED = ['ITR', 'RH', 'HD', 'XT', 'RVC', 'INC', 'GVC_P', 'GVC_D', 'RCA_D', 'POL', 'ECO', 'LAB', 'ITR_Xw', 'RH_b', 'HD_b', 'XT_b'] as const;
export const LOGGED = ['ITR', 'RH', 'HD', 'XT', 'GVC_P', 'GVC_D', 'RCA_D', 'POL', 'ECO', 'ITR_Xw', 'RH_b', 'HD_b', 'XT_b'] as const;

/** The regressors of eq. (12) in order, and whether each is available (POL, ECO, CUL need covariates). */
export function controlList(hasCovariates: boolean): string[] {
  const all = ['ln_POL_w', 'ln_ECO_w', 'ln_CUL', 'ln_DIS', 'ln_GVC_P_w', 'ln_GVC_D_w', 'ln_RCA_D_w', 'FTA'];
  return hasCovariates ? all : all.filter((c) => !['ln_POL_w', 'ln_ECO_w', 'ln_CUL'].includes(c));
}

/** Variables that every main-sample row must have, in drop-reason order. */
export function mainVariables(hasCovariates: boolean): string[] {
  return ['ln_RH_w', 'ln_HD_w', 'ln_XT_w', 'ln_ITR_w', 'RVC_w', 'INC_w', ...controlList(hasCovariates)];
}

export interface TransformResult {
  panel: DataFrame;
  cuts: Record<string, WinsorCuts>;
  /** Count of rows leaving the main sample by drop_reason (window rows and outside-window rows). */
  dropped: Record<string, number>;
}

/** Why entry i of a transformed variable is missing. */
function reasonOf(name: string, i: number, c: Record<string, Float64Array>): string {
  const base = name.replace(/^ln_/, '').replace(/_w$/, '');
  if (['POL', 'ECO', 'CUL', 'DIS', 'LAB'].includes(base)) return 'missing_covariate';
  const raw = c[base];
  if (base === 'XT' && !Number.isFinite(raw[i])) return c.vax_prev_ok[i] === 0 ? 'zero_denominator' : 'xt_undefined';
  if (raw && !Number.isFinite(raw[i])) return 'zero_denominator';
  return name.startsWith('ln_') ? 'log_nonpositive' : 'zero_denominator';
}

export function transformPanel(raw: DataFrame, cfg: StudyConfig, hasCovariates: boolean): TransformResult {
  const n = raw.nrow;
  const c: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(raw.columns)) if (v instanceof Float64Array) c[k] = v;
  const partner = raw.columns.partner as string[];
  const sector = raw.columns.sector as string[];
  const inWindow = c.year.map((t) => (t >= cfg.window[0] && t <= cfg.window[1] ? 1 : 0));

  const cuts: Record<string, WinsorCuts> = {};
  for (const v of WINSORIZED) {
    if (cfg.winsor) {
      cuts[v] = winsorCuts(c[v], (i) => inWindow[i] === 1, cfg.winsor);
      c[`${v}_w`] = Number.isFinite(cuts[v].lo) ? clip(c[v], cuts[v]) : c[v].slice();
    } else c[`${v}_w`] = c[v].slice();
  }
  for (const v of LOGGED) c[`ln_${v}_w`] = logPositive(c[`${v}_w`]);
  c.ln_CUL = logPositive(c.CUL);
  c.ln_DIS = logPositive(c.DIS);

  // stand-in instrument (no LAB): leave-one-out mean over partners of ln ITR_w in the same sector-year
  c.z_standin = new Float64Array(n).fill(NaN);
  if (!hasCovariates) {
    const sum = new Map<string, { s: number; k: number }>();
    const key = (i: number) => `${sector[i]}|${c.year[i]}`;
    for (let i = 0; i < n; i++) {
      if (!(c.ITR[i] > 0) || !Number.isFinite(c.ln_ITR_w[i])) continue;
      const e = sum.get(key(i)) ?? { s: 0, k: 0 };
      e.s += c.ln_ITR_w[i];
      e.k += 1;
      sum.set(key(i), e);
    }
    for (let i = 0; i < n; i++) {
      const e = sum.get(key(i));
      if (!e) continue;
      const own = c.ITR[i] > 0 && Number.isFinite(c.ln_ITR_w[i]);
      const k = e.k - (own ? 1 : 0);
      if (k > 0) c.z_standin[i] = (e.s - (own ? c.ln_ITR_w[i] : 0)) / k;
    }
  }

  // lags: same partner and sector, calendar year t-1
  const controls = controlList(hasCovariates);
  const lagged = ['ln_ITR_w', ...controls];
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(`${partner[i]}|${sector[i]}|${c.year[i]}`, i);
  for (const v of lagged) {
    const L = new Float64Array(n).fill(NaN);
    for (let i = 0; i < n; i++) {
      const j = index.get(`${partner[i]}|${sector[i]}|${c.year[i] - 1}`);
      if (j !== undefined) L[i] = c[v][j];
    }
    c[`L_${v}`] = L;
  }

  // samples and drop reasons
  const main = mainVariables(hasCovariates);
  const defined = (vars: readonly string[], i: number) => vars.every((v) => Number.isFinite(c[v][i]));
  const sampleMain = new Float64Array(n);
  const sampleIv = new Float64Array(n);
  const sampleLag = new Float64Array(n);
  const sampleA2b = new Float64Array(n);
  const listC = new Float64Array(n);
  const dropReason: string[] = new Array(n).fill('');
  const dropped: Record<string, number> = {};
  const lagVars = ['ln_RH_w', 'ln_HD_w', 'ln_XT_w', ...lagged.map((v) => `L_${v}`)];
  const a2bVars = ['ln_RH_b_w', 'ln_HD_b_w', 'ln_XT_b_w', 'ln_ITR_w', ...controls];
  const instrument = hasCovariates ? 'LAB_w' : 'z_standin';
  for (let i = 0; i < n; i++) {
    listC[i] = cfg.listC.includes(partner[i]) ? 1 : 0;
    if (!inWindow[i]) {
      dropReason[i] = 'year:outside_window';
    } else {
      const miss = main.find((v) => !Number.isFinite(c[v][i]));
      if (miss) dropReason[i] = `${miss}:${reasonOf(miss, i, c)}`;
      else sampleMain[i] = 1;
      sampleLag[i] = defined(lagVars, i) ? 1 : 0;
      sampleA2b[i] = defined(a2bVars, i) ? 1 : 0;
    }
    sampleIv[i] = sampleMain[i] && Number.isFinite(c[instrument][i]) ? 1 : 0;
    if (dropReason[i]) dropped[dropReason[i]] = (dropped[dropReason[i]] ?? 0) + 1;
  }
  Object.assign(c, { in_window: inWindow, sample_main: sampleMain, sample_iv: sampleIv, sample_lag: sampleLag, sample_a2b: sampleA2b, list_c: listC });
  return { panel: { columns: { partner, sector, ...c, drop_reason: dropReason }, nrow: n }, cuts, dropped };
}
