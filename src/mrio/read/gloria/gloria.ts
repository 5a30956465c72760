/**
 * GLORIA (release 059 layout): comma-separated result matrices without labels, plus the ReadMe
 * workbook that carries the labels.
 *   *_T-Results_YYYY_0VV_Markup001(full).csv   2GN x 2GN; each region's block lists its N industries
 *                                               then its N products, rows and columns alike
 *   *_Y-Results_...csv                          2GN x GK (final demand, K categories per region)
 *   *_V-Results_...csv                          G*nVA x 2GN (value added by region and component)
 *   *_TQ-Results_...csv (satellite folder)      S x 2GN satellite accounts
 *   ReadMe sheets: Regions (Region_acronyms), Sectors (Sector_names),
 *                  "Value added and final demand" (Value_added_names, Final_demand_names),
 *                  Satellites (Sat_head_indicator, Sat_indicator, Sat_unit)
 * The tables are supply-use: supply V (industry x product) and use U (product x industry). They are
 * turned into a product-by-product table with the industry-technology assumption (Eurostat model B,
 * as pymrio's default): Z = U diag(1/g) V with g the industry outputs, value added and satellites
 * likewise moved to products (VA diag(1/g) V), Y keeps the product rows; output is then
 * x = rowSums(Z) + rowSums(Y). Value-added rows are summed over regions (the block is region-diagonal).
 * Industries with zero output contribute nothing (never NaN). Markup001 = basic prices, Markup005 =
 * purchasers' prices (for T and Y).
 */
import { InputError } from '../../../errors.js';
import { matrix } from '../../../linalg/index.js';
import { buildTable } from '../../build.js';
import type { LabeledRows, MrioTable } from '../../table.js';
import { parseGrid } from '../numbers.js';

export interface GloriaLabels {
  regions: string[];
  sectors: string[];
  vaNames: string[];
  fdNames: string[];
  satellites?: Array<{ head: string; indicator: string; unit: string }>;
}

export interface GloriaFiles {
  T: Uint8Array;
  Y: Uint8Array;
  V: Uint8Array;
  TQ?: Uint8Array;
  labels: GloriaLabels;
  names?: { T?: string; Y?: string; V?: string; TQ?: string; readme?: string };
}

export interface GloriaOptions {
  source?: string;
  year?: number;
}

export function parseGloria(f: GloriaFiles, opts: GloriaOptions = {}): MrioTable {
  const src = opts.source ?? 'GLORIA';
  const L = f.labels;
  const nT = f.names?.T ?? `${src} T-Results`;
  const nY = f.names?.Y ?? `${src} Y-Results`;
  const nV = f.names?.V ?? `${src} V-Results`;
  const G = L.regions.length;
  const N = L.sectors.length;
  const K = L.fdNames.length;
  const GN = G * N;
  const W = 2 * GN;
  if (G === 0 || N === 0 || K === 0) throw new InputError(`${f.names?.readme ?? src}: the ReadMe lists ${G} regions, ${N} sectors and ${K} final-demand categories; all must be non-zero.`);
  const T = parseGrid(f.T, { sep: 44, source: nT, rows: W, cols: W });
  const Yr = parseGrid(f.Y, { sep: 44, source: nY, rows: W, cols: G * K });
  const nva = L.vaNames.length;
  const Vr = parseGrid(f.V, { sep: 44, source: nV, rows: G * nva, cols: W });
  const ind = (p: number) => Math.floor(p / N) * 2 * N + (p % N);
  const prod = (p: number) => Math.floor(p / N) * 2 * N + N + (p % N);
  // industry outputs g and the nonzeros of supply V
  const g = new Float64Array(GN);
  const supply: Array<Array<[number, number]>> = new Array(GN);
  for (let i = 0; i < GN; i++) {
    const ro = ind(i) * W;
    const nz: Array<[number, number]> = [];
    for (let p = 0; p < GN; p++) {
      const v = T.data[ro + prod(p)];
      if (v !== 0) {
        nz.push([p, v]);
        g[i] += v;
      }
    }
    supply[i] = nz;
  }
  // product-technology transform: M (rows x industries) -> M diag(1/g) V (rows x products)
  const toProducts = (get: (r: number, i: number) => number, nrows: number): Float64Array => {
    const out = new Float64Array(nrows * GN);
    for (let i = 0; i < GN; i++) {
      if (g[i] === 0) continue;
      const inv = 1 / g[i];
      for (const [p, v] of supply[i]) {
        const w = v * inv;
        for (let r = 0; r < nrows; r++) {
          const m = get(r, i);
          if (m !== 0) out[r * GN + p] += m * w;
        }
      }
    }
    return out;
  };
  const Z = matrix(GN, GN, toProducts((r, i) => T.data[prod(r) * W + ind(i)], GN));
  const Y = matrix(GN, G * K);
  for (let p = 0; p < GN; p++) Y.data.set(Yr.data.subarray(prod(p) * G * K, prod(p) * G * K + G * K), p * G * K);
  // value added: sum over regions of origin, per component
  const vaInd = new Float64Array(nva * GN);
  for (let r = 0; r < G * nva; r++) {
    const comp = r % nva;
    for (let i = 0; i < GN; i++) vaInd[comp * GN + i] += Vr.data[r * W + ind(i)];
  }
  const vaVals = toProducts((r, i) => vaInd[r * GN + i], nva);
  const va = new Float64Array(GN);
  for (let r = 0; r < nva; r++) for (let p = 0; p < GN; p++) va[p] += vaVals[r * GN + p];
  let satellite: LabeledRows | undefined;
  if (f.TQ && L.satellites) {
    const S = L.satellites.length;
    const Q = parseGrid(f.TQ, { sep: 44, source: f.names?.TQ ?? `${src} TQ-Results`, rows: S, cols: W });
    const vals = toProducts((r, i) => Q.data[r * W + ind(i)], S);
    const base = L.satellites.map((s) => s.indicator);
    const labels = L.satellites.map((s, i) => (base.indexOf(s.indicator) !== i || base.lastIndexOf(s.indicator) !== i ? `${s.head}: ${s.indicator}` : s.indicator));
    satellite = { labels, values: matrix(S, GN, vals), units: L.satellites.map((s) => s.unit) };
  }
  return buildTable({
    countries: L.regions,
    sectors: L.sectors,
    fdCategories: L.fdNames,
    Z,
    Y,
    va,
    year: opts.year,
    source: `${src} (GLORIA; product-by-product, industry technology)`,
    unit: 'thousand USD',
    vaDetail: { labels: L.vaNames, values: matrix(nva, GN, vaVals) },
    satellite,
  });
}

/** Labels from the ReadMe workbook's sheets (rows of cells, first row = header). */
export function gloriaLabelsFromSheets(sheets: Array<{ name: string; cells: Array<Array<string | number | null | undefined>> }>, src: string): GloriaLabels {
  const sheet = (name: string) => {
    const s = sheets.find((x) => x.name.trim().toLowerCase() === name.toLowerCase());
    if (!s) throw new InputError(`${src}: the ReadMe has no sheet "${name}".`);
    return s.cells;
  };
  const column = (cells: Array<Array<string | number | null | undefined>>, head: string, sheetName: string): string[] => {
    const h = (cells[0] ?? []).map((c) => String(c ?? '').trim());
    const j = h.indexOf(head);
    if (j < 0) throw new InputError(`${src}: sheet "${sheetName}" has no column "${head}".`);
    const out: string[] = [];
    for (let r = 1; r < cells.length; r++) {
      const v = cells[r]?.[j];
      if (v === null || v === undefined || String(v).trim() === '') continue;
      out.push(String(v).trim().replace(/^'(.*)'$/, '$1'));
    }
    return out;
  };
  const vf = sheet('Value added and final demand');
  const sat = sheets.find((x) => x.name.trim().toLowerCase() === 'satellites');
  let satellites: GloriaLabels['satellites'];
  if (sat) {
    const ind = column(sat.cells, 'Sat_indicator', 'Satellites');
    const head = column(sat.cells, 'Sat_head_indicator', 'Satellites');
    const unit = column(sat.cells, 'Sat_unit', 'Satellites');
    satellites = ind.map((s, i) => ({ indicator: s, head: head[i] ?? '', unit: unit[i] ?? '' }));
  }
  return {
    regions: column(sheet('Regions'), 'Region_acronyms', 'Regions'),
    sectors: column(sheet('Sectors'), 'Sector_names', 'Sectors'),
    vaNames: column(vf, 'Value_added_names', 'Value added and final demand'),
    fdNames: column(vf, 'Final_demand_names', 'Value added and final demand'),
    satellites,
  };
}
