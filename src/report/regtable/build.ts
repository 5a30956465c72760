/**
 * Regression tables: several models side by side, as a format-neutral grid of cells.
 *
 * Layout (one column per model):
 *   coefficient rows: estimate with significance stars (* p<0.1, ** p<0.05, *** p<0.01 by default),
 *                     then the SE (or t statistic) in parentheses on the next row;
 *   fixed-effect rows: one per FE name in any model, "Yes" / "No";
 *   fit rows: Observations, R2, Within R2, Pseudo R2 (each when any model reports it).
 * Coefficients are listed in order of first appearance across models (`keep`/`drop` filter by
 * exact name or RegExp, `labels` renames). Notes give the star legend and each model's vcov convention.
 */

/** What a table needs from a model (feols, reRandom, feglsPanel, lpm results all fit). */
export interface RegModel {
  depvar?: string;
  names: string[];
  coef: Record<string, number>;
  se: Record<string, number>;
  tstat?: Record<string, number>;
  pvalue: Record<string, number>;
  nobs: number;
  r2?: number;
  r2Within?: number;
  /** McFadden pseudo R2 of likelihood models (fepois). */
  pseudoR2?: number;
  fixef?: { names: string[] };
  vcovNote?: string;
}

export interface RegTableOptions {
  /** Statistic in parentheses: standard error (default) or t statistic. */
  stat?: 'se' | 't';
  /** Decimals for coefficients and statistics (default 3); R2 uses the same. */
  digits?: number;
  /** Star thresholds, most lenient first (default [0.1, 0.05, 0.01]). */
  stars?: readonly number[];
  keep?: readonly (string | RegExp)[];
  drop?: readonly (string | RegExp)[];
  /** Display names for coefficients and FE. */
  labels?: Record<string, string>;
  /** Column titles (default "(1)", "(2)", ...). */
  titles?: readonly string[];
  /** Show the dependent variable row (default true). */
  depvarRow?: boolean;
}

export type RowKind = 'depvar' | 'coef' | 'stat' | 'fe' | 'fit';

export interface RegRow {
  kind: RowKind;
  label: string;
  cells: string[];
}

export interface RegTable {
  titles: string[];
  rows: RegRow[];
  notes: string[];
}

/** Format a number with fixed decimals, using scientific notation for very small/large magnitudes. */
export function fmtNum(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '' : x > 0 ? 'Inf' : '-Inf';
  const a = Math.abs(x);
  if (a !== 0 && (a < 0.5 * 10 ** -digits || a >= 1e9)) return x.toExponential(Math.max(1, digits - 1));
  return x.toFixed(digits);
}

export function starsFor(p: number, thresholds: readonly number[]): string {
  let s = '';
  for (const t of thresholds) if (p < t) s += '*';
  return s;
}

function matches(name: string, pats: readonly (string | RegExp)[]): boolean {
  return pats.some((p) => (typeof p === 'string' ? p === name : p.test(name)));
}

/** Build the grid. @example regTable([m1, m2], { stat: 't' }) */
export function regTable(models: readonly RegModel[], opts: RegTableOptions = {}): RegTable {
  const d = opts.digits ?? 3;
  const thr = opts.stars ?? [0.1, 0.05, 0.01];
  const lab = (s: string) => opts.labels?.[s] ?? s;
  const titles = models.map((_, j) => opts.titles?.[j] ?? `(${j + 1})`);
  const rows: RegRow[] = [];
  if (opts.depvarRow !== false) rows.push({ kind: 'depvar', label: 'Dependent variable', cells: models.map((m) => m.depvar ?? '') });
  const names: string[] = [];
  for (const m of models) for (const n of m.names) if (!names.includes(n)) names.push(n);
  const shown = names.filter((n) => (!opts.keep || matches(n, opts.keep)) && (!opts.drop || !matches(n, opts.drop)));
  for (const n of shown) {
    rows.push({
      kind: 'coef',
      label: lab(n),
      cells: models.map((m) => (n in m.coef ? fmtNum(m.coef[n], d) + starsFor(m.pvalue[n], thr) : '')),
    });
    rows.push({
      kind: 'stat',
      label: '',
      cells: models.map((m) => {
        if (!(n in m.coef)) return '';
        const v = opts.stat === 't' ? (m.tstat?.[n] ?? m.coef[n] / m.se[n]) : m.se[n];
        return `(${fmtNum(v, d)})`;
      }),
    });
  }
  const fes: string[] = [];
  for (const m of models) for (const f of m.fixef?.names ?? []) if (!fes.includes(f)) fes.push(f);
  for (const f of fes) rows.push({ kind: 'fe', label: `${lab(f)} FE`, cells: models.map((m) => (m.fixef?.names.includes(f) ? 'Yes' : 'No')) });
  rows.push({ kind: 'fit', label: 'Observations', cells: models.map((m) => String(m.nobs)) });
  if (models.some((m) => m.r2 !== undefined && Number.isFinite(m.r2))) {
    rows.push({ kind: 'fit', label: 'R2', cells: models.map((m) => (m.r2 !== undefined && Number.isFinite(m.r2) ? fmtNum(m.r2, d) : '')) });
  }
  if (models.some((m) => m.r2Within !== undefined && Number.isFinite(m.r2Within))) {
    rows.push({ kind: 'fit', label: 'Within R2', cells: models.map((m) => (m.r2Within !== undefined && Number.isFinite(m.r2Within) ? fmtNum(m.r2Within, d) : '')) });
  }
  if (models.some((m) => m.pseudoR2 !== undefined && Number.isFinite(m.pseudoR2))) {
    rows.push({ kind: 'fit', label: 'Pseudo R2', cells: models.map((m) => (m.pseudoR2 !== undefined && Number.isFinite(m.pseudoR2) ? fmtNum(m.pseudoR2, d) : '')) });
  }
  const legend = thr.map((t, i) => `${'*'.repeat(i + 1)} p<${t}`).join(', ');
  const notes = [`${opts.stat === 't' ? 't statistics' : 'Standard errors'} in parentheses. ${legend}.`];
  models.forEach((m, j) => {
    if (m.vcovNote) notes.push(`${titles[j]} ${m.vcovNote}`);
  });
  return { titles, rows, notes };
}
