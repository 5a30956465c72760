/**
 * Missing data rule of the bri-upgrading study (spec 2.2): interior gaps of a yearly series are filled by
 * linear interpolation in the year, never extrapolated. For a missing year t with observed neighbours
 * t0 < t < t1 (nearest observed years on each side):
 *   x[t] = x[t0] + (x[t1] - x[t0]) (t - t0) / (t1 - t0).
 * A year is missing when it is absent from the series or NaN (blank cell); years before the first or after
 * the last observation stay missing.
 */
import type { Series } from './externals.js';

export interface Interpolated {
  /** Observed and interpolated values, every year from the first to the last observation. */
  values: Series;
  /** Years that were filled. */
  filled: Set<number>;
}

export function interpolateSeries(s: Series | undefined): Interpolated {
  const values: Series = new Map();
  const filled = new Set<number>();
  if (!s) return { values, filled };
  const obs = [...s.entries()].filter(([, v]) => Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  for (let k = 0; k < obs.length; k++) {
    const [t0, x0] = obs[k];
    values.set(t0, x0);
    if (k + 1 < obs.length) {
      const [t1, x1] = obs[k + 1];
      for (let t = t0 + 1; t < t1; t++) {
        values.set(t, x0 + ((x1 - x0) * (t - t0)) / (t1 - t0));
        filled.add(t);
      }
    }
  }
  return { values, filled };
}

/** Value at year t (NaN when missing after interpolation). */
export function at(i: Interpolated, t: number): number {
  return i.values.get(t) ?? NaN;
}
