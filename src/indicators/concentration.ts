/**
 * Concentration of export markets (Herfindahl-Hirschman index).
 *
 * Herfindahl (1950) / Hirschman (1945): HHI = sum_c s_c^2 of the shares s_c of a total.
 * 1. World export-market concentration by exporter (deglobalization spec, Table 4): for a product group
 *    (scope sectors), intermediate exports of c = sum over c's scope rows of Z entries in other countries'
 *    columns, final exports = the same for final demand; s_c = c's share of world exports including RoW;
 *    HHI = 100 sum_c s_c^2 over the named exporters (RoW excluded by default: a lower bound; `rowUnit`
 *    adds it as one exporter). Shares are reported in percent.
 * 2. Destination concentration of each exporter-sector: HHI over importers of its intermediate, final and
 *    total exports (a fraction in (0, 1]; NaN without exports).
 */
import type { IoModel } from '../mrio/model.js';
import { sectorScope } from './common.js';

/** HHI of a vector of non-negative sizes (fraction scale); NaN when the total is not positive. */
export function hhi(sizes: ArrayLike<number>): number {
  let tot = 0;
  for (let i = 0; i < sizes.length; i++) tot += sizes[i];
  if (!(tot > 0)) return NaN;
  let h = 0;
  for (let i = 0; i < sizes.length; i++) h += (sizes[i] / tot) ** 2;
  return h;
}

export interface MarketHhiOptions {
  /** Sectors forming the product group (indices or a scope such as "c2-c17"); default all. */
  scope?: string | number[];
  /** Exporters left out of the HHI sum but kept in the world total (default: ['RoW', 'ROW']). */
  exclude?: string[];
  /** Add the excluded regions back as exporters (deglobalization option row = "unit"). */
  rowUnit?: boolean;
}

export interface MarketHhi {
  countries: string[];
  /** Each country's share of world intermediate (resp. final) exports, percent. */
  intermediateShare: Float64Array;
  finalShare: Float64Array;
  /** 100 * sum of squared fraction shares over the included exporters. */
  intermediateHhi: number;
  finalHhi: number;
}

/** World export-market shares and HHI of intermediate and final goods (deglobalization Table 4). */
export function exportMarketHhi(m: IoModel, opts: MarketHhiOptions = {}): MarketHhi {
  const { G, N, Ei, Ef } = m;
  const countries = m.table.countries;
  const scope = sectorScope(m.table.sectors, opts.scope ?? 'all');
  const excl = new Set((opts.exclude ?? ['RoW', 'ROW']).map((s) => s.toUpperCase()));
  const ei = new Float64Array(G);
  const ef = new Float64Array(G);
  for (let c = 0; c < G; c++) {
    for (const i of scope) {
      const r = c * N + i;
      for (let j = 0; j < G; j++) {
        ei[c] += Ei.data[r * G + j];
        ef[c] += Ef.data[r * G + j];
      }
    }
  }
  const share = (v: Float64Array) => {
    let tot = 0;
    for (const x of v) tot += x;
    return v.map((x) => (tot > 0 ? (100 * x) / tot : NaN));
  };
  const intermediateShare = share(ei);
  const finalShare = share(ef);
  const h = (s: Float64Array) => {
    let acc = 0;
    for (let c = 0; c < G; c++) if (opts.rowUnit || !excl.has(countries[c].toUpperCase())) acc += (s[c] / 100) ** 2;
    return 100 * acc;
  };
  return { countries: countries.slice(), intermediateShare, finalShare, intermediateHhi: h(intermediateShare), finalHhi: h(finalShare) };
}

export interface DestinationHhi {
  intermediate: Float64Array;
  final: Float64Array;
  total: Float64Array;
}

/** HHI of each exporter-sector's destination shares (fraction scale), for intermediate, final and all exports. */
export function destinationHhi(m: IoModel): DestinationHhi {
  const { G, GN, Ei, Ef, E } = m;
  const intermediate = new Float64Array(GN);
  const final = new Float64Array(GN);
  const total = new Float64Array(GN);
  for (let r = 0; r < GN; r++) {
    intermediate[r] = hhi(Ei.data.subarray(r * G, (r + 1) * G));
    final[r] = hhi(Ef.data.subarray(r * G, (r + 1) * G));
    total[r] = hhi(E.data.subarray(r * G, (r + 1) * G));
  }
  return { intermediate, final, total };
}
