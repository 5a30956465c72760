/**
 * Build a validated MrioTable from raw blocks: dimensions and labels are checked, value added and output
 * derived when absent, and problems (zero or negative output, balance residuals) reported as diagnostics.
 */
import { InputError } from '../errors.js';
import { colSums, rowSums, type Matrix } from '../linalg/index.js';
import type { LabeledRows, MrioTable } from './table.js';

export interface MrioInput {
  countries: string[];
  sectors: string[];
  fdCategories: string[];
  Z: Matrix;
  Y: Matrix;
  va?: Float64Array;
  x?: Float64Array;
  year?: number;
  source?: string;
  unit?: string;
  vaDetail?: LabeledRows;
  satellite?: LabeledRows;
}

function checkUnique(labels: string[], what: string, source: string): void {
  const seen = new Map<string, number>();
  labels.forEach((l, i) => {
    if (l === '') throw new InputError(`${source}: ${what} ${i + 1} has an empty label.`);
    const prev = seen.get(l);
    if (prev !== undefined) throw new InputError(`${source}: ${what} "${l}" appears twice (positions ${prev + 1} and ${i + 1}).`);
    seen.set(l, i);
  });
}

/** Create the table; throws InputError naming the source and field when blocks do not conform. */
export function buildTable(input: MrioInput): MrioTable {
  const src = input.source ?? 'table';
  const G = input.countries.length;
  const N = input.sectors.length;
  const K = input.fdCategories.length;
  const GN = G * N;
  if (G === 0 || N === 0) throw new InputError(`${src}: the table has no countries or no sectors.`);
  checkUnique(input.countries, 'country', src);
  checkUnique(input.sectors, 'sector', src);
  checkUnique(input.fdCategories, 'final demand category', src);
  if (input.Z.rows !== GN || input.Z.cols !== GN) {
    throw new InputError(`${src}: Z is ${input.Z.rows}x${input.Z.cols} but ${G} countries x ${N} sectors need ${GN}x${GN}.`);
  }
  if (input.Y.rows !== GN || input.Y.cols !== G * K) {
    throw new InputError(`${src}: final demand is ${input.Y.rows}x${input.Y.cols} but needs ${GN}x${G * K} (${G} countries x ${K} categories).`);
  }
  const fin = (arr: Float64Array, what: string) => {
    for (let i = 0; i < arr.length; i++) {
      if (!Number.isFinite(arr[i])) throw new InputError(`${src}: ${what} has a non-finite value at position ${i + 1}.`);
    }
  };
  fin(input.Z.data, 'Z');
  fin(input.Y.data, 'final demand');
  const x = input.x ?? (() => {
    const rz = rowSums(input.Z);
    const ry = rowSums(input.Y);
    return rz.map((v, i) => v + ry[i]);
  })();
  if (x.length !== GN) throw new InputError(`${src}: output has ${x.length} values, expected ${GN}.`);
  fin(x, 'output');
  const va = input.va ?? (() => {
    const cs = colSums(input.Z);
    return x.map((v, i) => v - cs[i]);
  })();
  if (va.length !== GN) throw new InputError(`${src}: value added has ${va.length} values, expected ${GN}.`);
  fin(va, 'value added');
  return {
    countries: input.countries.slice(),
    sectors: input.sectors.slice(),
    fdCategories: input.fdCategories.slice(),
    Z: input.Z,
    Y: input.Y,
    va,
    x,
    year: input.year,
    source: input.source,
    unit: input.unit,
    vaDetail: input.vaDetail,
    satellite: input.satellite,
  };
}
