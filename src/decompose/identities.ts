/**
 * Accounting identities checked on every decomposition run. Each check compares, row by row, a sum of
 * term columns with a total column and reports the largest residual, absolute and relative, with the
 * row where it occurs. Relative residual = |sum - total| / max(|total|, 1e-9 * max_rows |total|), so
 * rows whose total is (near) zero are judged against the scale of the table rather than divided by 0.
 *
 * Residuals are exact zeros up to rounding (~1e-13) only when the table balances by row
 * (x = Z 1 + Y 1): the WWZ/KWW identities rely on it. When a table does not balance (WIOD lists a
 * published gross output that differs from the row sums) the residual measures that imbalance,
 * which `tableBalance` reports alongside so the cause is visible.
 */
import type { MrioTable } from '../mrio/table.js';

export interface IdentityCheck {
  /** The identity, e.g. "sum of 16 WWZ terms = texp". */
  identity: string;
  maxAbs: number;
  maxRel: number;
  /** Label of the row with the largest relative residual ('' when all are zero). */
  where: string;
}

/** Check sum(plus) - sum(minus) = total on every row; `label(row)` names a row. */
export function checkSum(
  identity: string,
  plus: readonly Float64Array[],
  total: Float64Array,
  label: (row: number) => string,
  minus: readonly Float64Array[] = [],
): IdentityCheck {
  let scale = 0;
  for (let o = 0; o < total.length; o++) scale = Math.max(scale, Math.abs(total[o]));
  const floor = Math.max(1e-9 * scale, Number.MIN_VALUE);
  let maxAbs = 0;
  let maxRel = 0;
  let at = -1;
  for (let o = 0; o < total.length; o++) {
    let s = 0;
    for (const c of plus) s += c[o];
    for (const c of minus) s -= c[o];
    const d = Math.abs(s - total[o]);
    if (!(d <= maxAbs)) maxAbs = d;
    const rel = d / Math.max(Math.abs(total[o]), floor);
    if (!(rel <= maxRel)) {
      maxRel = rel;
      at = o;
    }
  }
  return { identity, maxAbs, maxRel, where: at >= 0 ? label(at) : '' };
}

/** The check with the largest relative residual. */
export function worstCheck(checks: readonly IdentityCheck[]): IdentityCheck {
  let w: IdentityCheck = { identity: 'none', maxAbs: 0, maxRel: 0, where: '' };
  for (const c of checks) if (!(c.maxRel <= w.maxRel)) w = c;
  return w;
}

/** Row balance of the table: x_i = sum_j Z_ij + sum_k Y_ik, relative to x_i. */
export function tableBalance(t: MrioTable): IdentityCheck {
  const GN = t.x.length;
  const cols = t.Y.cols;
  const total = new Float64Array(GN);
  for (let i = 0; i < GN; i++) {
    let s = 0;
    for (let j = 0; j < GN; j++) s += t.Z.data[i * GN + j];
    for (let k = 0; k < cols; k++) s += t.Y.data[i * cols + k];
    total[i] = s;
  }
  const N = t.sectors.length;
  return checkSum('table balance: x = Z 1 + Y 1 (input data, not the method)', [total], t.x, (i) => `${t.countries[Math.floor(i / N)]}.${t.sectors[i % N]}`);
}
