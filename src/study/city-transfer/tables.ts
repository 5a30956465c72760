/**
 * Paper-style tables of §6.2: C1 descriptives (Symbol, Variable, Description, Mean, Median, SD, Min, Max) and
 * the regression tables C2–C10, C2J, C3J. Header rows: (k), sample label, dependent variable. Body: focus
 * coefficient with stars (*** 0.01, ** 0.05, * 0.10) and the t statistic (option: SE) in parentheses beneath;
 * controls shown only in C2J and C3J. Footer: controls city 1 / city 2, pair FE, period FE, Observations,
 * R-squared (full model incl. FE), Within R², Clusters. Unidentified cells read "not identified".
 * Rendered by src/study/table.ts (Markdown, LaTeX, HTML, CSV).
 */
import type { DataFrame } from '../../econometrics/frame.js';
import type { PaperTable, TableRow, TidyRow } from '../table.js';
import { sampleLabel, type ColumnFit } from './models.js';

const TITLES: Record<string, string> = {
  C2: 'Table C2. Baseline linear probability model: direction of industrial transfer',
  C3: 'Table C3. Transfer volume along (down) and against (up) the development gradient',
  C4a: 'Table C4a. Robustness: population gradient',
  C4b: 'Table C4b. Reverse causality: connectivity on transfer',
  C5: 'Table C5. Sector groups: labour-, capital- and technology-intensive transfer',
  C6: 'Table C6. Mechanism: labour',
  C7: 'Table C7. Mechanism: fixed capital',
  C8: 'Table C8. Mechanism: liquid capital',
  C9: 'Table C9. Mechanism: technology',
  C10: 'Table C10. Distance tiers: HSR, INFO and their synergy (model 5)',
  C2J: 'Table C2J. Joint LPM: HSR and INFO in one regression (project extra)',
  C3J: 'Table C3J. Joint transfer volume: HSR and INFO in one regression (project extra)',
};

/** Number with 3 decimals, scientific when tiny. */
export function fmtCoef(x: number): string {
  if (!Number.isFinite(x)) return '';
  if (x !== 0 && Math.abs(x) < 0.001) return x.toExponential(2);
  const s = x.toFixed(3);
  return /^-0\.000$/.test(s) ? '0.000' : s;
}
const starOf = (p: number): string => (p < 0.01 ? '***' : p < 0.05 ? '**' : p < 0.1 ? '*' : '');

/** One regression table from its fitted columns. */
export function regressionTable(id: string, fits: readonly ColumnFit[], stat: 't' | 'se'): PaperTable {
  const header = fits.map((_, k) => `(${k + 1})`);
  const subheader = fits.map((f) => sampleLabel(f.sample));
  const rows: TableRow[] = [{ label: 'Dependent variable', cells: fits.map((f) => f.dependent) }];
  const terms: string[] = [];
  for (const f of fits) for (const t of f.focus) if (!terms.includes(t)) terms.push(t);
  terms.forEach((term, q) => {
    const coef: string[] = [];
    const st: string[] = [];
    for (const f of fits) {
      if (!f.regressors.includes(term)) {
        coef.push('');
        st.push('');
      } else if (!f.fit.identified[term]) {
        coef.push('not identified');
        st.push('');
      } else {
        coef.push(fmtCoef(f.fit.coef[term]) + starOf(f.fit.p[term]));
        st.push(`(${fmtCoef(stat === 't' ? f.fit.t[term] : f.fit.se[term])})`);
      }
    }
    rows.push({ label: term, cells: coef, rule: q === 0 }, { label: '', cells: st });
  });
  const yn = (b: boolean) => (b ? 'Yes' : 'No');
  const num = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '');
  rows.push(
    { label: 'Control variable (city1)', cells: fits.map((f) => yn(f.controls)), rule: true },
    { label: 'Control variable (city2)', cells: fits.map((f) => yn(f.controls)) },
    { label: 'City 1 × city 2 fixed effect', cells: fits.map(() => 'Yes') },
    { label: 'Period fixed effect', cells: fits.map(() => 'Yes') },
    { label: 'Observations', cells: fits.map((f) => String(f.fit.nobs)) },
    { label: 'R-squared', cells: fits.map((f) => num(f.fit.r2)) },
    { label: 'Within R²', cells: fits.map((f) => num(f.fit.r2Within)) },
    { label: 'Clusters', cells: fits.map((f) => (Number.isFinite(f.fit.clusters) ? String(f.fit.clusters) : '')) },
  );
  const tidy: TidyRow[] = [];
  fits.forEach((f, k) => {
    for (const term of f.regressors) {
      tidy.push({ column: `(${k + 1}) ${f.sample}`, term, estimate: f.fit.coef[term], se: f.fit.se[term], t: f.fit.t[term], p: f.fit.p[term], n: f.fit.nobs, r2: f.fit.r2 });
    }
  });
  const lpm = fits.filter((f) => f.dependent === 'IT_direction' && Number.isFinite(f.fit.outside01));
  const notes = [
    `${stat === 't' ? 't statistics' : 'Standard errors'} in parentheses; SE clustered by ordered city pair (CR1, G/(G−1)·(N−1)/(N−K), K = k + 2), p from t(G − 1). *** p<0.01, ** p<0.05, * p<0.1.`,
    'R-squared includes the absorbed pair and period fixed effects; Within R² is net of them.',
  ];
  if (lpm.length) notes.push(`Share of LPM fitted values outside [0, 1]: ${lpm.map((f) => f.fit.outside01.toFixed(3)).join(', ')}.`);
  const ni = fits.filter((f) => f.focus.some((t) => f.regressors.includes(t) && !f.fit.identified[t]));
  if (ni.length) notes.push(`Not identified (no within-pair variation or collinear): ${ni.map((f) => `${f.sample} (${f.column})`).join(', ')}.`);
  return { id: `city_table_${id}`, title: TITLES[id] ?? id, header, subheader, rows, notes, tidy };
}

const DESCRIPTIVES: ReadonlyArray<[string, string, string, string]> = [
  ['IT', 'IT', 'Industrial transfer', 'sign(T) ln(1 + |T|), T in 10,000 yuan per year'],
  ['IT_direction', 'IT_direction', 'Transfer direction', '1 if T > 0 (outflow from i to j)'],
  ['connectivity_HSR', 'connectivity_HSR', 'HSR connectivity', 'HSR lines shared by i and j, period mean'],
  ['connectivity_I', 'connectivity_I', 'Information connectivity', 'ln(1 + Baidu index of j searched from i)'],
  ['edl_i', 'edl', 'Economic development', 'GDP per capita (10,000 yuan)'],
  ['ul_i', 'ul', 'Urbanisation', 'urban share of population'],
  ['fil_i', 'fil', 'Foreign investment', 'FDI / GDP'],
  ['hcl_i', 'hcl', 'Human capital', 'college students / population'],
  ['ftl_i', 'ftl', 'Trade openness', '(imports + exports) / GDP'],
  ['gel_i', 'gel', 'Government expenditure', 'fiscal expenditure / GDP'],
];

function stats(v: Float64Array): number[] {
  const a = Float64Array.from(v).sort();
  const n = a.length;
  const mean = a.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const med = n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
  return [mean, med, sd, a[0], a[n - 1]];
}

/** C1: descriptive statistics over all panel observations (city controls from the origin columns). */
export function descriptivesTable(df: DataFrame): PaperTable {
  const rows: TableRow[] = DESCRIPTIVES.map(([col, sym, name, desc]) => ({
    label: sym,
    cells: [name, desc, ...stats(df.columns[col] as Float64Array).map((x) => x.toFixed(3))],
  }));
  return {
    id: 'city_table_C1_descriptives',
    title: `Table C1. Descriptive statistics (${df.nrow} observations)`,
    stub: 'Symbol',
    header: ['Variable', 'Description', 'Mean', 'Median', 'SD', 'Min', 'Max'],
    rows,
    notes: ['City controls: origin-city values over all pair-period rows.'],
  };
}

/** Group the fits by table in plan order and build every regression table. */
export function allRegressionTables(fits: readonly ColumnFit[], stat: 't' | 'se'): PaperTable[] {
  const ids = [...new Set(fits.map((f) => f.table))];
  return ids.map((id) => regressionTable(id, fits.filter((f) => f.table === id), stat));
}
