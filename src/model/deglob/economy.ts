/**
 * The explicit N-country matrices of the symmetric economy (spec `deglobalization` 1.2, paper eqs. 9-10).
 * Column = using (absorbing) country, row = supplying country:
 *
 *   A[j,i]   = (1-v) mu               if j = i,   (1-v)(1-mu)/(N-1)   if j != i
 *   Fs[j,i]  = omega                  if j = i,   (1-omega)/(N-1)     if j != i     (Yfd = Fs diag(G))
 *   V_i      = 1 - sum_j A[j,i]  (= v)
 *
 * Matrix form: A = (1-v)/(N-1) [((N-1) mu - (1-mu)) I + (1-mu) J],  Fs = [(N omega - 1) I + (1-omega) J]/(N-1).
 */
import { OptionError } from '../../errors.js';
import { colSums, matrix, scaleCols, type Matrix } from '../../linalg/index.js';
import { checkLeontief, checkParams, type DeglobParams, type LeontiefParams } from './params.js';

/** N x N matrix with `diag` on the diagonal and `off` elsewhere. */
function diagOff(n: number, diag: number, off: number): Matrix {
  const m = matrix(n, n);
  m.data.fill(off);
  for (let i = 0; i < n; i++) m.data[i * n + i] = diag;
  return m;
}

/** Technical-coefficient matrix A of spec 1.2. */
export function technicalCoefficients(p: LeontiefParams): Matrix {
  checkLeontief(p);
  return diagOff(p.N, (1 - p.v) * p.mu, ((1 - p.v) * (1 - p.mu)) / (p.N - 1));
}

/** Final-demand share matrix Fs (column i = how absorber i splits G_i across suppliers). */
export function finalDemandShares(p: DeglobParams): Matrix {
  checkParams(p);
  return diagOff(p.N, p.omega, (1 - p.omega) / (p.N - 1));
}

/** Final-demand matrix Yfd = Fs diag(G): Yfd[j,i] = final goods of j absorbed by i. */
export function finalDemandMatrix(p: DeglobParams, G: ArrayLike<number>): Matrix {
  if (G.length !== p.N) throw new OptionError(`G has ${G.length} entries but N = ${p.N}.`);
  for (let i = 0; i < G.length; i++) {
    if (!Number.isFinite(G[i]) || G[i] < 0) throw new OptionError(`G[${i + 1}] must be a finite number >= 0, got ${G[i]}.`);
  }
  return scaleCols(finalDemandShares(p), G);
}

/** Value-added coefficients V_i = 1 - (column sum i of A). */
export function valueAddedCoefficients(A: Matrix): Float64Array {
  const cs = colSums(A);
  for (let i = 0; i < cs.length; i++) cs[i] = 1 - cs[i];
  return cs;
}
