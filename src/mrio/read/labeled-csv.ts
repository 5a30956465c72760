/**
 * Reader of the generic labeled wide CSV (the layout of ../shared/data/wiod2013 and leather.csv):
 *   country,sector,CTY.s1,...,CTY.sN (Z block), CTY.CAT,... (final demand by category), GO (optional)
 * one row per supplying country-sector in country-major order. Optional rows whose country is "VA"
 * (or sector "VA") give value added by column. Empty cells are 0; anything non-numeric is an error
 * naming the file, row and field.
 */
import { InputError } from '../../errors.js';
import { matrix } from '../../linalg/index.js';
import { buildTable } from '../build.js';
import type { MrioTable } from '../table.js';
import { parseCell, splitFields, splitLines } from '../csv.js';

export interface ReadOptions {
  /** Name used in error messages (usually the file path). */
  source?: string;
  year?: number;
}

const OUTPUT_COLS = new Set(['GO', 'X', 'OUTPUT', 'TOTAL', 'GROSS_OUTPUT']);
const VA_ROWS = new Set(['VA', 'VALUE_ADDED']);

function splitLabel(h: string): [string, string] | undefined {
  const k = h.indexOf('.');
  if (k <= 0 || k === h.length - 1) return undefined;
  return [h.slice(0, k), h.slice(k + 1)];
}

export function parseLabeledCsv(text: string, opts: ReadOptions = {}): MrioTable {
  const src = opts.source ?? 'table';
  const lines = splitLines(text);
  if (lines.length < 2) throw new InputError(`${src}: the file has no data rows.`);
  const header = splitFields(lines[0]).map((s) => s.trim());
  if (header.length < 3) throw new InputError(`${src}: the header has ${header.length} fields; expected country, sector and data columns.`);

  // rows: country-sector labels (VA rows set aside)
  const rowCountry: string[] = [];
  const rowSector: string[] = [];
  const rowCells: string[][] = [];
  const rowLine: number[] = [];
  let vaCells: string[] | undefined;
  let vaLine = 0;
  for (let li = 1; li < lines.length; li++) {
    if (lines[li].trim() === '') continue;
    const f = splitFields(lines[li]);
    if (f.length !== header.length) {
      throw new InputError(`${src}: row ${li + 1} has ${f.length} fields but the header has ${header.length} (truncated or malformed line).`);
    }
    const c = f[0].trim();
    const s = f[1].trim();
    if (VA_ROWS.has(c.toUpperCase()) || VA_ROWS.has(s.toUpperCase())) {
      vaCells = f;
      vaLine = li + 1;
      continue;
    }
    rowCountry.push(c);
    rowSector.push(s);
    rowCells.push(f);
    rowLine.push(li + 1);
  }
  const countries: string[] = [];
  rowCountry.forEach((c, r) => {
    if (countries[countries.length - 1] === c) return;
    if (countries.includes(c)) throw new InputError(`${src}: row ${rowLine[r]}: rows of country "${c}" are not contiguous (country-major order expected).`);
    countries.push(c);
  });
  const sectors = rowSector.slice(0, rowCountry.filter((c) => c === countries[0]).length);
  const firstRow = new Map<string, number>();
  sectors.forEach((s, r) => {
    if (firstRow.has(s)) throw new InputError(`${src}: row ${rowLine[r]}: sector "${s}" of country "${countries[0]}" is duplicated (first on row ${firstRow.get(s)}).`);
    firstRow.set(s, rowLine[r]);
  });
  const G = countries.length;
  const N = sectors.length;
  const GN = G * N;
  if (rowCells.length !== GN) {
    throw new InputError(`${src}: ${rowCells.length} data rows but ${G} countries x ${N} sectors need ${GN}; every country must list the same sectors.`);
  }
  for (let r = 0; r < GN; r++) {
    const want = sectors[r % N];
    if (rowSector[r] !== want) {
      throw new InputError(`${src}: row ${rowLine[r]} has sector "${rowSector[r]}" where "${want}" was expected (same sector order for every country).`);
    }
  }
  const cIdx = new Map(countries.map((c, i) => [c, i]));
  const sIdx = new Map(sectors.map((s, i) => [s, i]));

  // columns: Z, final demand, output
  const zCol = new Int32Array(header.length).fill(-1);
  const fdCol: Array<[number, string] | undefined> = new Array(header.length);
  let goCol = -1;
  const cats: string[] = [];
  let zCount = 0;
  for (let j = 2; j < header.length; j++) {
    const h = header[j];
    if (OUTPUT_COLS.has(h.toUpperCase())) {
      goCol = j;
      continue;
    }
    const parts = splitLabel(h);
    if (!parts) throw new InputError(`${src}: column ${j + 1} "${h}" is neither COUNTRY.CODE nor GO.`);
    const ci = cIdx.get(parts[0]);
    if (ci === undefined) throw new InputError(`${src}: column ${j + 1} "${h}" names country "${parts[0]}", which has no rows.`);
    const si = sIdx.get(parts[1]);
    if (si !== undefined) {
      const target = ci * N + si;
      if (zCol.includes(target)) throw new InputError(`${src}: column ${j + 1} "${h}" is duplicated.`);
      zCol[j] = target;
      zCount++;
    } else {
      if (!cats.includes(parts[1])) cats.push(parts[1]);
      fdCol[j] = [ci, parts[1]];
    }
  }
  if (zCount !== GN) throw new InputError(`${src}: the header has ${zCount} intermediate-use columns but ${GN} are needed (one per country-sector).`);
  const K = Math.max(cats.length, 1);
  if (cats.length === 0) cats.push('FD');
  const catIdx = new Map(cats.map((c, i) => [c, i]));

  const Z = matrix(GN, GN);
  const Y = matrix(GN, G * K);
  const x = goCol >= 0 ? new Float64Array(GN) : undefined;
  const cell = (f: string[], j: number, line: number): number => {
    const v = parseCell(f[j]);
    if (Number.isNaN(v)) throw new InputError(`${src}: row ${line}, field "${header[j]}" is not a number ("${f[j]}").`);
    return v;
  };
  for (let r = 0; r < GN; r++) {
    const f = rowCells[r];
    const line = rowLine[r];
    const zo = r * GN;
    const yo = r * G * K;
    for (let j = 2; j < header.length; j++) {
      const zc = zCol[j];
      if (zc >= 0) Z.data[zo + zc] = cell(f, j, line);
      else if (j === goCol) x![r] = cell(f, j, line);
      else {
        const fd = fdCol[j]!;
        Y.data[yo + fd[0] * K + catIdx.get(fd[1])!] += cell(f, j, line);
      }
    }
  }
  let va: Float64Array | undefined;
  if (vaCells) {
    va = new Float64Array(GN);
    for (let j = 2; j < header.length; j++) if (zCol[j] >= 0) va[zCol[j]] = cell(vaCells, j, vaLine);
  }
  return buildTable({ countries, sectors, fdCategories: cats, Z, Y, x, va, year: opts.year, source: src });
}
