/**
 * Figure 3 of the paper, "effect of trade concentration on GVC participation" (spec `deglobalization` 1.8).
 *
 * Varied: mu on [0, 1] in steps of 0.01 (101 points). Fixed: v = 0.33. Curves: N = 7, 20, 50. omega plays no
 * role. Plotted: the symmetric-equilibrium GVCP 2(N-1) T(N, mu, v) by default, or (N-1) T with
 * quantity = "n1T" (the paper plots a quantity proportional to (N-1)T without stating the constant; shape and
 * ordering are identical). Every curve falls in mu, ends at 0 at mu = 1, and larger N lies above smaller N,
 * since d[(N-1)T]/dN = (1-mu)^2 (1-v)^2 / D^2 > 0.
 */
import { OptionError } from '../../errors.js';
import { lineChart } from '../../report/chart/svg.js';
import { toCsv } from './csv.js';
import { gvcpSymmetric, nMinus1T } from './gvcp.js';
import { leontiefT } from './leontief.js';
import { checkN, checkV } from './params.js';

/** What the chart plots. */
export type Fig3Quantity = 'gvcp' | 'n1T';

/** Options of the Figure 3 simulation. */
export interface Fig3Options {
  /** Numbers of countries, one curve each (default [7, 20, 50]). */
  N?: number[];
  /** Value-added share (default 0.33). */
  v?: number;
  /** Number of mu intervals on [0, 1] (default 100, i.e. step 0.01). */
  steps?: number;
  /** Plotted quantity (default 'gvcp' = 2(N-1)T). */
  quantity?: Fig3Quantity;
}

/** One point of the simulation with the spec's data-file columns. */
export interface Fig3Point {
  N: number;
  mu: number;
  v: number;
  T: number;
  N_minus_1_T: number;
  gvcp_symmetric: number;
}

/** A tidy row: one variable of one point. */
export interface Fig3TidyRow {
  N: number;
  mu: number;
  v: number;
  variable: 'T' | 'N_minus_1_T' | 'gvcp_symmetric';
  value: number;
}

/** Column order of the data file (spec 1.8). */
export const FIG3_COLUMNS = ['N', 'mu', 'v', 'T', 'N_minus_1_T', 'gvcp_symmetric'] as const;
/** Column order of the tidy file. */
export const FIG3_TIDY_COLUMNS = ['N', 'mu', 'v', 'variable', 'value'] as const;

function resolve(o: Fig3Options): Required<Fig3Options> {
  const N = o.N ?? [7, 20, 50];
  if (N.length === 0) throw new OptionError('Figure 3 needs at least one N.');
  N.forEach(checkN);
  const v = o.v ?? 0.33;
  checkV(v);
  const steps = o.steps ?? 100;
  if (!Number.isInteger(steps) || steps < 1) throw new OptionError(`steps must be a positive integer, got ${steps}.`);
  const quantity = o.quantity ?? 'gvcp';
  if (quantity !== 'gvcp' && quantity !== 'n1T') throw new OptionError(`quantity must be "gvcp" or "n1T", got "${String(quantity)}".`);
  return { N, v, steps, quantity };
}

/** The simulated points, N-major then mu ascending (mu = k/steps exactly). */
export function fig3Points(options: Fig3Options = {}): Fig3Point[] {
  const o = resolve(options);
  const out: Fig3Point[] = [];
  for (const N of o.N) {
    for (let k = 0; k <= o.steps; k++) {
      const mu = k / o.steps;
      const p = { N, mu, v: o.v };
      out.push({ N, mu, v: o.v, T: leontiefT(p), N_minus_1_T: nMinus1T(p), gvcp_symmetric: gvcpSymmetric(p) });
    }
  }
  return out;
}

/** The same points in tidy (long) form: {N, mu, v, variable, value}. */
export function fig3Tidy(options: Fig3Options = {}): Fig3TidyRow[] {
  const rows: Fig3TidyRow[] = [];
  for (const p of fig3Points(options)) {
    for (const variable of ['T', 'N_minus_1_T', 'gvcp_symmetric'] as const) {
      rows.push({ N: p.N, mu: p.mu, v: p.v, variable, value: p[variable] });
    }
  }
  return rows;
}

/** Data file (spec 1.8 columns) as CSV. */
export function fig3Csv(options: Fig3Options = {}): string {
  return toCsv<Fig3Point>(FIG3_COLUMNS, fig3Points(options));
}

/** Tidy file as CSV. */
export function fig3TidyCsv(options: Fig3Options = {}): string {
  return toCsv<Fig3TidyRow>(FIG3_TIDY_COLUMNS, fig3Tidy(options));
}

/** The chart as an SVG string: one line per N over mu. */
export function fig3Svg(options: Fig3Options = {}): string {
  const o = resolve(options);
  const pts = fig3Points(o);
  const key = o.quantity === 'gvcp' ? 'gvcp_symmetric' : 'N_minus_1_T';
  return lineChart({
    title: `Effect of trade concentration on GVC participation (v = ${o.v})`,
    x: { label: 'μ (local share of intermediate inputs)', min: 0, max: 1 },
    y: { label: o.quantity === 'gvcp' ? 'GVC participation, 2(N−1)T' : '(N−1)T', min: 0 },
    series: o.N.map((N) => ({
      name: `N = ${N}`,
      points: pts.filter((p) => p.N === N).map((p) => [p.mu, p[key]] as [number, number]),
    })),
    idPrefix: 'deglob-fig3',
  });
}
