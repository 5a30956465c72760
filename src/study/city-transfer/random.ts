/**
 * Random draws for the synthetic city MRIO (§5.3) on the project's own PRNG (xoshiro128**, src/random.ts uniform32):
 *   U(a, b) = a + (b − a)·u;   N(m, sd) by Box–Muller (both variates used);
 *   LN(med, σ) = med · exp(σ · N(0, 1));   Gamma(α) by Marsaglia–Tsang (α < 1 via Gamma(α + 1)·u^(1/α));
 *   Dirichlet(α) = Gamma draws normalised;  sample k of n without replacement by partial Fisher–Yates.
 * The same seed gives the same stream on one platform.
 */
import { uniform32 } from '../../random.js';

export class Rand {
  private readonly u: () => number;
  private spare: number | undefined;

  constructor(seed: number) {
    this.u = uniform32(seed);
  }

  /** u ∈ (0, 1): zero is redrawn so that logs are finite. */
  next(): number {
    let v = this.u();
    while (v === 0) v = this.u();
    return v;
  }

  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /** Integer uniform on lo..hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.min(hi - lo, Math.floor(this.next() * (hi - lo + 1)));
  }

  normal(m = 0, sd = 1): number {
    if (this.spare !== undefined) {
      const z = this.spare;
      this.spare = undefined;
      return m + sd * z;
    }
    const r = Math.sqrt(-2 * Math.log(this.next()));
    const th = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(th);
    return m + sd * r * Math.cos(th);
  }

  lognormal(med: number, sigma: number): number {
    return med * Math.exp(sigma * this.normal());
  }

  gamma(alpha: number): number {
    if (alpha < 1) return this.gamma(alpha + 1) * Math.pow(this.next(), 1 / alpha);
    const d = alpha - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  dirichlet(alpha: number, k: number): Float64Array {
    const g = new Float64Array(k);
    let s = 0;
    for (let i = 0; i < k; i++) {
      g[i] = this.gamma(alpha);
      s += g[i];
    }
    for (let i = 0; i < k; i++) g[i] /= s;
    return g;
  }

  /** k distinct indices of 0..n−1, drawn uniformly without replacement, returned ascending. */
  sample(n: number, k: number): number[] {
    const idx = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + Math.min(n - i - 1, Math.floor(this.next() * (n - i)));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, k).sort((a, b) => a - b);
  }
}
