/**
 * Reverse technology spillover through outward FDI (Lichtenberg and van Pottelsberghe de la Potterie 2001),
 * spec 2.2:
 *   Sofdi[r,t] = 1e-6 * sum_{j in H, j != r} ( OFDI[r->j,t] / GFCF[j,t] ) * RDK[j,t]      (million constant USD)
 *   RDK[j,t]   = (1 - d) RDK[j,t-1] + RDE[j,t],   d = 0.05,   RDK[j,t0] = RDE[j,t0] / (g_j + d)
 *   g_j        = (RDE[j,t0+m-1] / RDE[j,t0])^(1/(m-1)) - 1,  m = min(5, observed years from t0); g_j < 0 -> 0;
 *                m = 1 -> g_j = 0
 * t0 is the first year with RDE observed; host series are interpolated first (interior gaps only), so RDK
 * exists from t0 to the last RDE year. An absent (origin, host, year) is a zero stock; a blank one is missing
 * unless interpolated. Sofdi is missing when a stock is missing, or a host with a positive stock lacks GFCF
 * or RDK in year t.
 */
import type { HostData, OfdiData, Series } from './externals.js';
import { at, interpolateSeries, type Interpolated } from './interpolate.js';

export interface RdCapital {
  /** Perpetual-inventory stock by year. */
  stock: Series;
  t0: number;
  g: number;
}

/** R&D capital stock of one host from its (interpolated) R&D expenditure series. */
export function rdCapital(rde: Interpolated, d: number): RdCapital | undefined {
  const years = [...rde.values.keys()].sort((a, b) => a - b);
  if (!years.length) return undefined;
  const t0 = years[0];
  const m = Math.min(5, years.length);
  const first = rde.values.get(t0)!;
  const lastOfM = rde.values.get(years[m - 1])!;
  let g = m > 1 && first > 0 ? Math.pow(lastOfM / first, 1 / (m - 1)) - 1 : 0;
  if (!(g > 0)) g = 0;
  const stock: Series = new Map();
  let k = first / (g + d);
  stock.set(t0, k);
  for (let t = t0 + 1; t <= years[years.length - 1]; t++) {
    k = (1 - d) * k + rde.values.get(t)!;
    stock.set(t, k);
  }
  return { stock, t0, g };
}

export interface SofdiResult {
  /** Sofdi by origin: year -> value (NaN = missing). */
  value(origin: string, t: number): number;
  /** Whether the origin's Sofdi in year t used an interpolated stock, GFCF or RDE. */
  interpolated(origin: string, t: number): boolean;
  capital: Map<string, RdCapital>;
  /** Host-years filled by interpolation (GFCF and RDE) and bilateral stocks filled. */
  filledHostCells: number;
  filledStockCells: number;
}

export function computeSofdi(ofdi: OfdiData, hosts: HostData, H: readonly string[], d: number): SofdiResult {
  const capital = new Map<string, RdCapital>();
  const gfcf = new Map<string, Interpolated>();
  const rdeFilled = new Map<string, Set<number>>();
  let filledHostCells = 0;
  for (const j of H) {
    const g = interpolateSeries(hosts.gfcf.get(j));
    gfcf.set(j, g);
    const r = interpolateSeries(hosts.rde.get(j));
    rdeFilled.set(j, r.filled);
    filledHostCells += g.filled.size + r.filled.size;
    const c = rdCapital(r, d);
    if (c) capital.set(j, c);
  }
  const stocks = new Map<string, Interpolated>();
  let filledStockCells = 0;
  for (const [key, s] of ofdi.stocks) {
    const i = interpolateSeries(s);
    stocks.set(key, i);
    for (const t of i.filled) if (s.has(t)) filledStockCells++;
  }
  const stockAt = (o: string, j: number | string, t: number): { v: number; filled: boolean } => {
    const raw = ofdi.stocks.get(`${o}|${j}`);
    // absent triple: a zero stock (bilateral statistics list reported positions only)
    if (!raw || !raw.has(t)) return { v: 0, filled: false };
    const i = stocks.get(`${o}|${j}`)!;
    return { v: at(i, t), filled: i.filled.has(t) };
  };
  const eval1 = (o: string, t: number): { v: number; filled: boolean } => {
    let sum = 0;
    let filled = false;
    for (const j of H) {
      if (j === o) continue;
      const s = stockAt(o, j, t);
      if (!Number.isFinite(s.v)) return { v: NaN, filled };
      if (s.v === 0) continue;
      filled ||= s.filled;
      const g = at(gfcf.get(j)!, t);
      const k = capital.get(j)?.stock.get(t) ?? NaN;
      if (!(g > 0) || !Number.isFinite(k)) return { v: NaN, filled };
      filled ||= gfcf.get(j)!.filled.has(t) || [...(rdeFilled.get(j) ?? [])].some((y) => y <= t);
      sum += (s.v / g) * k;
    }
    return { v: 1e-6 * sum, filled };
  };
  return {
    value: (o, t) => eval1(o, t).v,
    interpolated: (o, t) => eval1(o, t).filled,
    capital,
    filledHostCells,
    filledStockCells,
  };
}
