/**
 * Paper-style Tables 1 and 3 of the deglobalization study (spec 5): coefficient with stars, t statistic in
 * parentheses, then country and year FE, N, within R^2 and dummy-regression (LSDV) R^2, footer with the SE
 * type. Table 1 columns eq16, eq17, eq18_k2, eq18_k4; Table 3 columns eq19, eq20 (single-threshold models,
 * regime-dependent regressor split at the estimated omega threshold).
 */
import { fmt, stars, type PaperTable, type TableRow, type TidyRow } from '../table.js';
import type { DeglobConfig } from './config.js';
import { seLabel, type Fit, type TermEstimate } from './regressions.js';
import type { ThresholdEq } from './threshold.js';

export const TERM_LABELS: Record<string, string> = {
  omega: 'omega',
  mu: 'mu',
  v: 'v',
  gr: 'gr',
  ln_GDP: 'ln GDP (MRIO)',
  ln_gdppc: 'ln GDP per capita',
  ln_pop: 'ln population',
  mu_lo: 'mu x 1(omega <= gamma)',
  mu_hi: 'mu x 1(omega > gamma)',
  v_lo: 'v x 1(omega <= gamma)',
  v_hi: 'v x 1(omega > gamma)',
};

const STAR_NOTE = '*** p<0.01, ** p<0.05, * p<0.1; t statistics in parentheses.';

function coefRows(terms: readonly string[], cols: ReadonlyArray<TermEstimate[]>): TableRow[] {
  const rows: TableRow[] = [];
  for (const name of terms) {
    const est = cols.map((c) => c.find((t) => t.term === name));
    if (est.every((e) => !e)) continue;
    rows.push({ label: TERM_LABELS[name] ?? name, cells: est.map((e) => (e ? fmt(e.estimate) + stars(e.p) : '')) });
    rows.push({ label: '', cells: est.map((e) => (e ? `(${fmt(e.t, 2)})` : '')) });
  }
  return rows;
}

function scaleNote(cfg: DeglobConfig): string {
  const mu = cfg.muBasis === 'user' ? 'user basis' : 'product basis';
  const dv = cfg.dvx === 'vs1' ? 'GVCP = (DVX + FVA)/E with DVX = VS1 (row sums of the off-diagonal VA-in-exports matrix)' : 'GVCP = (DVA_INTrex + FVA)/E (KPWW index)';
  const z = cfg.standardize === 'zscore' ? 'all variables z-scored over the estimation sample (threshold variable raw)' : 'raw ratios (not standardised)';
  return `${dv}; omega, mu (${mu}) and v over the ${cfg.scope} scope; gr = nominal growth gap unless real growth is supplied; ${z}.`;
}

export function table1(f: { eq16: Fit; eq17: Fit; eq18_k2: Fit; eq18_k4: Fit; controls: string[] }, cfg: DeglobConfig): PaperTable {
  const fits = [f.eq16, f.eq17, f.eq18_k2, f.eq18_k4];
  const rows = coefRows(['omega', 'mu', 'v', 'gr', ...f.controls], fits.map((x) => x.terms));
  const ctrl = f.controls.map((c) => TERM_LABELS[c] ?? c).join(', ');
  rows.push({ label: 'Controls', cells: ['No', `Yes (${ctrl})`, 'No', 'No'], rule: true });
  rows.push({ label: 'Country FE', cells: fits.map(() => 'Yes') });
  rows.push({ label: 'Year FE', cells: fits.map(() => 'Yes') });
  rows.push({ label: 'N', cells: fits.map((x) => String(x.n)) });
  rows.push({ label: 'Within R2', cells: fits.map((x) => fmt(x.r2Within)) });
  rows.push({ label: 'LSDV R2', cells: fits.map((x) => fmt(x.r2Lsdv)) });
  const tidy: TidyRow[] = fits.flatMap((x) => x.terms.map((t) => ({ column: x.column, term: t.term, estimate: t.estimate, se: t.se, t: t.t, p: t.p, n: x.n, r2: x.r2Within, extra: { r2_lsdv: x.r2Lsdv } })));
  return {
    id: 'deglob_table1',
    title: 'Table 1. Determinants of GVC participation: two-way fixed effects (eqs. 16-18)',
    header: ['Eq. (16)', 'Eq. (17)', 'Eq. (18), 2-year diff.', 'Eq. (18), 4-year diff.'],
    subheader: ['GVCP', 'GVCP', 'D2.GVCP', 'D4.GVCP'],
    rows,
    notes: [
      STAR_NOTE,
      `${seLabel(cfg.se)}.`,
      `Eq. (18): ${cfg.differences} k-year differences of every variable, country and year effects kept. Eq. (17) control: ${ctrl}.`,
      scaleNote(cfg),
      'Tidy CSV columns r2_within and r2_lsdv: within and dummy-variable R2 (every estimate also in deglob_estimates.csv).',
    ],
    tidy,
    tidyR2: 'r2_within',
    tidyExtra: ['r2_lsdv'],
  };
}

/** Short term names of a single-threshold final model: z names, then <x>_lo / <x>_hi. */
export function thresholdTerms(e: ThresholdEq): TermEstimate[] {
  const c = e.result.final.coef;
  const nz = e.z.length;
  return c.map((row, k) => ({
    term: k < nz ? row.name : `${e.regime}_${k === nz ? 'lo' : 'hi'}`,
    estimate: row.estimate,
    se: row.se,
    t: row.t,
    p: row.p,
  }));
}

export function table3(eqs: readonly ThresholdEq[], cfg: DeglobConfig): PaperTable {
  const terms = eqs.map(thresholdTerms);
  const rows = coefRows(['omega', 'mu', 'mu_lo', 'mu_hi', 'v', 'v_lo', 'v_hi', 'gr'], terms);
  rows.push({ label: 'gamma (omega threshold)', cells: eqs.map((e) => fmt(e.result.final.thresholds[0])), rule: true });
  rows.push({ label: 'Obs. omega <= gamma / > gamma', cells: eqs.map((e) => e.result.final.regimes.map((r) => r.nobs).join(' / ')) });
  rows.push({ label: 'Country FE', cells: eqs.map(() => 'Yes') });
  rows.push({ label: 'Year FE', cells: eqs.map(() => 'Yes') });
  rows.push({ label: 'N', cells: eqs.map((e) => String(e.result.N)) });
  rows.push({ label: 'Within R2', cells: eqs.map((e) => fmt(e.result.final.r2within)) });
  rows.push({ label: 'LSDV R2', cells: eqs.map((e) => fmt(e.r2Lsdv)) });
  const tidy: TidyRow[] = eqs.flatMap((e, k) => terms[k].map((t) => ({ column: e.id, term: t.term, estimate: t.estimate, se: t.se, t: t.t, p: t.p, n: e.result.N, r2: e.result.final.r2within, extra: { r2_lsdv: e.r2Lsdv } })));
  return {
    id: 'deglob_table3',
    title: 'Table 3. Single-threshold models (threshold variable omega; eqs. 19-20)',
    header: ['Eq. (19): mu regimes', 'Eq. (20): v regimes'],
    rows,
    notes: [
      STAR_NOTE,
      `${seLabel(cfg.se)}; within transformation by country and year (Hansen 1999 with two-way effects).`,
      scaleNote(cfg),
      'Tidy CSV columns r2_within and r2_lsdv; terms <x>_lo / <x>_hi are the regime-dependent slopes below / above gamma.',
    ],
    tidy,
    tidyR2: 'r2_within',
    tidyExtra: ['r2_lsdv'],
  };
}
