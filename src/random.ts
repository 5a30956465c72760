/**
 * Seeded pseudo-random numbers for the whole project: xoshiro128** (Blackman and Vigna 2018) whose 128-bit
 * state is filled by four splitmix32 steps, plus normal draws; and mulberry32, the tiny generator that
 * synthetic inputs, benchmarks and test fixtures use. Deterministic across platforms (pure 32-bit integer
 * arithmetic); not for cryptography.
 *
 * Two seedings of xoshiro128** keep the streams that existing outputs were built on:
 *  - rng(seed): any finite number; integers are taken modulo 2^32 and their higher bits folded in,
 *    non-integers are folded with seedFrom (threshold models, mediation bootstrap);
 *  - uniform32(seed): the seed modulo 2^32, one 32-bit draw per uniform (the demo MRIO, the city-transfer
 *    synthetic MRIO).
 * For a seed in [0, 2^32) both run the same xoshiro128** state sequence.
 *
 * @example
 *   const r = rng(1);
 *   r.next();   // uniform in [0, 1) with 53 random bits
 *   r.int(10);  // integer in 0..9
 *   r.normal(); // standard normal
 */

export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Uniform integer in 0..n-1 (n >= 1), unbiased. */
  int(n: number): number;
  /** Standard normal draw (Box-Muller, no caching so the stream stays simple). */
  normal(): number;
  /** Raw 32-bit unsigned output. */
  u32(): number;
}

/** One splitmix32 step: returns [output, nextState]. */
function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return [z >>> 0, s];
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The raw 32-bit xoshiro128** stream whose state is four splitmix32 outputs from the 32-bit word `seed32`. */
function xoshiro128ss(seed32: number): () => number {
  let st = seed32 | 0;
  let a: number, b: number, c: number, d: number;
  [a, st] = splitmix32(st);
  [b, st] = splitmix32(st);
  [c, st] = splitmix32(st);
  [d, st] = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

/** Fold an arbitrary finite number (or several) into a 32-bit seed. */
export function seedFrom(...parts: number[]): number {
  let h = 0x243f6a88;
  for (const p of parts) {
    const lo = (p >>> 0) ^ 0;
    const hi = Math.floor(p / 4294967296) | 0;
    let [a, s] = splitmix32(h ^ lo);
    [a] = splitmix32(s ^ hi ^ a);
    h = a;
  }
  return h >>> 0;
}

/** A xoshiro128** generator seeded from `seed` (any finite number; non-integers are folded in too). */
export function rng(seed: number): Rng {
  let st = Number.isInteger(seed) ? seed | 0 : seedFrom(Math.floor(seed), Math.round((seed % 1) * 1e9));
  st ^= Math.floor(seed / 4294967296) | 0;
  const u32 = xoshiro128ss(st);
  function next(): number {
    const hi = u32() >>> 5; // 27 bits
    const lo = u32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  function int(n: number): number {
    if (!(n >= 1)) throw new RangeError(`rng.int needs n >= 1, got ${n}.`);
    if (n <= 0x100000000) {
      // rejection sampling on 32 bits
      const lim = Math.floor(0x100000000 / n) * n;
      for (;;) {
        const v = u32();
        if (v < lim) return v % n;
      }
    }
    return Math.floor(next() * n);
  }
  function normal(): number {
    let u = next();
    while (u <= 0) u = next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  return { next, int, normal, u32 };
}

/** Uniforms in [0, 1) with 32 random bits each: xoshiro128** seeded with seed mod 2^32. */
export function uniform32(seed: number): () => number {
  const u32 = xoshiro128ss(seed >>> 0);
  return () => u32() / 4294967296;
}

/** mulberry32 (Tommy Ettinger): uniforms in [0, 1) with 32 bits from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
