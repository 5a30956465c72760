/**
 * Export similarity index (ESI), Finger and Kreinin (1979), "A measure of 'export similarity' and its
 * possible uses", Economic Journal 89(356):
 *   S(e, k | M) = sum_{m in M} v(e->m, k) / sum_k sum_{m in M} v(e->m, k)      (product shares in market M)
 *   ESI(e, r | M) = sum_k min( S(e, k | M), S(r, k | M) )  in [0, 1]   (x 100 for the original scale)
 * equivalently 1 - 1/2 sum_k |S(e,k) - S(r,k)|. Products are HS codes at 6 digits or aggregated by prefix to
 * 4 or 2 digits before the shares are taken. Modes (asean-similarity spec 2.1): pairwise (third-market
 * comparison of two exporters in a market that contains neither) and reference (exporters against reference
 * exporters, references combined by mean, pooled basket, or one row each). Option excludeMutual drops the
 * flows e -> r and r -> e before the shares are computed.
 * Input: plain records {year, exporter, importer, product, value}, collected by ExportBaskets.
 */
import { OptionError } from '../errors.js';

export interface TradeRecord {
  year: number;
  exporter: string;
  importer: string;
  /** HS code (6 characters, zero-padded). */
  product: string;
  /** Value (BACI: thousand USD). */
  value: number;
}

export type Basket = Map<string, number>;
export type HsLevel = 2 | 4 | 6;
export type Market = 'world' | readonly string[];

/** Aggregate a basket to the first `level` digits of its codes. */
export function aggregateBasket(b: Basket, level: HsLevel): Basket {
  if (level === 6) return b;
  const out: Basket = new Map();
  for (const [k, v] of b) {
    const p = k.slice(0, level);
    out.set(p, (out.get(p) ?? 0) + v);
  }
  return out;
}

/** Product shares of a basket (entries with positive value); empty when the total is not positive. */
export function basketShares(b: Basket): Basket {
  let tot = 0;
  for (const v of b.values()) tot += v;
  const out: Basket = new Map();
  if (!(tot > 0)) return out;
  for (const [k, v] of b) if (v > 0) out.set(k, v / tot);
  return out;
}

/** Sum of minimum shares of two baskets (NaN when either basket is empty). */
export function esiOfBaskets(a: Basket, b: Basket): number {
  const sa = basketShares(a);
  const sb = basketShares(b);
  if (sa.size === 0 || sb.size === 0) return NaN;
  let s = 0;
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) s += Math.min(v, w);
  }
  return Math.min(1, s);
}

/** The L1 form 1 - 1/2 sum |S_a - S_b| (a check of esiOfBaskets). */
export function esiL1(a: Basket, b: Basket): number {
  const sa = basketShares(a);
  const sb = basketShares(b);
  if (sa.size === 0 || sb.size === 0) return NaN;
  let d = 0;
  for (const [k, v] of sa) d += Math.abs(v - (sb.get(k) ?? 0));
  for (const [k, v] of sb) if (!sa.has(k)) d += v;
  return 1 - d / 2;
}

interface ExporterYear {
  /** Flows to market importers outside the tracked set. */
  other: Basket;
  /** Flows to tracked importers (other exporters of interest), kept apart for excludeMutual. */
  byImporter: Map<string, Basket>;
}

function addTo(b: Basket, k: string, v: number): void {
  b.set(k, (b.get(k) ?? 0) + v);
}

/**
 * Collects the export baskets of a set of exporters in a market, per year. Flows to importers that are
 * themselves tracked exporters are stored separately so that mutual flows can be dropped on demand.
 */
export class ExportBaskets {
  private readonly tracked: Set<string>;
  private readonly market?: Set<string>;
  private readonly data = new Map<number, Map<string, ExporterYear>>();

  constructor(exporters: readonly string[], market: Market = 'world') {
    this.tracked = new Set(exporters);
    this.market = market === 'world' ? undefined : new Set(market);
  }

  /** Whether a record passes the exporter and market filters. */
  wants(exporter: string, importer: string): boolean {
    return this.tracked.has(exporter) && (this.market === undefined || this.market.has(importer));
  }

  add(r: TradeRecord): void {
    if (!this.wants(r.exporter, r.importer)) return;
    let y = this.data.get(r.year);
    if (!y) this.data.set(r.year, (y = new Map()));
    let e = y.get(r.exporter);
    if (!e) y.set(r.exporter, (e = { other: new Map(), byImporter: new Map() }));
    if (this.tracked.has(r.importer)) {
      let b = e.byImporter.get(r.importer);
      if (!b) e.byImporter.set(r.importer, (b = new Map()));
      addTo(b, r.product, r.value);
    } else addTo(e.other, r.product, r.value);
  }

  years(): number[] {
    return [...this.data.keys()].sort((a, b) => a - b);
  }

  /** Basket of an exporter in a year at an HS level, leaving out flows to the listed importers. */
  basket(year: number, exporter: string, level: HsLevel = 6, without: readonly string[] = []): Basket {
    const e = this.data.get(year)?.get(exporter);
    const out: Basket = new Map();
    if (!e) return out;
    for (const [k, v] of e.other) addTo(out, k, v);
    for (const [imp, b] of e.byImporter) {
      if (without.includes(imp)) continue;
      for (const [k, v] of b) addTo(out, k, v);
    }
    return aggregateBasket(out, level);
  }
}

export interface EsiOptions {
  level?: HsLevel;
  excludeMutual?: boolean;
}

export interface EsiComparison {
  year: number;
  e1: string;
  e2: string;
  /** ESI in [0, 1]; null with a reason when a basket is empty. */
  esi: number | null;
  n_products_e1: number;
  n_products_e2: number;
  n_common: number;
  value_e1: number;
  value_e2: number;
  reason?: string;
}

function total(b: Basket): number {
  let s = 0;
  for (const v of b.values()) s += v;
  return s;
}

function countPositive(b: Basket): number {
  let n = 0;
  for (const v of b.values()) if (v > 0) n++;
  return n;
}

/** Compare two baskets: ESI, product counts, common products, totals. */
export function compareBaskets(year: number, e1: string, b1: Basket, e2: string, b2: Basket): EsiComparison {
  let common = 0;
  for (const [k, v] of b1) if (v > 0 && (b2.get(k) ?? 0) > 0) common++;
  const n1 = countPositive(b1);
  const n2 = countPositive(b2);
  const out: EsiComparison = {
    year, e1, e2, esi: null, n_products_e1: n1, n_products_e2: n2, n_common: common, value_e1: total(b1), value_e2: total(b2),
  };
  if (n1 === 0 || n2 === 0) {
    const who = [n1 === 0 ? e1 : '', n2 === 0 ? e2 : ''].filter(Boolean).join(' and ');
    out.reason = `${who} has no exports to the market in ${year}`;
    return out;
  }
  out.esi = esiOfBaskets(b1, b2);
  return out;
}

/** Pairwise (third-market) ESI of e1 and e2 in one year. */
export function esiPair(col: ExportBaskets, year: number, e1: string, e2: string, opts: EsiOptions = {}): EsiComparison {
  const level = opts.level ?? 6;
  const b1 = col.basket(year, e1, level, opts.excludeMutual ? [e2] : []);
  const b2 = col.basket(year, e2, level, opts.excludeMutual ? [e1] : []);
  return compareBaskets(year, e1, b1, e2, b2);
}

/** Every pair (i < j in the given order) of a set of exporters, every year collected. */
export function esiPairwise(col: ExportBaskets, exporters: readonly string[], opts: EsiOptions = {}): EsiComparison[] {
  const out: EsiComparison[] = [];
  for (const y of col.years()) {
    for (let a = 0; a < exporters.length; a++) {
      for (let b = a + 1; b < exporters.length; b++) out.push(esiPair(col, y, exporters[a], exporters[b], opts));
    }
  }
  return out;
}

export type Combine = 'mean' | 'pooled' | 'none';

export interface ReferenceOptions extends EsiOptions {
  combine?: Combine;
}

/** One row of reference mode: exporter e against a reference (or the combined references, e2 = "A+B"). */
export interface EsiReferenceRow extends EsiComparison {
  /** With combine = mean: the individual comparisons that were averaged. */
  parts?: EsiComparison[];
}

/**
 * Reference mode: each exporter against each reference (combine = none), against the mean of those ESIs
 * (mean; null if any part is null), or against the pooled basket of the references (pooled).
 */
export function esiReference(
  col: ExportBaskets,
  exporters: readonly string[],
  references: readonly string[],
  opts: ReferenceOptions = {},
): EsiReferenceRow[] {
  const combine = opts.combine ?? 'mean';
  const level = opts.level ?? 6;
  if (references.length === 0) throw new OptionError('reference mode needs at least one reference exporter.');
  const out: EsiReferenceRow[] = [];
  const label = references.join('+');
  for (const y of col.years()) {
    for (const e of exporters) {
      if (combine === 'pooled') {
        const be = col.basket(y, e, level, opts.excludeMutual ? references : []);
        const pooled: Basket = new Map();
        for (const r of references) for (const [k, v] of col.basket(y, r, level, opts.excludeMutual ? [e] : [])) addTo(pooled, k, v);
        out.push(compareBaskets(y, e, be, label, pooled));
        continue;
      }
      const parts = references.map((r) => esiPair(col, y, e, r, opts));
      if (combine === 'none') {
        out.push(...parts);
        continue;
      }
      const ok = parts.every((p) => p.esi !== null);
      const row: EsiReferenceRow = {
        year: y, e1: e, e2: label,
        esi: ok ? parts.reduce((s, p) => s + (p.esi as number), 0) / parts.length : null,
        n_products_e1: parts[0].n_products_e1,
        n_products_e2: NaN,
        n_common: NaN,
        value_e1: parts[0].value_e1,
        value_e2: parts.reduce((s, p) => s + p.value_e2, 0),
        parts,
      };
      if (!ok) row.reason = parts.filter((p) => p.esi === null).map((p) => p.reason).join('; ');
      out.push(row);
    }
  }
  return out;
}
