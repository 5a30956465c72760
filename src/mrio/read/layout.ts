/**
 * Shared checks of the country-major layout: every reader turns its row labels into (country, sector)
 * pairs and this module checks that they form G contiguous country blocks with the same N sectors in
 * the same order, with no duplicates, naming the offending row when they do not.
 */
import { InputError } from '../../errors.js';
import { matrix, type Matrix } from '../../linalg/index.js';

export interface CountrySectorLayout {
  countries: string[];
  sectors: string[];
}

/**
 * @param pairs  (country, sector) per row or column, in file order
 * @param what   'row' or 'column' (for messages)
 * @param first  number shown for the first entry (e.g. the file line of the first data row)
 */
export function countrySectorLayout(pairs: ReadonlyArray<readonly [string, string]>, src: string, what = 'row', first = 1): CountrySectorLayout {
  if (pairs.length === 0) throw new InputError(`${src}: there are no country-sector ${what}s.`);
  const countries: string[] = [];
  const seenC = new Set<string>();
  for (let i = 0; i < pairs.length; i++) {
    const [c, s] = pairs[i];
    if (c === '') throw new InputError(`${src}: ${what} ${first + i} has an empty country label.`);
    if (s === '') throw new InputError(`${src}: ${what} ${first + i} has an empty sector label.`);
    if (countries[countries.length - 1] !== c) {
      if (seenC.has(c)) throw new InputError(`${src}: ${what} ${first + i}: country "${c}" appears again after other countries (${what}s must be grouped by country).`);
      seenC.add(c);
      countries.push(c);
    }
  }
  const sectors: string[] = [];
  const seenS = new Set<string>();
  for (let i = 0; i < pairs.length && pairs[i][0] === countries[0]; i++) {
    const s = pairs[i][1];
    if (seenS.has(s)) throw new InputError(`${src}: ${what} ${first + i}: sector "${s}" of country "${countries[0]}" is duplicated.`);
    seenS.add(s);
    sectors.push(s);
  }
  const N = sectors.length;
  if (pairs.length !== countries.length * N) {
    throw new InputError(`${src}: ${pairs.length} country-sector ${what}s but ${countries.length} countries x ${N} sectors need ${countries.length * N}; every country must list the same sectors.`);
  }
  for (let i = 0; i < pairs.length; i++) {
    const want = sectors[i % N];
    if (pairs[i][1] !== want) {
      const dup = pairs.slice(Math.floor(i / N) * N, i).some((p) => p[1] === pairs[i][1]);
      throw new InputError(
        dup
          ? `${src}: ${what} ${first + i}: sector "${pairs[i][1]}" of country "${pairs[i][0]}" is duplicated.`
          : `${src}: ${what} ${first + i}: sector "${pairs[i][1]}" of country "${pairs[i][0]}" where "${want}" was expected (same sectors in the same order for every country).`,
      );
    }
  }
  return { countries, sectors };
}

/** Check that a column layout equals the row layout (same countries and sectors in the same order). */
export function sameLayout(rows: CountrySectorLayout, cols: CountrySectorLayout, src: string): void {
  const a = rows.countries.join('\u0000');
  const b = cols.countries.join('\u0000');
  if (a !== b) throw new InputError(`${src}: the column countries (${cols.countries.join(', ')}) differ from the row countries (${rows.countries.join(', ')}).`);
  if (rows.sectors.join('\u0000') !== cols.sectors.join('\u0000')) {
    const k = rows.sectors.findIndex((s, i) => cols.sectors[i] !== s);
    throw new InputError(`${src}: column sector ${k + 1} is "${cols.sectors[k]}" but row sector ${k + 1} is "${rows.sectors[k]}".`);
  }
}

/** Copy the sub-block of a row-major grid (rows r0.., cols c0..) into a new matrix. */
export function subMatrix(data: Float64Array, stride: number, r0: number, c0: number, nr: number, nc: number): Matrix {
  const m = matrix(nr, nc);
  for (let i = 0; i < nr; i++) m.data.set(data.subarray((r0 + i) * stride + c0, (r0 + i) * stride + c0 + nc), i * nc);
  return m;
}

/** Pull the unit out of a label like "CO2 emissions (kg)" -> "kg". */
export function unitInParens(label: string): string | undefined {
  const m = label.match(/\(([^()]*)\)\s*$/);
  return m ? m[1] : undefined;
}
