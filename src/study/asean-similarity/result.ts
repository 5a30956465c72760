/**
 * Tidy views of an analysis: the panel and ESI long tables as CSV (numbers in shortest round-trip form, so
 * the planted synthetic values survive exactly), every estimate as plain JSON / CSV rows, and the
 * StudyResult shape of the generic study runner (src/study/types.ts).
 */
import { toCsv } from '../../report/csv-writer.js';
import { frame } from '../../econometrics/frame.js';
import type { Estimate, StudyResult } from '../types.js';
import { PANEL_COLUMNS, type PanelRow } from './panel.js';
import type { EsiLongRow } from './measures.js';
import type { AseanAnalysis } from './pipeline.js';
import type { XtFit } from './xt-types.js';

type Cell = string | number;
const n = (v: number | null | undefined): Cell => (v === null || v === undefined ? '' : v);

export function panelCsv(rows: readonly PanelRow[]): string {
  return toCsv(rows.map((r) => {
    const o: Record<string, Cell> = {};
    for (const c of PANEL_COLUMNS) o[c] = typeof r[c] === 'string' ? (r[c] as string) : n(r[c] as number | null);
    return o;
  }));
}

export const ESI_LONG_COLUMNS = ['year', 'exporter', 'reference', 'market', 'level', 'esi', 'n_products_e', 'n_products_r', 'n_common', 'value_e', 'value_r'] as const;

export function esiLongCsv(rows: readonly EsiLongRow[]): string {
  if (rows.length === 0) return ESI_LONG_COLUMNS.join(',') + '\n';
  return toCsv(rows.map((r) => {
    const o: Record<string, Cell> = {};
    for (const c of ESI_LONG_COLUMNS) o[c] = typeof r[c] === 'string' ? (r[c] as string) : n(r[c] as number | null);
    return o;
  }));
}

export function esiPairwiseCsv(rows: AseanAnalysis['esiPairwise']): string {
  if (rows.length === 0) return 'year,market,e1,e2,esi\n';
  return toCsv(rows.map((r) => ({ year: r.year, market: r.market, e1: r.e1, e2: r.e2, esi: n(r.esi) })));
}

/** One fit as plain JSON (coef, se, stat, p per term; N, groups, R² variants, θ, σ_u, σ_e). */
export function fitJson(f: XtFit): Record<string, unknown> {
  const terms = f.estimable
    ? f.terms.map((t) => ({ term: t, coef: f.coef[t], se: f.se[t], stat: f.stat[t], p: f.p[t] }))
    : [];
  return {
    method: f.method, estimable: f.estimable, reason: f.reason ?? null, stat_kind: f.statKind, df: f.df ?? null,
    terms, nobs: f.nobs, groups: f.groups,
    r2: f.r2 ?? null, r2_within: f.r2Within ?? null, r2_between: f.r2Between ?? null, r2_overall: f.r2Overall ?? null,
    sigma2_e: f.sigma2_e ?? null, sigma2_u: f.sigma2_u ?? null,
    sigma_e: f.sigma2_e === undefined ? null : Math.sqrt(f.sigma2_e), sigma_u: f.sigma2_u === undefined ? null : Math.sqrt(f.sigma2_u),
    theta: f.theta ?? null, notes: f.notes,
  };
}

export function estimatesJson(a: AseanAnalysis): Record<string, unknown> {
  const e = a.estimates;
  return {
    dependent: 'esi',
    regressors: e.data.names,
    countries: e.data.groups,
    fe: fitJson(e.fe), re: fitJson(e.re), fgls: { ...fitJson(e.fgls), base: e.fgls.base },
    hausman: e.hausman,
    extras: e.extras.map((x) => ({ ...fitJson(x), label: x.label })),
  };
}

export const ESTIMATE_COLUMNS = [
  'method', 'term', 'coef', 'se', 'stat', 'stat_kind', 'p', 'nobs', 'groups', 'r2_within', 'r2_between', 'r2_overall',
  'theta_min', 'theta_median', 'theta_max', 'sigma_u', 'sigma_e',
] as const;

export function estimatesCsv(a: AseanAnalysis): string {
  const rows: Array<Record<string, Cell>> = [];
  for (const f of [a.estimates.fe, a.estimates.re, a.estimates.fgls, ...a.estimates.extras]) {
    const terms = f.estimable ? f.terms.filter((t) => t in f.coef) : ['(not estimable)'];
    for (const t of terms) {
      rows.push({
        method: f.method, term: t, coef: n(f.coef[t]), se: n(f.se[t]), stat: n(f.stat[t]), stat_kind: f.statKind, p: n(f.p[t]),
        nobs: f.nobs, groups: f.groups, r2_within: n(f.r2Within), r2_between: n(f.r2Between), r2_overall: n(f.r2Overall),
        theta_min: n(f.theta?.min), theta_median: n(f.theta?.median), theta_max: n(f.theta?.max),
        sigma_u: f.sigma2_u === undefined ? '' : Math.sqrt(f.sigma2_u), sigma_e: f.sigma2_e === undefined ? '' : Math.sqrt(f.sigma2_e),
      });
    }
  }
  return toCsv(rows);
}

/** The generic runner's result shape (panel frame, estimates, tables, figure, provenance). */
export function toStudyResult(a: AseanAnalysis): StudyResult {
  const cols: Record<string, Float64Array | string[]> = {};
  for (const c of PANEL_COLUMNS) {
    const first = a.panel.rows[0]?.[c];
    cols[c] = typeof first === 'string'
      ? a.panel.rows.map((r) => r[c] as string)
      : Float64Array.from(a.panel.rows, (r) => (r[c] === null ? NaN : (r[c] as number)));
  }
  const est = estimatesJson(a);
  const estimates: Estimate[] = [
    { id: 'asean_table3_fe', table: 'asean_table3_regressions', column: 'FE', result: est.fe as Record<string, unknown> },
    { id: 'asean_table3_re', table: 'asean_table3_regressions', column: 'RE', result: est.re as Record<string, unknown> },
    { id: 'asean_table3_fgls', table: 'asean_table3_regressions', column: 'FGLS', result: est.fgls as Record<string, unknown> },
    { id: 'asean_table3_hausman', table: 'asean_table3_regressions', column: 'Hausman', result: { ...a.estimates.hausman } },
  ];
  return {
    title: 'China-ASEAN capacity cooperation and GVC position measured by export similarity (ESI)',
    panel: { name: 'asean_panel', columns: PANEL_COLUMNS, frame: frame(cols) },
    estimates,
    tables: a.tables,
    figures: [a.figure],
    provenance: { identities: a.checks.residuals, dropped: a.panel.accounting.droppedByReason, notes: [...a.notes, ...a.checks.failures.map((f) => `CHECK FAILED: ${f}`)] },
  };
}
