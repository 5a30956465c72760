/**
 * The study's two trade-based variables from the streamed baskets (spec 2.2, 2.3):
 *   ESI_it    = mean over r in {USA, DEU} of ESI(i, r | world, t)  (or the pooled reference basket), HS6, [0,1]
 *   Import_it = sum_{j in bloc, j != i} M(j->i,t) / sum_{all j} M(j->i,t)
 * A missing value always carries a reason (no data for the year, no exports to the market, no imports).
 * Also the pairwise ESI of every pair of sample countries in the market (Finger–Kreinin mode b).
 */
import { esiPairwise, esiReference, type EsiComparison } from '../../indicators/similarity.js';
import type { AseanConfig } from './config.js';
import type { StreamResult } from './baci-stream.js';

export interface Measured {
  value: number | null;
  reason?: string;
}

export interface EsiLongRow {
  year: number;
  exporter: string;
  reference: string;
  market: string;
  level: number;
  esi: number | null;
  n_products_e: number;
  n_products_r: number;
  n_common: number;
  value_e: number;
  value_r: number;
  reason?: string;
}

export interface StudyMeasures {
  /** One row per (year, exporter, reference). */
  long: EsiLongRow[];
  /** `${iso3}|${year}` -> combined ESI, ESI per reference, Import. */
  esi: Map<string, Measured>;
  esiByRef: Map<string, Map<string, Measured>>;
  importShare: Map<string, Measured>;
  /** Pairwise mode among the sample countries in the same market (esi_pairwise.csv). */
  pairwise: Array<{ year: number; market: string; e1: string; e2: string; esi: number | null }>;
}

const key = (iso3: string, year: number) => `${iso3}|${year}`;

function toLong(c: EsiComparison, market: string, level: number): EsiLongRow {
  const row: EsiLongRow = {
    year: c.year, exporter: c.e1, reference: c.e2, market, level, esi: c.esi,
    n_products_e: c.n_products_e1, n_products_r: c.n_products_e2, n_common: c.n_common, value_e: c.value_e1, value_r: c.value_e2,
  };
  if (c.reason) row.reason = c.reason;
  return row;
}

export function studyMeasures(s: StreamResult, cfg: AseanConfig): StudyMeasures {
  const market = cfg.market === 'world' ? 'world' : cfg.market.join('+');
  const opts = { level: cfg.level, excludeMutual: cfg.excludeMutual };
  const parts = esiReference(s.baskets, cfg.exporters, cfg.references, { ...opts, combine: 'none' });
  const long = parts.map((c) => toLong(c, market, cfg.level));
  const esiByRef = new Map<string, Map<string, Measured>>();
  for (const r of cfg.references) esiByRef.set(r, new Map());
  for (const c of parts) esiByRef.get(c.e2)!.set(key(c.e1, c.year), c.esi === null ? { value: null, reason: c.reason } : { value: c.esi });
  const esi = new Map<string, Measured>();
  if (cfg.combine === 'pooled') {
    for (const c of esiReference(s.baskets, cfg.exporters, cfg.references, { ...opts, combine: 'pooled' })) {
      esi.set(key(c.e1, c.year), c.esi === null ? { value: null, reason: c.reason } : { value: c.esi });
    }
  } else {
    for (const y of s.baskets.years()) {
      for (const e of cfg.exporters) {
        const ps = cfg.references.map((r) => esiByRef.get(r)!.get(key(e, y))!);
        const bad = ps.filter((p) => p.value === null);
        esi.set(key(e, y), bad.length ? { value: null, reason: bad.map((p) => p.reason).join('; ') } : { value: ps.reduce((a, p) => a + (p.value as number), 0) / ps.length });
      }
    }
  }
  const present = new Set(s.years);
  const importShare = new Map<string, Measured>();
  for (const y of cfg.years) {
    for (const e of cfg.exporters) {
      const k = key(e, y);
      if (!present.has(y)) {
        const why = { value: null, reason: `no BACI data for ${y}` };
        importShare.set(k, why);
        if (!esi.has(k)) esi.set(k, why);
        for (const m of esiByRef.values()) if (!m.has(k)) m.set(k, why);
        continue;
      }
      const acc = s.imports.get(k);
      importShare.set(k, acc && acc.total > 0 ? { value: acc.bloc / acc.total } : { value: null, reason: `${e} has no recorded imports in ${y}` });
    }
  }
  const pairwise = esiPairwise(s.baskets, cfg.exporters, opts).map((c) => ({ year: c.year, market, e1: c.e1, e2: c.e2, esi: c.esi }));
  return { long, esi, esiByRef, importShare, pairwise };
}
