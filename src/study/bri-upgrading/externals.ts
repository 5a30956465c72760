/**
 * External inputs of the bri-upgrading study (spec 5), parsed strictly: an unknown country code, a duplicate
 * key or a non-numeric cell is an InputError naming the file, the row (1-based, header = row 1) and the field.
 * A blank cell is missing (NaN). Codes are ISO3; ROU and ROM are the same country (stored as ROM).
 *
 *   covariates  country, year, tariff_wm, tert_enrol, rd_gdp [, gfcf_gdp, gdppc_growth]   (percent, WDI)
 *   ofdi        origin, host, year, ofdi_stock_usd        (current USD; an absent triple is a zero stock)
 *   hosts       host, year, gfcf_usd, rde_usd             (current USD; R&D in constant USD)
 */
import { InputError } from '../../errors.js';
import { splitFields, splitLines } from '../../mrio/csv.js';
import { isKnownCountry, normalizeCountry } from './config.js';

/** year -> value (NaN = blank cell). */
export type Series = Map<number, number>;
/** key (country, or origin|host) -> series. */
export type SeriesSet = Map<string, Series>;

export const COVARIATE_FIELDS = ['tariff_wm', 'tert_enrol', 'rd_gdp', 'gfcf_gdp', 'gdppc_growth'] as const;
export type CovariateField = (typeof COVARIATE_FIELDS)[number];
const REQUIRED_COV: CovariateField[] = ['tariff_wm', 'tert_enrol', 'rd_gdp'];

export interface Covariates {
  source: string;
  /** Fields present in the header (gfcf_gdp and gdppc_growth are optional). */
  fields: CovariateField[];
  data: Record<CovariateField, SeriesSet>;
}

export interface OfdiData {
  source: string;
  /** origin|host -> year -> stock (NaN = blank). */
  stocks: SeriesSet;
  /** Negative stocks set to 0. */
  negatives: number;
}

export interface HostData {
  source: string;
  gfcf: SeriesSet;
  rde: SeriesSet;
}

interface Csv {
  header: string[];
  rows: string[][];
}

function readCsv(text: string, src: string, required: readonly string[]): Csv {
  const lines = splitLines(text).filter((l) => l.trim() !== '');
  if (!lines.length) throw new InputError(`${src}: the file is empty.`);
  const header = splitFields(lines[0]).map((h) => h.trim().toLowerCase());
  for (const r of required) if (!header.includes(r)) throw new InputError(`${src}: column "${r}" is missing (header: ${header.join(', ')}).`);
  const rows = lines.slice(1).map((l, k) => {
    const f = splitFields(l).map((s) => s.trim());
    if (f.length !== header.length) throw new InputError(`${src}: row ${k + 2} has ${f.length} fields, the header has ${header.length}.`);
    return f;
  });
  return { header, rows };
}

function code(s: string, src: string, row: number, field: string): string {
  const c = normalizeCountry(s);
  if (!isKnownCountry(c)) throw new InputError(`${src}: row ${row}, field "${field}": unknown country code "${s}".`);
  return c;
}

function year(s: string, src: string, row: number): number {
  const y = Number(s);
  if (s === '' || !Number.isInteger(y) || y < 1900 || y > 2100) throw new InputError(`${src}: row ${row}, field "year": "${s}" is not a year.`);
  return y;
}

function value(s: string, src: string, row: number, field: string): number {
  if (s === '') return NaN;
  const x = Number(s);
  if (!Number.isFinite(x)) throw new InputError(`${src}: row ${row}, field "${field}": "${s}" is not a number.`);
  return x;
}

function put(set: SeriesSet, key: string, y: number, v: number): void {
  let s = set.get(key);
  if (!s) set.set(key, (s = new Map()));
  s.set(y, v);
}

export function parseCovariates(text: string, src: string): Covariates {
  const c = readCsv(text, src, ['country', 'year', ...REQUIRED_COV]);
  const fields = COVARIATE_FIELDS.filter((f) => c.header.includes(f));
  const data = Object.fromEntries(COVARIATE_FIELDS.map((f) => [f, new Map()])) as Record<CovariateField, SeriesSet>;
  const seen = new Set<string>();
  const ci = c.header.indexOf('country');
  const yi = c.header.indexOf('year');
  c.rows.forEach((r, k) => {
    const row = k + 2;
    const cty = code(r[ci], src, row, 'country');
    const y = year(r[yi], src, row);
    const key = `${cty}|${y}`;
    if (seen.has(key)) throw new InputError(`${src}: row ${row}: duplicate key (country ${cty}, year ${y}).`);
    seen.add(key);
    for (const f of fields) put(data[f], cty, y, value(r[c.header.indexOf(f)], src, row, f));
  });
  return { source: src, fields, data };
}

export function parseOfdi(text: string, src: string): OfdiData {
  const c = readCsv(text, src, ['origin', 'host', 'year', 'ofdi_stock_usd']);
  const [oi, hi, yi, vi] = ['origin', 'host', 'year', 'ofdi_stock_usd'].map((h) => c.header.indexOf(h));
  const stocks: SeriesSet = new Map();
  const seen = new Set<string>();
  let negatives = 0;
  c.rows.forEach((r, k) => {
    const row = k + 2;
    const o = code(r[oi], src, row, 'origin');
    const h = code(r[hi], src, row, 'host');
    const y = year(r[yi], src, row);
    const key = `${o}|${h}|${y}`;
    if (seen.has(key)) throw new InputError(`${src}: row ${row}: duplicate key (origin ${o}, host ${h}, year ${y}).`);
    seen.add(key);
    let v = value(r[vi], src, row, 'ofdi_stock_usd');
    if (v < 0) {
      negatives++;
      v = 0;
    }
    put(stocks, `${o}|${h}`, y, v);
  });
  return { source: src, stocks, negatives };
}

export function parseHosts(text: string, src: string): HostData {
  const c = readCsv(text, src, ['host', 'year', 'gfcf_usd', 'rde_usd']);
  const [hi, yi, gi, ri] = ['host', 'year', 'gfcf_usd', 'rde_usd'].map((h) => c.header.indexOf(h));
  const gfcf: SeriesSet = new Map();
  const rde: SeriesSet = new Map();
  const seen = new Set<string>();
  c.rows.forEach((r, k) => {
    const row = k + 2;
    const h = code(r[hi], src, row, 'host');
    const y = year(r[yi], src, row);
    const key = `${h}|${y}`;
    if (seen.has(key)) throw new InputError(`${src}: row ${row}: duplicate key (host ${h}, year ${y}).`);
    seen.add(key);
    put(gfcf, h, y, value(r[gi], src, row, 'gfcf_usd'));
    put(rde, h, y, value(r[ri], src, row, 'rde_usd'));
  });
  return { source: src, gfcf, rde };
}
