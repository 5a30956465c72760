/**
 * Non-regression tables of the bri-upgrading study (spec 3):
 *   Table 1   N, mean, SD (N - 1 denominator), min, max of every variable as it enters the model, on the
 *             estimation sample of the full (or reduced) model.
 *   Table 1b  GVCP and GVCL by country in the first and last sample year, and the change (last - first).
 *   Table 2   Hausman test, rows GVCL and GVCP: chi2, df, p-value, preferred model.
 *   Table A1  VIF_j = 1 / (1 - R2_j), R2_j from pooled OLS of regressor j on the others and a constant
 *             (Stata `estat vif` after `regress`), on the estimation sample.
 */
import { numericColumn, type DataFrame } from '../../econometrics/frame.js';
import { summarize } from '../../econometrics/tools/describe.js';
import { vif } from '../../econometrics/tools/vif.js';
import { fmt, type PaperTable } from '../table.js';
import type { HausmanTest } from './hausman.js';
import type { Labeller } from './regtable.js';

function pick(df: DataFrame, v: string, rows: readonly number[]): Float64Array {
  const x = numericColumn(df, v);
  return Float64Array.from(rows, (i) => x[i]);
}

export function descriptivesTable(df: DataFrame, vars: readonly string[], rows: readonly number[], label: Labeller, notes: string[]): PaperTable {
  return {
    id: 'upgrading_table1_descriptives',
    title: 'Table 1 Descriptive statistics (estimation sample)',
    stub: 'variable',
    header: ['N', 'mean', 'SD', 'min', 'max'],
    rows: vars.map((v) => {
      const s = summarize(pick(df, v, rows), v);
      return { label: label(v), cells: [String(s.n), fmt(s.mean, 4), fmt(s.sd, 4), fmt(s.min, 4), fmt(s.max, 4)] };
    }),
    notes: ['SD with N - 1 denominator. Variables as they enter the model (rates in percent; ln(1+Sofdi) in logs).', ...notes],
  };
}

export interface CountryChange {
  country: string;
  first: number;
  last: number;
  GVCP: [number, number];
  GVCL: [number, number];
}

/** First and last sample year of each country (rows in `rows`), with GVCP and GVCL there. */
export function countryChanges(df: DataFrame, rows: readonly number[]): CountryChange[] {
  const cty = df.columns.country as string[];
  const yr = numericColumn(df, 'year');
  const gp = numericColumn(df, 'GVCP');
  const gl = numericColumn(df, 'GVCL');
  const span = new Map<string, [number, number]>();
  for (const i of rows) {
    const s = span.get(cty[i]);
    if (!s) span.set(cty[i], [i, i]);
    else {
      if (yr[i] < yr[s[0]]) s[0] = i;
      if (yr[i] > yr[s[1]]) s[1] = i;
    }
  }
  return [...span.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([country, [a, b]]) => ({ country, first: yr[a], last: yr[b], GVCP: [gp[a], gp[b]], GVCL: [gl[a], gl[b]] }));
}

export function countryTable(changes: readonly CountryChange[], notes: string[]): PaperTable {
  return {
    id: 'upgrading_table1b_countries',
    title: 'Table 1b GVC participation and position by country, first and last sample year',
    stub: 'country',
    header: ['GVCP_first', 'GVCP_last', 'GVCP_change', 'GVCL_first', 'GVCL_last', 'GVCL_change', 'first_year', 'last_year'],
    rows: changes.map((c) => ({
      label: c.country,
      cells: [fmt(c.GVCP[0], 4), fmt(c.GVCP[1], 4), fmt(c.GVCP[1] - c.GVCP[0], 4), fmt(c.GVCL[0], 4), fmt(c.GVCL[1], 4), fmt(c.GVCL[1] - c.GVCL[0], 4), String(c.first), String(c.last)],
    })),
    notes: ['Project addition (not in the paper). GVCP = IV/E + FV/E; GVCL = ln(1 + IV/E) - ln(1 + FV/E) (KPWW 2010 on KWW 2014 terms).', ...notes],
  };
}

export function hausmanTable(tests: readonly HausmanTest[], notes: string[]): PaperTable {
  const extra: string[] = [];
  for (const h of tests) {
    if (h.pseudoInverse) extra.push(`${h.dep}: V_FE - V_RE is not positive definite (smallest eigenvalue ${h.minEigen.toExponential(3)}); Moore-Penrose inverse, df = its rank (${h.df})${h.chi2 < 0 ? '; chi2 < 0: the data fail the asymptotic assumptions of the test (p undefined)' : ''}.`);
  }
  return {
    id: 'upgrading_table2_hausman',
    title: 'Table 2 Hausman test: fixed vs random effects (full model)',
    stub: 'dependent',
    header: ['chi2', 'df', 'p-value', 'preferred model'],
    rows: tests.map((h) => ({ label: h.dep, cells: [fmt(h.chi2, 4), String(h.df), Number.isFinite(h.p) ? fmt(h.p, 4) : 'n/a', h.preferred] })),
    notes: [
      "H = (b_FE - b_RE)'[V_FE - V_RE]^-1 (b_FE - b_RE) over the common slopes, each V from its own fit (FE conventional, RE Swamy-Arora); chi2(df). FE preferred when p < 0.05.",
      ...extra,
      ...notes,
    ],
  };
}

export function vifTable(df: DataFrame, vars: readonly string[], rows: readonly number[], label: Labeller, notes: string[]): { table: PaperTable; result: ReturnType<typeof vif> } {
  const cols: Record<string, Float64Array> = {};
  for (const v of vars) cols[v] = pick(df, v, rows);
  const r = vif(cols);
  return {
    result: r,
    table: {
      id: 'upgrading_tableA1_vif',
      title: 'Table A1 Variance inflation factors (not in the paper)',
      stub: 'variable',
      header: ['VIF'],
      rows: [...r.rows.map((x) => ({ label: label(x.variable), cells: [fmt(x.vif, 3)] })), { label: 'Mean VIF', cells: [fmt(r.mean, 3)], rule: true }],
      notes: [`Pooled OLS of each regressor on the others and a constant (Stata regress + estat vif), N = ${r.nobs}.`, ...notes],
    },
  };
}
