/**
 * City-to-city industrial transfer from two MRIO years (city-transfer spec 2.1; Shan, Li and Liu, "Paving
 * the way: high-speed rail connectivity, information connectivity and industrial transfer between cities").
 *   X^y = (I - A^y)^-1 Y^y        (nN x n; imports excluded, Y = domestic final use by destination city)
 *   X^y[(c,s), d] = output of city c's sector s induced by city d's final demand
 *   T[i->j, s, p] = ( X^{y1}[(j,s), i] - X^{y0}[(j,s), i] ) / (y1 - y0)     (annualised; row city j, column i)
 *   T[i->j] = sum_s T[i->j, s];  IT = sign(T) ln(1 + |T|);  IT_direction = 1[T > 0]
 * X is computed by one LU factorisation with n right-hand sides (linalg().solve), never an explicit inverse.
 * Competitive-import tables: row r of Z and Y is scaled by delta_r = 1 - IM_r / (sum Z[r,.] + sum Y[r,.]).
 */
import { InputError } from '../errors.js';
import { linalg, matrix, type Matrix } from '../linalg/index.js';
import { iMinus, technicalCoefficients } from '../mrio/model.js';
import type { MrioTable } from '../mrio/table.js';

/** Domestic final demand by destination city (nN x n), summing the listed categories (default all). */
export function cityFinalDemand(t: MrioTable, categories?: readonly string[]): Matrix {
  const n = t.countries.length;
  const K = t.fdCategories.length;
  const rows = t.x.length;
  const use = new Uint8Array(K);
  if (!categories) use.fill(1);
  else {
    for (const c of categories) {
      const k = t.fdCategories.indexOf(c);
      if (k < 0) throw new InputError(`${t.source ?? 'table'}: final-use category "${c}" is not in the table (${t.fdCategories.join(', ')}).`);
      use[k] = 1;
    }
  }
  const Y = matrix(rows, n);
  const cols = n * K;
  for (let r = 0; r < rows; r++) {
    for (let d = 0; d < n; d++) {
      let s = 0;
      for (let k = 0; k < K; k++) if (use[k]) s += t.Y.data[r * cols + d * K + k];
      Y.data[r * n + d] = s;
    }
  }
  return Y;
}

/**
 * Remove competitive imports: row r of Z and Y scaled by 1 - IM_r / (sum Z[r,.] + sum Y[r,.]) (rows with no
 * use are left at zero).
 */
export function removeCompetitiveImports(Z: Matrix, Y: Matrix, imports: ArrayLike<number>): { Z: Matrix; Y: Matrix } {
  const n = Z.rows;
  const Zo = matrix(n, Z.cols, Z.data.slice());
  const Yo = matrix(Y.rows, Y.cols, Y.data.slice());
  for (let r = 0; r < n; r++) {
    let use = 0;
    for (let c = 0; c < Z.cols; c++) use += Z.data[r * Z.cols + c];
    for (let c = 0; c < Y.cols; c++) use += Y.data[r * Y.cols + c];
    const d = use !== 0 ? 1 - imports[r] / use : 1;
    for (let c = 0; c < Z.cols; c++) Zo.data[r * Z.cols + c] *= d;
    for (let c = 0; c < Y.cols; c++) Yo.data[r * Y.cols + c] *= d;
  }
  return { Z: Zo, Y: Yo };
}

/** X = (I - A)^-1 Y by one LU solve with Y's columns as right-hand sides. */
export function inducedOutput(A: Matrix, Y: Matrix): Matrix {
  if (A.rows !== A.cols || Y.rows !== A.rows) throw new InputError(`A is ${A.rows}x${A.cols} and Y ${Y.rows}x${Y.cols}; they do not conform.`);
  return linalg().solve(iMinus(A), Y);
}

/** Induced output of a city table: A from Z and x, Y = domestic final use by destination (categories summed). */
export function inducedOutputOfTable(t: MrioTable, categories?: readonly string[]): Matrix {
  return inducedOutput(technicalCoefficients(t.Z, t.x), cityFinalDemand(t, categories));
}

/** Sector-level annualised transfer, same layout as X: T[(j,s), i] = (X1 - X0)[(j,s), i] / (y1 - y0). */
export function transferBySector(X0: Matrix, X1: Matrix, years: number): Matrix {
  if (X0.rows !== X1.rows || X0.cols !== X1.cols) throw new InputError(`the two induced-output matrices differ in shape (${X0.rows}x${X0.cols} vs ${X1.rows}x${X1.cols}).`);
  if (!(years > 0)) throw new InputError(`the period length must be positive, got ${years}.`);
  const out = matrix(X0.rows, X0.cols);
  for (let k = 0; k < out.data.length; k++) out.data[k] = (X1.data[k] - X0.data[k]) / years;
  return out;
}

/**
 * Origin x destination totals: M[i * n + j] = sum_{s in sectors} T[(j,s), i] (T[i->j] over a sector group;
 * default all sectors). n cities, N sectors per city.
 */
export function transferTotals(T: Matrix, N: number, sectors?: readonly number[]): Matrix {
  const n = T.cols;
  const list = sectors ?? Array.from({ length: N }, (_, s) => s);
  const out = matrix(n, n);
  for (let j = 0; j < n; j++) {
    for (const s of list) {
      const o = (j * N + s) * n;
      for (let i = 0; i < n; i++) out.data[i * n + j] += T.data[o + i];
    }
  }
  return out;
}

/** IT = sign(T) ln(1 + |T|). */
export function signedLog(T: number): number {
  return Math.sign(T) * Math.log1p(Math.abs(T));
}

/** IT_direction = 1 when T > 0, else 0. */
export function direction(T: number): 0 | 1 {
  return T > 0 ? 1 : 0;
}
