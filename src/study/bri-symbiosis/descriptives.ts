/**
 * Table D1 (N, mean, SD, min, max of every variable as it enters, on the main sample) and Table D2
 * (pairwise correlations and VIF of ln ITR and the controls; VIF from auxiliary OLS without FE, flag > 10).
 */
import { numericColumn, type DataFrame } from '../../econometrics/frame.js';
import { vif } from '../../econometrics/tools/vif.js';
import { fmt, type PaperTable } from '../table.js';
import { sampleRows } from './estimate.js';
import { label } from './regtable.js';

function values(panel: DataFrame, v: string, rows: number[]): Float64Array {
  const c = numericColumn(panel, v);
  return Float64Array.from(rows, (i) => c[i]);
}

export function descriptivesTable(panel: DataFrame, vars: string[]): PaperTable {
  const rows = sampleRows(panel, 'sample_main');
  const out = vars.map((v) => {
    const x = values(panel, v, rows);
    const n = x.length;
    const mean = x.reduce((s, q) => s + q, 0) / n;
    const sd = Math.sqrt(x.reduce((s, q) => s + (q - mean) ** 2, 0) / (n - 1));
    return { label: label(v), cells: [String(n), fmt(mean), fmt(sd), fmt(Math.min(...x)), fmt(Math.max(...x))] };
  });
  return {
    id: 'symbiosis_tableD1_descriptives',
    title: 'Table D1 Descriptive statistics (main sample, after winsorizing)',
    stub: 'variable',
    header: ['N', 'Mean', 'SD', 'Min', 'Max'],
    rows: out,
    notes: ['Variables as they enter the regressions: winsorized levels and logs of winsorized levels; dummies unclipped.'],
  };
}

function corr(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const ma = a.reduce((s, q) => s + q, 0) / n;
  const mb = b.reduce((s, q) => s + q, 0) / n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

export function vifTable(panel: DataFrame, vars: string[]): PaperTable {
  const rows = sampleRows(panel, 'sample_main');
  const cols = vars.map((v) => values(panel, v, rows));
  // VIF_j = 1 / (1 - R2_j), R2_j of x_j on the other regressors and a constant (no FE)
  const v = vif(Object.fromEntries(vars.map((name, j) => [name, cols[j]]))).rows.map((r) => r.vif);
  const grid = vars.map((name, j) => ({
    label: label(name),
    cells: [...cols.map((c, k) => (k <= j ? fmt(corr(cols[j], c), 3) : '')), fmt(v[j], 2) + (v[j] > 10 ? ' (>10)' : '')],
  }));
  return {
    id: 'symbiosis_tableD2_vif',
    title: 'Table D2 Correlations and variance inflation factors (main sample)',
    stub: 'variable',
    header: [...vars.map(label), 'VIF'],
    rows: grid,
    notes: ['VIF from auxiliary OLS of each regressor on the others and a constant, without fixed effects; VIF > 10 flagged.'],
  };
}
