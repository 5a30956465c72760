/**
 * The estimations of the bri-symbiosis study (spec 4, 7), table by table: Table 1 baseline, A1 lagged,
 * A2 robustness (a, b, c), Table 2 IV, Tables 3-5 heterogeneity, Tables 6-7 mediation, A3 NIC.
 * Input: the transformed panel; output: paper tables and one JSON-able estimate per column.
 */
import { withColumn, numericColumn, type DataFrame } from '../../econometrics/frame.js';
import { sobelTest } from '../../econometrics/tools/mediation.js';
import { fmt, type PaperTable } from '../table.js';
import type { Estimate } from '../types.js';
import type { StudyConfig } from './config.js';
import { LIST_C_SOURCE } from './config.js';
import { clusteredFirstStageF, fitModel, term, type Fit, type ModelSpec } from './estimate.js';
import { regressionTable, type RegColumn } from './regtable.js';
import { controlList } from './transform.js';

export const DEPS = ['ln_RH_w', 'ln_HD_w', 'ln_XT_w'] as const;

export interface ModelRun {
  tables: PaperTable[];
  estimates: Estimate[];
  fits: Record<string, Fit>;
  messages: string[];
}

/** Internal columns the models need: interactions, combined samples, the sector-year cluster. */
export function prepareModelFrame(panel: DataFrame, cfg: StudyConfig): DataFrame {
  let df = panel;
  const lnItr = numericColumn(df, 'ln_ITR_w');
  for (const d of ['D1', 'D2', 'D3']) {
    const D = numericColumn(df, d);
    df = withColumn(df, `ln_ITR_w_x_${d}`, lnItr.map((v, i) => v * D[i]));
  }
  const main = numericColumn(df, 'sample_main');
  const listC = numericColumn(df, 'list_c');
  df = withColumn(df, 'sample_c', main.map((v, i) => (v === 1 && listC[i] === 1 ? 1 : 0)));
  const partner = df.columns.partner as string[];
  df = withColumn(df, 'sample_nic', main.map((v, i) => (v === 1 && cfg.nic.includes(partner[i]) ? 1 : 0)));
  const sector = df.columns.sector as string[];
  const year = numericColumn(df, 'year');
  df = withColumn(df, 'sector_year', sector.map((s, i) => `${s}_${year[i]}`));
  return df;
}

export function runModels(panel: DataFrame, cfg: StudyConfig, hasCovariates: boolean, progress: (m: string) => void): ModelRun {
  const df = prepareModelFrame(panel, cfg);
  const ctrl = controlList(hasCovariates);
  const tables: PaperTable[] = [];
  const estimates: Estimate[] = [];
  const fits: Record<string, Fit> = {};
  const messages: string[] = [];
  const missingCtrl = hasCovariates ? [] : ['ln POL, ln ECO: not available; ln CUL: not available (time-invariant, absorbed by country FE).'];
  let count = 0;
  const run = (table: string, k: number, spec: ModelSpec): Fit => {
    const fit = fitModel(df, spec);
    count++;
    progress(`model ${count}: ${table} (${k}) ${spec.dep} on ${spec.regressors[0]}, N = ${fit.n}`);
    fits[`${table}_col${k}`] = fit;
    estimates.push({ id: `${table}_col${k}`, table, column: `(${k})`, result: { spec, ...fit } as unknown as Record<string, unknown> });
    return fit;
  };

  // Table 1 baseline
  const t1: RegColumn[] = [];
  DEPS.forEach((y, k) => t1.push({ fit: run('symbiosis_table1_baseline', k + 1, { dep: y, regressors: ['ln_ITR_w'], sample: 'sample_main' }), controls: false }));
  DEPS.forEach((y, k) => t1.push({ fit: run('symbiosis_table1_baseline', k + 4, { dep: y, regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_main' }), controls: true }));
  tables.push(regressionTable({ id: 'symbiosis_table1_baseline', title: 'Table 1 Baseline regression results', columns: t1, shown: ['ln_ITR_w'], notes: missingCtrl }));

  // Table A1 lagged regressors
  const lagged = ['L_ln_ITR_w', ...ctrl.map((c) => `L_${c}`)];
  const a1 = DEPS.map((y, k) => ({ fit: run('symbiosis_tableA1_lagged', k + 1, { dep: y, regressors: lagged, sample: 'sample_lag' }), controls: true }));
  tables.push(regressionTable({
    id: 'symbiosis_tableA1_lagged', title: 'Table A1 Lagged regressors (ln ITR and controls at t-1)', columns: a1, shown: ['L_ln_ITR_w'],
    notes: ['Regressors at t-1 of the same partner and sector (the year before the window included).', ...missingCtrl],
  }));

  // Table A2 robustness
  const a2: RegColumn[] = [];
  DEPS.forEach((y, k) => a2.push({ fit: run('symbiosis_tableA2_robustness', k + 1, { dep: y, regressors: ['ln_ITR_Xw_w', ...ctrl], sample: 'sample_main' }), controls: true, header: `(a) ${y.replace(/^ln_|_w$/g, '')}` }));
  ['ln_RH_b_w', 'ln_HD_b_w', 'ln_XT_b_w'].forEach((y, k) => a2.push({ fit: run('symbiosis_tableA2_robustness', k + 4, { dep: y, regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_a2b' }), controls: true, header: `(b) ${y.replace(/^ln_|_w$/g, '')}` }));
  DEPS.forEach((y, k) => a2.push({ fit: run('symbiosis_tableA2_robustness', k + 7, { dep: y, regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_c' }), controls: true, header: `(c) ${y.replace(/^ln_|_w$/g, '')}` }));
  tables.push(regressionTable({
    id: 'symbiosis_tableA2_robustness', title: 'Table A2 Robustness: (a) ITR / sector world output, (b) one sector vs all sectors, (c) big-data-report partners',
    columns: a2, shown: ['ln_ITR_Xw_w', 'ln_ITR_w'], notes: [`List (c): ${LIST_C_SOURCE}`, ...missingCtrl],
  }));

  // Table 2 IV
  const instr = hasCovariates ? 'LAB_w' : 'z_standin';
  const instrName = hasCovariates ? 'LAB (labour force, millions)' : 'z, stand-in instrument (leave-one-out partner mean of ln ITR)';
  const fs: ModelSpec = { dep: 'ln_ITR_w', regressors: [instr, ...ctrl], sample: 'sample_iv' };
  const t2: RegColumn[] = [{ fit: run('symbiosis_table2_iv', 1, { ...fs, instrument: instrName }), controls: true, header: 'ln ITR (first stage)' }];
  DEPS.forEach((y, k) => t2.push({ fit: run('symbiosis_table2_iv', k + 2, { dep: y, regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_iv', iv: { endog: 'ln_ITR_w', instrument: instr, small: cfg.ivSmall, label: instrName } }), controls: true }));
  const ivc = t2.slice(1).map((c) => c.fit.iv!);
  const cl = clusteredFirstStageF(df, fs, 'sector_year');
  const t2notes = [
    `Instrument: ${instrName}.`,
    cfg.ivSmall
      ? 'Second stages: 2SLS, HC1 with K = all second-stage parameters, t(N-K) p-values (ivreg2 robust small).'
      : 'Second stages: 2SLS, HC0 SE and normal p-values (ivreg2 robust, option iv_small=false).',
  ];
  if (!hasCovariates) {
    t2notes.push('Stand-in instrument: its exclusion restriction is weaker than the paper\'s (LAB is not shipped); it exercises the IV machinery only.');
    t2notes.push(`The stand-in varies almost only by sector-year: first-stage F with SE clustered by sector-year (CR1, ${cl.G} clusters) = ${fmt(cl.F, 2)}.`);
  }
  tables.push(regressionTable({
    id: 'symbiosis_table2_iv', title: `Table 2 Instrumental variable estimates (instrument: ${hasCovariates ? 'LAB' : 'stand-in instrument z'})`, columns: t2,
    shown: ['ln_ITR_w', instr],
    extra: [
      { label: 'KP rk LM statistic', cells: ['', ...ivc.map((d) => fmt(d.kpLM, 2))] },
      { label: 'KP rk LM p-value', cells: ['', ...ivc.map((d) => fmt(d.kpLMp, 4))] },
      { label: 'KP rk Wald F', cells: ['', ...ivc.map((d) => fmt(d.kpF, 2))] },
      { label: 'Cragg-Donald Wald F', cells: ['', ...ivc.map((d) => fmt(d.cdF, 2))] },
      { label: 'Stock-Yogo 10% critical value', cells: ['', ...ivc.map((d) => fmt(d.stockYogo10, 2))] },
    ],
    notes: [...t2notes, ...missingCtrl],
  }));
  estimates.push({ id: 'symbiosis_table2_iv_cluster_F', table: 'symbiosis_table2_iv', column: '(1)', result: { instrument: instrName, clusteredBy: 'sector_year', F: cl.F, clusters: cl.G } });

  // Tables 3-5 heterogeneity
  const het: Array<[string, string, string]> = [
    ['symbiosis_table3_development', 'D1', 'Table 3 Heterogeneity by development level (D1 = IMF advanced economy)'],
    ['symbiosis_table4_technology', 'D2', 'Table 4 Heterogeneity by technology level (D2 = medium-high/high tech)'],
    ['symbiosis_table5_period', 'D3', `Table 5 Heterogeneity by period (D3 = 1 for t >= ${cfg.breakYear}${cfg.breakYear === 2002 ? ', after WTO accession; WIOD ends before the BRI' : ''})`],
  ];
  for (const [id, d, title] of het) {
    const cols = DEPS.map((y, k) => ({ fit: run(id, k + 1, { dep: y, regressors: ['ln_ITR_w', `ln_ITR_w_x_${d}`, ...ctrl], sample: 'sample_main' }), controls: true }));
    tables.push(regressionTable({ id, title, columns: cols, shown: ['ln_ITR_w', `ln_ITR_w_x_${d}`], notes: [`Main effect of ${d} absorbed by the fixed effects.`, ...missingCtrl] }));
  }

  // Tables 6-7 mediation
  const med: Array<[string, string, string]> = [
    ['symbiosis_table6_rvc', 'RVC_w', 'Table 6 Mediation through regional value-chain cooperation (RVC)'],
    ['symbiosis_table7_inc', 'INC_w', 'Table 7 Mediation through industrial agglomeration (INC)'],
  ];
  for (const [id, M, title] of med) tables.push(mediationTable(id, M, title, ctrl, t1, run, missingCtrl));

  // Table A3 NIC partners (Table 6 col 2)
  const nicN = numericColumn(df, 'sample_nic').reduce((s, v) => s + v, 0);
  if (nicN >= 50) {
    const fa = run('symbiosis_tableA3_nic', 1, { dep: 'RVC_w', regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_nic' });
    const fb = run('symbiosis_tableA3_nic', 2, { dep: 'ln_RH_w', regressors: ['ln_ITR_w', 'RVC_w', ...ctrl], sample: 'sample_nic' });
    tables.push(regressionTable({
      id: 'symbiosis_tableA3_nic', title: `Table A3 Mediation through RVC, newly industrialized partners (${cfg.nic.join(', ')})`,
      columns: [{ fit: fa, controls: true }, { fit: fb, controls: true }], shown: ['ln_ITR_w', 'RVC_w'], notes: missingCtrl,
    }));
  } else messages.push(`Table A3 skipped: the NIC sample (${cfg.nic.join(', ')}) has N = ${nicN} < 50.`);
  return { tables, estimates, fits, messages };
}

function mediationTable(
  id: string, M: string, title: string, ctrl: string[], t1: RegColumn[],
  run: (table: string, k: number, spec: ModelSpec) => Fit, notes: string[],
): PaperTable {
  const fa = run(id, 1, { dep: M, regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_main' });
  const a = term(fa, 'ln_ITR_w')!;
  const cols: RegColumn[] = [{ fit: fa, controls: true }];
  const ab: string[] = [''], total: string[] = [''], type: string[] = [''], z: string[] = [''];
  DEPS.forEach((y, k) => {
    const f = run(id, k + 2, { dep: y, regressors: ['ln_ITR_w', M, ...ctrl], sample: 'sample_main' });
    cols.push({ fit: f, controls: true });
    const b = term(f, M)!;
    const cp = term(f, 'ln_ITR_w')!;
    const c = term(t1[k + 3].fit, 'ln_ITR_w')!;
    ab.push(fmt(a.estimate * b.estimate));
    total.push(fmt(c.estimate));
    type.push(Math.sign(a.estimate * b.estimate) === Math.sign(cp.estimate) ? 'mediator' : 'suppressor');
    z.push(fmt(sobelTest(a.estimate, a.se, b.estimate, b.se).z, 2));
  });
  return regressionTable({
    id, title, columns: cols, shown: ['ln_ITR_w', M],
    extra: [
      { label: 'a*b (indirect effect)', cells: ab },
      { label: 'Total effect c (Table 1)', cells: total },
      { label: 'Type', cells: type },
      { label: 'Sobel z', cells: z },
    ],
    notes: [`${M.replace(/_w$/, '')} in levels in both equations; c = c' + a*b on the common sample.`, ...notes],
  });
}
