/**
 * Output, exports and the export-gap multiplier f (spec `deglobalization` 1.5-1.6, paper eqs. 14-15).
 *
 *   X_i = (1/v) [ rho G_i + (1-rho)/(N-1) sum_{j != i} G_j ],  rho = R omega + T (1 - omega)     (eq. 15)
 *   Ex_i = X_i [1 - (1-v) mu] - omega G_i                                                        (eq. 14)
 *   Ex_i - Ex_j = f (X_i - X_j),  f = (mu - mu v + v omega - 1)/(N omega - 1)
 *   Ex_i / sum Ex = (omega - x_i)/(N omega - 1),  sum Ex = (1 - mu(1-v) - v omega) sum X
 *   x_i - 1/N = (N omega - 1) v / D (g_i - 1/N)
 *
 * f is not GVC participation: it converts a gap in gross output into a gap in exports. It is undefined at
 * omega = 1/N, which is reported as a NumericalError (never Inf/NaN).
 */
import { NumericalError, OptionError } from '../../errors.js';
import { leontiefScalars } from './leontief.js';
import { checkParams, checkShares, type DeglobParams } from './params.js';

/** Tolerance below which N omega - 1 or omega - x_i count as zero (singular points of spec 6). */
export const SINGULAR_TOL = 1e-12;

/** N omega - 1, refusing the singular point omega = 1/N. */
export function homeBiasGap(p: DeglobParams, what: string): number {
  checkParams(p);
  const g = p.N * p.omega - 1;
  if (Math.abs(g) <= SINGULAR_TOL) {
    throw new NumericalError(`${what} is undefined at omega = 1/N (omega = ${p.omega}, N = ${p.N}).`);
  }
  return g;
}

/** f = (mu - mu v + v omega - 1)/(N omega - 1); numerator = -[(1-mu)(1-v) + v(1-omega)] <= 0. */
export function exportGapMultiplier(p: DeglobParams): number {
  const den = homeBiasGap(p, 'the export-gap multiplier f');
  return (p.mu - p.mu * p.v + p.v * p.omega - 1) / den;
}

/** rho = R omega + T (1 - omega): the weight of own absorption in own output (times v). */
export function outputWeight(p: DeglobParams): number {
  checkParams(p);
  const { R, T } = leontiefScalars(p);
  return R * p.omega + T * (1 - p.omega);
}

/** Gross output of each country from absorption G (eq. 15). */
export function outputFromAbsorption(p: DeglobParams, G: ArrayLike<number>): Float64Array {
  checkParams(p);
  if (G.length !== p.N) throw new OptionError(`G has ${G.length} entries but N = ${p.N}.`);
  const rho = outputWeight(p);
  let total = 0;
  for (let i = 0; i < G.length; i++) total += G[i];
  const X = new Float64Array(p.N);
  for (let i = 0; i < p.N; i++) X[i] = (rho * G[i] + ((1 - rho) / (p.N - 1)) * (total - G[i])) / p.v;
  return X;
}

/** Gross exports from output and absorption (eq. 14): Ex_i = X_i [1 - (1-v) mu] - omega G_i. */
export function exportsFromOutput(p: DeglobParams, X: ArrayLike<number>, G: ArrayLike<number>): Float64Array {
  checkParams(p);
  if (X.length !== p.N || G.length !== p.N) throw new OptionError(`X and G must have N = ${p.N} entries.`);
  const Ex = new Float64Array(p.N);
  for (let i = 0; i < p.N; i++) Ex[i] = X[i] * (1 - (1 - p.v) * p.mu) - p.omega * G[i];
  return Ex;
}

/** World exports per unit of world gross output: sum Ex / sum X = 1 - mu(1-v) - v omega. */
export function worldExportRatio(p: DeglobParams): number {
  checkParams(p);
  return 1 - p.mu * (1 - p.v) - p.v * p.omega;
}

/** Country i's share of world exports from its output share: (omega - x_i)/(N omega - 1). */
export function exportShare(p: DeglobParams, x: number): number {
  const den = homeBiasGap(p, 'the export share as a function of the output share');
  return (p.omega - x) / den;
}

/** Output share from absorption share: x_i = 1/N + (N omega - 1) v / D (g_i - 1/N). */
export function outputShareFromAbsorptionShare(p: DeglobParams, g: number): number {
  checkParams(p);
  const { D } = leontiefScalars(p);
  return 1 / p.N + ((p.N * p.omega - 1) * p.v * (g - 1 / p.N)) / D;
}

/** Absorption share from output share (inverse of the map above; undefined at omega = 1/N). */
export function absorptionShareFromOutputShare(p: DeglobParams, x: number): number {
  const gap = homeBiasGap(p, 'the absorption share implied by an output share');
  const { D } = leontiefScalars(p);
  return 1 / p.N + ((x - 1 / p.N) * D) / (gap * p.v);
}

/** Output shares from absorption shares (vector form of the map above). */
export function outputSharesFromAbsorptionShares(p: DeglobParams, g: ArrayLike<number>): Float64Array {
  checkShares('g', g, p.N);
  const x = new Float64Array(p.N);
  for (let i = 0; i < p.N; i++) x[i] = outputShareFromAbsorptionShare(p, g[i]);
  return x;
}

/** Symmetric equilibrium: exports per unit of absorption, Ex/G = (1 - mu(1-v) - v omega)/v. */
export function exportsPerAbsorption(p: DeglobParams): number {
  return worldExportRatio(p) / p.v;
}
