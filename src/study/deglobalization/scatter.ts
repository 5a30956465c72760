/**
 * A labelled scatter plot with a fitted curve, as SVG (Figure 2 of the deglobalization study: one dot per
 * country, labelled with its ISO3 code, plus an OLS line or quadratic). The line-chart writer of
 * report/chart draws lines only, so this thin writer reuses its tick helpers. Deterministic output.
 */
import { escapeXml, niceStep, niceTicks, stepDecimals } from '../../report/chart/svg.js';

export interface ScatterSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  points: ReadonlyArray<{ label: string; x: number; y: number }>;
  /** Fitted curve sampled along x (drawn as a dashed line). */
  fit?: ReadonlyArray<readonly [number, number]>;
  fitLabel?: string;
  width?: number;
  height?: number;
}

const r2 = (v: number): string => {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
};

function domain(values: number[]): { min: number; max: number; ticks: number[]; fmt: (v: number) => string } {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const step = niceStep(hi - lo, 5);
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const d = stepDecimals(step);
  return { min: lo, max: hi, ticks: niceTicks(lo, hi, 5, step), fmt: (v) => v.toFixed(d) };
}

export function scatterSvg(spec: ScatterSpec): string {
  const W = spec.width ?? 480;
  const H = spec.height ?? 400;
  const fs = 12;
  const pts = spec.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xd = domain(pts.map((p) => p.x));
  const yd = domain([...pts.map((p) => p.y), ...(spec.fit ?? []).map((p) => p[1]).filter(Number.isFinite)]);
  const left = 64;
  const top = 40;
  const bottom = 52;
  const right = 20;
  const pw = W - left - right;
  const ph = H - top - bottom;
  const sx = (v: number) => left + ((v - xd.min) / (xd.max - xd.min)) * pw;
  const sy = (v: number) => top + ph - ((v - yd.min) / (yd.max - yd.min)) * ph;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif" font-size="${fs}" role="img">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
    '<g class="grid" stroke="#e0e0e0" stroke-width="1">',
  ];
  for (const t of xd.ticks) out.push(`<line x1="${r2(sx(t))}" y1="${top}" x2="${r2(sx(t))}" y2="${top + ph}"/>`);
  for (const t of yd.ticks) out.push(`<line x1="${left}" y1="${r2(sy(t))}" x2="${left + pw}" y2="${r2(sy(t))}"/>`);
  out.push('</g>', '<g class="axes" stroke="#333333" stroke-width="1">');
  out.push(`<line x1="${left}" y1="${top + ph}" x2="${left + pw}" y2="${top + ph}"/>`, `<line x1="${left}" y1="${top}" x2="${left}" y2="${top + ph}"/>`);
  out.push('</g>', `<g class="tick-labels" fill="#333333" font-size="${fs - 1}">`);
  for (const t of xd.ticks) out.push(`<text x="${r2(sx(t))}" y="${top + ph + 16}" text-anchor="middle">${escapeXml(xd.fmt(t))}</text>`);
  for (const t of yd.ticks) out.push(`<text x="${left - 6}" y="${r2(sy(t) + 4)}" text-anchor="end">${escapeXml(yd.fmt(t))}</text>`);
  out.push('</g>');
  out.push(`<text class="x-label" x="${r2(left + pw / 2)}" y="${H - 12}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  const ly = top + ph / 2;
  out.push(`<text class="y-label" x="16" y="${r2(ly)}" text-anchor="middle" transform="rotate(-90 16 ${r2(ly)})">${escapeXml(spec.yLabel)}</text>`);
  out.push(`<text class="title" x="${r2(W / 2)}" y="24" text-anchor="middle" font-size="${fs + 2}" font-weight="bold">${escapeXml(spec.title)}</text>`);
  if (spec.fit && spec.fit.length > 1) {
    const d = spec.fit.filter((p) => Number.isFinite(p[1])).map((p, k) => `${k ? 'L' : 'M'}${r2(sx(p[0]))} ${r2(sy(p[1]))}`).join(' ');
    out.push(`<path d="${d}" fill="none" stroke="#D55E00" stroke-width="1.5" stroke-dasharray="6 3"><title>${escapeXml(spec.fitLabel ?? 'fit')}</title></path>`);
  }
  out.push('<g class="points" fill="#0072B2">');
  for (const p of pts) out.push(`<circle cx="${r2(sx(p.x))}" cy="${r2(sy(p.y))}" r="3"><title>${escapeXml(p.label)}</title></circle>`);
  out.push('</g>', `<g class="labels" fill="#333333" font-size="${fs - 2}">`);
  for (const p of pts) out.push(`<text x="${r2(sx(p.x) + 5)}" y="${r2(sy(p.y) - 4)}">${escapeXml(p.label)}</text>`);
  out.push('</g>');
  if (spec.fitLabel) out.push(`<text x="${left + pw - 4}" y="${top + 14}" text-anchor="end" fill="#D55E00" font-size="${fs - 1}">${escapeXml(spec.fitLabel)}</text>`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
