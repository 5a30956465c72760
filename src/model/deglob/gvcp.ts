/**
 * Exact closed forms of GVC participation (spec `deglobalization` 1.4 and 1.6, paper eq. 13).
 *
 *   GVCP_i = (DVX_i + FVA_i)/Ex_i = T [ sum_{j != i} Ex_j / Ex_i + (N-1) ]                     (eq. 13)
 *   symmetric equilibrium:  GVCP = 2 (N-1) T                                    (independent of omega)
 *   output share x_i:       GVCP_i = T [ N - 2 + (N omega - 1)/(omega - x_i) ]
 *   absorption share g_i:   GVCP_i = (N-2) T + (1-v)(1-mu) / (1 - mu(1-v) - v g_i)   (independent of omega)
 *   KWW-IV (Koopman-Powers-Wang-Wei) convention, symmetric equilibrium:
 *                           GVCP_kpww = T [ (N-1) + (N-2)(1-omega) v / (1 - mu(1-v) - v omega) ]
 *
 * "DVX" is the row sum of the off-diagonal value-added-in-exports matrix (VS1, the project default); the
 * KWW variant replaces it by DVA_INTrex. FVA (the column sum) is common to both.
 */
import { NumericalError } from '../../errors.js';
import { homeBiasGap, SINGULAR_TOL, worldExportRatio } from './exports.js';
import { leontiefT } from './leontief.js';
import { checkParams, type DeglobParams, type DvxConvention, type LeontiefParams } from './params.js';

/** Symmetric-equilibrium GVCP with the VS1 DVX: 2 (N-1) T. */
export function gvcpSymmetric(p: LeontiefParams): number {
  return 2 * (p.N - 1) * leontiefT(p);
}

/** (N-1) T: the quantity the paper's Figure 3 is proportional to. */
export function nMinus1T(p: LeontiefParams): number {
  return (p.N - 1) * leontiefT(p);
}

/** Symmetric-equilibrium GVCP under the KWW-IV convention (DVX = DVA_INTrex). */
export function gvcpKpwwSymmetric(p: DeglobParams): number {
  checkParams(p);
  const T = leontiefT(p);
  const W = worldExportRatio(p);
  if (!(W > 0)) throw new NumericalError(`there are no exports when mu(1-v) + v omega = 1 (mu = ${p.mu}, v = ${p.v}, omega = ${p.omega}).`);
  return T * (p.N - 1 + ((p.N - 2) * (1 - p.omega) * p.v) / W);
}

/** Symmetric-equilibrium GVCP under either DVX convention. */
export function gvcpSymmetricAs(p: DeglobParams, dvx: DvxConvention = 'vs1'): number {
  return dvx === 'vs1' ? gvcpSymmetric(p) : gvcpKpwwSymmetric(p);
}

/** GVCP of a country with world output share x_i (VS1): T [N - 2 + (N omega - 1)/(omega - x_i)]. */
export function gvcpFromOutputShare(p: DeglobParams, x: number): number {
  const gap = homeBiasGap(p, 'GVCP as a function of the output share');
  if (Math.abs(p.omega - x) <= SINGULAR_TOL) {
    throw new NumericalError(`GVCP is undefined when the output share equals omega (x = ${x}): the country does not export.`);
  }
  return leontiefT(p) * (p.N - 2 + gap / (p.omega - x));
}

/** H_i = 1 - mu(1-v) - v g_i = (1-mu)(1-v) + v(1-g_i), the denominator of the g-form. */
export function absorptionDenominator(p: LeontiefParams, g: number): number {
  return 1 - p.mu * (1 - p.v) - p.v * g;
}

/** GVCP of a country with world absorption share g_i (VS1): (N-2)T + (1-v)(1-mu)/H_i. Independent of omega. */
export function gvcpFromAbsorptionShare(p: LeontiefParams, g: number): number {
  const T = leontiefT(p);
  const H = absorptionDenominator(p, g);
  if (!(Math.abs(H) > SINGULAR_TOL)) {
    throw new NumericalError(`GVCP is undefined when 1 - mu(1-v) - v g = 0 (mu = ${p.mu}, v = ${p.v}, g = ${g}).`);
  }
  return (p.N - 2) * T + ((1 - p.v) * (1 - p.mu)) / H;
}

/** Paper eq. (13) from export values: T [ sum_{j != i} Ex_j / Ex_i + (N-1) ]. */
export function gvcpFromExports(p: LeontiefParams, Ex: ArrayLike<number>, i: number): number {
  let total = 0;
  for (let j = 0; j < Ex.length; j++) total += Ex[j];
  if (!(Ex[i] > 0)) throw new NumericalError(`country ${i + 1} has no exports, so its GVCP is undefined.`);
  return leontiefT(p) * ((total - Ex[i]) / Ex[i] + (p.N - 1));
}
