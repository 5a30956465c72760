/**
 * The raw indicator panel of the bri-symbiosis study: one row per (partner r, sector i, year t) of every
 * computed year (the year before the window included), with the raw levels of section 3, the growth rates
 * and XT / XT_b (3.2, 4.3 b), the controls (3.4), LAB and the dummies D1-D3 (3.5).
 * Rows are ordered partner, sector, year. Undefined values are NaN.
 */
import type { DataFrame } from '../../econometrics/frame.js';
import { coordination, coordinationB, growthRate } from '../../indicators/symbiosis.js';
import { ADVANCED, type StudyConfig } from './config.js';
import type { Covariates } from './covariates.js';
import { ftaDummy, type Distance, type FtaRow } from './externals.js';
import { CELL_FIELDS, type YearMeasures } from './measures.js';

export interface Externals {
  distances: Map<string, Distance>;
  fta: FtaRow[];
  covariates?: Covariates;
}

/** XT and XT_b (A2 b) are the shared indicator functions; re-exported for the study's tests. */
export { coordination, coordinationB };

/** The delta form of XT: (1/|d_cr - 1| + 1/|d_rc - 1|) / 2 with d_cr = g_c / g_r, d_rc = g_r / g_c. */
export function coordinationDelta(gc: number, gr: number): number {
  return (1 / Math.abs(gc / gr - 1) + 1 / Math.abs(gr / gc - 1)) / 2;
}

/** Raw column names added by buildRawPanel beyond the cell fields. */
export const RAW_EXTRA = ['year', 'g_c', 'g_r', 'XT', 'XT_b', 'POL', 'ECO', 'CUL', 'DIS', 'FTA', 'LAB', 'ITR_Xw', 'D1', 'D2', 'D3', 'vax_prev_ok'] as const;

export function buildRawPanel(years: readonly YearMeasures[], cfg: StudyConfig, ext: Externals): DataFrame {
  const byYear = new Map(years.map((y) => [y.year, y]));
  const yearList = years.map((y) => y.year).sort((a, b) => a - b);
  const S = cfg.sectors.length;
  const n = cfg.partners.length * S * yearList.length;
  const num = (): Float64Array => new Float64Array(n).fill(NaN);
  const cols: Record<string, Float64Array> = {};
  for (const f of CELL_FIELDS) cols[f] = num();
  for (const f of RAW_EXTRA) cols[f] = num();
  const partner: string[] = new Array(n);
  const sector: string[] = new Array(n);
  const cov = ext.covariates;
  let k = 0;
  for (const [p, r] of cfg.partners.entries()) {
    for (const [s, i] of cfg.sectors.entries()) {
      for (const t of yearList) {
        const ym = byYear.get(t)!;
        const prev = byYear.get(t - 1);
        const cell = ym.cells[p * S + s];
        partner[k] = r;
        sector[k] = i;
        cols.year[k] = t;
        for (const f of CELL_FIELDS) cols[f][k] = cell[f];
        if (prev) {
          const vc0 = prev.vax[cfg.home][s];
          const vr0 = prev.vax[r][s];
          const gc = growthRate(vc0, ym.vax[cfg.home][s]);
          const gr = growthRate(vr0, ym.vax[r][s]);
          cols.g_c[k] = gc;
          cols.g_r[k] = gr;
          cols.XT[k] = coordination(gc, gr);
          const gcAll = growthRate(prev.vaxTotal[cfg.home], ym.vaxTotal[cfg.home]);
          const grAll = growthRate(prev.vaxTotal[r], ym.vaxTotal[r]);
          cols.XT_b[k] = coordinationB(gc, gr, gcAll, grAll);
          cols.vax_prev_ok[k] = vc0 > 0 && vr0 > 0 ? 1 : 0;
        }
        const oil = cov ? cov.oil(t) : 1;
        const d = ext.distances.get(r);
        cols.DIS[k] = d ? d.distcap * oil : NaN;
        cols.FTA[k] = ftaDummy(ext.fta, r, t, cfg.fta);
        if (cov) {
          cols.POL[k] = cov.POL(r, t);
          cols.ECO[k] = cov.ECO(r, t);
          cols.CUL[k] = cov.CUL(r);
          cols.LAB[k] = cov.LAB(r, t);
        }
        cols.ITR_Xw[k] = cols.X_world[k] > 0 ? cols.ITR[k] / cols.X_world[k] : NaN;
        cols.D1[k] = ADVANCED.has(r) ? 1 : 0;
        cols.D2[k] = cfg.highTech.has(i) ? 1 : 0;
        cols.D3[k] = t >= cfg.breakYear ? 1 : 0;
        k++;
      }
    }
  }
  return { columns: { partner, sector, ...cols }, nrow: n };
}
