/**
 * Read the numbers of a CEADs-style block worksheet with a resolved layout (layout.ts, detect.ts) into flat
 * arrays, region-major (r = c·N + s), converted to 10,000 yuan with the layout's factor:
 *   Z (nN × nN), Y (nN × n·5: RURAL, URBAN, GOV, GFCF, INVEN per destination region), exp, other, go,
 *   im (competitive-import column, when present), imp and va (bottom rows summed, when present).
 * Every data row must carry its block's region label and the sector labels of the first block, in order.
 * Empty cells and the dash placeholders '-', '—', '–' are 0; any other text in a number cell is an
 * InputError naming the sheet cell, its row and the field (the column's meaning).
 */
import { InputError } from '../../../errors.js';
import type { Cell } from '../wiod/wiot.js';
import { colName } from '../wiod/wiot.js';
import { cellText } from './detect.js';
import { FD_KEYS, type BlockLayout, type FdKey } from './layout.js';

export interface BlockTable {
  regions: string[];
  sectorLabels: string[];
  N: number;
  Z: Float64Array;
  Y: Float64Array;
  exp: Float64Array;
  other: Float64Array;
  go: Float64Array;
  im?: Float64Array;
  imp?: Float64Array;
  va?: Float64Array;
  unit: string;
  factor: number;
}

const DASH = new Set(['-', '—', '–', '--']);

export function readBlocks(cells: Cell[][], L: BlockLayout, src: string): BlockTable {
  const { n, N, row0, col0, factor } = L;
  const nN = n * N;
  const K = FD_KEYS.length;
  const regions: string[] = [];
  for (let c = 0; c < n; c++) regions.push(cellText(cells[row0 + c * N]?.[L.cityCol]));
  const sectorLabels = Array.from({ length: N }, (_, s) => (L.sectorCol >= 0 ? cellText(cells[row0 + s]?.[L.sectorCol]) : ''));
  const field = (j: number): string => {
    if (j < col0 + nN) return `Z column ${regions[Math.floor((j - col0) / N)]}.${sectorLabels[(j - col0) % N] || (j - col0) % N + 1}`;
    const k = L.fd.length;
    if (j < col0 + nN + n * k) return `final use ${regions[Math.floor((j - col0 - nN) / k)]}.${L.fd[(j - col0 - nN) % k]}`;
    return Object.entries(L.trail).find(([, v]) => v === j)?.[0] ?? 'value';
  };
  const num = (r: number, j: number): number => {
    const c = cells[r]?.[j];
    if (c === null || c === undefined) return 0;
    if (typeof c === 'number') return c * factor;
    const t = c.trim().replace(/,/g, '');
    if (t === '' || DASH.has(t)) return 0;
    const v = Number(t);
    if (!Number.isFinite(v)) throw new InputError(`${src}: cell ${colName(j)}${r + 1} (row ${r + 1}, field ${field(j)}): '${c.slice(0, 40)}' is not a number.`);
    return v * factor;
  };
  const Z = new Float64Array(nN * nN);
  const Y = new Float64Array(nN * n * K);
  const exp = new Float64Array(nN);
  const other = new Float64Array(nN);
  const go = new Float64Array(nN);
  const im = L.trail.IM !== undefined ? new Float64Array(nN) : undefined;
  const k = L.fd.length;
  const slot = L.fd.map((f) => (f === 'SKIP' ? -1 : FD_KEYS.indexOf(f as FdKey)));
  for (let r = 0; r < nN; r++) {
    const row = row0 + r;
    const c = Math.floor(r / N);
    if (cellText(cells[row]?.[L.cityCol]) !== regions[c]) throw new InputError(`${src}: cell ${colName(L.cityCol)}${row + 1}: city label '${cellText(cells[row]?.[L.cityCol])}' inside the block of '${regions[c]}' (each city needs ${N} sector rows).`);
    if (L.sectorCol >= 0 && cellText(cells[row]?.[L.sectorCol]) !== sectorLabels[r % N]) {
      throw new InputError(`${src}: cell ${colName(L.sectorCol)}${row + 1}: sector label '${cellText(cells[row]?.[L.sectorCol])}' where the first block has '${sectorLabels[r % N]}' (every city must list the same sectors in the same order).`);
    }
    const zo = r * nN;
    for (let q = 0; q < nN; q++) Z[zo + q] = num(row, col0 + q);
    const yo = r * n * K;
    for (let d = 0; d < n; d++) {
      for (let m = 0; m < k; m++) if (slot[m] >= 0) Y[yo + d * K + slot[m]] = num(row, col0 + nN + d * k + m);
    }
    if (L.trail.EXP !== undefined) exp[r] = num(row, L.trail.EXP);
    if (L.trail.OTHER !== undefined) other[r] = num(row, L.trail.OTHER);
    go[r] = num(row, L.trail.GO as number);
    if (im) im[r] = num(row, L.trail.IM as number);
  }
  const bottom = (rows: number[]): Float64Array | undefined => {
    if (!rows.length) return undefined;
    const v = new Float64Array(nN);
    for (const row of rows) for (let q = 0; q < nN; q++) v[q] += num(row, col0 + q);
    return v;
  };
  return { regions, sectorLabels, N, Z, Y, exp, other, go, im, imp: bottom(L.impRows), va: bottom(L.vaRows), unit: L.unit, factor };
}
