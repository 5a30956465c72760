/**
 * Figures of the bri-upgrading study (spec 4; all project additions, the paper shows none):
 *   Figure 1  cross-country mean and median of GVCL and GVCP by year (all group countries of each year in
 *             the window), 2009 marked by a vertical dashed line
 *   Figure 2  GVCL by country in the first and last sample year (dumbbell), sorted by the last year, CHN marked
 *   Figure 3  coefficients of Table 3's last column with 95% confidence intervals (b +- t_{0.975,df} SE)
 * Each comes with the CSV of the plotted values.
 */
import { numericColumn, type DataFrame } from '../../econometrics/frame.js';
import { quantileSorted } from '../../econometrics/tools/describe.js';
import { tCdf } from '../../econometrics/dist.js';
import { lineChart, PALETTE, type ChartSeries } from '../../report/chart/svg.js';
import { num } from '../table.js';
import type { Figure } from '../types.js';
import { HOME } from './config.js';
import type { CountryChange } from './descriptives.js';
import type { Fit } from './estimate.js';
import { coefChart, dumbbellChart } from './plots.js';
import type { Labeller } from './regtable.js';

/** Two-sided critical value t_{1 - a/2, df} by bisection on the t CDF. */
export function tCritical(df: number, a = 0.05): number {
  let lo = 0;
  let hi = 1000;
  for (let k = 0; k < 200; k++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < 1 - a / 2) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function trendFigure(df: DataFrame, window: [number, number], tag: string): Figure {
  const yr = numericColumn(df, 'year');
  const csv = ['figure,panel,series,year,value,n'];
  const panels = (['GVCL', 'GVCP'] as const).map((v, k) => {
    const x = numericColumn(df, v);
    const mean: Array<[number, number]> = [];
    const median: Array<[number, number]> = [];
    for (let t = window[0]; t <= window[1]; t++) {
      const vals = Float64Array.from(x.filter((_, i) => yr[i] === t && Number.isFinite(x[i]))).sort();
      if (!vals.length) continue;
      const m = vals.reduce((s, q) => s + q, 0) / vals.length;
      const md = quantileSorted(vals, 0.5);
      mean.push([t, m]);
      median.push([t, md]);
      csv.push(`upgrading_fig1_trend,${v},mean,${t},${num(m)},${vals.length}`, `upgrading_fig1_trend,${v},median,${t},${num(md)},${vals.length}`);
    }
    const ys = [...mean, ...median].map((p) => p[1]);
    const lo = Math.min(...ys);
    const hi = Math.max(...ys);
    const pad = (hi - lo) * 0.1 || 0.01;
    const series: ChartSeries[] = [
      { name: 'Mean', points: mean, color: PALETTE[0], width: 2.5, markers: true },
      { name: 'Median', points: median, color: PALETTE[1], dash: '6 3', markers: true },
    ];
    if (window[0] <= 2009 && window[1] >= 2009) series.push({ name: '2009 (excluded in Table 5)', points: [[2009, lo - pad], [2009, hi + pad]], color: '#999999', dash: '2 3', width: 1.5, markers: false });
    const svg = lineChart({
      title: v === 'GVCL' ? 'GVC position (GVCL)' : 'GVC participation (GVCP)',
      x: { label: 'Year', min: window[0], max: window[1], format: (q) => String(Math.round(q)) },
      y: { label: v, min: lo - pad, max: hi + pad },
      series,
      idPrefix: `upgrading_fig1_${k}`,
      width: 640,
      height: 400,
    });
    return { name: v, svg };
  });
  return {
    id: 'upgrading_fig1_trend',
    title: 'Figure 1 GVC position and participation of the group, cross-country mean and median (project addition)',
    panels,
    csv: csv.join('\n') + '\n',
    caption: `Unweighted across the countries of the group observed in each year; dotted line: 2009, the crisis year the paper drops in its robustness check.${tag}`,
  };
}

export function countriesFigure(changes: readonly CountryChange[], tag: string): Figure {
  const sorted = [...changes].sort((a, b) => b.GVCL[1] - a.GVCL[1] || (a.country < b.country ? -1 : 1));
  const csv = ['figure,country,first_year,last_year,GVCL_first,GVCL_last'];
  for (const c of sorted) csv.push(`upgrading_fig2_countries,${c.country},${c.first},${c.last},${num(c.GVCL[0])},${num(c.GVCL[1])}`);
  const years = `${Math.min(...changes.map((c) => c.first))}-${Math.max(...changes.map((c) => c.last))}`;
  const svg = dumbbellChart(
    `GVCL by country, first and last sample year (${years})`,
    'GVCL = ln(1 + IV/E) - ln(1 + FV/E)',
    sorted.map((c) => ({ label: c.country, first: c.GVCL[0], last: c.GVCL[1], highlight: c.country === HOME })),
    ['open dot: first year;', 'filled dot: last year;', `${HOME} in red`],
  );
  return {
    id: 'upgrading_fig2_countries',
    title: 'Figure 2 GVC position by country, first and last sample year (project addition)',
    panels: [{ name: 'GVCL', svg }],
    csv: csv.join('\n') + '\n',
    caption: `Sorted by GVCL in the last year; higher = more upstream.${tag}`,
  };
}

export function coefFigure(fit: Fit, label: Labeller, tag: string): Figure {
  const tc = tCritical(fit.dfT);
  const rows = fit.terms.filter((t) => fit.slopes.includes(t.term)).map((t) => ({ label: label(t.term), term: t.term, estimate: t.estimate, lo: t.estimate - tc * t.se, hi: t.estimate + tc * t.se }));
  const csv = ['figure,term,estimate,ci_low,ci_high,df'];
  for (const r of rows) csv.push(`upgrading_fig3_coefs,${r.term},${num(r.estimate)},${num(r.lo)},${num(r.hi)},${fit.dfT}`);
  const svg = coefChart(`Table 3, last column: ${fit.dep} on ${fit.slopes.length} regressors (N = ${fit.n})`, 'Coefficient with 95% confidence interval', rows, ['conventional SE (xtreg, fe);', 'coefficients in their own units']);
  return {
    id: 'upgrading_fig3_coefs',
    title: 'Figure 3 Coefficients of the GVC position model with 95% confidence intervals (project addition)',
    panels: [{ name: 'coefs', svg }],
    csv: csv.join('\n') + '\n',
    caption: `Intervals b +- t(0.975, ${fit.dfT}) SE.${tag}`,
  };
}
