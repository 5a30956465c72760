/**
 * A dependency-free SVG point map (lon/lat scatter, no basemap): plain data in, SVG string out.
 *
 *   pointMap({ title: 'Net transfer, P1', points: [{ x: 116.4, y: 39.9, r: 4, cls: 2, label: 'Beijing' }],
 *              classes: [{ name: '< 0', color: '#2166ac' }, …], edges: [{ x1, y1, x2, y2, width }] })
 *
 * Equirectangular projection with the x scale shrunk by cos(mean latitude), so distances look right at
 * mid-latitudes; optional edges (drawn first, under the points); one <circle> per point filled by its class
 * colour; a legend of the classes; axis ticks in degrees. `sideBySide` joins several SVG documents into
 * one (panels of a figure). Deterministic, well-formed XML.
 */
import { escapeXml, niceTicks } from './svg.js';

export interface MapPoint {
  x: number;
  y: number;
  /** Radius in px (default 3). */
  r?: number;
  /** Index into `classes` (default 0). */
  cls?: number;
  label?: string;
}

export interface MapEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width in px (default 1). */
  width?: number;
}

export interface PointMapSpec {
  title?: string;
  points: readonly MapPoint[];
  classes: ReadonlyArray<{ name: string; color: string }>;
  edges?: readonly MapEdge[];
  edgeColor?: string;
  width?: number;
  height?: number;
  /** Legend heading. */
  legendTitle?: string;
}

const c = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

export function pointMap(spec: PointMapSpec): string {
  const W = spec.width ?? 560;
  const H = spec.height ?? 440;
  const fs = 12;
  const pts = spec.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  let x0 = Math.min(...xs, Infinity);
  let x1 = Math.max(...xs, -Infinity);
  let y0 = Math.min(...ys, Infinity);
  let y1 = Math.max(...ys, -Infinity);
  if (!Number.isFinite(x0)) [x0, x1, y0, y1] = [0, 1, 0, 1];
  const padX = Math.max(0.5, (x1 - x0) * 0.04);
  const padY = Math.max(0.5, (y1 - y0) * 0.04);
  x0 -= padX;
  x1 += padX;
  y0 -= padY;
  y1 += padY;
  const legendW = Math.max(80, ...spec.classes.map((k) => k.name.length * fs * 0.6 + 30), (spec.legendTitle ?? '').length * fs * 0.6);
  const left = 44;
  const top = spec.title ? 40 : 12;
  const pw = W - left - legendW - 24;
  const ph = H - top - 34;
  const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const scale = Math.min(pw / ((x1 - x0) * kx), ph / (y1 - y0));
  const sx = (v: number) => left + (v - x0) * kx * scale;
  const hMap = (y1 - y0) * scale;
  const sy = (v: number) => top + hMap - (v - y0) * scale;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="${fs}" role="img">`,
  ];
  if (spec.title) out.push(`<title>${escapeXml(spec.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  if (spec.title) out.push(`<text x="${c(W / 2)}" y="24" text-anchor="middle" font-size="${fs + 3}" font-weight="bold">${escapeXml(spec.title)}</text>`);
  out.push(`<g class="axes" stroke="#bbbbbb" stroke-width="1" fill="#555555" font-size="${fs - 2}">`);
  out.push(`<rect x="${c(left)}" y="${c(top)}" width="${c((x1 - x0) * kx * scale)}" height="${c(hMap)}" fill="none"/>`);
  const bottom = sy(y0);
  for (const t of niceTicks(x0, x1, 5)) out.push(`<text x="${c(sx(t))}" y="${c(bottom + 14)}" text-anchor="middle" stroke="none">${t}°E</text>`);
  for (const t of niceTicks(y0, y1, 5)) out.push(`<text x="${c(left - 4)}" y="${c(sy(t) + 4)}" text-anchor="end" stroke="none">${t}°N</text>`);
  out.push('</g>');
  if (spec.edges?.length) {
    out.push(`<g class="edges" stroke="${escapeXml(spec.edgeColor ?? '#888888')}" stroke-opacity="0.6" fill="none">`);
    for (const e of spec.edges) {
      out.push(`<line x1="${c(sx(e.x1))}" y1="${c(sy(e.y1))}" x2="${c(sx(e.x2))}" y2="${c(sy(e.y2))}" stroke-width="${c(e.width ?? 1)}"/>`);
    }
    out.push('</g>');
  }
  out.push('<g class="points" stroke="#333333" stroke-width="0.4">');
  for (const p of pts) {
    const col = spec.classes[p.cls ?? 0]?.color ?? '#777777';
    const tip = p.label ? `<title>${escapeXml(p.label)}</title>` : '';
    out.push(`<circle cx="${c(sx(p.x))}" cy="${c(sy(p.y))}" r="${c(p.r ?? 3)}" fill="${escapeXml(col)}">${tip}</circle>`);
  }
  out.push('</g>');
  const lx = W - legendW - 8;
  let ly = top + 8;
  out.push('<g class="legend" fill="#333333">');
  if (spec.legendTitle) {
    out.push(`<text x="${c(lx)}" y="${c(ly + 4)}" font-weight="bold">${escapeXml(spec.legendTitle)}</text>`);
    ly += fs + 8;
  }
  for (const k of spec.classes) {
    out.push(`<circle cx="${c(lx + 6)}" cy="${c(ly)}" r="5" fill="${escapeXml(k.color)}" stroke="#333333" stroke-width="0.4"/>`);
    out.push(`<text x="${c(lx + 18)}" y="${c(ly + 4)}">${escapeXml(k.name)}</text>`);
    ly += fs + 7;
  }
  out.push('</g>', '</svg>');
  return out.join('\n') + '\n';
}

/** Place complete SVG documents side by side in one SVG (nested <svg> with x offsets). */
export function sideBySide(svgs: readonly string[]): string {
  const dims = svgs.map((s) => {
    const w = Number(/width="([\d.]+)"/.exec(s)?.[1] ?? 0);
    const h = Number(/height="([\d.]+)"/.exec(s)?.[1] ?? 0);
    return { w, h };
  });
  const W = dims.reduce((a, d) => a + d.w, 0);
  const H = Math.max(0, ...dims.map((d) => d.h));
  let x = 0;
  const parts = svgs.map((s, k) => {
    const inner = s.replace(/^<svg /, `<svg x="${x}" y="0" `);
    x += dims[k].w;
    return inner;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">\n${parts.join('')}</svg>\n`;
}
