/**
 * One entry point for every value-added decomposition: `decompose(model, { method, level })`.
 * Options are validated (errors list the valid choices); the result carries named term columns in
 * decompr's row order and column names, integer key columns, and the accounting identities checked
 * on the returned rows (largest residual and where). Tidy rows with labels: ./tidy.ts.
 *
 *   method     levels                         rows (decompr's order)
 *   kww        country | sector | bilateral   country: Country; sector/bilateral: WWZ terms mapped to KWW (wwz2kww)
 *   wwz        bilateral | sector | country   bilateral: exporter-sector major, importer fastest (own rows = 0)
 *   bm         country | sector | bilateral   bilateral: importer major, exporter-sector, own flows dropped;
 *                                             approach 'source' (default, 13 terms) or 'sink' (sector 9 terms,
 *                                             bilateral 10 with VAXIM; at country level sink = source)
 *   leontief   sector | country               source (country-sector) x using (country-sector), FVAX
 */
import { OptionError } from '../errors.js';
import type { IoModel } from '../mrio/model.js';
import { tableBalance, worstCheck, type IdentityCheck } from './identities.js';
import { kww, KWW_TERMS } from './kww.js';
import { wwz, WWZ_TERMS, WWZ_CHECKS, round4 } from './wwz.js';
import { bmBilateral, sumBlocks, BM_TERMS } from './bm.js';
import { bmSinkBilateral, BM_SINK_BILATERAL_TERMS, BM_SINK_SECTOR_TERMS } from './bm-sink.js';
import { leontiefExports } from './leontief.js';
import { identitiesFor, type Totals } from './checks.js';

export const METHODS = ['kww', 'wwz', 'bm', 'leontief'] as const;
export const LEVELS = ['country', 'sector', 'bilateral'] as const;
export type Method = (typeof METHODS)[number];
export type Level = (typeof LEVELS)[number];
export const APPROACHES = ['source', 'sink'] as const;
export type Approach = (typeof APPROACHES)[number];

/** Levels each method supports; the first is its default. */
export const METHOD_LEVELS: Record<Method, readonly Level[]> = {
  kww: ['country', 'sector', 'bilateral'],
  wwz: ['bilateral', 'sector', 'country'],
  bm: ['country', 'sector', 'bilateral'],
  leontief: ['sector', 'country'],
};

export interface DecomposeOptions {
  method: Method;
  level?: Level;
  /** Borin-Mancini only: where value added is recorded (default 'source'). */
  approach?: Approach;
}

export interface KeyColumn {
  /** decompr's column name, e.g. Exporting_Country. */
  name: string;
  kind: 'country' | 'sector';
  /** Index into the table's countries or sectors, one per row. */
  index: Int32Array;
}

export interface DecompResult {
  method: Method;
  level: Level;
  /** 'source' or 'sink' for bm; undefined for the other methods. */
  approach?: Approach;
  countries: string[];
  sectors: string[];
  nrow: number;
  keys: KeyColumn[];
  /** Term names in output order. */
  terms: string[];
  columns: Record<string, Float64Array>;
  /** Accounting identities of the method on the returned rows. */
  identities: IdentityCheck[];
  /** The identity with the largest relative residual. */
  maxResidual: IdentityCheck;
  /** Row balance of the input table (the cause when identities that need it do not close). */
  balance: IdentityCheck;
}

/** Validate method/level, naming the valid choices. */
export function checkOptions(opts: Partial<DecomposeOptions>): { method: Method; level: Level; approach?: Approach } {
  const method = opts.method;
  if (!method || !(METHODS as readonly string[]).includes(method)) {
    throw new OptionError(`unknown decomposition method "${String(method)}"; valid methods: ${METHODS.join(', ')}.`);
  }
  const valid = METHOD_LEVELS[method];
  const level = opts.level ?? valid[0];
  if (!(valid as readonly string[]).includes(level)) {
    throw new OptionError(`method "${method}" has no level "${String(level)}"; valid levels for ${method}: ${valid.join(', ')}.`);
  }
  if (opts.approach !== undefined && method !== 'bm') {
    throw new OptionError(`the approach option applies to method "bm" only (got method "${method}").`);
  }
  if (opts.approach !== undefined && !(APPROACHES as readonly string[]).includes(opts.approach)) {
    throw new OptionError(`unknown approach "${String(opts.approach)}"; valid approaches for bm: ${APPROACHES.join(', ')}.`);
  }
  return method === 'bm' ? { method, level, approach: opts.approach ?? 'source' } : { method, level };
}

/** Row selections of a GN x G (row i*G + r) layout. */
function bilateralRows(m: IoModel, order: 'exporter' | 'importer'): Int32Array {
  const { G, N, GN } = m;
  const rows: number[] = [];
  if (order === 'exporter') for (let o = 0; o < GN * G; o++) rows.push(o);
  else {
    for (let r = 0; r < G; r++) for (let i = 0; i < GN; i++) if (Math.floor(i / N) !== r) rows.push(i * G + r);
  }
  return Int32Array.from(rows);
}

function gather(cols: Record<string, Float64Array>, rows: Int32Array): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [k, v] of Object.entries(cols)) {
    const d = new Float64Array(rows.length);
    for (let n = 0; n < rows.length; n++) d[n] = v[rows[n]];
    out[k] = d;
  }
  return out;
}

function keysFor(m: IoModel, level: Level, rows?: Int32Array): KeyColumn[] {
  const { G, N, GN } = m;
  if (level === 'country') return [{ name: 'Exporting_Country', kind: 'country', index: Int32Array.from({ length: G }, (_, s) => s) }];
  if (level === 'sector') {
    return [
      { name: 'Exporting_Country', kind: 'country', index: Int32Array.from({ length: GN }, (_, i) => Math.floor(i / N)) },
      { name: 'Exporting_Industry', kind: 'sector', index: Int32Array.from({ length: GN }, (_, i) => i % N) },
    ];
  }
  const r = rows!;
  return [
    { name: 'Exporting_Country', kind: 'country', index: r.map((o) => Math.floor(o / G / N)) },
    { name: 'Exporting_Industry', kind: 'sector', index: r.map((o) => Math.floor(o / G) % N) },
    { name: 'Importing_Country', kind: 'country', index: r.map((o) => o % G) },
  ];
}

/** WWZ check columns recomputed after aggregation (decompr's definitions, rounded to 4 decimals). */
function wwzChecks(c: Record<string, Float64Array>): void {
  const n = c.texp.length;
  for (let o = 0; o < n; o++) {
    let all = 0;
    for (const t of WWZ_TERMS) all += c[t][o];
    const fin = c.DVA_FIN[o] + c.OVA_FIN[o] + c.MVA_FIN[o];
    const pct = (d: number, base: number) => (base !== 0 ? round4((d / base) * 100) : 0);
    const d = all - c.texp[o];
    const dfd = fin - c.texpfd[o];
    const dint = all - fin - c.texpint[o];
    c.texpdiff[o] = round4(d);
    c.texpdiffpercent[o] = pct(d, c.texp[o]);
    c.texpfddiff[o] = round4(dfd);
    c.texpfddiffpercent[o] = pct(dfd, c.texpfd[o]);
    c.texpintdiff[o] = round4(dint);
    c.texpintdiffpercent[o] = pct(dint, c.texpint[o]);
  }
}

/** decompr's wwz2kww: the 16 WWZ terms mapped onto the 9 KWW terms. */
function wwzToKww(w: Record<string, Float64Array>): Record<string, Float64Array> {
  const add = (...k: string[]) => {
    const out = new Float64Array(w[k[0]].length);
    for (const name of k) for (let o = 0; o < out.length; o++) out[o] += w[name][o];
    return out;
  };
  return {
    DVA_FIN: add('DVA_FIN'),
    DVA_INT: add('DVA_INT', 'DVA_INTrexI1'),
    DVA_INTrex: add('DVA_INTrexF', 'DVA_INTrexI2'),
    RDV_FIN: add('RDV_FIN', 'RDV_FIN2'),
    RDV_INT: add('RDV_INT'),
    DDC: add('DDC_FIN', 'DDC_INT'),
    FVA_FIN: add('OVA_FIN', 'MVA_FIN'),
    FVA_INT: add('OVA_INT', 'MVA_INT'),
    FDC: add('ODC', 'MDC'),
  };
}

/** Aggregate GN x G columns to the requested level (sums; bilateral keeps all rows). */
function toLevel(m: IoModel, cols: Record<string, Float64Array>, level: Level): Record<string, Float64Array> {
  if (level === 'bilateral') return cols;
  const sec = sumBlocks(cols, m.GN, m.G);
  return level === 'sector' ? sec : sumBlocks(sec, m.G, m.N);
}

/** Run one decomposition. Shared matrices are computed once per model and reused across calls. */
export function decompose(m: IoModel, opts: DecomposeOptions): DecompResult {
  const { method, level, approach } = checkOptions(opts);
  let columns: Record<string, Float64Array>;
  let terms: string[];
  let keys: KeyColumn[];
  const totals: Totals = {};
  if (method === 'leontief') {
    const F = leontiefExports(m).data;
    const { G, N, GN } = m;
    if (level === 'sector') {
      columns = { FVAX: F };
      keys = [
        { name: 'Source_Country', kind: 'country', index: Int32Array.from({ length: GN * GN }, (_, o) => Math.floor(o / GN / N)) },
        { name: 'Source_Industry', kind: 'sector', index: Int32Array.from({ length: GN * GN }, (_, o) => Math.floor(o / GN) % N) },
        { name: 'Using_Country', kind: 'country', index: Int32Array.from({ length: GN * GN }, (_, o) => Math.floor((o % GN) / N)) },
        { name: 'Using_Industry', kind: 'sector', index: Int32Array.from({ length: GN * GN }, (_, o) => o % N) },
      ];
    } else {
      const agg = new Float64Array(G * G);
      for (let s = 0; s < GN; s++) for (let r = 0; r < GN; r++) agg[Math.floor(s / N) * G + Math.floor(r / N)] += F[s * GN + r];
      columns = { FVAX: agg };
      keys = [
        { name: 'Source_Country', kind: 'country', index: Int32Array.from({ length: G * G }, (_, o) => Math.floor(o / G)) },
        { name: 'Using_Country', kind: 'country', index: Int32Array.from({ length: G * G }, (_, o) => o % G) },
      ];
    }
    terms = ['FVAX'];
    totals.exports = level === 'sector' ? m.e : sumBlocks({ e: m.e }, G, N).e;
    const { countries, sectors } = m.table;
    totals.unitLabel = level === 'sector' ? (r) => `${countries[Math.floor(r / N)]} / ${sectors[r % N]}` : (r) => countries[r];
  } else if (method === 'kww' && level === 'country') {
    const k = kww(m);
    columns = { ...k.terms };
    terms = [...KWW_TERMS];
    keys = keysFor(m, 'country');
    keys[0].name = 'Country';
    totals.exports = k.exports;
    totals.FDC_direct = k.FDC_direct;
  } else if (method === 'kww' || method === 'wwz') {
    const w = wwz(m) as Record<string, Float64Array>;
    const rows = level === 'bilateral' ? bilateralRows(m, 'exporter') : undefined;
    if (method === 'kww') {
      const agg = toLevel(m, { ...wwzToKww(w), texp: w.texp }, level);
      totals.exports = agg.texp;
      delete agg.texp;
      columns = rows ? gather(agg, rows) : agg;
      if (rows) totals.exports = gather({ t: totals.exports }, rows).t;
      terms = [...KWW_TERMS];
    } else {
      const agg = toLevel(m, w, level);
      if (level !== 'bilateral') wwzChecks(agg);
      columns = rows ? gather(agg, rows) : agg;
      terms = [...WWZ_TERMS, ...WWZ_CHECKS];
    }
    keys = keysFor(m, level, rows);
  } else {
    const sink = approach === 'sink' && level !== 'country';
    const b = (sink ? bmSinkBilateral(m) : bmBilateral(m)) as Record<string, Float64Array>;
    if (sink && level === 'sector') delete b.VAXIM;
    const rows = level === 'bilateral' ? bilateralRows(m, 'importer') : undefined;
    const agg = toLevel(m, b, level);
    columns = rows ? gather(agg, rows) : agg;
    terms = sink ? [...(level === 'bilateral' ? BM_SINK_BILATERAL_TERMS : BM_SINK_SECTOR_TERMS)] : [...BM_TERMS];
    keys = keysFor(m, level, rows);
  }
  const nrow = columns[terms[0]].length;
  const label = (row: number) =>
    keys.map((k) => (k.kind === 'country' ? m.table.countries : m.table.sectors)[k.index[row]]).join(' / ');
  const identities = identitiesFor(method, columns, totals, label);
  return {
    method,
    level,
    approach,
    countries: m.table.countries,
    sectors: m.table.sectors,
    nrow,
    keys,
    terms,
    columns,
    identities,
    maxResidual: worstCheck(identities),
    balance: tableBalance(m.table),
  };
}
