/**
 * Leontief value-added origin of exports (decompr's `leontief`, Leontief 1936; Quast & Kummritz 2015):
 *   FVAX = diag(v) B diag(e)
 * element (s, r) = value added of source country-sector s embodied in the gross exports e_r of
 * using country-sector r. Column sums equal e (every export dollar is value added somewhere).
 */
import type { IoModel } from '../mrio/model.js';
import { matrix, type Matrix } from '../linalg/index.js';

export function leontiefExports(m: IoModel): Matrix {
  const { GN, B, v, e } = m;
  const out = matrix(GN, GN);
  for (let s = 0; s < GN; s++) {
    const o = s * GN;
    const vs = v[s];
    for (let r = 0; r < GN; r++) out.data[o + r] = vs * B.data[o + r] * e[r];
  }
  return out;
}
