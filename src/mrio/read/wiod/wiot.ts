/**
 * The WIOD Excel layout family: WIOD 2013 release (wiot_YYYY, 35 sectors c1..c35, final use c37..c42),
 * WIOD 2016 release (56 sectors c1..c56, final use CONS_h, CONS_np, CONS_g, GFCF, INVEN = c57..c61,
 * GO = c62) and ADB MRIO (35 sectors, final demand F1..F5, ToT), all of the shape
 *
 *           A (code)  B (description)  C (country)  D (row code)  E ...
 *   header rows: industry codes / descriptions / country codes / column codes (c1.., c37.., F1..)
 *   data rows:   one per country-sector (C = country, D = c1..cN), then the bottom block
 *                (r60 total intermediate use, taxes less subsidies, cif/fob adjustments, direct
 *                purchases, value added, international transport margins, r69 output)
 *
 * Pure: works on a 2-D array of cell values (see src/node/xlsx.ts for reading the workbook).
 * Data begin at the first row whose column C and D hold labels and E holds a number. Sectors are the
 * column-D codes (c1, c2, ...). Final-demand categories are the industry-code row's labels when it
 * has them (WIOD 2016: CONS_h ...), WIOD 2013's c37..c42 are named CONS_h, CONS_np, CONS_g, GFCF,
 * INVEN, and otherwise the column codes (ADB: F1..F5). The column after final demand without a
 * country (GO, c62, ToT, or blank in WIOD 2013) is output x. Bottom rows other than total intermediate
 * use (r60, II_fob) and output (r69, GO) are value-added components: kept in vaDetail, summed into va.
 * Blank cells (or a lone space, as in ADB files) are 0; text in a number cell is an error naming
 * the sheet cell.
 */
import { InputError } from '../../../errors.js';
import { matrix } from '../../../linalg/index.js';
import { buildTable } from '../../build.js';
import type { MrioTable } from '../../table.js';
import { countrySectorLayout } from '../layout.js';

export type Cell = string | number | null | undefined;

export interface WiotOptions {
  source?: string;
  year?: number;
  unit?: string;
}

const WIOD13_FD: Record<string, string> = { c37: 'CONS_h', c38: 'CONS_np', c39: 'CONS_g', c41: 'GFCF', c42: 'INVEN' };
const TOTAL_COL_CODES = new Set(['C62', 'GO', 'TOT', 'TOTAL', 'OUTPUT']);
const SKIP_ROW_CODES = new Set(['R60', 'II_FOB', 'TOT']);
const OUTPUT_ROW_CODES = new Set(['R69', 'GO']);

/** Spreadsheet column letters of 0-based column j (0 -> A). */
export function colName(j: number): string {
  let s = '';
  let n = j + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function str(c: Cell): string {
  if (c === null || c === undefined) return '';
  return String(c).trim();
}

export function parseWiotSheet(cells: Cell[][], opts: WiotOptions = {}): MrioTable {
  const src = opts.source ?? 'WIOT';
  const at = (r: number, j: number) => `${src}: cell ${colName(j)}${r + 1}`;
  const num = (r: number, j: number): number => {
    const c = cells[r]?.[j];
    if (c === null || c === undefined) return 0;
    if (typeof c === 'number') return c;
    const s = c.trim();
    if (s === '') return 0;
    const v = Number(s);
    if (Number.isNaN(v)) throw new InputError(`${at(r, j)} (row ${r + 1}, column ${colName(j)}) is not a number ("${s.slice(0, 40)}").`);
    return v;
  };
  const C0 = 4;
  let R = -1;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] ?? [];
    const e = row[C0];
    const numericE = typeof e === 'number' || (typeof e === 'string' && e.trim() === '' && row.slice(C0 + 1).some((c) => typeof c === 'number'));
    if (str(row[2]) !== '' && str(row[3]) !== '' && numericE) {
      R = r;
      break;
    }
  }
  if (R < 0) throw new InputError(`${src}: no data row found (expected country codes in column C, row codes in column D and numbers from column E).`);
  // header rows: the country row and the column-code row above the data
  const firstCountry = str(cells[R][2]);
  const firstCode = str(cells[R][3]);
  let codeRow = -1;
  let countryRow = -1;
  for (let r = R - 1; r >= 0; r--) {
    const v = str(cells[r]?.[C0]);
    if (codeRow < 0 && v === firstCode) codeRow = r;
    else if (countryRow < 0 && v === firstCountry) countryRow = r;
  }
  if (codeRow < 0 || countryRow < 0) {
    throw new InputError(`${src}: the header rows above row ${R + 1} do not name column E as country "${firstCountry}" and code "${firstCode}".`);
  }
  const industryRow = countryRow >= 2 ? countryRow - 2 : -1;
  // country-sector rows
  const pairs: Array<[string, string]> = [];
  let r = R;
  for (; r < cells.length; r++) {
    const c = str(cells[r]?.[2]);
    const d = str(cells[r]?.[3]);
    if (c === '' || d === '' || SKIP_ROW_CODES.has(c.toUpperCase()) || /^r\d+$/i.test(d)) break;
    pairs.push([c, d]);
  }
  const { countries, sectors } = countrySectorLayout(pairs, src, 'row', R + 1);
  const G = countries.length;
  const N = sectors.length;
  const GN = G * N;
  const cIdx = new Map(countries.map((c, i) => [c, i]));
  const sIdx = new Map(sectors.map((s, i) => [s, i]));
  // columns
  const width = Math.max(...cells.slice(countryRow, R + GN).map((row) => (row ? row.length : 0)));
  const zCol = new Int32Array(width).fill(-1);
  const fdCol: Array<[number, string] | undefined> = [];
  let xCol = -1;
  const cats: string[] = [];
  const zSeen = new Set<number>();
  for (let j = C0; j < width; j++) {
    const cty = str(cells[countryRow]?.[j]);
    const code = str(cells[codeRow]?.[j]);
    if (cty === '' && code === '') {
      // blank header: output column when the column has data (WIOD 2013 layout), else ignore
      let has = false;
      for (let q = R; q < R + GN && !has; q++) has = str(cells[q]?.[j]) !== '';
      if (has) {
        if (xCol >= 0) throw new InputError(`${src}: column ${colName(j)} has no header but column ${colName(xCol)} was already taken as output.`);
        xCol = j;
      }
      continue;
    }
    const ci = cIdx.get(cty);
    const si = sIdx.get(code);
    if (ci !== undefined && si !== undefined) {
      const t = ci * N + si;
      if (zSeen.has(t)) throw new InputError(`${src}: column ${colName(j)} (${cty} ${code}) is duplicated.`);
      zSeen.add(t);
      zCol[j] = t;
    } else if (ci !== undefined) {
      const ind = industryRow >= 0 ? str(cells[industryRow]?.[j]) : '';
      const cat = WIOD13_FD[code.toLowerCase()] ?? (ind !== '' && !/\s/.test(ind) ? ind : code);
      if (!cats.includes(cat)) cats.push(cat);
      fdCol[j] = [ci, cat];
    } else if (TOTAL_COL_CODES.has(code.toUpperCase()) || TOTAL_COL_CODES.has(cty.toUpperCase()) || cty === '') {
      if (xCol >= 0) throw new InputError(`${src}: columns ${colName(xCol)} and ${colName(j)} both look like total output.`);
      xCol = j;
    } else {
      throw new InputError(`${src}: column ${colName(j)} names country "${cty}", which has no rows.`);
    }
  }
  if (zSeen.size !== GN) throw new InputError(`${src}: ${zSeen.size} intermediate-use columns but ${G} countries x ${N} sectors need ${GN}.`);
  const K = cats.length;
  if (K === 0) throw new InputError(`${src}: no final-demand columns were found after the intermediate-use block.`);
  const kIdx = new Map(cats.map((c, i) => [c, i]));
  const Z = matrix(GN, GN);
  const Y = matrix(GN, G * K);
  const x = xCol >= 0 ? new Float64Array(GN) : undefined;
  const fdSeen = new Set<number>();
  for (let j = C0; j < width; j++) {
    const f = fdCol[j];
    if (!f) continue;
    const t = f[0] * K + kIdx.get(f[1])!;
    if (fdSeen.has(t)) throw new InputError(`${src}: column ${colName(j)} repeats final-demand category "${f[1]}" of ${countries[f[0]]}.`);
    fdSeen.add(t);
  }
  for (let i = 0; i < GN; i++) {
    const rr = R + i;
    for (let j = C0; j < width; j++) {
      if (zCol[j] >= 0) Z.data[i * GN + zCol[j]] = num(rr, j);
      else if (fdCol[j]) Y.data[i * G * K + fdCol[j]![0] * K + kIdx.get(fdCol[j]![1])!] = num(rr, j);
      else if (j === xCol) x![i] = num(rr, j);
    }
  }
  // bottom block
  const vaLabels: string[] = [];
  const vaRows: Float64Array[] = [];
  for (let q = R + GN; q < cells.length; q++) {
    const row = cells[q];
    if (!row) continue;
    const code = str(row[3]);
    const label = str(row[1]) || code || str(row[0]);
    let hasData = false;
    for (let j = C0; j < width && !hasData; j++) if (zCol[j] >= 0 && str(row[j]) !== '') hasData = true;
    if (!hasData) continue;
    const ucode = code.toUpperCase();
    const ulab = label.toLowerCase();
    if (ucode === 'R60' || ucode === 'II_FOB' || str(row[0]).toUpperCase() === 'II_FOB' || ulab.startsWith('total intermediate')) continue;
    if (OUTPUT_ROW_CODES.has(ucode) || OUTPUT_ROW_CODES.has(str(row[0]).toUpperCase()) || ulab.startsWith('output at') || ulab === 'total output' || ulab === 'total input') continue;
    const v = new Float64Array(GN);
    for (let j = C0; j < width; j++) if (zCol[j] >= 0) v[zCol[j]] = num(q, j);
    if (vaLabels.includes(label)) throw new InputError(`${src}: row ${q + 1}: value-added row "${label}" is duplicated.`);
    vaLabels.push(label);
    vaRows.push(v);
  }
  let va: Float64Array | undefined;
  let vaDetail;
  if (vaRows.length > 0) {
    va = new Float64Array(GN);
    const m = matrix(vaRows.length, GN);
    vaRows.forEach((v, i) => {
      m.data.set(v, i * GN);
      for (let k = 0; k < GN; k++) va![k] += v[k];
    });
    vaDetail = { labels: vaLabels, values: m };
  }
  return buildTable({
    countries,
    sectors,
    fdCategories: cats,
    Z,
    Y,
    x,
    va,
    year: opts.year,
    source: src,
    unit: opts.unit ?? 'million USD',
    vaDetail,
  });
}
