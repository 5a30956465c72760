/**
 * EXIOBASE 3 text layout (a folder or zip such as IOT_2011_pxp): tab-separated files with multi-row
 * headers, as described by their file_parameters.json:
 *   A.txt   line 1 "region" + region per column, line 2 "sector" + sector per column, (optionally) a
 *           line of index names "region<TAB>sector", then one line per region-sector: 2 label fields
 *           and the technical coefficients of its row
 *   Y.txt   the same, with line 2 "category" and final-demand categories per column
 *   satellite/F.txt  stressors x region-sector (1 label field); satellite/unit.txt stressor -> unit
 *   unit.txt         region, sector, unit (monetary unit, e.g. "M.EUR")
 * Output is x = (I - A)^-1 y with y the row sums of Y (linalg().solve), intermediate use Z = A diag(x)
 * and value added va = x - colSums(Z) (derived by buildTable). Satellite rows keep labels and units.
 */
import { InputError } from '../../../errors.js';
import { linalg, matrix } from '../../../linalg/index.js';
import { buildTable } from '../../build.js';
import type { LabeledRows, MrioTable } from '../../table.js';
import { countrySectorLayout, sameLayout } from '../layout.js';
import { parseLabeledGrid, labelRows, type LabeledGrid } from '../numbers.js';

export interface Exio3Files {
  A: Uint8Array;
  Y: Uint8Array;
  F?: Uint8Array;
  /** satellite/unit.txt (stressor, unit). */
  satUnit?: string;
  /** unit.txt (region, sector, unit). */
  unit?: string;
  names?: { A?: string; Y?: string; F?: string };
}

export interface Exio3Options {
  source?: string;
  year?: number;
}

/** Count the header lines at the top of an EXIOBASE text file (lines that are not label+numbers). */
function headerLineCount(b: Uint8Array, labelFields: number): number {
  const text = new TextDecoder().decode(b.subarray(0, Math.min(b.length, 1 << 20)));
  const lines = text.split('\n').slice(0, 10);
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i].replace(/\r$/, '').split('\t');
    const first = f[0].trim().toLowerCase();
    if (['region', 'sector', 'category', 'stressor', 'compartment', 'unit', 'impact'].includes(first)) continue;
    const rest = f.slice(labelFields).filter((s) => s.trim() !== '');
    if (rest.length > 0 && rest.every((s) => !Number.isNaN(Number(s)))) return i;
  }
  return 2;
}

function readBlock(b: Uint8Array, labelFields: number, src: string): LabeledGrid {
  const h = headerLineCount(b, labelFields);
  const g = parseLabeledGrid(b, { sep: 9, headerLines: h, labelFields, source: src });
  if (g.header.length < 2) throw new InputError(`${src}: expected two header lines (regions, then sectors or categories).`);
  const want = g.header[0].length - labelFields;
  if (g.cols !== want) throw new InputError(`${src}: the header names ${want} columns but the data rows have ${g.cols} values.`);
  return g;
}

export function parseExiobase3(f: Exio3Files, opts: Exio3Options = {}): MrioTable {
  const src = opts.source ?? 'EXIOBASE 3';
  const nA = f.names?.A ?? `${src} A.txt`;
  const nY = f.names?.Y ?? `${src} Y.txt`;
  const gA = readBlock(f.A, 2, nA);
  const rows = countrySectorLayout(gA.rowLabels.map((l) => [l[0], l[1]] as const), nA, 'line', gA.rowLine[0] ?? 1);
  const cols = countrySectorLayout(
    gA.header[0].slice(2).map((c, j) => [c.trim(), (gA.header[1][j + 2] ?? '').trim()] as const),
    nA,
    'column',
    3,
  );
  sameLayout(rows, cols, nA);
  const { countries, sectors } = rows;
  const G = countries.length;
  const GN = gA.rows;
  if (gA.cols !== GN) throw new InputError(`${nA}: A has ${GN} rows but ${gA.cols} columns; it must be square.`);
  const gY = readBlock(f.Y, 2, nY);
  if (gY.rows !== GN) throw new InputError(`${nY}: ${gY.rows} rows but A has ${GN} (truncated file?).`);
  gY.rowLabels.forEach((l, i) => {
    if (l[0] !== gA.rowLabels[i][0] || l[1] !== gA.rowLabels[i][1]) {
      throw new InputError(`${nY}: line ${gY.rowLine[i]} is "${l[0]} ${l[1]}" where A.txt has "${gA.rowLabels[i][0]} ${gA.rowLabels[i][1]}".`);
    }
  });
  const yc = gY.header[0].slice(2).map((c) => c.trim());
  const yk = gY.header[1].slice(2).map((c) => c.trim());
  const cats: string[] = [];
  for (let j = 0; j < yc.length; j++) if (yc[j] === countries[0] && !cats.includes(yk[j])) cats.push(yk[j]);
  const K = cats.length;
  const cIdx = new Map(countries.map((c, i) => [c, i]));
  const kIdx = new Map(cats.map((c, i) => [c, i]));
  const target = new Int32Array(yc.length);
  const seen = new Set<number>();
  for (let j = 0; j < yc.length; j++) {
    const ci = cIdx.get(yc[j]);
    const ki = kIdx.get(yk[j]);
    if (ci === undefined) throw new InputError(`${nY}: column ${j + 3} names region "${yc[j]}", which has no rows.`);
    if (ki === undefined) throw new InputError(`${nY}: column ${j + 3}: category "${yk[j]}" of region "${yc[j]}" is not one of ${countries[0]}'s categories.`);
    const t = ci * K + ki;
    if (seen.has(t)) throw new InputError(`${nY}: column ${j + 3}: category "${yk[j]}" of region "${yc[j]}" is duplicated.`);
    seen.add(t);
    target[j] = t;
  }
  if (seen.size !== G * K) throw new InputError(`${nY}: ${seen.size} final-demand columns but ${G} regions x ${K} categories need ${G * K}.`);
  const Y = matrix(GN, G * K);
  const y = matrix(GN, 1);
  for (let i = 0; i < GN; i++) {
    for (let j = 0; j < yc.length; j++) {
      const v = gY.data[i * yc.length + j];
      Y.data[i * G * K + target[j]] = v;
      y.data[i] += v;
    }
  }
  // x = (I - A)^-1 y ; Z = A diag(x)
  const IA = matrix(GN, GN);
  for (let k = 0; k < GN * GN; k++) IA.data[k] = -gA.data[k];
  for (let i = 0; i < GN; i++) IA.data[i * GN + i] += 1;
  const x = linalg().solve(IA, y).data;
  const Z = IA; // reuse the storage
  for (let i = 0; i < GN; i++) {
    const o = i * GN;
    for (let j = 0; j < GN; j++) Z.data[o + j] = gA.data[o + j] * x[j];
  }
  let satellite: LabeledRows | undefined;
  if (f.F) {
    const nF = f.names?.F ?? `${src} satellite/F.txt`;
    const gF = readBlock(f.F, 1, nF);
    const fc = countrySectorLayout(gF.header[0].slice(1).map((c, j) => [c.trim(), (gF.header[1][j + 1] ?? '').trim()] as const), nF, 'column', 2);
    sameLayout(rows, fc, nF);
    const units = new Map<string, string>();
    if (f.satUnit) for (const r of labelRows(f.satUnit).slice(1)) units.set(r[0], r[r.length - 1]);
    const labels = gF.rowLabels.map((l) => l[0]);
    const dup = labels.findIndex((l, i) => labels.indexOf(l) !== i);
    if (dup >= 0) throw new InputError(`${nF}: line ${gF.rowLine[dup]}: stressor "${labels[dup]}" is duplicated.`);
    satellite = { labels, values: matrix(gF.rows, GN, gF.data), units: labels.map((l) => units.get(l) ?? '') };
  }
  let unit: string | undefined;
  if (f.unit) {
    const u = labelRows(f.unit).slice(1).map((r) => r[r.length - 1]);
    if (u.length > 0 && u.every((v) => v === u[0])) unit = u[0];
  }
  return buildTable({
    countries,
    sectors,
    fdCategories: cats,
    Z,
    Y,
    x: Float64Array.from(x),
    year: opts.year,
    source: `${src} (EXIOBASE 3; x = (I-A)^-1 y, Z = A diag(x))`,
    unit,
    satellite,
  });
}
