/**
 * Covariates file of eq. (17) (spec 4): header `iso3,year,gdppc,pop[,gdp_growth]`, GDP per capita (constant
 * USD) and population (persons) as levels, logged here (values <= 0 are errors), optional real GDP growth in
 * percent (divided by 100 on reading); a `WLD` row may give the world rate. Unknown ISO3 codes (ROM and ROU
 * are aliases), duplicate keys and non-numeric cells are errors naming the file, row and field.
 */
import { InputError } from '../../errors.js';
import { splitFields, splitLines } from '../../mrio/csv.js';
import { normalizeIso } from './config.js';

export interface CovariateRow {
  lnGdppc: number;
  lnPop: number;
  /** Real growth as a ratio (NaN when absent). */
  growth: number;
}

export interface Covariates {
  /** Key `${iso3}|${year}`; WLD rows included (their gdppc/pop may be empty). */
  rows: Map<string, CovariateRow>;
  hasGrowth: boolean;
  source: string;
}

export const covKey = (iso: string, year: number): string => `${iso}|${year}`;

export function parseCovariates(text: string, source: string, known: readonly string[]): Covariates {
  const lines = splitLines(text).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new InputError(`${source}: no data rows (header iso3,year,gdppc,pop[,gdp_growth] expected).`);
  const header = splitFields(lines[0]).map((h) => h.trim().toLowerCase());
  const want = ['iso3', 'year', 'gdppc', 'pop'];
  for (const [k, w] of want.entries()) {
    if (header[k] !== w) throw new InputError(`${source}: header field ${k + 1} is "${header[k] ?? ''}", expected "${w}" (header iso3,year,gdppc,pop[,gdp_growth]).`);
  }
  const hasGrowth = header[4] === 'gdp_growth';
  if (header.length > (hasGrowth ? 5 : 4)) throw new InputError(`${source}: unexpected header field "${header[hasGrowth ? 5 : 4]}".`);
  const knownSet = new Set([...known.map(normalizeIso), 'WLD']);
  const rows = new Map<string, CovariateRow>();
  for (let li = 1; li < lines.length; li++) {
    const f = splitFields(lines[li]).map((s) => s.trim());
    const at = (field: string) => `${source}: row ${li + 1}, field ${field}`;
    if (f.length !== header.length) throw new InputError(`${source}: row ${li + 1} has ${f.length} fields, the header ${header.length}.`);
    const iso = normalizeIso(f[0]);
    if (!knownSet.has(iso)) throw new InputError(`${at('iso3')}: unknown country "${f[0]}" (not a region of the MRIO, nor WLD).`);
    const year = Number(f[1]);
    if (!Number.isInteger(year)) throw new InputError(`${at('year')}: "${f[1]}" is not a year.`);
    const level = (s: string, field: string): number => {
      if (s === '' && iso === 'WLD') return NaN;
      const v = Number(s);
      if (s === '' || !Number.isFinite(v)) throw new InputError(`${at(field)}: "${s}" is not a number.`);
      if (v <= 0) throw new InputError(`${at(field)}: ${s} <= 0 cannot be logged.`);
      return Math.log(v);
    };
    const lnGdppc = level(f[2], 'gdppc');
    const lnPop = level(f[3], 'pop');
    let growth = NaN;
    if (hasGrowth && f[4] !== '') {
      growth = Number(f[4]);
      if (!Number.isFinite(growth)) throw new InputError(`${at('gdp_growth')}: "${f[4]}" is not a number.`);
      growth /= 100;
    }
    const key = covKey(iso, year);
    if (rows.has(key)) throw new InputError(`${source}: row ${li + 1} repeats ${iso} ${year}.`);
    rows.set(key, { lnGdppc, lnPop, growth });
  }
  return { rows, hasGrowth, source };
}
