/**
 * The paper's four propositions next to what is exactly true (spec `deglobalization` 1.7).
 *
 * | Prop | paper's claim                                           | exact, output shares fixed (X)       |
 * | 1    | higher omega lowers GVCP (economies above average size) | dGVCP_i/domega < 0 iff x_i > 1/N     |
 * | 2    | when omega > 1/N, higher mu lowers GVCP                 | < 0 always (threshold not necessary) |
 * | 3    | when omega > 1/N, above-average growth raises GVCP      | dGVCP_i/dx_i > 0 iff omega > 1/N     |
 * | 4    | when omega > max(mu, 1/N), higher v lowers GVCP         | < 0 always (threshold not necessary) |
 *
 * Propositions 2 and 4's thresholds come only from the paper treating the reference country's exports as
 * fixed while f changes; f cancels from the exact ratio sum_{j != i} Ex_j / Ex_i = (N omega - 1)/(omega - x_i) - 1.
 */
import { staticsOutputFixed, type SignedValue } from './statics.js';
import type { DeglobParams } from './params.js';

/** One proposition: the paper's claimed sign and condition, and the exact sign in experiment (X). */
export interface PropositionCheck {
  proposition: 1 | 2 | 3 | 4;
  /** Parameter the derivative is taken with respect to. */
  variable: 'omega' | 'mu' | 'x' | 'v';
  /** The paper's claim in words. */
  statement: string;
  /** The paper's condition in words. */
  paper_condition: string;
  /** Whether the paper's condition holds at this point. */
  paper_condition_holds: boolean;
  /** The sign the paper claims when its condition holds. */
  paper_sign: -1 | 1;
  /** The exact condition under which the claimed sign holds (experiment X). */
  exact_condition: string;
  /** Whether the exact condition holds at this point. */
  exact_condition_holds: boolean;
  /** The exact derivative and its sign at this point (experiment X). */
  exact: SignedValue;
}

/** Evaluate the four propositions for a country with output share x at parameters p. */
export function propositionChecks(p: DeglobParams, x: number): PropositionCheck[] {
  const s = staticsOutputFixed(p, x);
  const big = x > 1 / p.N;
  const home = p.omega > 1 / p.N;
  return [
    {
      proposition: 1,
      variable: 'omega',
      statement: 'a higher local share of final goods lowers GVC participation of economies above average size',
      paper_condition: 'x_i > 1/N',
      paper_condition_holds: big,
      paper_sign: -1,
      exact_condition: 'x_i > 1/N',
      exact_condition_holds: big,
      exact: s.omega,
    },
    {
      proposition: 2,
      variable: 'mu',
      statement: 'a higher local share of intermediate inputs lowers GVC participation',
      paper_condition: 'omega > 1/N',
      paper_condition_holds: home,
      paper_sign: -1,
      exact_condition: 'always (Ex_i > 0)',
      exact_condition_holds: true,
      exact: s.mu,
    },
    {
      proposition: 3,
      variable: 'x',
      statement: 'above-average growth raises GVC participation, below-average growth lowers it',
      paper_condition: 'omega > 1/N',
      paper_condition_holds: home,
      paper_sign: 1,
      exact_condition: 'omega > 1/N',
      exact_condition_holds: home,
      exact: s.x,
    },
    {
      proposition: 4,
      variable: 'v',
      statement: 'a higher value-added share (technology) lowers GVC participation',
      paper_condition: 'omega > max(mu, 1/N)',
      paper_condition_holds: p.omega > Math.max(p.mu, 1 / p.N),
      paper_sign: -1,
      exact_condition: 'always (Ex_i > 0)',
      exact_condition_holds: true,
      exact: s.v,
    },
  ];
}
