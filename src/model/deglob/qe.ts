/**
 * Investment multiplier under trade protection and QE (spec `deglobalization` 1.9, paper section 6.3; an
 * optional module). With the steady-state portfolio S_ii = S, S_ij = (1-S)/(N-1) and capital share alpha:
 *
 *   Delta C = v [1 - alpha N (1-S)/(N-1)] Delta Y + (1 - N S)/(N-1) Delta I
 *   Delta Y = (N omega - 1)/D Delta G,  Delta G = Delta C + Delta I
 *   =>  Delta Y = z Delta I,
 *   z = N (1-S)(N omega - 1) / [ (N-1) D - (N omega - 1) v ((N-1) - alpha N (1-S)) ]
 *
 * The paper prints the equivalent form
 *   z = (S-1)(N omega - 1) / [1 + mu(v-1) + alpha v - alpha v S - v omega + N(-1 + mu - mu v + (1 - alpha + alpha S) v omega)]
 * The bracket is positive on the domain, so z > 0 iff omega > 1/N (S < 1), and
 *   dz/domega = (N-1)(1-S) D N^2 / bracket^2 >= 0.
 * (The paper's printed dz/domega is garbled; this is the correct one.)
 */
import { OptionError } from '../../errors.js';
import { leontiefD } from './leontief.js';
import { checkParams, type DeglobParams } from './params.js';

/** Model parameters plus the capital share alpha and the home-equity share S. */
export interface QeParams extends DeglobParams {
  /** Capital share in value added, alpha in [0, 1]. */
  alpha: number;
  /** Share of the domestic firm held at home, S in [0, 1]. */
  S: number;
}

function checkQe(p: QeParams): void {
  checkParams(p);
  if (!Number.isFinite(p.alpha) || p.alpha < 0 || p.alpha > 1) throw new OptionError(`alpha must lie in [0, 1], got ${p.alpha}.`);
  if (!Number.isFinite(p.S) || p.S < 0 || p.S > 1) throw new OptionError(`S must lie in [0, 1], got ${p.S}.`);
}

/** The positive denominator (N-1) D - (N omega - 1) v ((N-1) - alpha N (1-S)). */
export function qeBracket(p: QeParams): number {
  checkQe(p);
  const D = leontiefD(p);
  return (p.N - 1) * D - (p.N * p.omega - 1) * p.v * (p.N - 1 - p.alpha * p.N * (1 - p.S));
}

/** z: the output gap per unit of investment gap. */
export function qeMultiplier(p: QeParams): number {
  return (p.N * (1 - p.S) * (p.N * p.omega - 1)) / qeBracket(p);
}

/** z in the paper's printed form (equal to qeMultiplier; kept as a check of the transcription). */
export function qeMultiplierPaperForm(p: QeParams): number {
  checkQe(p);
  const { N, omega: w, mu, v, alpha: a, S } = p;
  const den = 1 + mu * (v - 1) + a * v - a * v * S - v * w + N * (-1 + mu - mu * v + (1 - a + a * S) * v * w);
  return ((S - 1) * (N * w - 1)) / den;
}

/** dz/domega = (N-1)(1-S) D N^2 / bracket^2. */
export function dzdOmega(p: QeParams): number {
  const b = qeBracket(p);
  return ((p.N - 1) * (1 - p.S) * leontiefD(p) * p.N * p.N) / (b * b);
}

/** One row of the optional `deglob_qe_multiplier` output: z over omega. */
export interface QeRow {
  N: number;
  omega: number;
  mu: number;
  v: number;
  alpha: number;
  S: number;
  z: number;
}

/** z over omega = k/steps, k = 0..steps, at fixed (N, mu, v, alpha, S). */
export function qeMultiplierCurve(p: Omit<QeParams, 'omega'>, steps = 100): QeRow[] {
  if (!Number.isInteger(steps) || steps < 1) throw new OptionError(`steps must be a positive integer, got ${steps}.`);
  const rows: QeRow[] = [];
  for (let k = 0; k <= steps; k++) {
    const q = { ...p, omega: k / steps };
    rows.push({ N: q.N, omega: q.omega, mu: q.mu, v: q.v, alpha: q.alpha, S: q.S, z: qeMultiplier(q) });
  }
  return rows;
}
