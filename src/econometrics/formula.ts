/**
 * fixest-like regression formulas.
 *
 *   y ~ x1 + x2 + x1:x2 + x1*x2 + log(x) + I(x^2) + i(var) + i(var, x, ref = "a")
 *     | fe1 + fe2 + fe1^fe2
 *     | endog1 + endog2 ~ z1 + z2
 *
 * Parts are split on top-level '|'. The first part is `lhs ~ rhs`. A later part containing '~' is the
 * IV part (endogenous ~ excluded instruments); a later part without '~' is the fixed-effects part
 * (`a^b` is the FE of the combination of a and b). Both `y ~ x | fe | d ~ z` and `y ~ x | d ~ z` work.
 *
 * Right-hand side (R conventions):
 * - `a:b` is the product term, `a*b` expands to `a + b + a:b`;
 * - `- 1`, `+ 0` remove the intercept; `- x` removes a term; `1` alone is the intercept-only model;
 * - the intercept is implicit unless removed or fixed effects are present;
 * - any function call other than i()/factor() is an arithmetic expression evaluated row by row:
 *   functions log, log10, log1p, exp, sqrt, abs, I (identity) and operators + - * / ^ inside calls;
 * - `i(var)` / `factor(var)` are dummies for each level of `var` except a reference (first level, or
 *   `ref = value`); `i(var, x)` interacts the dummies with the numeric x (all levels, unless `ref`).
 *   Columns are named `var::level` (and `var::level:x`), like fixest.
 */
import { InputError } from '../errors.js';
import { splitTop, tokenize, type Tok } from './formula-tokens.js';

export type Expr =
  | { type: 'num'; value: number }
  | { type: 'var'; name: string }
  | { type: 'str'; value: string }
  | { type: 'call'; fn: string; args: Expr[]; named: Record<string, Expr> }
  | { type: 'bin'; op: '+' | '-' | '*' | '/' | '^' | ':'; left: Expr; right: Expr }
  | { type: 'neg'; arg: Expr };

/** One factor of an interaction term. */
export type Atom =
  | { kind: 'numeric'; expr: Expr; label: string }
  | { kind: 'factor'; variable: string; ref?: string[]; slope?: { expr: Expr; label: string }; keepAll: boolean; label: string };

export interface Term {
  atoms: Atom[];
  /** Canonical label, e.g. "x1:x2". */
  label: string;
}

export interface ParsedFormula {
  text: string;
  lhs: { expr: Expr; label: string };
  terms: Term[];
  intercept: boolean;
  /** Fixed effects; each entry lists the variables combined (e.g. ["fe1", "fe2"] for fe1^fe2). */
  fixef: string[][];
  iv?: { endog: Term[]; instruments: Term[] };
  /** Every data variable the formula uses (outcome, regressors, FE, IV). */
  variables: string[];
}

// ---------------------------------------------------------------- expression parser
class Parser {
  i = 0;
  constructor(
    readonly toks: Tok[],
    readonly src: string,
  ) {}
  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === 'op' && t.v === v;
  }
  expect(v: string): void {
    if (!this.isOp(v)) throw this.err(`expected '${v}'`);
    this.i++;
  }
  err(msg: string): InputError {
    const t = this.peek();
    return new InputError(`formula '${this.src}': ${msg} ${t ? `at position ${t.pos + 1}` : 'at the end'}.`);
  }
  /** Formula-level expression: + - (lowest), then * (crossing), then : (interaction), then atoms. */
  formulaSum(): Expr {
    let left = this.isOp('-') ? (this.i++, { type: 'neg', arg: this.formulaStar() } as Expr) : this.formulaStar();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.toks[this.i++].v as '+' | '-';
      left = { type: 'bin', op, left, right: this.formulaStar() };
    }
    return left;
  }
  formulaStar(): Expr {
    let left = this.formulaColon();
    while (this.isOp('*')) {
      this.i++;
      left = { type: 'bin', op: '*', left, right: this.formulaColon() };
    }
    return left;
  }
  formulaColon(): Expr {
    let left = this.primary(true);
    while (this.isOp(':') || this.isOp('^')) {
      const op = this.toks[this.i++].v === ':' ? ':' : '^';
      left = { type: 'bin', op, left, right: this.primary(true) } as Expr;
    }
    return left;
  }
  /** Arithmetic expression inside a call. */
  arith(): Expr {
    let left = this.arithTerm();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.toks[this.i++].v as '+' | '-';
      left = { type: 'bin', op, left, right: this.arithTerm() };
    }
    return left;
  }
  arithTerm(): Expr {
    let left = this.arithUnary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.toks[this.i++].v as '*' | '/';
      left = { type: 'bin', op, left, right: this.arithUnary() };
    }
    return left;
  }
  arithUnary(): Expr {
    if (this.isOp('-')) {
      this.i++;
      return { type: 'neg', arg: this.arithUnary() };
    }
    const base = this.primary(false);
    if (this.isOp('^')) {
      this.i++;
      return { type: 'bin', op: '^', left: base, right: this.arithUnary() };
    }
    return base;
  }
  primary(formulaLevel: boolean): Expr {
    const t = this.peek();
    if (!t) throw this.err('unexpected end');
    if (t.t === 'num') {
      this.i++;
      return { type: 'num', value: Number(t.v) };
    }
    if (t.t === 'str') {
      this.i++;
      return { type: 'str', value: t.v };
    }
    if (t.t === 'id') {
      this.i++;
      if (this.isOp('(')) {
        this.i++;
        const args: Expr[] = [];
        const named: Record<string, Expr> = {};
        while (!this.isOp(')')) {
          const a = this.peek();
          const b = this.toks[this.i + 1];
          if (a && a.t === 'id' && b && b.t === 'op' && b.v === '=') {
            this.i += 2;
            named[a.v] = this.arith();
          } else args.push(this.arith());
          if (this.isOp(',')) this.i++;
          else if (!this.isOp(')')) throw this.err("expected ',' or ')'");
        }
        this.i++;
        return { type: 'call', fn: t.v, args, named };
      }
      return { type: 'var', name: t.v };
    }
    if (t.v === '(') {
      this.i++;
      const e = formulaLevel ? this.formulaSum() : this.arith();
      this.expect(')');
      return e;
    }
    throw this.err(`unexpected '${t.v}'`);
  }
}

/** Text of an expression (canonical, no spaces except none; used for column names). */
export function exprLabel(e: Expr): string {
  switch (e.type) {
    case 'num':
      return String(e.value);
    case 'str':
      return JSON.stringify(e.value);
    case 'var':
      return e.name;
    case 'neg':
      return `-${exprLabel(e.arg)}`;
    case 'bin': {
      const wrap = (x: Expr) => (x.type === 'bin' && x.op !== '^' ? `(${exprLabel(x)})` : exprLabel(x));
      return `${wrap(e.left)}${e.op}${wrap(e.right)}`;
    }
    case 'call': {
      const parts = e.args.map(exprLabel).concat(Object.entries(e.named).map(([k, v]) => `${k}=${exprLabel(v)}`));
      return `${e.fn}(${parts.join(',')})`;
    }
  }
}

/** Data variables used by an expression. */
export function exprVariables(e: Expr, out: Set<string> = new Set()): Set<string> {
  if (e.type === 'var') out.add(e.name);
  else if (e.type === 'neg') exprVariables(e.arg, out);
  else if (e.type === 'bin') {
    exprVariables(e.left, out);
    exprVariables(e.right, out);
  } else if (e.type === 'call') {
    for (const a of e.args) exprVariables(a, out);
    for (const [k, a] of Object.entries(e.named)) if (k !== 'ref') exprVariables(a, out);
  }
  return out;
}

// ---------------------------------------------------------------- terms
function toAtom(e: Expr, src: string): Atom {
  if (e.type === 'call' && (e.fn === 'i' || e.fn === 'factor' || e.fn === 'as.factor' || e.fn === 'C')) {
    const v = e.args[0];
    if (!v || v.type !== 'var') throw new InputError(`formula '${src}': ${e.fn}() needs a variable name as first argument.`);
    const refE = e.named.ref;
    let ref: string[] | undefined;
    if (refE) {
      const list = refE.type === 'call' && refE.fn === 'c' ? refE.args : [refE];
      ref = list.map((r) => (r.type === 'str' ? r.value : r.type === 'num' ? String(r.value) : r.type === 'neg' && r.arg.type === 'num' ? String(-r.arg.value) : exprLabel(r)));
    }
    const slopeE = e.args[1];
    const slope = slopeE ? { expr: slopeE, label: exprLabel(slopeE) } : undefined;
    const label = e.fn === 'i' ? exprLabel(e) : `factor(${v.name})`;
    return { kind: 'factor', variable: v.name, ref, slope, keepAll: !!slope && !ref, label };
  }
  return { kind: 'numeric', expr: e, label: exprLabel(e) };
}

/** Expand a formula-level expression into signed terms (R semantics for + - * :). */
function expand(e: Expr, src: string): Array<{ sign: 1 | -1; atoms: Expr[] | 'one' | 'zero' }> {
  if (e.type === 'bin' && (e.op === '+' || e.op === '-')) {
    const right = expand(e.right, src).map((t) => ({ ...t, sign: (e.op === '-' ? -t.sign : t.sign) as 1 | -1 }));
    return [...expand(e.left, src), ...right];
  }
  if (e.type === 'neg') return expand(e.arg, src).map((t) => ({ ...t, sign: -t.sign as 1 | -1 }));
  if (e.type === 'num') {
    if (e.value === 1) return [{ sign: 1, atoms: 'one' }];
    if (e.value === 0) return [{ sign: 1, atoms: 'zero' }];
    throw new InputError(`formula '${src}': the number ${e.value} is not a term (use 0 or 1).`);
  }
  if (e.type === 'bin' && (e.op === ':' || e.op === '*')) {
    const L = expand(e.left, src).filter((t) => t.sign > 0 && Array.isArray(t.atoms)) as Array<{ sign: 1; atoms: Expr[] }>;
    const R = expand(e.right, src).filter((t) => t.sign > 0 && Array.isArray(t.atoms)) as Array<{ sign: 1; atoms: Expr[] }>;
    const prods = L.flatMap((l) => R.map((r) => ({ sign: 1 as const, atoms: [...l.atoms, ...r.atoms] })));
    return e.op === ':' ? prods : [...L, ...R, ...prods];
  }
  return [{ sign: 1, atoms: [e] }];
}

function parseRhs(src: string, part: string, allowIntercept: boolean): { terms: Term[]; intercept: boolean | undefined } {
  const p = new Parser(tokenize(part), src);
  if (p.toks.length === 0) throw new InputError(`formula '${src}': empty right-hand side.`);
  const e = p.formulaSum();
  if (p.i < p.toks.length) throw p.err('unexpected token');
  let intercept: boolean | undefined;
  const terms: Term[] = [];
  const removed = new Set<string>();
  for (const t of expand(e, src)) {
    if (t.atoms === 'one') {
      intercept = t.sign > 0;
      continue;
    }
    if (t.atoms === 'zero') {
      intercept = false;
      continue;
    }
    const atoms = t.atoms.map((a) => toAtom(a, src));
    const label = atoms.map((a) => a.label).join(':');
    if (t.sign < 0) removed.add(label);
    else if (!terms.some((x) => x.label === label)) terms.push({ atoms, label });
  }
  if (!allowIntercept && intercept !== undefined) throw new InputError(`formula '${src}': 0/1 are not allowed in '${part.trim()}'.`);
  return { terms: terms.filter((t) => !removed.has(t.label)), intercept };
}

/** Variables used by a list of terms. */
export function termVariables(terms: readonly Term[], out: Set<string> = new Set()): Set<string> {
  for (const t of terms)
    for (const a of t.atoms) {
      if (a.kind === 'numeric') exprVariables(a.expr, out);
      else {
        out.add(a.variable);
        if (a.slope) exprVariables(a.slope.expr, out);
      }
    }
  return out;
}

/** Parse a formula string. @example parseFormula('y ~ x | id + year').fixef // [['id'], ['year']] */
export function parseFormula(text: string): ParsedFormula {
  const parts = splitTop(text, '|');
  const main = splitTop(parts[0], '~');
  if (main.length !== 2 || !main[0].trim()) throw new InputError(`formula '${text}' needs the form 'y ~ x1 + x2'.`);
  const lp = new Parser(tokenize(main[0]), text);
  const lhsExpr = lp.arith();
  if (lp.i < lp.toks.length) throw lp.err('the left-hand side must be a single expression');
  const rhs = parseRhs(text, main[1], true);
  let fixef: string[][] = [];
  let iv: ParsedFormula['iv'];
  for (const part of parts.slice(1)) {
    const sides = splitTop(part, '~');
    if (sides.length === 2) {
      if (iv) throw new InputError(`formula '${text}' has two IV parts.`);
      const endog = parseRhs(text, sides[0], false).terms;
      const instruments = parseRhs(text, sides[1], false).terms;
      iv = { endog, instruments };
    } else {
      if (iv) throw new InputError(`formula '${text}': the fixed-effects part must come before the IV part.`);
      if (fixef.length) throw new InputError(`formula '${text}' has two fixed-effects parts.`);
      fixef = splitTop(part, '+').map((f) => {
        const vars = f.split('^').map((v) => v.trim().replace(/^`|`$/g, ''));
        if (vars.some((v) => !/^[A-Za-z_.][A-Za-z0-9_.]*$/.test(v) && !v)) {
          throw new InputError(`formula '${text}': bad fixed effect '${f.trim()}'.`);
        }
        return vars;
      });
      if (fixef.length === 1 && fixef[0].length === 1 && fixef[0][0] === '0') fixef = [];
    }
  }
  const intercept = fixef.length > 0 ? false : (rhs.intercept ?? true);
  const vars = exprVariables(lhsExpr);
  termVariables(rhs.terms, vars);
  for (const f of fixef) for (const v of f) vars.add(v);
  if (iv) {
    termVariables(iv.endog, vars);
    termVariables(iv.instruments, vars);
  }
  return {
    text,
    lhs: { expr: lhsExpr, label: exprLabel(lhsExpr) },
    terms: rhs.terms,
    intercept,
    fixef,
    iv,
    variables: [...vars],
  };
}
