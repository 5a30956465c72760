/**
 * IoModel: the expensive shared matrices of one table, computed once (like GlobalValueChains.jl's model).
 *
 *   A   = Z diag(x)^-1                 technical coefficients (column j divided by x_j; 0 when x_j = 0)
 *   B   = (I - A)^-1                   global Leontief inverse
 *   v   = va / x                       value-added coefficients (0 when x = 0)
 *   Yc  = final demand by country      GN x G (categories summed)
 *   Ei  = intermediate exports         GN x G: Ei[r, j] = sum over sectors of country j of Z[r, .] (0 for own country)
 *   Ef  = final exports                GN x G: Yc with own-country entries set to 0
 *   E   = Ei + Ef                      bilateral gross exports; e = rowSums(E) total exports
 *   L   = diag blocks (I - A_ss)^-1    local (domestic) Leontief inverses, one N x N block per country
 *
 * Ghosh: Bg = (I - diag(x)^-1 Z)^-1 computed on demand.
 * Zero-output sectors give zero coefficients, never NaN; a singular I - A raises SingularMatrixError naming it.
 */
import { NumericalError, SingularMatrixError } from '../errors.js';
import { linalg, matrix, block, type Matrix } from '../linalg/index.js';
import { dims, finalDemandByCountry, type MrioTable } from './table.js';

export interface IoModel {
  table: MrioTable;
  G: number;
  N: number;
  GN: number;
  /** Gross output. */
  x: Float64Array;
  /** Technical coefficients A = Z diag(1/x). */
  A: Matrix;
  /** Leontief inverse B = (I - A)^-1. */
  B: Matrix;
  /** Value-added coefficients v = va / x. */
  v: Float64Array;
  /** Final demand by destination country, GN x G. */
  Yc: Matrix;
  /** Intermediate exports by destination, GN x G. */
  Ei: Matrix;
  /** Final exports by destination, GN x G. */
  Ef: Matrix;
  /** Gross exports by destination, GN x G (Ei + Ef). */
  E: Matrix;
  /** Total gross exports per country-sector. */
  e: Float64Array;
  /** Local Leontief inverses (I - A_ss)^-1, G blocks of N x N. */
  L: Matrix[];
}

/** Technical coefficients with zero-output columns set to zero. */
export function technicalCoefficients(Z: Matrix, x: Float64Array): Matrix {
  const n = Z.rows;
  const A = matrix(n, n);
  const inv = x.map((v) => (v !== 0 ? 1 / v : 0));
  for (let i = 0; i < n; i++) {
    const o = i * n;
    for (let j = 0; j < n; j++) A.data[o + j] = Z.data[o + j] * inv[j];
  }
  return A;
}

/** I - M for square M. */
export function iMinus(M: Matrix): Matrix {
  const n = M.rows;
  const out = matrix(n, n);
  for (let k = 0; k < n * n; k++) out.data[k] = -M.data[k];
  for (let i = 0; i < n; i++) out.data[i * n + i] += 1;
  return out;
}

function invert(M: Matrix, what: string, src: string): Matrix {
  try {
    const R = linalg().inverse(M);
    for (let k = 0; k < R.data.length; k++) {
      if (!Number.isFinite(R.data[k])) throw new NumericalError(`${src}: ${what} produced non-finite values (ill-conditioned).`);
    }
    return R;
  } catch (e) {
    if (e instanceof SingularMatrixError) {
      throw new SingularMatrixError(`${src}: ${what} is singular (${e.message.replace(/\.$/, '')}); look for sectors with zero value added whose output goes back into their own inputs.`);
    }
    throw e;
  }
}

export interface ModelOptions {
  /** Skip local inverses (saves G small inversions when not needed). */
  local?: boolean;
}

export function buildModel(t: MrioTable, opts: ModelOptions = {}): IoModel {
  const { G, N, GN } = dims(t);
  const src = t.source ?? 'table';
  const x = t.x;
  const A = technicalCoefficients(t.Z, x);
  const B = invert(iMinus(A), 'I - A', src);
  const v = new Float64Array(GN);
  for (let i = 0; i < GN; i++) v[i] = x[i] !== 0 ? t.va[i] / x[i] : 0;
  const Yc = finalDemandByCountry(t);
  const Ei = matrix(GN, G);
  const Ef = matrix(GN, G);
  const E = matrix(GN, G);
  const e = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    const own = Math.floor(r / N);
    const zo = r * GN;
    for (let j = 0; j < G; j++) {
      if (j === own) continue;
      let s = 0;
      for (let c = j * N; c < (j + 1) * N; c++) s += t.Z.data[zo + c];
      Ei.data[r * G + j] = s;
      Ef.data[r * G + j] = Yc.data[r * G + j];
      E.data[r * G + j] = s + Yc.data[r * G + j];
      e[r] += s + Yc.data[r * G + j];
    }
  }
  const L: Matrix[] = [];
  if (opts.local !== false) {
    for (let s = 0; s < G; s++) {
      L.push(invert(iMinus(block(A, s * N, s * N, N, N)), `I - A_${t.countries[s]},${t.countries[s]} (local inverse)`, src));
    }
  }
  return { table: t, G, N, GN, x, A, B, v, Yc, Ei, Ef, E, e, L };
}

/** Ghosh inverse (I - diag(x)^-1 Z)^-1. */
export function ghosh(t: MrioTable): Matrix {
  const n = t.x.length;
  const Bc = matrix(n, n);
  for (let i = 0; i < n; i++) {
    const inv = t.x[i] !== 0 ? 1 / t.x[i] : 0;
    const o = i * n;
    for (let j = 0; j < n; j++) Bc.data[o + j] = t.Z.data[o + j] * inv;
  }
  return invert(iMinus(Bc), 'I - (output coefficients)', t.source ?? 'table');
}
