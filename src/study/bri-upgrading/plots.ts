/**
 * Two small SVG chart types the study needs beyond gvc's line chart (deterministic output, no scripts):
 *   dumbbellChart  one row per item, a segment from the first to the last value (open and filled dots),
 *                  rows in the given order, highlighted items in bold red labels
 *   coefChart      one row per coefficient: the estimate (dot) and its confidence interval (whisker),
 *                  a dashed line at zero
 */
import { escapeXml, niceTicks } from '../../report/chart/svg.js';

const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const f2 = (v: number) => (Math.round(v * 100) / 100).toString();

export interface DumbbellRow {
  label: string;
  first: number;
  last: number;
  highlight?: boolean;
}

interface Frame {
  W: number;
  H: number;
  left: number;
  top: number;
  pw: number;
  ph: number;
  sx: (v: number) => number;
  out: string[];
}

function frame(title: string, xLabel: string, values: number[], nRows: number, legend: string[], zero: boolean): Frame {
  const W = 680;
  const rowH = 20;
  const top = 48;
  const left = 150;
  const right = 24;
  const ph = nRows * rowH;
  const H = top + ph + 64;
  const pw = W - left - right;
  const lo = Math.min(...values, ...(zero ? [0] : []));
  const hi = Math.max(...values, ...(zero ? [0] : []));
  const pad = (hi - lo) * 0.05 || 0.01;
  const ticks = niceTicks(lo - pad, hi + pad, 6);
  const min = Math.min(ticks[0], lo - pad);
  const max = Math.max(ticks[ticks.length - 1], hi + pad);
  const sx = (v: number) => left + ((v - min) / (max - min)) * pw;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}" font-size="12" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${W / 2}" y="24" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    '<g stroke="#e0e0e0">',
    ...ticks.map((t) => `<line x1="${f2(sx(t))}" y1="${top}" x2="${f2(sx(t))}" y2="${top + ph}"/>`),
    '</g>',
    `<line x1="${left}" y1="${top + ph}" x2="${left + pw}" y2="${top + ph}" stroke="#333333"/>`,
    ...ticks.map((t) => `<text x="${f2(sx(t))}" y="${top + ph + 16}" text-anchor="middle" font-size="11">${escapeXml(String(Number(t.toPrecision(6))))}</text>`),
    `<text x="${left + pw / 2}" y="${top + ph + 36}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
  ];
  if (zero) out.push(`<line x1="${f2(sx(0))}" y1="${top}" x2="${f2(sx(0))}" y2="${top + ph}" stroke="#666666" stroke-dasharray="4 3"/>`);
  if (legend.length) out.push(`<text x="${left}" y="${H - 8}" font-size="11" fill="#444444">${escapeXml(legend.join('   '))}</text>`);
  return { W, H, left, top, pw, ph, sx, out };
}

export function dumbbellChart(title: string, xLabel: string, rows: readonly DumbbellRow[], legend: string[]): string {
  const fr = frame(title, xLabel, rows.flatMap((r) => [r.first, r.last]), rows.length, legend, false);
  rows.forEach((r, k) => {
    const y = fr.top + 10 + k * 20;
    const color = r.highlight ? '#D55E00' : '#0072B2';
    fr.out.push(
      `<text x="${fr.left - 8}" y="${y + 4}" text-anchor="end"${r.highlight ? ' font-weight="bold" fill="#D55E00"' : ''}>${escapeXml(r.label)}</text>`,
      `<line x1="${f2(fr.sx(r.first))}" y1="${y}" x2="${f2(fr.sx(r.last))}" y2="${y}" stroke="${color}" stroke-width="2"/>`,
      `<circle cx="${f2(fr.sx(r.first))}" cy="${y}" r="4" fill="#ffffff" stroke="${color}" stroke-width="1.5"/>`,
      `<circle cx="${f2(fr.sx(r.last))}" cy="${y}" r="4" fill="${color}"/>`,
    );
  });
  fr.out.push('</svg>');
  return fr.out.join('\n') + '\n';
}

export interface CoefRow {
  label: string;
  estimate: number;
  lo: number;
  hi: number;
}

export function coefChart(title: string, xLabel: string, rows: readonly CoefRow[], legend: string[]): string {
  const fr = frame(title, xLabel, rows.flatMap((r) => [r.lo, r.hi, r.estimate]), rows.length, legend, true);
  rows.forEach((r, k) => {
    const y = fr.top + 10 + k * 20;
    fr.out.push(
      `<text x="${fr.left - 8}" y="${y + 4}" text-anchor="end">${escapeXml(r.label)}</text>`,
      `<line x1="${f2(fr.sx(r.lo))}" y1="${y}" x2="${f2(fr.sx(r.hi))}" y2="${y}" stroke="#0072B2" stroke-width="2"/>`,
      `<circle cx="${f2(fr.sx(r.estimate))}" cy="${y}" r="4" fill="#0072B2"/>`,
    );
  });
  fr.out.push('</svg>');
  return fr.out.join('\n') + '\n';
}
