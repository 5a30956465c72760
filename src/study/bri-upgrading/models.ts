/**
 * The models of the bri-upgrading study (spec 3) on a built panel:
 *   Table 3 / 4  GVCL / GVCP, country FE, controls entered in the paper's order, all columns on the sample
 *                of the last column: (1) Tariff, ln(1+Sofdi); (2) + K; (3) + Hum; (4) + RD; (5) + PGDP.
 *                Reduced model (no covariates): one column, K_w + PGDP_w.
 *   Table 2      Hausman FE vs RE for GVCL and GVCP (full model).
 *   Table 5      full model without 2009.
 *   Table A1     VIF; A2 cluster-robust SE and two-way FE; A3 RD lagged one year (needs covariates);
 *   Table A4     Borin-Mancini shares GVC/E, GVCB/E, GVCF/E as dependent variables.
 */
import { numericColumn, type DataFrame } from '../../econometrics/frame.js';
import type { PaperTable } from '../table.js';
import type { Estimate } from '../types.js';
import { FULL_REGRESSORS } from './columns.js';
import { descriptivesTable, hausmanTable, vifTable } from './descriptives.js';
import { fitJson, sampleRows, withinFit, type Fit } from './estimate.js';
import { hausmanTest, reFit, type HausmanTest } from './hausman.js';
import type { Panel } from './panel.js';
import { labeller, regressionTable } from './regtable.js';

export interface ModelRun {
  tables: PaperTable[];
  estimates: Estimate[];
  /** Fits by id (table_column), for figures and tests. */
  fits: Record<string, Fit>;
  hausman: HausmanTest[];
  vif?: ReturnType<typeof vifTable>['result'];
  messages: string[];
}

/** The regressor sets of the sequential columns (the first holds the two variables of interest). */
export function sequentialSets(regressors: readonly string[]): string[][] {
  const first: string[] = regressors.filter((v) => v === 'Tariff' || v === 'ln1p_Sofdi');
  // reduced model: a single column with every regressor
  if (!first.length) return [[...regressors]];
  const sets: string[][] = [first];
  let cur = first;
  for (const v of regressors.filter((r) => !first.includes(r))) {
    cur = [...cur, v];
    sets.push(cur);
  }
  return sets;
}

export function runModels(p: Panel, tag: string[]): ModelRun {
  const df = p.frame;
  const label = labeller(p.kSource === 'wiod_proxy', p.pgdpSource === 'wiod_proxy');
  const rows = sampleRows(df, 'est_sample');
  const regs = p.regressors;
  const shown = [...FULL_REGRESSORS, 'RD_lag1'] as string[];
  const fits: Record<string, Fit> = {};
  const estimates: Estimate[] = [];
  const tables: PaperTable[] = [];
  const messages: string[] = [];
  const reducedTitle = p.reduced ? ' (reduced model: tariff, OFDI, human capital and R&D unavailable)' : '';
  const record = (table: string, list: Fit[]) =>
    list.forEach((f, k) => {
      fits[`${table}_col${k + 1}`] = f;
      estimates.push({ id: `${table}_col${k + 1}`, table, column: `(${k + 1})`, result: fitJson(f) });
    });

  const sets = sequentialSets(regs);
  for (const [dep, id, name] of [['GVCL', 'upgrading_table3_gvcl', 'Table 3 GVC position (GVCL), fixed effects'], ['GVCP', 'upgrading_table4_gvcp', 'Table 4 GVC participation (GVCP), fixed effects']] as const) {
    const list = sets.map((s) => withinFit(df, dep, s, rows));
    record(id, list);
    tables.push(regressionTable({ id, title: `${name}${p.reduced ? reducedTitle : ', controls entered one at a time'}`, fits: list, terms: shown, label, notes: [`All columns on the estimation sample of the full model (N = ${rows.length}).`, ...tag] }));
  }

  // Table 2 Hausman
  const hausman = (['GVCL', 'GVCP'] as const).map((dep) => {
    const fe = fits[`${dep === 'GVCL' ? 'upgrading_table3_gvcl' : 'upgrading_table4_gvcp'}_col${sets.length}`];
    return hausmanTest(fe, reFit(df, fe, rows));
  });
  hausman.forEach((h) => estimates.push({ id: `upgrading_table2_hausman_${h.dep}`, table: 'upgrading_table2_hausman', column: h.dep, result: { ...h } }));
  tables.push(hausmanTable(hausman, tag));

  // Table 5 without 2009
  const yr = numericColumn(df, 'year');
  const no09 = rows.filter((i) => yr[i] !== 2009);
  const t5 = (['GVCL', 'GVCP'] as const).map((dep) => withinFit(df, dep, regs, no09));
  record('upgrading_table5_no2009', t5);
  tables.push(regressionTable({ id: 'upgrading_table5_no2009', title: `Table 5 Robustness: 2009 excluded, full model${reducedTitle}`, fits: t5, terms: shown, label, notes: [`${rows.length - no09.length} observations of 2009 removed.`, ...tag] }));

  // Table A1 VIF
  let vif: ModelRun['vif'];
  if (regs.length >= 2) {
    const v = vifTable(df, regs, rows, label, tag);
    vif = v.result;
    tables.push(v.table);
    estimates.push({ id: 'upgrading_tableA1_vif', table: 'upgrading_tableA1_vif', column: 'VIF', result: { ...v.result } });
  }

  // Table A2 variants
  const a2 = [
    withinFit(df, 'GVCL', regs, rows, { se: 'cluster' }),
    withinFit(df, 'GVCP', regs, rows, { se: 'cluster' }),
    withinFit(df, 'GVCL', regs, rows, { yearFe: true }),
    withinFit(df, 'GVCP', regs, rows, { yearFe: true }),
  ];
  record('upgrading_tableA2_variants', a2);
  tables.push(regressionTable({
    id: 'upgrading_tableA2_variants',
    title: `Table A2 Full model with cluster-robust SE (1)-(2) and two-way fixed effects (3)-(4) (not in the paper)${reducedTitle}`,
    fits: a2,
    terms: shown,
    label,
    notes: ['(1)-(2): CR1 by country, t with G - 1 df; (3)-(4): country and year FE, conventional SE, df = N - n - (T-1) - k.', ...tag],
  }));

  // Table A3 RD lagged
  if (regs.includes('RD')) {
    const lagRegs = regs.map((v) => (v === 'RD' ? 'RD_lag1' : v));
    const lagVals = lagRegs.map((v) => numericColumn(df, v));
    const gl = numericColumn(df, 'GVCL');
    const inWin = numericColumn(df, 'year');
    const [w0, w1] = [Math.min(...rows.map((i) => inWin[i])), Math.max(...rows.map((i) => inWin[i]))];
    const lagRows: number[] = [];
    for (let i = 0; i < df.nrow; i++) {
      if (inWin[i] < w0 || inWin[i] > w1 || !Number.isFinite(gl[i])) continue;
      if (lagVals.every((x) => Number.isFinite(x[i]))) lagRows.push(i);
    }
    const a3 = (['GVCL', 'GVCP'] as const).map((dep) => withinFit(df, dep, lagRegs, lagRows));
    record('upgrading_tableA3_rdlag', a3);
    tables.push(regressionTable({ id: 'upgrading_tableA3_rdlag', title: 'Table A3 R&D intensity lagged one year (not in the paper)', fits: a3, terms: shown, label, notes: ['RD (t-1) replaces RD; its own listwise sample (the lag of the first year from the year before when available).', ...tag] }));
  } else messages.push('Table A3 skipped: RD is not available without covariates.');

  // Table A4 Borin-Mancini
  const a4 = (['bm_GVC_share', 'bm_GVCB_share', 'bm_GVCF_share'] as const).map((dep) => withinFit(df, dep, regs, rows));
  record('upgrading_tableA4_bm', a4);
  tables.push(regressionTable({ id: 'upgrading_tableA4_bm', title: `Table A4 Borin-Mancini GVC participation shares, full model (not in the paper)${reducedTitle}`, fits: a4, terms: shown, label, notes: ['Dependent variables GVC/E, GVCB/E (backward) and GVCF/E (forward) of Borin and Mancini (2019), source-based country terms.', ...tag] }));

  const entering = ['GVCL', 'GVCP', ...regs];
  tables.unshift(descriptivesTable(df, entering, rows, label, tag));
  return { tables, estimates, fits, hausman, vif, messages };
}
