/**
 * From a parsed formula and a data frame to numeric columns: expression evaluation, the estimation
 * sample (rows with missing or non-finite values dropped and counted) and the model matrix.
 *
 * Column naming: the intercept is "(Intercept)"; a numeric term is its label ("log(x)", "x1:x2");
 * a factor dummy is "var::level" (fixest style); products join parts with ':'.
 * Reference levels: a pure factor term drops its first level (or `ref`) when the model has an
 * intercept, fixed effects or an earlier factor term; `i(var, x)` keeps every level unless `ref` is given.
 */
import { InputError } from '../errors.js';
import { column, completeRows, factor, isNumeric, numericColumn, takeRows, type DataFrame } from './frame.js';
import { exprVariables, termVariables, type Expr, type ParsedFormula, type Term } from './formula.js';

const FUNS: Record<string, (x: number) => number> = {
  log: Math.log,
  ln: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  log1p: Math.log1p,
  exp: Math.exp,
  sqrt: Math.sqrt,
  abs: Math.abs,
  I: (x) => x,
};

/** Evaluate an arithmetic expression for every row of df. */
export function evalExpr(e: Expr, df: DataFrame): Float64Array {
  const n = df.nrow;
  switch (e.type) {
    case 'num':
      return new Float64Array(n).fill(e.value);
    case 'str':
      throw new InputError(`a text constant ("${e.value}") cannot be used as a number in a formula.`);
    case 'var':
      return numericColumn(df, e.name).slice();
    case 'neg': {
      const a = evalExpr(e.arg, df);
      for (let i = 0; i < n; i++) a[i] = -a[i];
      return a;
    }
    case 'bin': {
      const a = evalExpr(e.left, df);
      const b = evalExpr(e.right, df);
      for (let i = 0; i < n; i++) {
        const x = a[i];
        const y = b[i];
        a[i] = e.op === '+' ? x + y : e.op === '-' ? x - y : e.op === '*' || e.op === ':' ? x * y : e.op === '/' ? x / y : Math.pow(x, y);
      }
      return a;
    }
    case 'call': {
      const f = FUNS[e.fn];
      if (!f || e.args.length !== 1) throw new InputError(`unknown function ${e.fn}() with ${e.args.length} argument(s) in formula (known: ${Object.keys(FUNS).join(', ')}, i, factor).`);
      const a = evalExpr(e.args[0], df);
      for (let i = 0; i < n; i++) a[i] = f(a[i]);
      return a;
    }
  }
}

/** Every numeric expression of a formula (outcome, numeric atoms, i() slopes). */
export function formulaExprs(f: ParsedFormula): Expr[] {
  const out: Expr[] = [f.lhs.expr];
  const add = (terms: readonly Term[]) => {
    for (const t of terms)
      for (const a of t.atoms) {
        if (a.kind === 'numeric') out.push(a.expr);
        else if (a.slope) out.push(a.slope.expr);
      }
  };
  add(f.terms);
  if (f.iv) {
    add(f.iv.endog);
    add(f.iv.instruments);
  }
  return out;
}

export interface Sample {
  /** Frame restricted to the estimation rows and used variables. */
  data: DataFrame;
  /** Original row indices of `data`. */
  rows: Int32Array;
  /** Rows dropped because a used variable was missing. */
  droppedMissing: number;
  /** Rows dropped because a transformed value was not finite (e.g. log(0)). */
  droppedNonFinite: number;
}

/**
 * The estimation sample: rows where all `vars` are present and all `exprs` evaluate to finite numbers.
 * Text variables used inside arithmetic raise InputError.
 */
export function sampleRows(df: DataFrame, vars: readonly string[], exprs: readonly Expr[]): Sample {
  const used = [...new Set(vars)];
  for (const v of used) column(df, v);
  const sel = completeRows(df, used);
  let data = takeRows(df, sel.rows, used);
  const ok = new Uint8Array(data.nrow).fill(1);
  for (const e of exprs) {
    let v: Float64Array;
    try {
      v = evalExpr(e, data);
    } catch (err) {
      // a text cell: evaluate on the full frame so that the message names the row of the input
      if (err instanceof InputError && data !== df) evalExpr(e, df);
      throw err;
    }
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) ok[i] = 0;
  }
  let nonFinite = 0;
  for (let i = 0; i < ok.length; i++) if (!ok[i]) nonFinite++;
  let rows = sel.rows;
  if (nonFinite > 0) {
    const keep: number[] = [];
    for (let i = 0; i < ok.length; i++) if (ok[i]) keep.push(i);
    data = takeRows(data, keep);
    rows = Int32Array.from(keep, (i) => sel.rows[i]);
  }
  return { data, rows, droppedMissing: sel.dropped, droppedNonFinite: nonFinite };
}

/** Restrict a sample further to some of its rows (indices into sample.data). */
export function subSample(s: Sample, keep: ArrayLike<number>): Sample {
  return { ...s, data: takeRows(s.data, keep), rows: Int32Array.from({ length: keep.length }, (_, i) => s.rows[keep[i]]) };
}

export interface Columns {
  cols: Float64Array[];
  names: string[];
}

interface Partial {
  name: string;
  values: Float64Array;
}

/**
 * Model-matrix columns of `terms` on df (which must be the final estimation sample).
 * `intercept` adds "(Intercept)" first; `absorbed` (FE present) makes factor terms drop a reference.
 */
export function buildColumns(terms: readonly Term[], df: DataFrame, intercept: boolean, absorbed = false): Columns {
  const n = df.nrow;
  const cols: Float64Array[] = [];
  const names: string[] = [];
  if (intercept) {
    cols.push(new Float64Array(n).fill(1));
    names.push('(Intercept)');
  }
  let seenFactor = false;
  for (const term of terms) {
    // text variables used plainly are factors
    const atoms = term.atoms.map((a) => {
      if (a.kind === 'numeric' && a.expr.type === 'var' && !isNumeric(column(df, a.expr.name))) {
        return { kind: 'factor' as const, variable: a.expr.name, keepAll: false, label: a.label };
      }
      return a;
    });
    const onlyFactors = atoms.every((a) => a.kind === 'factor' && !a.slope);
    let parts: Partial[] = [{ name: '', values: new Float64Array(n).fill(1) }];
    for (const a of atoms) {
      if (a.kind === 'numeric') {
        const v = evalExpr(a.expr, df);
        parts = parts.map((p) => ({ name: p.name ? `${p.name}:${a.label}` : a.label, values: mul(p.values, v) }));
        continue;
      }
      const f = factor(column(df, a.variable));
      let drop = new Set<number>();
      if (a.ref) {
        for (const r of a.ref) {
          const k = f.levels.indexOf(r);
          if (k < 0) throw new InputError(`reference level '${r}' is not a value of '${a.variable}' (levels: ${f.levels.slice(0, 10).join(', ')}).`);
          drop.add(k);
        }
      } else if (!a.keepAll && onlyFactors && (intercept || absorbed || seenFactor)) drop = new Set([0]);
      const slope = a.slope ? evalExpr(a.slope.expr, df) : undefined;
      const next: Partial[] = [];
      for (const p of parts) {
        for (let k = 0; k < f.levels.length; k++) {
          if (drop.has(k)) continue;
          const v = new Float64Array(n);
          for (let i = 0; i < n; i++) if (f.codes[i] === k) v[i] = p.values[i] * (slope ? slope[i] : 1);
          const nm = `${a.variable}::${f.levels[k]}${a.slope ? `:${a.slope.label}` : ''}`;
          next.push({ name: p.name ? `${p.name}:${nm}` : nm, values: v });
        }
      }
      parts = next;
      seenFactor = true;
    }
    for (const p of parts) {
      if (names.includes(p.name)) continue;
      cols.push(p.values);
      names.push(p.name);
    }
  }
  return { cols, names };
}

function mul(a: Float64Array, b: Float64Array): Float64Array {
  const o = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) o[i] = a[i] * b[i];
  return o;
}

/** All data variables of some terms plus extra names (helper for sampleRows). */
export function usedVariables(f: ParsedFormula, extra: readonly (string | undefined)[] = []): string[] {
  const s = new Set(f.variables);
  for (const e of extra) if (e) s.add(e);
  exprVariables(f.lhs.expr, s);
  termVariables(f.terms, s);
  return [...s];
}
