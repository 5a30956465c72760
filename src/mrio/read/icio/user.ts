/**
 * The "user" table format of the Stata icio command (Belotti, Borin and Mancini; `icio_load,
 * iciotable(user, userpath(dir) tablename(table.csv) countrylistname(countries.csv))`). Per the icio
 * help file:
 *   - the table .csv holds only one numeric matrix of dimension (G*N) x (G*N + G*U): the G*N columns of
 *     intermediate use, then U final uses for each of the G countries; no labels, no totals (no output,
 *     no value-added rows);
 *   - the country list .csv holds only a G x 1 vector of country names, in the table's order.
 * Assumed here (the help file does not say): comma separators (semicolon or tab also accepted), no
 * header line, country-major order with the same sectors in every country, final uses grouped by
 * country (country 1's U uses, then country 2's). N is (rows / G); U is (columns - G*N) / G. Sectors are
 * named s1..sN and uses U1..UU ("FD" when U = 1) unless names are given. Output is rowSums(Z) + rowSums(Y)
 * and value added x - colSums(Z), as icio does.
 */
import { InputError } from '../../../errors.js';
import { matrix } from '../../../linalg/index.js';
import { buildTable } from '../../build.js';
import type { MrioTable } from '../../table.js';
import { guessSeparator, parseGrid } from '../numbers.js';

export interface IcioUserOptions {
  source?: string;
  countryListSource?: string;
  year?: number;
  sectors?: string[];
  fdCategories?: string[];
}

export function parseCountryList(text: string, src: string): string[] {
  const out = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.split(/[,;\t]/)[0].trim().replace(/^"(.*)"$/, '$1').trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  out.forEach((c, i) => {
    if (c === '') throw new InputError(`${src}: row ${i + 1} is empty (one country name per row expected).`);
  });
  if (out.length === 0) throw new InputError(`${src}: the country list is empty.`);
  return out;
}

export function parseIcioUser(table: Uint8Array, countryList: string, opts: IcioUserOptions = {}): MrioTable {
  const src = opts.source ?? 'icio user table';
  const countries = parseCountryList(countryList, opts.countryListSource ?? `${src} country list`);
  const G = countries.length;
  const grid = parseGrid(table, { sep: guessSeparator(table), source: src });
  const GN = grid.rows;
  if (GN % G !== 0) throw new InputError(`${src}: ${GN} rows is not a multiple of the ${G} countries in the country list.`);
  const N = GN / G;
  const rest = grid.cols - GN;
  if (rest <= 0 || rest % G !== 0) {
    throw new InputError(`${src}: ${grid.cols} columns; expected ${GN} intermediate-use columns plus a multiple of ${G} final-use columns.`);
  }
  const U = rest / G;
  const sectors = opts.sectors ?? Array.from({ length: N }, (_, i) => `s${i + 1}`);
  if (sectors.length !== N) throw new InputError(`${src}: ${sectors.length} sector names given but the table has ${N} sectors per country.`);
  const cats = opts.fdCategories ?? (U === 1 ? ['FD'] : Array.from({ length: U }, (_, i) => `U${i + 1}`));
  if (cats.length !== U) throw new InputError(`${src}: ${cats.length} final-use names given but the table has ${U} uses per country.`);
  const W = grid.cols;
  const Z = matrix(GN, GN);
  const Y = matrix(GN, G * U);
  for (let i = 0; i < GN; i++) {
    Z.data.set(grid.data.subarray(i * W, i * W + GN), i * GN);
    Y.data.set(grid.data.subarray(i * W + GN, (i + 1) * W), i * G * U);
  }
  return buildTable({ countries, sectors, fdCategories: cats, Z, Y, year: opts.year, source: `${src} (icio user format)` });
}
