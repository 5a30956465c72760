/**
 * Balanced-panel bookkeeping for the threshold model: put observations in unit-major order
 * (time ascending within unit), check balance, and the within transformations.
 */
import { InputError } from '../../errors.js';

export interface BalancedPanel {
  /** Number of units. */
  n: number;
  /** Number of periods. */
  T: number;
  /** Observations n * T. Panel observation k = i * T + t. */
  N: number;
  /** order[k] = row of the input holding unit i, period t (k = i * T + t). */
  order: Int32Array;
  /** Unit labels in panel order. */
  units: string[];
  /** Period labels in ascending order. */
  times: Array<string | number>;
}

type Key = string | number;

function sortKeys(keys: Key[]): Key[] {
  const allNum = keys.every((k) => typeof k === 'number');
  return allNum ? (keys as number[]).slice().sort((a, b) => a - b) : keys.map(String).sort();
}

/**
 * Arrange rows into a balanced panel. Throws InputError naming the first unit (in sorted order)
 * that misses a period, or the first duplicated unit-period.
 */
export function balancePanel(id: ArrayLike<Key>, time: ArrayLike<Key>, idName = 'id', timeName = 'time'): BalancedPanel {
  const rows = id.length;
  if (time.length !== rows) throw new InputError(`'${idName}' has ${rows} rows but '${timeName}' has ${time.length}.`);
  const unitIdx = new Map<Key, number>();
  const timeIdx = new Map<Key, number>();
  const unitKeys: Key[] = [];
  const timeKeys: Key[] = [];
  for (let r = 0; r < rows; r++) {
    const u = id[r];
    const t = time[r];
    if (u === '' || (typeof u === 'number' && Number.isNaN(u))) throw new InputError(`row ${r + 1}: '${idName}' is missing.`);
    if (t === '' || (typeof t === 'number' && Number.isNaN(t))) throw new InputError(`row ${r + 1}: '${timeName}' is missing.`);
    if (!unitIdx.has(u)) {
      unitIdx.set(u, -1);
      unitKeys.push(u);
    }
    if (!timeIdx.has(t)) {
      timeIdx.set(t, -1);
      timeKeys.push(t);
    }
  }
  const us = sortKeys(unitKeys);
  const ts = sortKeys(timeKeys);
  // map back with original key types
  const uPos = new Map<string, number>();
  us.forEach((k, i) => uPos.set(String(k), i));
  const tPos = new Map<string, number>();
  ts.forEach((k, i) => tPos.set(String(k), i));
  const n = us.length;
  const T = ts.length;
  const order = new Int32Array(n * T).fill(-1);
  for (let r = 0; r < rows; r++) {
    const i = uPos.get(String(id[r])) as number;
    const t = tPos.get(String(time[r])) as number;
    const k = i * T + t;
    if (order[k] !== -1) {
      throw new InputError(`${idName} ${us[i]} has two rows for ${timeName} ${ts[t]} (rows ${order[k] + 1} and ${r + 1}).`);
    }
    order[k] = r;
  }
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < T; t++) {
      if (order[i * T + t] === -1) {
        throw new InputError(
          `the threshold model needs a balanced panel: ${idName} ${us[i]} has no row for ${timeName} ${ts[t]} (${n} units x ${T} periods expected).`,
        );
      }
    }
  }
  return { n, T, N: n * T, order, units: us.map(String), times: ts };
}

/** Values of `v` in panel order. */
export function toPanelOrder(v: ArrayLike<number>, p: BalancedPanel): Float64Array {
  const out = new Float64Array(p.N);
  for (let k = 0; k < p.N; k++) out[k] = v[p.order[k]];
  return out;
}

export type Effects = 'unit' | 'twoway';

/**
 * Within transformation of a panel-ordered vector (k = i * T + t): subtract unit means
 * ('unit'), or unit and period means and add back the grand mean ('twoway', balanced panel).
 */
export function within(v: Float64Array, n: number, T: number, effects: Effects, out?: Float64Array): Float64Array {
  const N = n * T;
  const o = out ?? new Float64Array(N);
  for (let i = 0; i < n; i++) {
    const base = i * T;
    let s = 0;
    for (let t = 0; t < T; t++) s += v[base + t];
    const m = s / T;
    for (let t = 0; t < T; t++) o[base + t] = v[base + t] - m;
  }
  if (effects === 'twoway') {
    // after removing unit means, the period means of o are (period mean - grand mean) of v
    const tm = new Float64Array(T);
    for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) tm[t] += o[i * T + t];
    for (let t = 0; t < T; t++) tm[t] /= n;
    for (let i = 0; i < n; i++) for (let t = 0; t < T; t++) o[i * T + t] -= tm[t];
  }
  return o;
}
