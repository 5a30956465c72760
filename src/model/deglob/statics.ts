/**
 * Exact comparative statics of a country's GVCP (spec `deglobalization` 1.7, table), in two experiments:
 *
 * (X) output shares held fixed, GVCP_i = T K_x, K_x = N - 2 + (N omega - 1)/(omega - x_i):
 *   d/domega = T (1 - N x_i)/(omega - x_i)^2     d/dmu = dT/dmu K_x
 *   d/dx_i   = T (N omega - 1)/(omega - x_i)^2   d/dv  = dT/dv  K_x
 * (G) absorption shares held fixed, GVCP_i = (N-2) T + (1-v)(1-mu)/H_i, H_i = 1 - mu(1-v) - v g_i:
 *   d/domega = 0                                  d/dmu = (N-2) dT/dmu - v(1-v)(1-g_i)/H_i^2
 *   d/dg_i   = v (1-v)(1-mu)/H_i^2                d/dv  = (N-2) dT/dv  - (1-mu)(1-g_i)/H_i^2
 */
import { NumericalError } from '../../errors.js';
import { homeBiasGap, SINGULAR_TOL } from './exports.js';
import { absorptionDenominator } from './gvcp.js';
import { leontiefT } from './leontief.js';
import { dTdMu, dTdV } from './partials.js';
import type { DeglobParams, LeontiefParams } from './params.js';

/** A derivative and its sign (-1, 0, +1; exact zeros only). */
export interface SignedValue {
  value: number;
  sign: -1 | 0 | 1;
}

/** Wrap a number with its sign. */
export function signed(value: number): SignedValue {
  return { value, sign: value > 0 ? 1 : value < 0 ? -1 : 0 };
}

/** Experiment (X): derivatives of GVCP_i with the output shares held fixed. */
export interface OutputFixedStatics {
  omega: SignedValue;
  mu: SignedValue;
  v: SignedValue;
  x: SignedValue;
}

/** Experiment (G): derivatives of GVCP_i with the absorption shares held fixed. */
export interface AbsorptionFixedStatics {
  omega: SignedValue;
  mu: SignedValue;
  v: SignedValue;
  g: SignedValue;
}

/** K_x = N - 2 + (N omega - 1)/(omega - x_i), positive whenever Ex_i > 0. */
export function outputShareFactor(p: DeglobParams, x: number): number {
  const gap = homeBiasGap(p, 'GVCP with output shares held fixed');
  if (Math.abs(p.omega - x) <= SINGULAR_TOL) {
    throw new NumericalError(`GVCP is undefined when the output share equals omega (x = ${x}): the country does not export.`);
  }
  return p.N - 2 + gap / (p.omega - x);
}

/** Statics of experiment (X) for a country with output share x. */
export function staticsOutputFixed(p: DeglobParams, x: number): OutputFixedStatics {
  const K = outputShareFactor(p, x);
  const T = leontiefT(p);
  const d2 = (p.omega - x) * (p.omega - x);
  return {
    omega: signed((T * (1 - p.N * x)) / d2),
    mu: signed(dTdMu(p) * K),
    v: signed(dTdV(p) * K),
    x: signed((T * (p.N * p.omega - 1)) / d2),
  };
}

/** Statics of experiment (G) for a country with absorption share g (omega drops out). */
export function staticsAbsorptionFixed(p: LeontiefParams, g: number): AbsorptionFixedStatics {
  const H = absorptionDenominator(p, g);
  if (!(Math.abs(H) > SINGULAR_TOL)) {
    throw new NumericalError(`GVCP is undefined when 1 - mu(1-v) - v g = 0 (mu = ${p.mu}, v = ${p.v}, g = ${g}).`);
  }
  const H2 = H * H;
  return {
    omega: signed(0),
    mu: signed((p.N - 2) * dTdMu(p) - (p.v * (1 - p.v) * (1 - g)) / H2),
    v: signed((p.N - 2) * dTdV(p) - ((1 - p.mu) * (1 - g)) / H2),
    g: signed((p.v * (1 - p.v) * (1 - p.mu)) / H2),
  };
}
