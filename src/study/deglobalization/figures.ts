/**
 * Figures of the deglobalization study (spec 3): Figure 1, GVCP, omega, mu and v over time for CHN and USA
 * (one panel each, every year read); Figure 2, country means over the estimation sample of omega, mu and v
 * against GVCP with an OLS line (option: quadratic for mu); Figure 3, the model simulation of section 1.8
 * (src/model/deglob). Each figure comes with the CSV of its plotted values.
 */
import { numericColumn, type DataFrame } from '../../econometrics/frame.js';
import { fig3Csv, fig3Svg } from '../../model/deglob/fig3.js';
import { lineChart } from '../../report/chart/svg.js';
import { num } from '../table.js';
import type { Figure } from '../types.js';
import { modelColumns, type DeglobConfig } from './config.js';
import { scatterSvg } from './scatter.js';

export function figure1(panel: DataFrame, cfg: DeglobConfig): Figure {
  const mc = modelColumns(cfg);
  const vars: Array<[string, string]> = [[mc.gvcp, 'GVCP'], [mc.omega, 'omega'], [mc.mu, 'mu'], [mc.v, 'v']];
  const country = panel.columns.country as string[];
  const year = numericColumn(panel, 'year');
  const csv = ['country,year,variable,column,value'];
  const panels = ['CHN', 'USA'].filter((c) => country.includes(c)).map((c) => {
    const rows = [...country.keys()].filter((i) => country[i] === c);
    const series = vars.map(([col, name]) => {
      const v = numericColumn(panel, col);
      for (const i of rows) csv.push([c, year[i], name, col, num(v[i])].join(','));
      return { name, points: rows.map((i) => [year[i], Number.isFinite(v[i]) ? v[i] : null] as [number, number | null]), markers: true };
    });
    const svg = lineChart({
      title: `${c}: GVC participation and local shares (${cfg.scope} scope)`,
      x: { label: 'year', min: Math.min(...rows.map((i) => year[i])), max: Math.max(...rows.map((i) => year[i])), format: (v) => String(Math.round(v)) },
      y: { label: 'ratio', min: 0 },
      series,
      width: 560,
      height: 380,
      idPrefix: `deglob-fig1-${c}`,
    });
    return { name: c, svg };
  });
  return {
    id: 'deglob_fig1',
    title: 'Figure 1. GVC participation, local shares of final goods (omega) and intermediates (mu), value-added ratio (v): China and USA',
    panels,
    csv: csv.join('\n') + '\n',
    caption: `${mc.gvcp}, ${mc.omega}, ${mc.mu}, ${mc.v} from the MRIO, every year read (the paper: 2000-2015).`,
  };
}

/** Least squares of y on 1, x (and x^2): coefficients. */
export function polyFit(x: readonly number[], y: readonly number[], degree: 1 | 2): number[] {
  const k = degree + 1;
  const XtX = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const Xty = new Array<number>(k).fill(0);
  for (let i = 0; i < x.length; i++) {
    const row = Array.from({ length: k }, (_, p) => x[i] ** p);
    for (let a = 0; a < k; a++) {
      Xty[a] += row[a] * y[i];
      for (let b = 0; b < k; b++) XtX[a][b] += row[a] * row[b];
    }
  }
  // Gaussian elimination (k <= 3)
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(XtX[r][c]) > Math.abs(XtX[piv][c])) piv = r;
    [XtX[c], XtX[piv]] = [XtX[piv], XtX[c]];
    [Xty[c], Xty[piv]] = [Xty[piv], Xty[c]];
    for (let r = c + 1; r < k; r++) {
      const f = XtX[r][c] / XtX[c][c];
      for (let q = c; q < k; q++) XtX[r][q] -= f * XtX[c][q];
      Xty[r] -= f * Xty[c];
    }
  }
  const b = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = Xty[r];
    for (let q = r + 1; q < k; q++) s -= XtX[r][q] * b[q];
    b[r] = s / XtX[r][r];
  }
  return b;
}

export interface CountryMean {
  country: string;
  gvcp: number;
  omega: number;
  mu: number;
  v: number;
}

/** Means over the estimation sample years of each sample country. */
export function countryMeans(panel: DataFrame, cfg: DeglobConfig): CountryMean[] {
  const mc = modelColumns(cfg);
  const country = panel.columns.country as string[];
  const inS = numericColumn(panel, 'in_sample');
  const cols = { gvcp: numericColumn(panel, mc.gvcp), omega: numericColumn(panel, mc.omega), mu: numericColumn(panel, mc.mu), v: numericColumn(panel, mc.v) };
  const out: CountryMean[] = [];
  for (const c of [...new Set(country)]) {
    const rows = [...country.keys()].filter((i) => country[i] === c && inS[i] === 1);
    if (!rows.length) continue;
    const mean = (v: Float64Array) => rows.reduce((s, i) => s + v[i], 0) / rows.length;
    out.push({ country: c, gvcp: mean(cols.gvcp), omega: mean(cols.omega), mu: mean(cols.mu), v: mean(cols.v) });
  }
  return out;
}

export function figure2(panel: DataFrame, cfg: DeglobConfig): Figure {
  const means = countryMeans(panel, cfg);
  const csv = ['panel,country,x_variable,x,gvcp,fitted'];
  const panels = (['omega', 'mu', 'v'] as const).map((xv, k) => {
    const tag = ['a', 'b', 'c'][k];
    const degree: 1 | 2 = xv === 'mu' && cfg.fig2Quadratic ? 2 : 1;
    const xs = means.map((m) => m[xv]);
    const b = polyFit(xs, means.map((m) => m.gvcp), degree);
    const f = (x: number) => b.reduce((s, c, p) => s + c * x ** p, 0);
    for (const m of means) csv.push([tag, m.country, xv, num(m[xv]), num(m.gvcp), num(f(m[xv]))].join(','));
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const fit = Array.from({ length: 41 }, (_, j) => [lo + ((hi - lo) * j) / 40, f(lo + ((hi - lo) * j) / 40)] as const);
    const fitLabel = degree === 1 ? `OLS: GVCP = ${b[0].toFixed(3)} ${b[1] < 0 ? '-' : '+'} ${Math.abs(b[1]).toFixed(3)} ${xv}` : 'quadratic fit';
    return { name: tag, svg: scatterSvg({ title: `(${tag}) ${xv} and GVCP, country means`, xLabel: `${xv} (mean ${cfg.window.join('-')})`, yLabel: 'GVCP (mean)', points: means.map((m) => ({ label: m.country, x: m[xv], y: m.gvcp })), fit, fitLabel }) };
  });
  return {
    id: 'deglob_fig2',
    title: 'Figure 2. Local shares, value-added ratio and GVC participation across countries (means over the estimation sample)',
    panels,
    csv: csv.join('\n') + '\n',
    caption: `One dot per sample country (${means.length}); dashed: least-squares ${cfg.fig2Quadratic ? 'line ((b): quadratic)' : 'line'}.`,
  };
}

export function figure3(): Figure {
  return {
    id: 'deglob_fig3',
    title: 'Figure 3. Effect of trade concentration on GVC participation (model, symmetric equilibrium, v = 0.33)',
    panels: [{ name: 'model', svg: fig3Svg() }],
    csv: fig3Csv(),
    caption: 'GVCP = 2(N-1)T(N, mu, v) for N = 7, 20, 50 (read as G7, G20, G50); omega plays no role (spec 1.8).',
  };
}
