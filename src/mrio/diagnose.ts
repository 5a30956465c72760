/**
 * Diagnostics of a table: zero or negative output sectors, negative value added, and the balance
 * residuals x - (rowSums Z + rowSums Y) (row balance) and x - (colSums Z + va) (column balance).
 * Residuals are reported, never silently fixed.
 */
import { colSums, rowSums } from '../linalg/index.js';
import { rowLabel, type MrioTable } from './table.js';

export interface Residual {
  /** Largest absolute residual and where it is. */
  maxAbs: number;
  at: string;
  /** Largest residual relative to output (sectors with positive output only). */
  maxRel: number;
  atRel: string;
}

export interface Diagnostics {
  zeroOutput: string[];
  negativeOutput: string[];
  negativeValueAdded: string[];
  rowBalance: Residual;
  colBalance: Residual;
}

function residual(t: MrioTable, r: Float64Array): Residual {
  let maxAbs = 0;
  let at = '';
  let maxRel = 0;
  let atRel = '';
  for (let i = 0; i < r.length; i++) {
    const a = Math.abs(r[i]);
    if (a > maxAbs) {
      maxAbs = a;
      at = rowLabel(t, i);
    }
    if (t.x[i] > 0 && a / t.x[i] > maxRel) {
      maxRel = a / t.x[i];
      atRel = rowLabel(t, i);
    }
  }
  return { maxAbs, at, maxRel, atRel };
}

export function diagnose(t: MrioTable): Diagnostics {
  const GN = t.x.length;
  const zeroOutput: string[] = [];
  const negativeOutput: string[] = [];
  const negativeValueAdded: string[] = [];
  for (let i = 0; i < GN; i++) {
    if (t.x[i] === 0) zeroOutput.push(rowLabel(t, i));
    else if (t.x[i] < 0) negativeOutput.push(rowLabel(t, i));
    if (t.va[i] < 0) negativeValueAdded.push(rowLabel(t, i));
  }
  const rz = rowSums(t.Z);
  const ry = rowSums(t.Y);
  const cz = colSums(t.Z);
  const rowRes = new Float64Array(GN);
  const colRes = new Float64Array(GN);
  for (let i = 0; i < GN; i++) {
    rowRes[i] = t.x[i] - rz[i] - ry[i];
    colRes[i] = t.x[i] - cz[i] - t.va[i];
  }
  return {
    zeroOutput,
    negativeOutput,
    negativeValueAdded,
    rowBalance: residual(t, rowRes),
    colBalance: residual(t, colRes),
  };
}
