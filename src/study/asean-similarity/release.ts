/**
 * The input files of one ASEAN-study run (spec 5.2, 5.3, 5.5 `--data DIR`): BACI trade files (one per year,
 * `BACI_HS{rev}_Y{year}_V{version}.csv[.gz]`, or one multi-year CSV), the companion tables
 * `country_codes_V{version}.csv` and `product_codes_HS{rev}_V{version}.csv`, and `covariates.csv`.
 * All trade files and the product table must share one HS revision (error otherwise). Without a country
 * table the built-in ISO 3166 table with BACI's exceptions is used.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../../errors.js';
import { baciRevisionFromName } from '../../io/baci.js';
import { builtinCountryTable, parseCountryTable, type CountryTable } from '../../io/countries.js';

export interface Release {
  baci: string[];
  countryTable?: string;
  productTable?: string;
  covariates?: string;
  /** HS revision shared by the files ("HS02"), when the names carry one. */
  revision?: string;
}

const COUNTRY = /^country_codes.*\.csv(\.gz)?$/i;
const PRODUCT = /^product_codes.*\.csv(\.gz)?$/i;
const COVARIATES = /^covariates.*\.csv(\.gz)?$/i;

/** Classify the files of a directory (or an explicit file list). */
export function findRelease(paths: readonly string[]): Release {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new InputError(`${p}: no such file or directory.`);
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) if (/\.csv(\.gz)?$/i.test(f)) files.push(join(p, f));
    } else files.push(p);
  }
  const rel: Release = { baci: [] };
  for (const f of files) {
    const b = basename(f);
    if (COUNTRY.test(b)) rel.countryTable = pickOne(rel.countryTable, f, 'country table');
    else if (PRODUCT.test(b)) rel.productTable = pickOne(rel.productTable, f, 'product table');
    else if (COVARIATES.test(b)) rel.covariates = pickOne(rel.covariates, f, 'covariates file');
    else rel.baci.push(f);
  }
  if (rel.baci.length === 0) throw new InputError(`${paths.join(', ')}: no BACI trade file (BACI_HS02_Y<year>_V<version>.csv[.gz]) found.`);
  const revs = new Map<string, string>();
  for (const f of [...rel.baci, ...(rel.productTable ? [rel.productTable] : [])]) {
    const r = baciRevisionFromName(f);
    if (r) revs.set(r, f);
  }
  if (revs.size > 1) {
    throw new InputError(`the inputs mix HS revisions: ${[...revs].map(([r, f]) => `${r} (${basename(f)})`).join(', ')}; use one revision.`);
  }
  rel.revision = revs.size ? [...revs.keys()][0] : undefined;
  return rel;
}

function pickOne(prev: string | undefined, f: string, what: string): string {
  if (prev) throw new InputError(`two ${what}s among the inputs: ${basename(prev)} and ${basename(f)}; keep one.`);
  return f;
}

/** The release's country table, or the built-in one. */
export function countryTable(rel: Release, readText: (p: string) => string): { table: CountryTable; from: string } {
  if (rel.countryTable) return { table: parseCountryTable(readText(rel.countryTable), rel.countryTable), from: rel.countryTable };
  return { table: builtinCountryTable(), from: 'built-in ISO 3166 table with BACI exceptions' };
}

/** Check the product table (columns code, description; codes of at most 6 digits); returns its size. */
export function checkProductTable(text: string, source: string): number {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const ci = head.indexOf('code');
  if (ci < 0 || head.indexOf('description') < 0) throw new InputError(`${source}: the header lacks columns code, description.`);
  for (let r = 1; r < lines.length; r++) {
    const code = (lines[r].split(',')[ci] ?? '').trim().replace(/^"|"$/g, '');
    if (!/^\d{1,6}$/.test(code)) throw new InputError(`${source}: row ${r + 1}, field "code" is not an HS code ("${code}").`);
  }
  return lines.length - 1;
}
