/**
 * Closed-form Leontief inverse of the symmetric economy (spec `deglobalization` 1.3, paper eq. 11).
 *
 *   D = N - N mu + N mu v - v = N (1 - mu (1 - v)) - v          (D >= (N-1) v > 0 on the domain)
 *   R = (1 - mu + mu v + (N-2) v) / D
 *   T = (1 - v)(1 - mu) / D
 *   B = (I - A)^-1 = [ (N-1) v I + (1-v)(1-mu) J ] / (v D)      diag B = R / v, off-diag B = T / v
 *
 * Identities: R + (N-1) T = 1 (columns of V B sum to 1), R - T = (N-1) v / D.
 * The paper's R and T omit the factor 1/v: they are the entries of V B, not of B.
 */
import { matrix, type Matrix } from '../../linalg/index.js';
import { checkLeontief, type LeontiefParams } from './params.js';

/** D = N(1 - mu(1-v)) - v, the common denominator of spec 1.3. */
export function leontiefD(p: LeontiefParams): number {
  checkLeontief(p);
  return p.N * (1 - p.mu * (1 - p.v)) - p.v;
}

/** R = (1 - mu + mu v + (N-2) v) / D: the diagonal of V B (own value added per unit of own final output). */
export function leontiefR(p: LeontiefParams): number {
  const D = leontiefD(p);
  return (1 - p.mu + p.mu * p.v + (p.N - 2) * p.v) / D;
}

/** T = (1-v)(1-mu) / D: the off-diagonal of V B (a partner's value added per unit of final output). */
export function leontiefT(p: LeontiefParams): number {
  const D = leontiefD(p);
  return ((1 - p.v) * (1 - p.mu)) / D;
}

/** Diagonal entry of B = (I - A)^-1: R / v. */
export function leontiefBDiag(p: LeontiefParams): number {
  return leontiefR(p) / p.v;
}

/** Off-diagonal entry of B = (I - A)^-1: T / v. */
export function leontiefBOff(p: LeontiefParams): number {
  return leontiefT(p) / p.v;
}

/** All scalars of spec 1.3 at once. */
export interface LeontiefScalars {
  D: number;
  R: number;
  T: number;
  B_diag: number;
  B_off: number;
}

/** D, R, T and the two entries of B for (N, mu, v). */
export function leontiefScalars(p: LeontiefParams): LeontiefScalars {
  const D = leontiefD(p);
  const R = (1 - p.mu + p.mu * p.v + (p.N - 2) * p.v) / D;
  const T = ((1 - p.v) * (1 - p.mu)) / D;
  return { D, R, T, B_diag: R / p.v, B_off: T / p.v };
}

/** The closed-form B as an explicit N x N matrix (for checks against a generic inverse). */
export function leontiefInverseClosed(p: LeontiefParams): Matrix {
  const { B_diag, B_off } = leontiefScalars(p);
  const n = p.N;
  const B = matrix(n, n);
  B.data.fill(B_off);
  for (let i = 0; i < n; i++) B.data[i * n + i] = B_diag;
  return B;
}
