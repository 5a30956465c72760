/**
 * Parameters of the symmetric N-country model (spec `deglobalization`, section 1.2) and their domain check.
 * Domain: integer N >= 2, 0 <= omega <= 1, 0 <= mu <= 1, 0 < v <= 1; anything else is refused with a
 * one-line OptionError.
 */
import { OptionError } from '../../errors.js';

/** The four structural parameters of the input-output block. */
export interface DeglobParams {
  /** Number of countries (integer >= 2). */
  N: number;
  /** Local (domestic) share of final goods, omega. */
  omega: number;
  /** Local share of intermediate inputs, mu. */
  mu: number;
  /** Value-added share of gross output, v. */
  v: number;
}

/** Parameters that do not involve omega (the Leontief block: D, R, T, B). */
export type LeontiefParams = Pick<DeglobParams, 'N' | 'mu' | 'v'>;

/** Which DVX enters GVC participation (spec 1.4): row-sum VS1 (default) or KWW's DVA_INTrex. */
export type DvxConvention = 'vs1' | 'kww_iv';

/** Throws OptionError unless N is an integer >= 2. */
export function checkN(N: number): void {
  if (!Number.isInteger(N) || N < 2) throw new OptionError(`N must be an integer >= 2, got ${N}.`);
}

/** Throws OptionError unless 0 <= mu <= 1. */
export function checkMu(mu: number): void {
  if (!Number.isFinite(mu) || mu < 0 || mu > 1) throw new OptionError(`mu must lie in [0, 1], got ${mu}.`);
}

/** Throws OptionError unless 0 <= omega <= 1. */
export function checkOmega(omega: number): void {
  if (!Number.isFinite(omega) || omega < 0 || omega > 1) {
    throw new OptionError(`omega must lie in [0, 1], got ${omega}.`);
  }
}

/** Throws OptionError unless 0 < v <= 1. */
export function checkV(v: number): void {
  if (!Number.isFinite(v) || v <= 0 || v > 1) throw new OptionError(`v must lie in (0, 1], got ${v}.`);
}

/** Validate (N, mu, v). */
export function checkLeontief(p: LeontiefParams): void {
  checkN(p.N);
  checkMu(p.mu);
  checkV(p.v);
}

/** Validate (N, omega, mu, v). */
export function checkParams(p: DeglobParams): void {
  checkLeontief(p);
  checkOmega(p.omega);
}

/** Validate a share vector (absorption or output shares) of length N: finite, summing to 1 within 1e-9. */
export function checkShares(name: string, s: ArrayLike<number>, N: number): void {
  if (s.length !== N) throw new OptionError(`${name} has ${s.length} entries but N = ${N}.`);
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    if (!Number.isFinite(s[i])) throw new OptionError(`${name}[${i + 1}] is not a finite number.`);
    sum += s[i];
  }
  if (Math.abs(sum - 1) > 1e-9) throw new OptionError(`${name} must sum to 1, sums to ${sum}.`);
}
