/**
 * Paper-style regression tables of the bri-symbiosis study (spec 7): one column per model, a header row
 * with the dependent variable, rows for the shown terms ("coef + stars" then "(SE)"), then Controls, Year FE,
 * Industry FE, Country FE, N, R2, any extra rows, and the footer. Control coefficients are hidden and kept in
 * the tidy CSV.
 */
import { fmt, stars, type PaperTable, type TableRow, type TidyRow } from '../table.js';
import type { Fit } from './estimate.js';

export const LABELS: Record<string, string> = {
  ln_ITR_w: 'ln ITR',
  L_ln_ITR_w: 'ln ITR (t-1)',
  ln_ITR_Xw_w: 'ln (ITR / X_world)',
  ln_ITR_w_x_D1: 'ln ITR x D1',
  ln_ITR_w_x_D2: 'ln ITR x D2',
  ln_ITR_w_x_D3: 'ln ITR x D3',
  RVC_w: 'RVC',
  INC_w: 'INC',
  z_standin: 'z (stand-in instrument)',
  LAB_w: 'LAB',
  ln_RH_w: 'ln RH',
  ln_HD_w: 'ln HD',
  ln_XT_w: 'ln XT',
  ln_RH_b_w: 'ln RH_b',
  ln_HD_b_w: 'ln HD_b',
  ln_XT_b_w: 'ln XT_b',
  ln_POL_w: 'ln POL',
  ln_ECO_w: 'ln ECO',
  ln_CUL: 'ln CUL',
  ln_DIS: 'ln DIS',
  ln_GVC_P_w: 'ln GVC_P',
  ln_GVC_D_w: 'ln GVC_D',
  ln_RCA_D_w: 'ln RCA_D',
  FTA: 'FTA',
};

export const label = (v: string): string => LABELS[v] ?? LABELS[v.replace(/^L_/, '')]?.concat(' (t-1)') ?? v;

export interface RegColumn {
  fit: Fit;
  controls: boolean;
  /** Header override (default: label of the dependent variable). */
  header?: string;
}

export interface RegTableSpec {
  id: string;
  title: string;
  columns: RegColumn[];
  /** Terms shown, in order (a column without the term leaves the cell empty). */
  shown: string[];
  /** Extra rows after R2 (label and one cell per column). */
  extra?: TableRow[];
  notes?: string[];
}

/** 4 decimals as in the paper; 3 significant digits for coefficients smaller than 0.001 in magnitude. */
export function coefFmt(x: number): string {
  if (Number.isFinite(x) && x !== 0 && Math.abs(x) < 0.001) return String(Number(x.toPrecision(3)));
  return fmt(x);
}

export const FOOTER = 'Robust standard errors in parentheses; *** p<0.01, ** p<0.05, * p<0.1';

export function regressionTable(spec: RegTableSpec): PaperTable {
  const cols = spec.columns;
  const rows: TableRow[] = [];
  for (const name of spec.shown) {
    const est = cols.map((c) => c.fit.terms.find((t) => t.term === name));
    if (est.every((e) => !e)) continue;
    rows.push({ label: label(name), cells: est.map((e) => (e ? coefFmt(e.estimate) + stars(e.p) : '')) });
    rows.push({ label: '', cells: est.map((e) => (e ? `(${coefFmt(e.se)})` : '')) });
  }
  const yes = (b: boolean) => (b ? 'Yes' : 'No');
  rows.push({ label: 'Controls', cells: cols.map((c) => yes(c.controls)), rule: true });
  rows.push({ label: 'Year FE', cells: cols.map(() => 'Yes') });
  rows.push({ label: 'Industry FE', cells: cols.map(() => 'Yes') });
  rows.push({ label: 'Country FE', cells: cols.map(() => 'Yes') });
  rows.push({ label: 'N', cells: cols.map((c) => String(c.fit.n)) });
  rows.push({ label: 'R2', cells: cols.map((c) => fmt(c.fit.r2)) });
  if (spec.extra) rows.push(...spec.extra.map((r, k) => (k === 0 ? { ...r, rule: true } : r)));

  const omitted = [...new Set(cols.flatMap((c) => c.fit.omitted))];
  const notes = [FOOTER];
  if (omitted.length) notes.push(`${omitted.map(label).join(', ')}: omitted (collinear with FE).`);
  notes.push(...(spec.notes ?? []));

  const tidy: TidyRow[] = [];
  cols.forEach((c, k) => {
    for (const t of c.fit.terms) tidy.push({ column: `(${k + 1})`, term: t.term, estimate: t.estimate, se: t.se, t: t.t, p: t.p, n: c.fit.n, r2: c.fit.r2 });
  });
  return {
    id: spec.id,
    title: spec.title,
    header: cols.map((_, k) => `(${k + 1})`),
    subheader: cols.map((c) => c.header ?? label(c.fit.dep)),
    rows,
    notes,
    tidy,
  };
}
