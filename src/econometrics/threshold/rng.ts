/**
 * A small seedable pseudo-random number generator: xoshiro128** (Blackman and Vigna 2018)
 * whose 128-bit state is filled by splitmix32 from a numeric seed. Deterministic across
 * platforms (pure 32-bit integer arithmetic); not for cryptography.
 *
 * @example
 *   const r = rng(1);
 *   r.next();   // uniform in [0, 1)
 *   r.int(10);  // integer in 0..9
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
  let a: number, b: number, c: number, d: number;
  [a, st] = splitmix32(st);
  [b, st] = splitmix32(st);
  [c, st] = splitmix32(st);
  [d, st] = splitmix32(st);
  if ((a | b | c | d) === 0) a = 1;

  function u32(): number {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  }
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

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
