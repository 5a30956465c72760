/**
 * The MRIO data model: G countries x N sectors, country-major index (row r = country * N + sector).
 *
 *   Z  (GN x GN)  intermediate use, Z[r, c] = sales of row sector r to column sector c
 *   Y  (GN x GK)  final demand by destination country and category (country-major, K categories each)
 *   va (GN)       value added; when a table does not give it, va = x - colSums(Z)
 *   x  (GN)       gross output; when a table does not give it, x = rowSums(Z) + rowSums(Y)
 *
 * Optional detail kept from the source (value-added rows by component, satellite accounts) with labels.
 */
import type { Matrix } from '../linalg/index.js';

export interface LabeledRows {
  labels: string[];
  /** rows x GN */
  values: Matrix;
  units?: string[];
}

export interface MrioTable {
  /** Country (region) codes, length G. */
  countries: string[];
  /** Sector codes, length N (the same for every country). */
  sectors: string[];
  /** Final-demand categories per country, length K (e.g. CONS_h, GFCF; 'FD' when only totals exist). */
  fdCategories: string[];
  Z: Matrix;
  Y: Matrix;
  va: Float64Array;
  x: Float64Array;
  year?: number;
  /** Where the table came from (file path, database and release). */
  source?: string;
  unit?: string;
  vaDetail?: LabeledRows;
  satellite?: LabeledRows;
}

export function dims(t: MrioTable): { G: number; N: number; GN: number; K: number } {
  const G = t.countries.length;
  const N = t.sectors.length;
  return { G, N, GN: G * N, K: t.fdCategories.length };
}

/** Label of row/column r, e.g. "CHN.c14". */
export function rowLabel(t: MrioTable, r: number): string {
  const N = t.sectors.length;
  return `${t.countries[Math.floor(r / N)]}.${t.sectors[r % N]}`;
}

/**
 * Final demand summed over categories: GN x G (column j = all final demand of country j).
 * This is the Y that KWW/WWZ/BM decompositions use.
 */
export function finalDemandByCountry(t: MrioTable): Matrix {
  const { G, GN, K } = dims(t);
  const out = new Float64Array(GN * G);
  const Yd = t.Y.data;
  const cols = G * K;
  for (let r = 0; r < GN; r++) {
    for (let j = 0; j < G; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += Yd[r * cols + j * K + k];
      out[r * G + j] = s;
    }
  }
  return { rows: GN, cols: G, data: out };
}
