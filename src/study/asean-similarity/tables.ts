/**
 * The study's three tables (spec 6) as paper-style tables of the study runner (rendered to CSV, Markdown,
 * LaTeX and HTML by src/study/table.ts):
 *   asean_table1_esi            ESI by country for 2006-2021 and the average growth (spec 2.2)
 *   asean_table2_descriptives   N, mean, median, SD, min, max over the 9 x 11 frame (before listwise deletion)
 *   asean_table3_regressions    FE | RE | FGLS with stars, t/z statistics, fit rows and the Hausman test
 */
import { summarize } from '../../econometrics/tools/describe.js';
import { stars, type PaperTable, type TableRow, type TidyRow } from '../table.js';
import { REGRESSOR_LABELS, TABLE1_YEARS, countryName, type AseanConfig } from './config.js';
import type { PanelRow } from './panel.js';
import type { Table3Estimates } from './estimate.js';
import type { XtFit } from './xt-types.js';

const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : fixed(x, 3));
function fixed(x: number, d: number): string {
  const s = x.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Average ESI growth (spec 2.2): (ESI_last − ESI_first)/(year_last − year_first) × 100 over the displayed years. */
export function averageGrowth(values: ReadonlyArray<[number, number | null]>): { growth: number | null; first?: number; last?: number } {
  const ok = values.filter((v): v is [number, number] => v[1] !== null);
  if (ok.length < 2) return { growth: null };
  const [y0, e0] = ok[0];
  const [y1, e1] = ok[ok.length - 1];
  return { growth: ((e1 - e0) / (y1 - y0)) * 100, first: y0, last: y1 };
}

export function table1(rows: readonly PanelRow[], cfg: AseanConfig): PaperTable {
  const out: TableRow[] = [];
  const notes: string[] = [];
  for (const iso3 of cfg.exporters) {
    const vals = TABLE1_YEARS.map((y) => [y, rows.find((r) => r.iso3 === iso3 && r.year === y)?.esi ?? null] as [number, number | null]);
    const g = averageGrowth(vals);
    out.push({ label: countryName(iso3), cells: [...vals.map(([, v]) => f3(v)), g.growth === null ? '—' : fixed(g.growth, 3)] });
    if (g.growth !== null && (g.first !== TABLE1_YEARS[0] || g.last !== TABLE1_YEARS[TABLE1_YEARS.length - 1])) {
      notes.push(`${countryName(iso3)}: growth over ${g.first}-${g.last} (first/last available year).`);
    }
  }
  const refs = cfg.references.join(' and ');
  return {
    id: 'asean_table1_esi',
    title: 'Table 1. Export similarity index (ESI) of China and ASEAN members with the high-end exporters',
    header: [...TABLE1_YEARS.map(String), 'Avg. growth'],
    rows: out,
    notes: [
      `ESI_it = ${cfg.combine === 'mean' ? 'mean over' : 'pooled basket of'} r in {${refs}} of sum_k min(S(i,k), S(r,k)), export shares over HS${cfg.level === 6 ? '6' : cfg.level} products in the ${cfg.market === 'world' ? 'world market' : `market ${cfg.market.join('+')}`}; scale [0,1].`,
      'Avg. growth = (ESI_last - ESI_first) / (year_last - year_first) x 100 (index points per year x 100) over the displayed years.',
      'Source: CEPII BACI (mirror-reconciled), not the study\'s UN Comtrade; values differ from the printed table. "—" = missing.',
      ...notes,
    ],
  };
}

const DESCRIPTIVES: Array<[keyof PanelRow, string, string]> = [
  ['esi', 'ESI', 'GVC position'],
  ['import', 'Import', 'China–ASEAN capacity cooperation'],
  ['lnfdi', 'FDI', 'China–ASEAN capacity cooperation'],
  ['capital', 'Capital', 'Physical capital'],
  ['lr', 'LR', 'Human capital'],
  ['pa', 'PA', 'R&D'],
  ['efi', 'EFI', 'Institutional quality'],
];

export function table2(rows: readonly PanelRow[]): PaperTable {
  const out: TableRow[] = DESCRIPTIVES.map(([v, label, group]) => {
    const x = Float64Array.from(rows, (r) => (r[v] === null ? NaN : (r[v] as number)));
    const s = summarize(x, label);
    return { label, cells: [group, String(s.n), f3(s.mean), f3(s.median), f3(s.sd), f3(s.min), f3(s.max)] };
  });
  return {
    id: 'asean_table2_descriptives',
    title: 'Table 2. Descriptive statistics',
    header: ['Group', 'N', 'Mean', 'Median', 'SD', 'Min', 'Max'],
    rows: out,
    notes: [
      `Over all non-missing country-years of the ${new Set(rows.map((r) => r.iso3)).size} x ${new Set(rows.map((r) => r.year)).size} frame (before listwise deletion). FDI = ln(FDI inflows, million USD); PA = ln(patent applications); SD with n - 1.`,
    ],
  };
}

function coefCells(fit: XtFit, term: string, parens: 'stat' | 'se', exact: boolean): [string, string] {
  if (!fit.estimable || !(term in fit.coef)) return ['', ''];
  if (exact) return [fixed(fit.coef[term], 3), '(exact fit)'];
  const inner = parens === 'se' ? fit.se[term] : fit.stat[term];
  return [`${fixed(fit.coef[term], 3)}${stars(fit.p[term])}`, Number.isFinite(inner) ? `(${fixed(inner, parens === 'se' ? 3 : 2)})` : '(—)'];
}

export function table3(est: Table3Estimates, cfg: AseanConfig): PaperTable {
  const fits: XtFit[] = [est.fe, est.re, est.fgls, ...est.extras];
  const rows: TableRow[] = [];
  const terms = [...est.data.names, '_cons'];
  terms.forEach((t, ti) => {
    const cells = fits.map((f) => coefCells(f, t, cfg.parens, est.fe.exactFit));
    if (ti === 0) fits.forEach((f, c) => !f.estimable && (cells[c][0] = f.reason ?? 'not estimable'));
    rows.push({ label: t === '_cons' ? 'Constant' : REGRESSOR_LABELS[t] ?? t, cells: cells.map((c) => c[0]) });
    rows.push({ label: '', cells: cells.map((c) => c[1]) });
  });
  const h = est.hausman;
  const r2 = (f: XtFit) => (f.estimable && f.r2 !== undefined ? fixed(f.r2, 3) : '');
  const blank = est.extras.map(() => '');
  rows.push(
    { label: 'Observations', cells: fits.map((f) => String(f.nobs)), rule: true },
    { label: 'Number of countries', cells: fits.map((f) => String(f.groups)) },
    { label: 'R-squared', cells: [r2(est.fe), r2(est.re), '', ...est.extras.map(r2)] },
    { label: 'Country FE', cells: ['Yes', 'No (random effects)', 'Dummies', ...est.extras.map((x) => x.countryFe)] },
    { label: 'Year FE', cells: ['No', 'No', 'No', ...est.extras.map((x) => x.yearFe)] },
    {
      label: 'Hausman chi2(df)',
      cells: ['', h.estimable ? `${fixed(h.stat, 2)} (${h.df})` : h.reason ?? 'not estimable', '', ...blank],
    },
    { label: 'Hausman p', cells: ['', h.estimable && Number.isFinite(h.p) ? fixed(h.p, 3) : '', '', ...blank] },
  );
  const tidy: TidyRow[] = [];
  for (const f of fits) {
    if (!f.estimable) continue;
    for (const t of terms.filter((x) => x in f.coef)) tidy.push({ column: f.method, term: t, estimate: f.coef[t], se: f.se[t], t: f.stat[t], p: f.p[t], n: f.nobs, r2: f.r2 ?? NaN });
  }
  const paren = cfg.parens === 'se' ? 'Standard errors' : 't statistics (FE, df = N - n - k) and z statistics (RE, FGLS)';
  return {
    id: 'asean_table3_regressions',
    title: 'Table 3. Regression analysis with different estimation methods (dependent variable: ESI)',
    header: ['FE', 'RE', 'FGLS', ...est.extras.map((x) => x.label)],
    rows,
    notes: [
      `${paren} in parentheses; conventional (non-robust) variances. *** p<0.01, ** p<0.05, * p<0.10 (two-sided; FE from t(N - n - k), RE and FGLS from the normal).`,
      'FE: within estimator (Stata xtreg, fe); constant = ybar - xbar\'b with Var = sigma_e^2 (1/N + xbar\'(X\'X)^-1 xbar); R-squared = within.',
      `RE: GLS, Swamy-Arora variance components (${cfg.reVariance === 'stata' ? 'Stata form: unweighted between regression, harmonic-mean T' : 'plm form: Baltagi-Chang'}); V uses the transformed regression's residual variance; R-squared = overall = corr(y, x'b)^2.`,
      `FGLS: xtgls with panels(iid), no autocorrelation, country dummies; sigma^2 = SSR/N; constant = intercept of the base country ${est.fgls.base} (not comparable to the study's).`,
      h.estimable ? `Hausman FE vs RE (Stata hausman): ${h.decision}. ${h.note}` : `Hausman: ${h.reason}.`,
      'Year effects omega_t are in the model but not estimated (as the study\'s t-ratios imply).',
      ...est.extras.map((x) => `${x.label}: ${x.notes.join(' ')}`),
      ...(est.fe.exactFit ? ['Exact within fit (SSR_w <= 1e-20 x sum of squared demeaned ESI): sigma_e^2 = 0, so no test statistics or stars are shown.'] : []),
    ],
    tidy,
  };
}
