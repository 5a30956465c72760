/**
 * Poisson family helpers (log link): deviance and (pseudo) log-likelihood, with prior weights p_i.
 *
 *   deviance D = 2 sum_i p_i [ y_i log(y_i/mu_i) - (y_i - mu_i) ]     (the y log y term is 0 when y = 0)
 *   log L      =   sum_i p_i [ y_i log(mu_i) - mu_i - log Gamma(y_i + 1) ]
 * Both are defined for non-integer y >= 0 (pseudo-likelihood, as PPML uses them).
 */
import { logGamma } from './dist.js';

export function poissonDeviance(y: Float64Array, mu: Float64Array, eta: Float64Array, w?: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const t = yi > 0 ? yi * (Math.log(yi) - eta[i]) - (yi - mu[i]) : mu[i];
    d += w ? w[i] * t : t;
  }
  d *= 2;
  return d < 0 ? 0 : d;
}

export function poissonLogLik(y: Float64Array, mu: Float64Array, eta: Float64Array, w?: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const t = yi > 0 ? yi * eta[i] - mu[i] - logGamma(yi + 1) : -mu[i];
    s += w ? w[i] * t : t;
  }
  return s;
}

/** Log-likelihood and deviance of the constant-only model (mu = weighted mean of y). */
export function poissonNull(y: Float64Array, w?: Float64Array): { logLik: number; deviance: number; mu: number } {
  let sw = 0;
  let sy = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    sy += wi * y[i];
  }
  const m = sy / sw;
  const mu = new Float64Array(y.length).fill(m);
  const eta = new Float64Array(y.length).fill(Math.log(m));
  return { logLik: poissonLogLik(y, mu, eta, w), deviance: poissonDeviance(y, mu, eta, w), mu: m };
}
