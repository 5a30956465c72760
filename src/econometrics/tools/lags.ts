/**
 * Panel lags, leads and differences by unit, ordered by time (Stata's L., F., D. operators).
 *
 *   lag(x, id, time, 1)   // x of the same unit at time - 1; NaN when that period is absent (a gap)
 *   lead(x, id, time, 2)  // x at time + 2
 *   diff(x, id, time)     // x - L.x
 *
 * Periods are matched by value, not by row position: with `step` (default 1) a lag of k looks for
 * time - k * step, so a gap (a missing year) yields NaN rather than the previous row. Rows need not
 * be sorted. A duplicated unit-period is an InputError.
 */
import { InputError, OptionError } from '../../errors.js';

type Key = string | number;

function index(id: ArrayLike<Key>, time: ArrayLike<number>): Map<string, number> {
  const n = id.length;
  if (time.length !== n) throw new InputError(`the unit variable has ${n} rows but the time variable has ${time.length}.`);
  const m = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const t = time[r];
    if (!Number.isFinite(t)) continue;
    const key = `${String(id[r])}\u0001${t}`;
    const prev = m.get(key);
    if (prev !== undefined) throw new InputError(`unit ${String(id[r])} has two rows for period ${t} (rows ${prev + 1} and ${r + 1}).`);
    m.set(key, r);
  }
  return m;
}

export interface ShiftOptions {
  /** Spacing of the time variable (default 1): a lag of k means time - k * step. */
  step?: number;
}

/** x shifted by k periods within unit: k > 0 lag, k < 0 lead. */
export function shift(x: ArrayLike<number>, id: ArrayLike<Key>, time: ArrayLike<number>, k: number, opts: ShiftOptions = {}): Float64Array {
  if (!Number.isInteger(k)) throw new OptionError(`the lag order must be an integer, got ${k}.`);
  const step = opts.step ?? 1;
  if (!(step > 0)) throw new OptionError(`step must be positive, got ${step}.`);
  const n = x.length;
  if (id.length !== n) throw new InputError(`the variable has ${n} rows but the unit variable has ${id.length}.`);
  const m = index(id, time);
  const out = new Float64Array(n).fill(NaN);
  for (let r = 0; r < n; r++) {
    const t = time[r];
    if (!Number.isFinite(t)) continue;
    const target = t - k * step;
    // round away floating noise for fractional steps
    const tt = Number.isInteger(step) && Number.isInteger(t) ? target : Number(target.toPrecision(12));
    const src = m.get(`${String(id[r])}\u0001${tt}`);
    if (src !== undefined) out[r] = x[src];
  }
  return out;
}

/** Lag of order k >= 1 (L^k x). */
export function lag(x: ArrayLike<number>, id: ArrayLike<Key>, time: ArrayLike<number>, k = 1, opts: ShiftOptions = {}): Float64Array {
  if (!(k >= 0)) throw new OptionError(`lag order must be >= 0, got ${k}; use lead() for leads.`);
  return shift(x, id, time, k, opts);
}

/** Lead of order k >= 1 (F^k x). */
export function lead(x: ArrayLike<number>, id: ArrayLike<Key>, time: ArrayLike<number>, k = 1, opts: ShiftOptions = {}): Float64Array {
  if (!(k >= 0)) throw new OptionError(`lead order must be >= 0, got ${k}; use lag() for lags.`);
  return shift(x, id, time, -k, opts);
}

/**
 * Differences: `diff(x, id, time, 1)` = x - L.x (Stata D.x); `order` 2 applies it twice (D2.x);
 * `seasonal` k gives x - L^k.x (the k-period difference, Stata S<k>.x).
 */
export function diff(
  x: ArrayLike<number>,
  id: ArrayLike<Key>,
  time: ArrayLike<number>,
  order = 1,
  opts: ShiftOptions & { seasonal?: number } = {},
): Float64Array {
  if (!Number.isInteger(order) || order < 0) throw new OptionError(`difference order must be a non-negative integer, got ${order}.`);
  const k = opts.seasonal ?? 1;
  let cur = Float64Array.from(x as ArrayLike<number>);
  for (let o = 0; o < order; o++) {
    const l = shift(cur, id, time, k, opts);
    const next = new Float64Array(cur.length);
    for (let i = 0; i < cur.length; i++) next[i] = cur[i] - l[i];
    cur = next;
  }
  return cur;
}
