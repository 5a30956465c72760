/**
 * External data of the bri-symbiosis study: distances (CEPII extract shipped in data/), China's FTAs
 * (data/fta_china.csv) and the optional covariates CSV (WGI, WDI, Hofstede, labour force, oil price).
 * Text in, plain maps out; file reading stays at the Node edge (the `read` callback).
 */
import { InputError } from '../../errors.js';
import { splitFields, splitLines } from '../../mrio/csv.js';
import { normalizeCountry } from './config.js';

export interface CsvRows {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string, src: string): CsvRows {
  const lines = splitLines(text);
  if (lines.length === 0) throw new InputError(`${src}: the file is empty.`);
  const header = splitFields(lines[0]).map((h) => h.trim());
  const rows = lines.slice(1).filter((l) => l.trim() !== '').map((l, k) => {
    const f = splitFields(l).map((s) => s.trim());
    if (f.length !== header.length) throw new InputError(`${src}: row ${k + 2} has ${f.length} fields, the header has ${header.length}.`);
    return f;
  });
  return { header, rows };
}

function col(c: CsvRows, name: string, src: string): number {
  const k = c.header.indexOf(name);
  if (k < 0) throw new InputError(`${src}: column "${name}" is missing (columns: ${c.header.join(', ')}).`);
  return k;
}

export interface Distance {
  distcap: number;
  /** 'cepii' or 'computed' (great-circle, country absent from CEPII). */
  flag: string;
}

/** China-to-country capital distances (km). */
export function parseDistances(text: string, src: string): Map<string, Distance> {
  const c = parseCsv(text, src);
  const ci = col(c, 'country', src);
  const di = col(c, 'distcap_km', src);
  const fi = col(c, 'flag', src);
  const out = new Map<string, Distance>();
  for (const r of c.rows) out.set(normalizeCountry(r[ci]), { distcap: Number(r[di]), flag: r[fi] });
  return out;
}

/** Contiguous pairs as a symmetric neighbour map. */
export function parseContig(text: string, src: string): Map<string, string[]> {
  const c = parseCsv(text, src);
  const a = col(c, 'country1', src);
  const b = col(c, 'country2', src);
  const out = new Map<string, string[]>();
  const add = (p: string, q: string) => out.set(p, [...(out.get(p) ?? []), q]);
  for (const r of c.rows) {
    add(normalizeCountry(r[a]), normalizeCountry(r[b]));
    add(normalizeCountry(r[b]), normalizeCountry(r[a]));
  }
  return out;
}

export interface FtaRow {
  partner: string;
  agreement: string;
  type: string;
  strictFrom: number | null;
  broadFrom: number | null;
  confidence: string;
}

export function parseFta(text: string, src: string): FtaRow[] {
  const c = parseCsv(text, src);
  const k = (n: string) => col(c, n, src);
  const yr = (s: string) => (s === '' || s === '-' ? null : Number(s));
  return c.rows.map((r) => ({
    partner: normalizeCountry(r[k('partner')]),
    agreement: r[k('agreement')],
    type: r[k('type')],
    strictFrom: yr(r[k('fta_strict_from')]),
    broadFrom: yr(r[k('fta_broad_from')]),
    confidence: r[k('confidence')],
  }));
}

/** FTA[r, t] = 1 when an agreement of the chosen definition is in force (>= 6 months) in year t. */
export function ftaDummy(rows: readonly FtaRow[], partner: string, year: number, def: 'strict' | 'broad'): number {
  for (const r of rows) {
    if (r.partner !== partner) continue;
    const from = def === 'strict' ? r.strictFrom : r.broadFrom;
    if (from !== null && year >= from) return 1;
  }
  return 0;
}
