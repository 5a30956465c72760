/**
 * Upstreamness of production.
 *
 * Antràs, Chor, Fally and Hillberry (2012), "Measuring the upstreamness of production and trade flows",
 * AER Papers & Proceedings 102(3); Miller and Temurshoev (2017), "Output upstreamness and input
 * downstreamness of industries/countries in world production", International Regional Science Review 40(5):
 *   U = (I - Δ)^-1 1,   Δ_ij = Z_ij / x_i  (Ghosh output coefficients; U = row sums of the Ghosh inverse)
 * equivalently U = diag(x)^-1 B x with the Leontief inverse B (since Ghosh = x^-1 B x^ ), and
 *   U_i = 1 F_i/x_i + 2 sum_j Δ_ij F_j/x_j... i.e. the average number of stages before final use.
 * Optional inventory correction of Antràs et al.: Δ_ij = Z_ij / (x_i - N_i), N_i = the row's final use in
 * the named inventory category (e.g. INVEN), summed over countries.
 * Input downstreamness (Miller and Temurshoev): D = 1' B (column sums of the Leontief inverse).
 * A zero-output row has U = 1 (nothing downstream).
 */
import { linalg, matrix } from '../linalg/index.js';
import type { IoModel } from '../mrio/model.js';
import type { MrioTable } from '../mrio/table.js';
import { OptionError } from '../errors.js';
import { byCountry, mv } from './common.js';

export interface UpstreamnessOptions {
  /** Final-demand category holding inventory changes, subtracted from output in Δ's denominator. */
  inventories?: string;
}

/** Output upstreamness by one linear solve (I - Δ) U = 1. */
export function upstreamness(t: MrioTable, opts: UpstreamnessOptions = {}): Float64Array {
  const n = t.x.length;
  const denom = Float64Array.from(t.x);
  if (opts.inventories) {
    const K = t.fdCategories.length;
    const k = t.fdCategories.indexOf(opts.inventories);
    if (k < 0) throw new OptionError(`final-demand category "${opts.inventories}" is not in the table (${t.fdCategories.join(', ')}).`);
    const cols = t.Y.cols;
    for (let r = 0; r < n; r++) for (let c = k; c < cols; c += K) denom[r] -= t.Y.data[r * cols + c];
  }
  const IM = matrix(n, n);
  for (let i = 0; i < n; i++) {
    const inv = denom[i] !== 0 && t.x[i] !== 0 ? 1 / denom[i] : 0;
    const o = i * n;
    for (let j = 0; j < n; j++) IM.data[o + j] = -t.Z.data[o + j] * inv;
    IM.data[o + i] += 1;
  }
  const ones = matrix(n, 1, new Float64Array(n).fill(1));
  return Float64Array.from(linalg().solve(IM, ones).data);
}

/** Output upstreamness from an IoModel: U = (B x) / x (1 where x = 0). */
export function upstreamnessFromModel(m: IoModel): Float64Array {
  const Bx = mv(m.B, m.x);
  return Bx.map((v, i) => (m.x[i] !== 0 ? v / m.x[i] : 1));
}

/** Input downstreamness D = 1' B (column sums of the Leontief inverse). */
export function downstreamness(m: IoModel): Float64Array {
  const n = m.GN;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j] += m.B.data[i * n + j];
  return out;
}

/** Output-weighted country mean of a sector index (e.g. upstreamness); NaN for a country without output. */
export function countryMean(index: ArrayLike<number>, x: ArrayLike<number>, G: number, N: number): Float64Array {
  const wx = new Float64Array(G * N);
  for (let r = 0; r < G * N; r++) wx[r] = index[r] * x[r];
  const num = byCountry(wx, G, N);
  const den = byCountry(x, G, N);
  return num.map((v, c) => (den[c] > 0 ? v / den[c] : NaN));
}
