/**
 * Estimates of the deglobalization study as JSON documents (one per table column) and the tidy CSV of every
 * estimate with the spec's columns (table, column, term, estimate, se, t, p, n, r2_within, r2_lsdv), written
 * as `deglob_estimates` (its CSV is the tidy one; Markdown, LaTeX and HTML show the same lines as a grid).
 */
import { thresholdJson } from '../../econometrics/threshold/index.js';
import { num, type PaperTable, type TableRow, type TidyRow } from '../table.js';
import type { Estimate } from '../types.js';
import type { DeglobConfig } from './config.js';
import type { Fit, Table1Fits } from './regressions.js';
import { thresholdTerms } from './tables.js';
import type { ThresholdEq } from './threshold.js';

function settings(cfg: DeglobConfig): Record<string, unknown> {
  return {
    window: cfg.window,
    countries: cfg.countries,
    scope: cfg.scope,
    mu_basis: cfg.muBasis,
    dvx: cfg.dvx,
    standardize: cfg.standardize,
    se: cfg.se,
    differences: cfg.differences,
    covariates: cfg.covariates ?? null,
  };
}

export function buildEstimates(t1: Table1Fits, th: readonly ThresholdEq[], cfg: DeglobConfig): Estimate[] {
  const out: Estimate[] = [];
  for (const f of [t1.eq16, t1.eq17, t1.eq18_k2, t1.eq18_k4]) {
    out.push({ id: f.id, table: 'deglob_table1', column: f.column, result: { settings: settings(cfg), ...f } as unknown as Record<string, unknown> });
  }
  for (const e of th) {
    out.push({
      id: `table2_3_${e.id}`,
      table: 'deglob_table2,deglob_table3',
      column: e.id,
      result: {
        settings: { ...settings(cfg), trim: cfg.trim, grid: cfg.grid ?? 'all', bootstrap: cfg.bootstrap, seed: cfg.seed, effects: 'twoway' },
        regime: e.regime,
        regime_independent: e.z,
        threshold: thresholdJson(e.result),
        r2_within: e.result.final.r2within,
        r2_lsdv: e.r2Lsdv,
      },
    });
  }
  return out;
}

interface TidyLine {
  table: string;
  column: string;
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
  n: number;
  r2w: number;
  r2l: number;
}

export function estimatesTable(t1: Table1Fits, th: readonly ThresholdEq[]): PaperTable {
  const lines: TidyLine[] = [];
  const fits: Fit[] = [t1.eq16, t1.eq17, t1.eq18_k2, t1.eq18_k4];
  for (const f of fits) {
    for (const t of f.terms) lines.push({ table: 'deglob_table1', column: f.column, ...t, n: f.n, r2w: f.r2Within, r2l: f.r2Lsdv });
  }
  for (const e of th) {
    for (const t of thresholdTerms(e)) lines.push({ table: 'deglob_table3', column: e.id, ...t, n: e.result.N, r2w: e.result.final.r2within, r2l: e.r2Lsdv });
    e.result.steps.forEach((s) => {
      lines.push({ table: 'deglob_table2', column: e.id, term: `gamma_${s.m}`, estimate: s.gamma, se: NaN, t: s.F, p: s.p, n: e.result.N, r2w: NaN, r2l: NaN });
    });
  }
  const rows: TableRow[] = lines.map((l) => ({
    label: l.table,
    cells: [l.column, l.term, num(l.estimate), num(l.se), num(l.t), num(l.p), num(l.n), num(l.r2w), num(l.r2l)],
  }));
  const tidy: TidyRow[] = lines.map((l) => ({
    table: l.table, column: l.column, term: l.term, estimate: l.estimate, se: l.se, t: l.t, p: l.p, n: l.n, r2: l.r2w, extra: { r2_lsdv: l.r2l },
  }));
  return {
    id: 'deglob_estimates',
    title: 'Every estimate (tidy): Tables 1-3',
    stub: 'table',
    header: ['column', 'term', 'estimate', 'se', 't', 'p', 'n', 'r2_within', 'r2_lsdv'],
    rows,
    tidy,
    tidyR2: 'r2_within',
    tidyExtra: ['r2_lsdv'],
    notes: ['First column: table. Table 2 rows gamma_m: estimate = threshold, t = F_m, p = bootstrap p-value.'],
  };
}
