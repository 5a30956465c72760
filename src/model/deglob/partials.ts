/**
 * Closed-form partial derivatives of T and f (spec `deglobalization` 1.7; the paper's own derivatives,
 * which are correct):
 *
 *   dT/dmu    = -(N-1) v (1-v) / D^2        (< 0)
 *   dT/dv     = -(N-1) (1-mu) / D^2         (< 0)
 *   df/domega = D / (N omega - 1)^2         (> 0)
 *   df/dmu    = (1-v) / (N omega - 1)       (> 0 iff omega > 1/N)
 *   df/dv     = (omega - mu) / (N omega - 1)
 *               (> 0 iff omega > max(mu, 1/N) or omega < min(mu, 1/N); the paper misprints the second
 *                branch as "omega > min(mu, 1/N)")
 *
 * Plus d[(N-1)T]/dN = (1-mu)^2 (1-v)^2 / D^2 (> 0), used by spec 1.8 (trade concentration).
 */
import { homeBiasGap } from './exports.js';
import { leontiefD } from './leontief.js';
import type { DeglobParams, LeontiefParams } from './params.js';

/** dT/dmu = -(N-1) v (1-v) / D^2. */
export function dTdMu(p: LeontiefParams): number {
  const D = leontiefD(p);
  return (-(p.N - 1) * p.v * (1 - p.v)) / (D * D);
}

/** dT/dv = -(N-1)(1-mu) / D^2. */
export function dTdV(p: LeontiefParams): number {
  const D = leontiefD(p);
  return (-(p.N - 1) * (1 - p.mu)) / (D * D);
}

/** d[(N-1)T]/dN = (1-mu)^2 (1-v)^2 / D^2 (N treated as continuous). */
export function dN1TdN(p: LeontiefParams): number {
  const D = leontiefD(p);
  const a = (1 - p.mu) * (1 - p.v);
  return (a * a) / (D * D);
}

/** df/domega = D / (N omega - 1)^2. */
export function dfdOmega(p: DeglobParams): number {
  const gap = homeBiasGap(p, 'df/domega');
  return leontiefD(p) / (gap * gap);
}

/** df/dmu = (1-v) / (N omega - 1). */
export function dfdMu(p: DeglobParams): number {
  return (1 - p.v) / homeBiasGap(p, 'df/dmu');
}

/** df/dv = (omega - mu) / (N omega - 1). */
export function dfdV(p: DeglobParams): number {
  return (p.omega - p.mu) / homeBiasGap(p, 'df/dv');
}

/** The five partials of spec 1.7 / section 5 `partials`. */
export interface DeglobPartials {
  dT_dmu: number;
  dT_dv: number;
  df_domega: number;
  df_dmu: number;
  df_dv: number;
}

/** All five partials at once (throws NumericalError at omega = 1/N). */
export function partials(p: DeglobParams): DeglobPartials {
  return { dT_dmu: dTdMu(p), dT_dv: dTdV(p), df_domega: dfdOmega(p), df_dmu: dfdMu(p), df_dv: dfdV(p) };
}
