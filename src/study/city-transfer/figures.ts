/**
 * Figures F1–F9 of §4 (SVG; each with a CSV of the plotted values):
 *   F1 net transfer received per city, Σ_i T[i→j] − Σ_k T[j→k], P1 | P2 (diverging classes)
 *   F2 T[focus→j], P1 | P2          F3 mean d_ij at each transfer rank of j for origin i, per period
 *   F4 share of origins whose top destination has distance rank r (1 = nearest), per period
 *   F5 HSR network 2012 | 2017 (edge width = lines, node size = HSR partners)
 *   F6 information centrality C_i = ln(1 + Σ_j (BSI_ij + BSI_ji)), 2012 | 2017, classes of §4
 *   F7 / F8 / F9 HSR / INFO / synergy β3 coefficient by distance tier, down | up, point + dashed 90% band
 *   (β ± t(0.95, G − 1)·SE).
 */
import type { DataFrame } from '../../econometrics/frame.js';
import { lineChart } from '../../report/chart/svg.js';
import { pointMap, sideBySide, type MapEdge, type MapPoint } from '../../report/chart/points.js';
import { PERIODS, TIERS } from './config.js';
import { tQuantile } from './estimate.js';
import type { CityInputs } from './inputs.js';
import { DOUBLE, HSR, INFO, type ColumnFit } from './models.js';
import { stationYear, type CityVars } from './variables.js';

export interface CityFigure {
  id: string;
  svg: string;
  csv: string;
}

const DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#fddbc7', '#ef8a62', '#b2182b'];
const f = (x: number): string => (Number.isFinite(x) ? (x === 0 ? '0' : String(x)) : '');

/** Diverging class of v against the largest |value| m: 6 classes split at ±m/3, ±m/9... simple sign/size bins. */
function divClass(v: number, m: number): number {
  const r = m > 0 ? v / m : 0;
  if (r < -1 / 3) return 0;
  if (r < -1 / 27) return 1;
  if (r < 0) return 2;
  if (r < 1 / 27) return 3;
  if (r < 1 / 3) return 4;
  return 5;
}
const TIER_SHORT = ['<200', '200–500', '500–1k', '1k–2k', '≥2k'];
const DIV_NAMES = ['< −m/3', '−m/3 to −m/27', '−m/27 to 0', '0 to m/27', 'm/27 to m/3', '> m/3'];

interface Ctx {
  df: DataFrame;
  v: CityVars;
  inputs: CityInputs;
  fits: readonly ColumnFit[];
  focus: string;
}

function cityMaps(ctx: Ctx, id: string, title: string, value: (p: number) => Map<string, number>, extra?: (p: number, code: string) => string): CityFigure {
  const { v } = ctx;
  const lines = ['period,code,lon,lat,value' + (extra ? ',inflow,outflow' : '')];
  const panels = PERIODS.map((per, p) => {
    const val = value(p);
    const m = Math.max(0, ...[...val.values()].map(Math.abs));
    const pts: MapPoint[] = v.codes.map((code, k) => {
      const x = val.get(code) ?? 0;
      lines.push(`${per.name},${code},${f(v.lon[k])},${f(v.lat[k])},${f(x)}${extra ? ',' + extra(p, code) : ''}`);
      return { x: v.lon[k], y: v.lat[k], r: 4, cls: divClass(x, m), label: `${code}: ${x.toFixed(1)}` };
    });
    return pointMap({ title: `${title}, ${per.name}`, points: pts, classes: DIVERGING.map((color, k) => ({ color, name: DIV_NAMES[k] })), legendTitle: `m = ${m.toExponential(2)}` });
  });
  return { id, svg: sideBySide(panels), csv: lines.join('\n') + '\n' };
}

function f1f2(ctx: Ctx): CityFigure[] {
  const { df } = ctx;
  const T = df.columns.T as Float64Array;
  const pidx = df.columns.pidx as Float64Array;
  const o = df.columns.origin as string[];
  const d = df.columns.dest as string[];
  const flows = PERIODS.map((_, p) => {
    const inflow = new Map<string, number>();
    const outflow = new Map<string, number>();
    const fromFocus = new Map<string, number>();
    for (let r = 0; r < df.nrow; r++) {
      if (pidx[r] !== p) continue;
      inflow.set(d[r], (inflow.get(d[r]) ?? 0) + T[r]);
      outflow.set(o[r], (outflow.get(o[r]) ?? 0) + T[r]);
      if (o[r] === ctx.focus) fromFocus.set(d[r], T[r]);
    }
    const net = new Map([...inflow].map(([c, x]) => [c, x - (outflow.get(c) ?? 0)]));
    return { inflow, outflow, net, fromFocus };
  });
  return [
    cityMaps(ctx, 'F1', 'Net transfer received', (p) => flows[p].net, (p, c) => `${f(flows[p].inflow.get(c) ?? 0)},${f(flows[p].outflow.get(c) ?? 0)}`),
    cityMaps(ctx, 'F2', `Transfer received from ${ctx.focus}`, (p) => flows[p].fromFocus),
  ];
}

/** Per origin: destinations with T and distance, per period. */
function byOrigin(ctx: Ctx, p: number): Map<string, Array<{ T: number; d: number }>> {
  const { df } = ctx;
  const m = new Map<string, Array<{ T: number; d: number }>>();
  const T = df.columns.T as Float64Array;
  const D = df.columns.distance_km as Float64Array;
  const pidx = df.columns.pidx as Float64Array;
  const o = df.columns.origin as string[];
  for (let r = 0; r < df.nrow; r++) {
    if (pidx[r] !== p) continue;
    const a = m.get(o[r]) ?? [];
    a.push({ T: T[r], d: D[r] });
    m.set(o[r], a);
  }
  return m;
}

function f3f4(ctx: Ctx): CityFigure[] {
  const l3 = ['period,rank,mean_km'];
  const l4 = ['period,distance_rank,share'];
  const s3 = PERIODS.map((per, p) => {
    const g = byOrigin(ctx, p);
    const sum: number[] = [];
    const cnt: number[] = [];
    const hist: number[] = [];
    for (const a of g.values()) {
      const byT = [...a].sort((x, y) => y.T - x.T);
      byT.forEach((e, k) => {
        sum[k] = (sum[k] ?? 0) + e.d;
        cnt[k] = (cnt[k] ?? 0) + 1;
      });
      const byD = [...a].sort((x, y) => x.d - y.d);
      const rank = byD.indexOf(byT[0]);
      hist[rank] = (hist[rank] ?? 0) + 1;
    }
    const pts3 = sum.map((s, k) => [k + 1, s / cnt[k]] as [number, number]);
    pts3.forEach(([k, y]) => l3.push(`${per.name},${k},${f(y)}`));
    const pts4 = Array.from({ length: sum.length }, (_, k) => [k + 1, (hist[k] ?? 0) / g.size] as [number, number]);
    pts4.forEach(([k, y]) => l4.push(`${per.name},${k},${f(y)}`));
    return { p3: { name: per.name, points: pts3 }, p4: { name: per.name, points: pts4, markers: true } };
  });
  return [
    { id: 'F3', svg: lineChart({ title: 'Transfer priority vs distance', x: { label: 'rank of destination by T (1 = largest)' }, y: { label: 'mean distance (km)' }, series: s3.map((s) => s.p3), idPrefix: 'F3' }), csv: l3.join('\n') + '\n' },
    { id: 'F4', svg: lineChart({ title: 'Nearest-city preference', x: { label: 'distance rank of the top destination (1 = nearest)' }, y: { label: 'share of origins' }, series: s3.map((s) => s.p4), idPrefix: 'F4' }), csv: l4.join('\n') + '\n' },
  ];
}

function f5f6(ctx: Ctx): CityFigure[] {
  const { v, inputs } = ctx;
  const n = v.n;
  const idx = new Map(v.codes.map((c, k) => [c, k]));
  const l5 = ['year,origin,dest,lines'];
  const l6 = ['year,code,lon,lat,centrality,class'];
  const years = [2012, 2017];
  const p5 = years.map((y) => {
    const lines = new Map<string, number[]>();
    for (const s of inputs.hsr) {
      const k = idx.get(s.code);
      if (k !== undefined && stationYear(s.openDate) <= y) lines.set(s.lineId, [...(lines.get(s.lineId) ?? []), k]);
    }
    const cnt = new Float64Array(n * n);
    for (const st of lines.values()) for (const a of st) for (const b of st) if (a < b) cnt[a * n + b]++;
    const edges: MapEdge[] = [];
    const partners = new Float64Array(n);
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
      const w = cnt[a * n + b];
      if (!w) continue;
      partners[a]++;
      partners[b]++;
      edges.push({ x1: v.lon[a], y1: v.lat[a], x2: v.lon[b], y2: v.lat[b], width: 0.5 * w });
      l5.push(`${y},${v.codes[a]},${v.codes[b]},${w}`);
    }
    const pts = v.codes.map((c, k) => ({ x: v.lon[k], y: v.lat[k], r: 1.5 + Math.sqrt(partners[k]) * 0.6, cls: partners[k] > 0 ? 1 : 0, label: `${c}: ${partners[k]} partners` }));
    return pointMap({ title: `HSR network ${y}`, points: pts, edges, classes: [{ name: 'no HSR', color: '#cccccc' }, { name: 'on HSR', color: '#d55e00' }] });
  });
  const cuts = [1, 7, 8, 8.5, 9, 9.5, 10, 10.5, 11];
  const names = ['[0,1]', '(1,7]', '(7,8]', '(8,8.5]', '(8.5,9]', '(9,9.5]', '(9.5,10]', '(10,10.5]', '(10.5,11]', '> 11'];
  const colors = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b', '#041a3a'];
  const p6 = years.map((y) => {
    const B = v.bsi[y - 2012];
    const pts = v.codes.map((c, i) => {
      let s = 0;
      for (let j = 0; j < n; j++) s += B[i * n + j] + B[j * n + i];
      const C = Math.log1p(s);
      let cls = cuts.findIndex((t) => C <= t);
      if (cls < 0) cls = cuts.length;
      l6.push(`${y},${c},${f(v.lon[i])},${f(v.lat[i])},${f(C)},${names[cls]}`);
      return { x: v.lon[i], y: v.lat[i], r: 4, cls, label: `${c}: ${C.toFixed(2)}` };
    });
    return pointMap({ title: `Information centrality ${y}`, points: pts, classes: names.map((name, k) => ({ name, color: colors[k] })) });
  });
  return [
    { id: 'F5', svg: sideBySide(p5), csv: l5.join('\n') + '\n' },
    { id: 'F6', svg: sideBySide(p6), csv: l6.join('\n') + '\n' },
  ];
}

function tierFigure(ctx: Ctx, id: string, title: string, column: number, term: string): CityFigure {
  const lines = ['gradient,tier,coef,se,lo90,hi90,identified'];
  const panels = ['down', 'up'].map((g) => {
    const pts: Array<[number, number | null]> = [];
    const lo: Array<[number, number | null]> = [];
    const hi: Array<[number, number | null]> = [];
    TIERS.forEach((t, k) => {
      const c = ctx.fits.find((x) => x.table === 'C10' && x.column === column && x.sample === `${g}_${t.name}`);
      const ok = !!c && c.fit.identified[term];
      const b = ok ? c.fit.coef[term] : NaN;
      const se = ok ? c.fit.se[term] : NaN;
      const q = ok ? tQuantile(0.1, c.fit.clusters - 1) : NaN;
      pts.push([k + 1, ok ? b : null]);
      lo.push([k + 1, ok ? b - q * se : null]);
      hi.push([k + 1, ok ? b + q * se : null]);
      lines.push(`${g},${t.name},${f(b)},${f(se)},${f(b - q * se)},${f(b + q * se)},${ok}`);
    });
    return lineChart({
      title: `${title}: ${g === 'down' ? 'down-gradient' : 'up-gradient'}`,
      x: { label: 'distance tier (km)', min: 0.5, max: 5.5, format: (x) => (Number.isInteger(x) && x >= 1 && x <= 5 ? TIER_SHORT[x - 1] : '') },
      y: { label: 'coefficient' },
      series: [
        { name: 'estimate', points: pts, markers: true, color: '#0072B2' },
        { name: '90% band (lower)', points: lo, dash: '5 4', color: '#0072B2', width: 1 },
        { name: '90% band (upper)', points: hi, dash: '5 4', color: '#0072B2', width: 1 },
      ],
      width: 560,
      idPrefix: `${id}_${g}`,
    });
  });
  return { id, svg: sideBySide(panels), csv: lines.join('\n') + '\n' };
}

export function cityFigures(df: DataFrame, v: CityVars, inputs: CityInputs, fits: readonly ColumnFit[], focus: string): CityFigure[] {
  const ctx: Ctx = { df, v, inputs, fits, focus };
  return [
    ...f1f2(ctx), ...f3f4(ctx), ...f5f6(ctx),
    tierFigure(ctx, 'F7', 'HSR by distance', 1, HSR),
    tierFigure(ctx, 'F8', 'INFO by distance', 2, INFO),
    tierFigure(ctx, 'F9', 'Synergy β3 by distance', 3, DOUBLE),
  ];
}
