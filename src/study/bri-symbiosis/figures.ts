/**
 * Figures 2 and 3 of the bri-symbiosis study (spec 5): RH, HD, XT against year, one panel each.
 * A point is the unweighted mean over all (r, i) cells of the group-year where the winsorized level is
 * defined (window years only). Figure 2: all partners and regions; Figure 3: one line per sector with its
 * linear trend (dashed). The plotted values are written as a tidy CSV beside each figure.
 */
import { numericColumn, type DataFrame } from '../../econometrics/frame.js';
import { lineChart, PALETTE, type ChartSeries } from '../../report/chart/svg.js';
import { num } from '../table.js';
import type { Figure } from '../types.js';
import { ASIA, type StudyConfig } from './config.js';

const INDICES = [['RH_w', 'RH (integration)'], ['HD_w', 'HD (interactivity)'], ['XT_w', 'XT (coordination)']] as const;

interface Point { series: string; year: number; value: number; n: number }

function groupMeans(panel: DataFrame, v: string, group: (i: number) => string | null, years: number[]): Point[] {
  const x = numericColumn(panel, v);
  const yr = numericColumn(panel, 'year');
  const inWin = numericColumn(panel, 'in_window');
  const acc = new Map<string, { s: number; n: number }>();
  for (let i = 0; i < panel.nrow; i++) {
    const g = group(i);
    if (g === null || inWin[i] !== 1 || !Number.isFinite(x[i])) continue;
    const k = `${g}|${yr[i]}`;
    const e = acc.get(k) ?? { s: 0, n: 0 };
    e.s += x[i];
    e.n += 1;
    acc.set(k, e);
  }
  const groups = [...new Set([...acc.keys()].map((k) => k.split('|')[0]))];
  const out: Point[] = [];
  for (const g of groups) for (const y of years) {
    const e = acc.get(`${g}|${y}`);
    if (e) out.push({ series: g, year: y, value: e.s / e.n, n: e.n });
  }
  return out;
}

/** Least-squares line through the points. */
export function trend(points: Array<[number, number]>): [number, number] {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0, sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  return [my - b * mx, b];
}

function figure(id: string, title: string, panel: DataFrame, years: number[], order: string[], group: (i: number) => string | null, withTrend: boolean, caption: string): Figure {
  const panels: Figure['panels'] = [];
  const csv = ['figure,panel,series,year,value,n_cells'];
  INDICES.forEach(([v, name], k) => {
    const pts = groupMeans(panel, v, group, years);
    const series: ChartSeries[] = [];
    order.forEach((g, j) => {
      const p = pts.filter((q) => q.series === g);
      if (!p.length) return;
      const color = PALETTE[j % PALETTE.length];
      series.push({ name: g, points: p.map((q) => [q.year, q.value] as const), color, width: g === 'All' ? 3 : 2, markers: !withTrend });
      for (const q of p) csv.push(`${id},${v.replace(/_w$/, '')},${g},${q.year},${num(q.value)},${q.n}`);
      if (withTrend && p.length > 1) {
        const [a, b] = trend(p.map((q) => [q.year, q.value]));
        const ends = [p[0].year, p[p.length - 1].year];
        series.push({ name: `${g} trend`, points: ends.map((x) => [x, a + b * x] as const), color, dash: '5 4', width: 1 });
        for (const x of ends) csv.push(`${id},${v.replace(/_w$/, '')},${g} trend,${x},${num(a + b * x)},`);
      }
    });
    const svg = lineChart({ title: name, x: { label: 'Year', format: (q) => (Number.isInteger(q) ? String(q) : '') }, y: { label: `${name.split(' ')[0]} (mean, winsorized)` }, series, idPrefix: `${id}_${k}`, width: 640, height: 400 });
    panels.push({ name: v.replace(/_w$/, ''), svg });
  });
  return { id, title, panels, csv: csv.join('\n') + '\n', caption };
}

export function studyFigures(panel: DataFrame, cfg: StudyConfig): Figure[] {
  const years: number[] = [];
  for (let t = cfg.window[0]; t <= cfg.window[1]; t++) years.push(t);
  const partner = panel.columns.partner as string[];
  const sector = panel.columns.sector as string[];
  const region = (i: number) => (ASIA.has(partner[i]) ? 'Asia' : 'Europe');
  const csv = ['figure,panel,series,year,value,n_cells'];
  const panels = INDICES.map(([v, name], k) => {
    const all = groupMeans(panel, v, () => 'All', years);
    const reg = groupMeans(panel, v, region, years);
    for (const q of [...all, ...reg]) csv.push(`symbiosis_fig2_regions,${v.replace(/_w$/, '')},${q.series},${q.year},${num(q.value)},${q.n}`);
    const line = (pts: Point[]) => pts.map((q) => [q.year, q.value] as const);
    const series: ChartSeries[] = [
      { name: 'All partners', points: line(all), color: '#000000', width: 3 },
      { name: 'Asia', points: line(reg.filter((q) => q.series === 'Asia')), color: PALETTE[0], dash: '6 3' },
      { name: 'Europe', points: line(reg.filter((q) => q.series === 'Europe')), color: PALETTE[1], dash: '2 2' },
    ];
    const svg = lineChart({ title: name, x: { label: 'Year', format: (q) => (Number.isInteger(q) ? String(q) : '') }, y: { label: `${name.split(' ')[0]} (mean, winsorized)` }, series, idPrefix: `symbiosis_fig2_${k}`, width: 640, height: 400 });
    return { name: v.replace(/_w$/, ''), svg };
  });
  const fig2: Figure = {
    id: 'symbiosis_fig2_regions',
    title: 'Figure 2 Industrial symbiosis of China and BRI partners by region',
    panels,
    csv: csv.join('\n') + '\n',
    caption: 'Unweighted means over partner-sector cells of the winsorized indices; Asia = IDN, KOR, TUR; Europe = the other 18 partners (WIOD has no African, American or Oceanian partner).',
  };
  const fig3 = figure('symbiosis_fig3_sectors', 'Figure 3 Industrial symbiosis of China and BRI partners by sector', panel, years, cfg.sectors,
    (i) => sector[i], true, 'Unweighted means over partner cells of each sector; dashed: linear trend.');
  return [fig2, fig3];
}
