/**
 * Small helpers shared by the indicator modules: country lookup (with the WIOD alias ROM = ROU), sector
 * scopes such as "c2-c17", block-wise products with the local inverses, and reshaping of country-sector
 * vectors. Missing values in indicator arrays are NaN (callers write them as empty cells).
 */
import { OptionError } from '../errors.js';
import { matVec, vecMat } from '../linalg/index.js';
import type { IoModel } from '../mrio/model.js';

const ALIASES: Record<string, string[]> = { ROU: ['ROM'], ROM: ['ROU'] };

/** Index of a country code in a list (case-insensitive, ROM/ROU aliases); throws OptionError when absent. */
export function countryIndex(countries: readonly string[], code: string, what = 'country'): number {
  const want = code.trim().toUpperCase();
  const cands = [want, ...(ALIASES[want] ?? [])];
  for (const c of cands) {
    const k = countries.findIndex((x) => x.toUpperCase() === c);
    if (k >= 0) return k;
  }
  throw new OptionError(`${what} "${code}" is not in the table (${countries.slice(0, 8).join(', ')}${countries.length > 8 ? ', ...' : ''}).`);
}

/**
 * Sector indices from a scope: 'all', a range "c2-c17" (codes with a common prefix and a number), or a comma
 * list of codes and ranges ("c3,c5-c7"). Unknown codes are an OptionError.
 */
export function sectorScope(sectors: readonly string[], scope: string | readonly number[] = 'all'): number[] {
  if (typeof scope !== 'string') return scope.slice();
  if (scope.trim().toLowerCase() === 'all') return sectors.map((_, i) => i);
  const out = new Set<number>();
  for (const part of scope.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = part.match(/^([A-Za-z_]*)(\d+)-([A-Za-z_]*)(\d+)$/);
    if (m) {
      const a = sectors.indexOf(`${m[1]}${m[2]}`);
      const b = sectors.indexOf(`${m[3] || m[1]}${m[4]}`);
      if (a < 0 || b < 0) throw new OptionError(`sector range "${part}" names a code that is not in the table.`);
      for (let k = Math.min(a, b); k <= Math.max(a, b); k++) out.add(k);
      continue;
    }
    const k = sectors.indexOf(part);
    if (k < 0) throw new OptionError(`sector "${part}" is not in the table.`);
    out.add(k);
  }
  return [...out].sort((p, q) => p - q);
}

/** Local-inverse block product: (L y) with L = blockdiag(L_1..L_G), y of length GN. */
export function localTimes(m: IoModel, y: ArrayLike<number>): Float64Array {
  const { G, N } = m;
  const out = new Float64Array(G * N);
  for (let s = 0; s < G; s++) {
    const Ls = m.L[s].data;
    const o = s * N;
    for (let i = 0; i < N; i++) {
      let acc = 0;
      for (let j = 0; j < N; j++) acc += Ls[i * N + j] * y[o + j];
      out[o + i] = acc;
    }
  }
  return out;
}

/** Row vector times local inverses: (w' L), w of length GN. */
export function timesLocal(m: IoModel, w: ArrayLike<number>): Float64Array {
  const { G, N } = m;
  const out = new Float64Array(G * N);
  for (let s = 0; s < G; s++) {
    const Ls = m.L[s].data;
    const o = s * N;
    for (let i = 0; i < N; i++) {
      const wi = w[o + i];
      if (wi === 0) continue;
      for (let j = 0; j < N; j++) out[o + j] += wi * Ls[i * N + j];
    }
  }
  return out;
}

/** A_F y: the foreign (off-diagonal-block) part of A times a vector. */
export function foreignATimes(m: IoModel, y: ArrayLike<number>): Float64Array {
  const { GN, N } = m;
  const A = m.A.data;
  const out = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    const s0 = Math.floor(r / N) * N;
    const o = r * GN;
    let acc = 0;
    for (let c = 0; c < GN; c++) if (c < s0 || c >= s0 + N) acc += A[o + c] * y[c];
    out[r] = acc;
  }
  return out;
}

/** w' A_F: a row vector times the foreign part of A. */
export function timesForeignA(m: IoModel, w: ArrayLike<number>): Float64Array {
  const { GN, N } = m;
  const A = m.A.data;
  const out = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    const wr = w[r];
    if (wr === 0) continue;
    const s0 = Math.floor(r / N) * N;
    const o = r * GN;
    for (let c = 0; c < GN; c++) if (c < s0 || c >= s0 + N) out[c] += wr * A[o + c];
  }
  return out;
}

/** M y and w' M: the linear-algebra module's products under the short names used in this folder. */
export const mv = matVec;
export const vm = vecMat;

/** Sum a country-sector vector (length G*N) by country. */
export function byCountry(x: ArrayLike<number>, G: number, N: number): Float64Array {
  const out = new Float64Array(G);
  for (let s = 0; s < G; s++) {
    let acc = 0;
    for (let i = 0; i < N; i++) acc += x[s * N + i];
    out[s] = acc;
  }
  return out;
}

/** a / b, NaN when b is not positive (the "missing when the denominator is <= 0" rule). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

/** Element-wise ratio with the same rule. */
export function ratios(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = ratio(a[i], b[i]);
  return out;
}
