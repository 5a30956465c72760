/**
 * A small dependency-free SVG line-chart writer: plain data in, SVG string out.
 *
 *   lineChart({ title: 'GVCP', x: { label: 'mu' }, y: { label: 'GVCP' },
 *               series: [{ name: 'N = 7', points: [[0, 1.2], [1, 0]] }] })
 *
 * Output: axes with "nice" ticks (1-2-5 steps), light grid lines, axis labels, a title, a legend to the right of
 * the plot, and exactly one <path> element per series that has at least one finite point (axes, grid and legend
 * swatches are <line> elements). Non-finite or null y values break a line into separate segments of the same
 * path. Output is deterministic and well-formed XML (all text escaped).
 */

/** One axis: label, optional fixed range, target tick count and tick formatter. */
export interface ChartAxis {
  label?: string;
  /** Lower end of the axis; default: a nice number at or below the data minimum. */
  min?: number;
  /** Upper end of the axis; default: a nice number at or above the data maximum. */
  max?: number;
  /** Approximate number of tick intervals (default 5). */
  ticks?: number;
  /** Tick label formatter; default: fixed decimals matching the tick step. */
  format?: (value: number) => string;
}

/** One line: a legend name and its points [x, y] (y may be null or non-finite to leave a gap). */
export interface ChartSeries {
  name: string;
  points: ReadonlyArray<readonly [number, number | null]>;
  /** Stroke colour (CSS); default from a colour-blind-friendly palette. */
  color?: string;
  /** stroke-dasharray, e.g. '6 3'. */
  dash?: string;
  /** Stroke width in px (default 2). */
  width?: number;
  /** Draw a small circle at every point (default false). */
  markers?: boolean;
}

/** Everything lineChart needs. */
export interface LineChartSpec {
  title?: string;
  x: ChartAxis;
  y: ChartAxis;
  series: ReadonlyArray<ChartSeries>;
  /** Total width in px (default 720). */
  width?: number;
  /** Total height in px (default 440). */
  height?: number;
  /** Font family list (default 'DejaVu Sans, Arial, Helvetica, sans-serif'). */
  fontFamily?: string;
  /** Prefix for element ids (clip path), to keep several charts apart in one HTML page (default 'chart'). */
  idPrefix?: string;
  /** Draw the legend (default true when there is at least one named series). */
  legend?: boolean;
}

/** Okabe-Ito palette (colour-blind friendly), black last. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

/** Escape text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) whose interval count over span is closest to target. */
export function niceStep(span: number, target: number): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const t = Math.max(1, target);
  const p = Math.pow(10, Math.floor(Math.log10(span / t)));
  let best = p;
  let bestErr = Infinity;
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * p;
    const err = Math.abs(Math.ceil(span / step - 1e-9) - t);
    if (err < bestErr) {
      best = step;
      bestErr = err;
    }
  }
  return best;
}

/** Decimals needed to print multiples of step exactly (capped at 10). */
export function stepDecimals(step: number): number {
  let d = 0;
  while (d < 10 && Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) > 1e-9 * Math.max(1, step * 10 ** d)) d++;
  return d;
}

/**
 * Tick values: multiples of a nice step (or of `step` when given) lying in [min, max], inclusive with a small
 * tolerance, cleaned of binary round-off (0.6, not 0.6000000000000001).
 */
export function niceTicks(min: number, max: number, target = 5, step = niceStep(max - min, target)): number[] {
  const first = Math.ceil(min / step - 1e-9);
  const last = Math.floor(max / step + 1e-9);
  const out: number[] = [];
  for (let k = first; k <= last && out.length < 1000; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

interface Domain {
  min: number;
  max: number;
  ticks: number[];
  format: (v: number) => string;
}

/** Axis range: explicit bounds win; otherwise the data range widened to nice tick bounds. */
function axisDomain(axis: ChartAxis, values: number[]): Domain {
  const target = axis.ticks ?? 5;
  let lo = axis.min ?? Math.min(...values);
  let hi = axis.max ?? Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = Number.isFinite(lo) ? lo : Number.isFinite(hi) ? hi - 1 : 0;
    hi = Number.isFinite(hi) ? hi : lo + 1;
  }
  if (hi < lo) [lo, hi] = [hi, lo];
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    if (axis.min === undefined) lo -= pad;
    if (axis.max === undefined) hi += pad;
    if (hi === lo) hi = lo + 1;
  }
  const step = niceStep(hi - lo, target);
  if (axis.min === undefined) lo = Math.floor(lo / step + 1e-9) * step;
  if (axis.max === undefined) hi = Math.ceil(hi / step - 1e-9) * step;
  const ticks = niceTicks(lo, hi, target, step);
  const decimals = stepDecimals(step);
  const format =
    axis.format ??
    ((v: number) => {
      const s = v.toFixed(decimals);
      return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
    });
  return { min: lo, max: hi, ticks, format };
}

/** Round a coordinate to 2 decimals for compact output. */
function c(v: number): string {
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Rough text width in px for legend layout (average glyph about 0.6 em). */
function textWidth(s: string, fontSize: number): number {
  return [...s].length * fontSize * 0.6;
}

/** Render a multi-series line chart as an SVG document string. */
export function lineChart(spec: LineChartSpec): string {
  const W = spec.width ?? 720;
  const H = spec.height ?? 440;
  const font = spec.fontFamily ?? 'DejaVu Sans, Arial, Helvetica, sans-serif';
  const id = (spec.idPrefix ?? 'chart').replace(/[^A-Za-z0-9_-]/g, '_');
  const fs = 12;
  const series = spec.series;

  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of series) {
    for (const [px, py] of s.points) {
      if (Number.isFinite(px) && py !== null && Number.isFinite(py)) {
        xs.push(px);
        ys.push(py);
      }
    }
  }
  const xd = axisDomain(spec.x, xs);
  const yd = axisDomain(spec.y, ys);

  const showLegend = (spec.legend ?? true) && series.some((s) => s.name !== '');
  const legendW = showLegend ? Math.max(...series.map((s) => textWidth(s.name, fs))) + 44 : 0;
  const yTickW = Math.max(0, ...yd.ticks.map((t) => textWidth(yd.format(t), fs - 1)));
  const left = 24 + (spec.y.label ? fs + 8 : 0) + yTickW;
  const top = spec.title ? 44 : 16;
  const bottom = 36 + (spec.x.label ? fs + 10 : 0);
  const right = 16 + legendW;
  const pw = Math.max(10, W - left - right);
  const ph = Math.max(10, H - top - bottom);
  const sx = (v: number) => left + ((v - xd.min) / (xd.max - xd.min)) * pw;
  const sy = (v: number) => top + ph - ((v - yd.min) / (yd.max - yd.min)) * ph;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="${escapeXml(font)}" font-size="${fs}" role="img">`,
  );
  if (spec.title) out.push(`<title>${escapeXml(spec.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<defs><clipPath id="${id}-clip"><rect x="${c(left)}" y="${c(top)}" width="${c(pw)}" height="${c(ph)}"/></clipPath></defs>`);

  // Grid and ticks.
  out.push(`<g class="grid" stroke="#e0e0e0" stroke-width="1">`);
  for (const t of xd.ticks) out.push(`<line x1="${c(sx(t))}" y1="${c(top)}" x2="${c(sx(t))}" y2="${c(top + ph)}"/>`);
  for (const t of yd.ticks) out.push(`<line x1="${c(left)}" y1="${c(sy(t))}" x2="${c(left + pw)}" y2="${c(sy(t))}"/>`);
  out.push(`</g>`);
  out.push(`<g class="axes" stroke="#333333" stroke-width="1">`);
  out.push(`<line x1="${c(left)}" y1="${c(top + ph)}" x2="${c(left + pw)}" y2="${c(top + ph)}"/>`);
  out.push(`<line x1="${c(left)}" y1="${c(top)}" x2="${c(left)}" y2="${c(top + ph)}"/>`);
  for (const t of xd.ticks) out.push(`<line x1="${c(sx(t))}" y1="${c(top + ph)}" x2="${c(sx(t))}" y2="${c(top + ph + 5)}"/>`);
  for (const t of yd.ticks) out.push(`<line x1="${c(left - 5)}" y1="${c(sy(t))}" x2="${c(left)}" y2="${c(sy(t))}"/>`);
  out.push(`</g>`);
  out.push(`<g class="tick-labels" fill="#333333" font-size="${fs - 1}">`);
  for (const t of xd.ticks) {
    out.push(`<text x="${c(sx(t))}" y="${c(top + ph + 18)}" text-anchor="middle">${escapeXml(xd.format(t))}</text>`);
  }
  for (const t of yd.ticks) {
    out.push(`<text x="${c(left - 8)}" y="${c(sy(t) + 4)}" text-anchor="end">${escapeXml(yd.format(t))}</text>`);
  }
  out.push(`</g>`);

  // Labels and title.
  if (spec.x.label) {
    out.push(`<text class="x-label" x="${c(left + pw / 2)}" y="${c(H - 12)}" text-anchor="middle">${escapeXml(spec.x.label)}</text>`);
  }
  if (spec.y.label) {
    const lx = 14 + fs / 2;
    const ly = top + ph / 2;
    out.push(
      `<text class="y-label" x="${c(lx)}" y="${c(ly)}" text-anchor="middle" transform="rotate(-90 ${c(lx)} ${c(ly)})">${escapeXml(spec.y.label)}</text>`,
    );
  }
  if (spec.title) {
    out.push(`<text class="title" x="${c(W / 2)}" y="26" text-anchor="middle" font-size="${fs + 3}" font-weight="bold">${escapeXml(spec.title)}</text>`);
  }

  // Series: one path each.
  out.push(`<g class="series" clip-path="url(#${id}-clip)" fill="none" stroke-linejoin="round" stroke-linecap="round">`);
  series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length];
    const parts: string[] = [];
    let pen = false;
    const marks: string[] = [];
    for (const [px, py] of s.points) {
      if (!Number.isFinite(px) || py === null || !Number.isFinite(py)) {
        pen = false;
        continue;
      }
      parts.push(`${pen ? 'L' : 'M'}${c(sx(px))} ${c(sy(py))}`);
      pen = true;
      if (s.markers) marks.push(`<circle cx="${c(sx(px))}" cy="${c(sy(py))}" r="2.5" fill="${escapeXml(color)}" stroke="none"/>`);
    }
    if (parts.length === 0) return;
    const dash = s.dash ? ` stroke-dasharray="${escapeXml(s.dash)}"` : '';
    out.push(
      `<path d="${parts.join(' ')}" stroke="${escapeXml(color)}" stroke-width="${s.width ?? 2}"${dash}><title>${escapeXml(s.name)}</title></path>`,
    );
    out.push(...marks);
  });
  out.push(`</g>`);

  // Legend.
  if (showLegend) {
    const lx = left + pw + 16;
    let ly = top + 8;
    out.push(`<g class="legend">`);
    series.forEach((s, k) => {
      const color = s.color ?? PALETTE[k % PALETTE.length];
      const dash = s.dash ? ` stroke-dasharray="${escapeXml(s.dash)}"` : '';
      out.push(`<line x1="${c(lx)}" y1="${c(ly)}" x2="${c(lx + 22)}" y2="${c(ly)}" stroke="${escapeXml(color)}" stroke-width="${s.width ?? 2}"${dash}/>`);
      out.push(`<text x="${c(lx + 28)}" y="${c(ly + 4)}" fill="#333333">${escapeXml(s.name)}</text>`);
      ly += fs + 8;
    });
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join('\n') + '\n';
}
