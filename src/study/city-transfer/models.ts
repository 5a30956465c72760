/**
 * The estimation plan of §3: tables C2–C10 and the project extras C2J/C3J as declarative column specs,
 * each `dependent ~ regressors + controls | pair + period`, clustered by pair (estimate.ts), on a sample:
 *   all; down / up (economic gradient); pop_down / pop_up; developed = down, less_developed = up (mechanism
 *   tables, factor of city i as dependent); `<down|up>_<tier>` (C10 cells).
 * C10 per cell: (1) HSR, (2) INFO, (3) model (5) IT = β1 HSR + β2 INFO + β3 double + controls + FE.
 */
import type { DataFrame } from '../../econometrics/frame.js';
import { TIERS } from './config.js';
import { fitPairFe, type Fit } from './estimate.js';
import { CONTROLS } from './variables.js';

export const HSR = 'connectivity_HSR';
export const INFO = 'connectivity_I';
export const DOUBLE = 'connectivity_double';
export const CTRL: readonly string[] = [...CONTROLS.map((c) => `${c}_i`), ...CONTROLS.map((c) => `${c}_j`)];

export interface ColumnSpec {
  table: string;
  /** 1-based column within the table (C10: within the cell). */
  column: number;
  sample: string;
  dependent: string;
  regressors: string[];
  /** Terms shown in the table body. */
  focus: string[];
  controls: boolean;
}

export interface ColumnFit extends ColumnSpec {
  fit: Fit;
}

const SAMPLE_LABEL: Record<string, string> = {
  all: 'All pairs', down: 'Down-gradient', up: 'Up-gradient', pop_down: 'Down-gradient (population)',
  pop_up: 'Up-gradient (population)', developed: 'Developed cities', less_developed: 'Less-developed cities',
};
export function sampleLabel(s: string): string {
  if (SAMPLE_LABEL[s]) return SAMPLE_LABEL[s];
  const [g, ...t] = s.split('_');
  const tier = TIERS.find((x) => x.name === t.join('_'));
  return `${g === 'down' ? 'Down' : 'Up'}, ${tier?.label ?? t.join('_')}`;
}

function col(table: string, column: number, sample: string, dependent: string, focus: string[], controls = true): ColumnSpec {
  return { table, column, sample, dependent, regressors: [...focus, ...(controls ? CTRL : [])], focus, controls };
}

/** Every column of every table, in table order. */
export function modelPlan(): ColumnSpec[] {
  const out: ColumnSpec[] = [];
  out.push(col('C2', 1, 'all', 'IT_direction', [HSR], false), col('C2', 2, 'all', 'IT_direction', [HSR]));
  out.push(col('C2', 3, 'all', 'IT_direction', [INFO], false), col('C2', 4, 'all', 'IT_direction', [INFO]));
  const c3 = (table: string, dep: string, down: string, up: string, first = 1): ColumnSpec[] => [
    col(table, first, down, dep, [HSR]), col(table, first + 1, up, dep, [HSR]),
    col(table, first + 2, down, dep, [INFO]), col(table, first + 3, up, dep, [INFO]),
  ];
  out.push(...c3('C3', 'IT', 'down', 'up'));
  out.push(...c3('C4a', 'IT', 'pop_down', 'pop_up'));
  out.push(col('C4b', 1, 'down', HSR, ['IT']), col('C4b', 2, 'up', HSR, ['IT']));
  out.push(col('C4b', 3, 'down', INFO, ['IT']), col('C4b', 4, 'up', INFO, ['IT']));
  out.push(...c3('C5', 'IT_labor', 'down', 'up', 1), ...c3('C5', 'IT_capital', 'down', 'up', 5), ...c3('C5', 'IT_tech', 'down', 'up', 9));
  const mech4 = (table: string, dep: string): ColumnSpec[] => [
    col(table, 1, 'developed', dep, [HSR]), col(table, 2, 'less_developed', dep, [HSR]),
    col(table, 3, 'developed', dep, [INFO]), col(table, 4, 'less_developed', dep, [INFO]),
  ];
  const mech8 = (table: string, a: string, b: string): ColumnSpec[] =>
    (['developed', 'less_developed'] as const).flatMap((s, h) => [
      col(table, 4 * h + 1, s, a, [HSR]), col(table, 4 * h + 2, s, b, [HSR]),
      col(table, 4 * h + 3, s, a, [INFO]), col(table, 4 * h + 4, s, b, [INFO]),
    ]);
  out.push(...mech4('C6', 'factor_labor_i'));
  out.push(...mech8('C7', 'factor_fcapital_i', 'factor_flc_i'));
  out.push(...mech8('C8', 'factor_ccapital_i', 'factor_clc_i'));
  out.push(...mech4('C9', 'factor_tech_i'));
  for (const g of ['down', 'up']) {
    for (const t of TIERS) {
      const s = `${g}_${t.name}`;
      out.push(col('C10', 1, s, 'IT', [HSR]), col('C10', 2, s, 'IT', [INFO]), col('C10', 3, s, 'IT', [HSR, INFO, DOUBLE]));
    }
  }
  (['all', 'down', 'up'] as const).forEach((s, k) => out.push({ ...col('C2J', k + 1, s, 'IT_direction', [HSR, INFO]), focus: [HSR, INFO, ...CTRL] }));
  (['all', 'down', 'up'] as const).forEach((s, k) => out.push({ ...col('C3J', k + 1, s, 'IT', [HSR, INFO]), focus: [HSR, INFO, ...CTRL] }));
  return out;
}

/** Row indices of every sample name used by the plan. */
export function sampleRows(df: DataFrame): Map<string, Int32Array> {
  const grad = df.columns.gradient as string[];
  const pop = df.columns.pop_gradient as string[];
  const tier = df.columns.tier as string[];
  const pick = (keep: (r: number) => boolean): Int32Array => {
    const rows: number[] = [];
    for (let r = 0; r < df.nrow; r++) if (keep(r)) rows.push(r);
    return Int32Array.from(rows);
  };
  const m = new Map<string, Int32Array>();
  m.set('all', pick(() => true));
  m.set('down', pick((r) => grad[r] === 'down'));
  m.set('up', pick((r) => grad[r] === 'up'));
  m.set('developed', m.get('down') as Int32Array);
  m.set('less_developed', m.get('up') as Int32Array);
  m.set('pop_down', pick((r) => pop[r] === 'down'));
  m.set('pop_up', pick((r) => pop[r] === 'up'));
  for (const g of ['down', 'up']) for (const t of TIERS) m.set(`${g}_${t.name}`, pick((r) => grad[r] === g && tier[r] === t.name));
  return m;
}

/** Run a plan (or part of it); `progress` gets one line per table. */
export function runPlan(df: DataFrame, plan: readonly ColumnSpec[], progress?: (s: string) => void): ColumnFit[] {
  const rows = sampleRows(df);
  const out: ColumnFit[] = [];
  let last = '';
  for (const c of plan) {
    if (c.table !== last) {
      progress?.(`estimating ${c.table}`);
      last = c.table;
    }
    const r = rows.get(c.sample) as Int32Array;
    out.push({ ...c, fit: fitPairFe(df, r, c.dependent, c.regressors) });
  }
  return out;
}

/** Pairs in a sample (ordered pairs = rows / 2 in a balanced two-period panel). */
export function samplePairs(df: DataFrame, sample: string): number {
  return (sampleRows(df).get(sample)?.length ?? 0) / 2;
}

/** Entries of city_estimates.json: one per column and term. */
export function estimateEntries(fits: readonly ColumnFit[]): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const c of fits) {
    for (const term of c.regressors) {
      const id = c.fit.identified[term];
      const v = (x: number) => (id && Number.isFinite(x) ? x : null);
      out.push({
        table: c.table, column: c.column, sample: c.sample, dependent: c.dependent, term,
        coef: v(c.fit.coef[term]), se: v(c.fit.se[term]), t: v(c.fit.t[term]), p: v(c.fit.p[term]),
        nobs: c.fit.nobs, clusters: c.fit.clusters, r2: Number.isFinite(c.fit.r2) ? c.fit.r2 : null,
        r2_within: Number.isFinite(c.fit.r2Within) ? c.fit.r2Within : null, identified: id,
      });
    }
  }
  return out;
}
