/**
 * Formula front end of the panel threshold model on a DataFrame:
 *
 *   thresholdModel(df, 'i ~ q1 + q2 + q3 + d1 + qd1', { regime: 'c1', q: 'd1', id: 'id', time: 'year' }, opts)
 *
 * The right-hand side lists the regime-independent regressors (no intercept: the fixed effects absorb
 * it; factor terms expand to dummies). The regime-dependent regressor and the threshold variable are
 * data columns. Rows with a missing value in any used variable are dropped first; the rest must form a
 * balanced panel (else the error names the first unit with a gap).
 */
import { InputError, OptionError } from '../../errors.js';
import { column, numericColumn, type DataFrame } from '../frame.js';
import { parseFormula } from '../formula.js';
import { buildColumns, formulaExprs, sampleRows, evalExpr } from '../design.js';
import { panelThreshold, type ThresholdOptions, type ThresholdResult } from './hansen.js';

export interface ThresholdVars {
  /** Regime-dependent regressor (a column name or an arithmetic expression of columns). */
  regime: string;
  /** Threshold variable (a column name or expression). */
  q: string;
  id: string;
  time: string;
}

export function thresholdModel(df: DataFrame, formula: string, vars: ThresholdVars, options: ThresholdOptions = {}): ThresholdResult {
  const f = parseFormula(formula);
  if (f.fixef.length > 0 || f.iv) throw new OptionError(`the threshold formula takes 'y ~ z1 + z2' only (fixed effects are implied; no '|' parts): '${formula}'.`);
  const rx = parseFormula(`${vars.regime} ~ ${vars.q}`);
  const used = [...new Set([...f.variables, ...rx.variables, vars.id, vars.time])];
  for (const v of used) column(df, v);
  const s = sampleRows(df, used, [...formulaExprs(f), rx.lhs.expr, ...formulaExprs(rx).slice(1)]);
  const y = evalExpr(f.lhs.expr, s.data);
  const zc = buildColumns(f.terms, s.data, false, true);
  const z: Record<string, Float64Array> = {};
  zc.names.forEach((nm, k) => (z[nm] = zc.cols[k]));
  const x = evalExpr(rx.lhs.expr, s.data);
  const qv = evalExpr(rx.terms[0].atoms[0].kind === 'numeric' ? rx.terms[0].atoms[0].expr : { type: 'var', name: vars.q }, s.data);
  const idc = column(s.data, vars.id);
  const tc = column(s.data, vars.time);
  const id = idc instanceof Float64Array ? idc : (idc as string[]);
  const time = tc instanceof Float64Array ? numericColumn(s.data, vars.time) : (tc as string[]);
  try {
    return panelThreshold(
      { y, x, q: qv, z, id, time, names: { y: f.lhs.label, x: vars.regime, q: vars.q, id: vars.id, time: vars.time } },
      options,
    );
  } catch (e) {
    // a gap may come from a row dropped for a missing value: say so, and name the file
    const dropped = s.droppedMissing + s.droppedNonFinite;
    if (e instanceof InputError && e.message.startsWith('the threshold model needs a balanced panel')) {
      const why = dropped > 0 ? `; ${dropped} row(s) with a missing or non-finite value in a used variable were dropped first` : '';
      throw new InputError(`${df.source ? `${df.source}: ` : ''}${e.message.replace(/\.$/, '')}${why}.`);
    }
    throw e;
  }
}
