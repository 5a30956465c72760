/**
 * Revealed comparative advantage.
 *
 * Balassa (1965), "Trade liberalisation and 'revealed' comparative advantage", Manchester School 33(2):
 *   RCA_si = (X_si / sum_k X_sk) / (sum_s' X_s'i / sum_s'k X_s'k)
 * Normalized RCA, Yu, Cai and Leung (2009), "The normalized revealed comparative advantage index",
 * Annals of Regional Science 43(1):
 *   NRCA_si = X_si / X - (sum_k X_sk)(sum_s' X_s'i) / X^2,   X = world total
 * (sums to 0 over countries and over products; in (-1/4, 1/4); 0 = comparative-advantage neutral).
 * X is any countries x products export matrix: gross exports by sector (bri-symbiosis RCA_D: all sectors and
 * all countries including RoW) or domestic value added in exports (e.g. DVA from a KWW/WWZ/BM decomposition).
 * RCA is NaN where the country's total or the world's product total is not positive.
 */
import { InputError } from '../errors.js';
import { matrix, type Matrix } from '../linalg/index.js';

function totals(X: Matrix): { row: Float64Array; col: Float64Array; all: number } {
  const row = new Float64Array(X.rows);
  const col = new Float64Array(X.cols);
  let all = 0;
  for (let s = 0; s < X.rows; s++) {
    for (let i = 0; i < X.cols; i++) {
      const x = X.data[s * X.cols + i];
      row[s] += x;
      col[i] += x;
      all += x;
    }
  }
  return { row, col, all };
}

/** Balassa RCA of every (country, product) cell of a countries x products export matrix. */
export function rca(X: Matrix): Matrix {
  const { row, col, all } = totals(X);
  const out = matrix(X.rows, X.cols);
  for (let s = 0; s < X.rows; s++) {
    for (let i = 0; i < X.cols; i++) {
      const k = s * X.cols + i;
      out.data[k] = row[s] > 0 && col[i] > 0 && all > 0 ? X.data[k] / row[s] / (col[i] / all) : NaN;
    }
  }
  return out;
}

/** Normalized RCA (Yu, Cai and Leung 2009); NaN everywhere when the world total is not positive. */
export function nrca(X: Matrix): Matrix {
  const { row, col, all } = totals(X);
  const out = matrix(X.rows, X.cols);
  for (let s = 0; s < X.rows; s++) {
    for (let i = 0; i < X.cols; i++) {
      const k = s * X.cols + i;
      out.data[k] = all > 0 ? X.data[k] / all - (row[s] * col[i]) / (all * all) : NaN;
    }
  }
  return out;
}

/**
 * Reshape a country-major country-sector vector (length G*N, e.g. IoModel.e or a DVA term) into the
 * G x N countries x products matrix that rca/nrca take.
 */
export function countryBySector(x: ArrayLike<number>, G: number, N: number): Matrix {
  if (x.length !== G * N) throw new InputError(`vector has ${x.length} values, expected ${G} x ${N} = ${G * N}.`);
  return matrix(G, N, Float64Array.from(x as ArrayLike<number>));
}

/** |RCA(c,i) - RCA(r,i)| for every sector i (bri-symbiosis RCA_D); NaN when either RCA is missing. */
export function rcaDistance(R: Matrix, c: number, r: number): Float64Array {
  const out = new Float64Array(R.cols);
  for (let i = 0; i < R.cols; i++) out[i] = Math.abs(R.data[c * R.cols + i] - R.data[r * R.cols + i]);
  return out;
}
