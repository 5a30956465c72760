/**
 * Planted effect, §5.3 step 6, for every ordered pair of table cities and period t:
 *   s_ijt = ν_ij + η_t + β_H^g (HSR_ijt − HSR̄_ij) + β_I^g (INFO_ijt − INFŌ_ij)
 *           + 0.1 (edl_it − edl̄_i) − 0.1 (edl_jt − edl̄_j) [+ β3 (double_ijt − doublē_ij), down-gradient, d ≥ 2000 km]
 *   z = s + ε, ε ~ U(−a, a);   τ = sign(z)(e^{|z|} − 1), so that sign(τ) ln(1 + |τ|) = z.
 * Bars are means over the two periods; g is the gradient of §2.5 over all table cities; ν ~ U(−.75, .75),
 * η = (0.9, 1.1). With a > 0 the generator stops when max|s| ≥ a (the LPM targets need |s| < a).
 */
import { GvcError } from '../../../errors.js';
import type { SyntheticOptions } from '../config.js';
import type { Rand } from '../random.js';
import { isDown, type CityVars } from '../variables.js';

/** A generator assertion failed (exit status 3). */
export class GeneratorError extends GvcError {}

export const ETA = [0.9, 1.1] as const;
export const NU_HALF_WIDTH = 0.75;

export interface Planted {
  /** [period] -> n×n s and z. */
  s: Float64Array[];
  z: Float64Array[];
  /** τ annualised target transfer, [period] -> n×n. */
  tau: Float64Array[];
  maxAbsS: number;
}

export function plantEffects(v: CityVars, o: SyntheticOptions, rand: Rand): Planted {
  const n = v.n;
  const s = [new Float64Array(n * n), new Float64Array(n * n)];
  const z = [new Float64Array(n * n), new Float64Array(n * n)];
  const tau = [new Float64Array(n * n), new Float64Array(n * n)];
  const edl = [v.controls[0].edl, v.controls[1].edl];
  const dbl = (p: number, q: number): number => v.hsr[p][q] * v.info[p][q];
  let maxAbsS = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const q = i * n + j;
      const nu = rand.uniform(-NU_HALF_WIDTH, NU_HALF_WIDTH);
      const down = isDown(v.dev, v.codes, i, j);
      const bH = down ? o.betaHsr.down : o.betaHsr.up;
      const bI = down ? o.betaInfo.down : o.betaInfo.up;
      const b3 = o.effects === 'paper-like' && down && v.dist[q] >= 2000 ? o.betaDouble : 0;
      const hBar = (v.hsr[0][q] + v.hsr[1][q]) / 2;
      const iBar = (v.info[0][q] + v.info[1][q]) / 2;
      const dBar = (dbl(0, q) + dbl(1, q)) / 2;
      const eiBar = (edl[0][i] + edl[1][i]) / 2;
      const ejBar = (edl[0][j] + edl[1][j]) / 2;
      for (let p = 0; p < 2; p++) {
        let sv = nu + ETA[p] + bH * (v.hsr[p][q] - hBar) + bI * (v.info[p][q] - iBar) + 0.1 * (edl[p][i] - eiBar) - 0.1 * (edl[p][j] - ejBar);
        if (b3 !== 0) sv += b3 * (dbl(p, q) - dBar);
        const zv = sv + (o.noise > 0 ? rand.uniform(-o.noise, o.noise) : 0);
        s[p][q] = sv;
        z[p][q] = zv;
        tau[p][q] = Math.sign(zv) * Math.expm1(Math.abs(zv));
        if (Math.abs(sv) > maxAbsS) maxAbsS = Math.abs(sv);
      }
    }
  }
  if (o.noise > 0 && maxAbsS >= o.noise) {
    throw new GeneratorError(`synthetic generator: max|s| = ${maxAbsS} is not below the noise half-width a = ${o.noise} (the LPM targets need |s| < a); raise --noise or lower the betas.`);
  }
  return { s, z, tau, maxAbsS };
}
