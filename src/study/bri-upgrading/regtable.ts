/**
 * Regression tables of the bri-upgrading study (spec 6): one column per model headed by its dependent
 * variable; rows Tariff, ln(1+Sofdi), K, Hum, RD, PGDP (K_w, PGDP_w when the WIOD proxies enter), Constant,
 * each "coef + stars" with "(SE)" below (empty when a regressor is not in the column); then Country FE,
 * Year FE, N, Countries, within R2; footer with the SE type and star levels. The tidy CSV holds every
 * coefficient (year dummies included) with the within R2 in its r2_within column (spec 6).
 */
import { fmt, stars, type PaperTable, type TableRow, type TidyRow } from '../table.js';
import { LABELS } from './columns.js';
import type { Fit } from './estimate.js';

export const DIGITS = 5;

export const STAR_NOTE = '*** p<0.01, ** p<0.05, * p<0.1.';

export interface Labeller {
  (term: string): string;
}

/** Row label of a term, naming the WIOD proxies when they enter as K and PGDP. */
export function labeller(kProxy: boolean, pgdpProxy: boolean): Labeller {
  return (term) => {
    if (term === 'K' && kProxy) return 'K_w';
    if (term === 'PGDP' && pgdpProxy) return 'PGDP_w';
    return LABELS[term] ?? term;
  };
}

export interface RegTableSpec {
  id: string;
  title: string;
  fits: Fit[];
  /** Row order of the shown terms (Constant is added last). */
  terms: string[];
  label: Labeller;
  /** Column headers (default the dependent variable of each column). */
  headers?: string[];
  notes?: string[];
}

export function seNote(fits: readonly Fit[]): string {
  const kinds = [...new Set(fits.map((f) => f.se))];
  const text = kinds.map((k) => (k === 'cluster' ? 'cluster-robust SE by country (CR1, Stata xtreg, fe vce(cluster))' : 'conventional SE (Stata xtreg, fe)'));
  return `Standard errors in parentheses: ${text.join('; ')}. ${STAR_NOTE}`;
}

export function regressionTable(spec: RegTableSpec): PaperTable {
  const { fits, label } = spec;
  const rows: TableRow[] = [];
  for (const name of [...spec.terms, '_cons']) {
    const est = fits.map((f) => f.terms.find((t) => t.term === name));
    if (est.every((e) => !e)) continue;
    rows.push({ label: label(name), cells: est.map((e) => (e ? fmt(e.estimate, DIGITS) + stars(e.p) : '')) });
    rows.push({ label: '', cells: est.map((e) => (e ? `(${fmt(e.se, DIGITS)})` : '')) });
  }
  rows.push({ label: 'Country FE', cells: fits.map(() => 'Yes'), rule: true });
  rows.push({ label: 'Year FE', cells: fits.map((f) => (f.yearFe ? 'Yes' : 'No')) });
  rows.push({ label: 'N', cells: fits.map((f) => String(f.n)) });
  rows.push({ label: 'Countries', cells: fits.map((f) => String(f.countries)) });
  rows.push({ label: 'Within R2', cells: fits.map((f) => fmt(f.r2Within, 4)) });
  const tidy: TidyRow[] = [];
  fits.forEach((f, k) => {
    for (const t of f.terms) tidy.push({ column: `(${k + 1})`, term: t.term, estimate: t.estimate, se: t.se, t: t.t, p: t.p, n: f.n, r2: f.r2Within });
  });
  const omitted = [...new Set(fits.flatMap((f) => f.omitted))];
  const notes = [seNote(fits)];
  if (fits.some((f) => f.yearFe)) notes.push('Year FE: year dummies (first sample year omitted) as in xtreg y x i.year, fe; their coefficients are in the CSV.');
  notes.push('Constant: xtreg convention, grand means ybar - xbar\'b. The CSV column r2_within is the within R2.');
  if (omitted.length) notes.push(`Omitted as collinear: ${omitted.map(label).join(', ')}.`);
  notes.push(...(spec.notes ?? []));
  return {
    id: spec.id,
    title: spec.title,
    header: fits.map((_, k) => `(${k + 1})`),
    subheader: spec.headers ?? fits.map((f) => label(f.dep)),
    rows,
    notes,
    tidy,
    tidyR2: 'r2_within',
  };
}
