/**
 * City and pair variables of §2.2–§2.5 from the §5.2 inputs, for any ordered list of city codes:
 *   period mean    v̄_p = (1/(y1 − y0 + 1)) Σ_{y=y0..y1} v_y            (P1 = 2012–2015, P2 = 2015–2017)
 *   controls       edl, ul, fil, hcl, ftl, gel = period means of gdp_pc, urban_share, fdi_gdp, students_pop,
 *                  trade_gdp, gov_gdp
 *   factors        labor = mean(employed/pop); fcapital = ln mean(nfa); ccapital = ln mean(liquid);
 *                  flc = ln mean(nfa/employed); clc = ln mean(liquid/employed); tech = ln(1 + mean(patents))
 *   HSR_ijp        period mean over y of #lines with both stations open by 30 June of y (symmetric)
 *   INFO_ijp       ln(1 + mean_y BSI_ijy) (directed; a missing Baidu row is 0)
 *   d_ij           haversine, R = 6371.0088 km
 *   gradient       dev_c = mean of edl over both periods; i → j is down when dev_i > dev_j, ties: lower code
 *                  counts as more developed; population gradient likewise on mean population.
 * The synthetic generator calls the same functions on its in-memory inputs, so planted and estimated
 * variables are bit-identical. A single missing interior year is interpolated linearly; other gaps drop the city.
 */
import { InputError } from '../../errors.js';
import { PANEL_YEARS, PERIODS } from './config.js';
import { PANEL_FIELDS, type CityInputs, type PanelField } from './inputs.js';

export const CONTROLS = ['edl', 'ul', 'fil', 'hcl', 'ftl', 'gel'] as const;
export type Control = (typeof CONTROLS)[number];
export const CONTROL_FIELD: Record<Control, PanelField> = {
  edl: 'gdp_pc', ul: 'urban_share', fil: 'fdi_gdp', hcl: 'students_pop', ftl: 'trade_gdp', gel: 'gov_gdp',
};
export const FACTORS = ['factor_labor', 'factor_fcapital', 'factor_ccapital', 'factor_flc', 'factor_clc', 'factor_tech'] as const;
export type Factor = (typeof FACTORS)[number];

export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between (lon, lat) points in degrees. */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const r = Math.PI / 180;
  const dphi = (lat2 - lat1) * r;
  const dl = (lon2 - lon1) * r;
  const h = Math.sin(dphi / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dl / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Mean of an annual series (index 0 = 2012) over y0..y1 inclusive, summed in year order. */
export function periodMean(series: ArrayLike<number>, y0: number, y1: number): number {
  let s = 0;
  for (let y = y0; y <= y1; y++) s += series[y - PANEL_YEARS[0]];
  return s / (y1 - y0 + 1);
}

export interface CityVars {
  codes: string[];
  n: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Annual panel values per field: [field][city] -> Float64Array(6) (after interpolation). */
  annual: Record<PanelField, Float64Array[]>;
  /** [period][control] -> per city. */
  controls: Array<Record<Control, Float64Array>>;
  factors: Array<Record<Factor, Float64Array>>;
  /** [period] -> n×n row-major (i origin, j destination). */
  hsr: Float64Array[];
  info: Float64Array[];
  /** Annual BSI, [year index] -> n×n. */
  bsi: Float64Array[];
  dist: Float64Array;
  dev: Float64Array;
  popMean: Float64Array;
  /** Cities dropped for gaps in city_panel (code: reason). */
  dropped: string[];
}

/** Annual series per city and field with the §5.2 gap rule; returns the series and the codes to drop. */
function annualSeries(inputs: CityInputs, codes: readonly string[]): { annual: Record<PanelField, Float64Array[]>; dropped: string[] } {
  const idx = new Map(codes.map((c, k) => [c, k]));
  const T = PANEL_YEARS.length;
  const annual = {} as Record<PanelField, Float64Array[]>;
  for (const f of PANEL_FIELDS) annual[f] = codes.map(() => new Float64Array(T).fill(NaN));
  for (const r of inputs.panel) {
    const k = idx.get(r.code);
    const t = r.year - PANEL_YEARS[0];
    if (k === undefined || t < 0 || t >= T) continue;
    for (const f of PANEL_FIELDS) annual[f][k][t] = r.values[f];
  }
  const dropped: string[] = [];
  codes.forEach((code, k) => {
    for (const f of PANEL_FIELDS) {
      const s = annual[f][k];
      for (let t = 0; t < T; t++) {
        if (!Number.isNaN(s[t])) continue;
        if (t > 0 && t < T - 1 && !Number.isNaN(s[t - 1]) && !Number.isNaN(s[t + 1])) s[t] = (s[t - 1] + s[t + 1]) / 2;
        else {
          dropped.push(`${code}: ${f} missing in ${PANEL_YEARS[t]} (gap not interpolable)`);
          return;
        }
      }
    }
  });
  return { annual, dropped };
}

/** Effective first year of a station: opened by 30 June of y counts in y, later in y + 1. */
export function stationYear(date: string): number {
  const y = Number(date.slice(0, 4));
  const md = date.slice(5);
  return md <= '06-30' ? y : y + 1;
}

/** HSR line counts per period for the ordered list of cities (symmetric, diagonal 0). */
export function hsrConnectivity(inputs: CityInputs, codes: readonly string[]): Float64Array[] {
  const n = codes.length;
  const idx = new Map(codes.map((c, k) => [c, k]));
  const lines = new Map<string, Array<[number, number]>>();
  for (const s of inputs.hsr) {
    const k = idx.get(s.code);
    if (k === undefined) continue;
    const arr = lines.get(s.lineId) ?? [];
    arr.push([k, stationYear(s.openDate)]);
    lines.set(s.lineId, arr);
  }
  const years = PANEL_YEARS.map(() => new Float64Array(n * n));
  for (const st of lines.values()) {
    for (let a = 0; a < st.length; a++) {
      for (let b = 0; b < st.length; b++) {
        const [i, oi] = st[a];
        const [j, oj] = st[b];
        if (i === j) continue;
        const open = Math.max(oi, oj);
        PANEL_YEARS.forEach((y, t) => {
          if (open <= y) years[t][i * n + j] += 1;
        });
      }
    }
  }
  return PERIODS.map((p) => {
    const out = new Float64Array(n * n);
    for (let q = 0; q < n * n; q++) {
      let s = 0;
      for (let y = p.y0; y <= p.y1; y++) s += years[y - PANEL_YEARS[0]][q];
      out[q] = s / (p.y1 - p.y0 + 1);
    }
    return out;
  });
}

/** Annual BSI matrices (n×n per year) from the Baidu rows; absent rows are 0. */
export function bsiMatrices(inputs: CityInputs, codes: readonly string[]): Float64Array[] {
  const n = codes.length;
  const idx = new Map(codes.map((c, k) => [c, k]));
  const out = PANEL_YEARS.map(() => new Float64Array(n * n));
  const b = inputs.baidu;
  for (let r = 0; r < b.from.length; r++) {
    const t = b.year[r] - PANEL_YEARS[0];
    const i = idx.get(b.from[r]);
    const j = idx.get(b.to[r]);
    if (i === undefined || j === undefined || t < 0 || t >= PANEL_YEARS.length || i === j) continue;
    out[t][i * n + j] = b.dailyAvg[r];
  }
  return out;
}

/** Ordered-pair gradient: true when i → j is down-gradient (dev_i > dev_j; ties: lower code is richer). */
export function isDown(dev: ArrayLike<number>, codes: readonly string[], i: number, j: number): boolean {
  if (dev[i] !== dev[j]) return dev[i] > dev[j];
  return codes[i] < codes[j];
}

/** All variables for the given cities (cities with uninterpolable gaps are dropped and listed). */
export function cityVariables(inputs: CityInputs, wanted: readonly string[]): CityVars {
  const first = annualSeries(inputs, wanted);
  const bad = new Set(first.dropped.map((d) => d.slice(0, d.indexOf(':'))));
  const codes = wanted.filter((c) => !bad.has(c));
  const { annual } = bad.size ? annualSeries(inputs, codes) : first;
  const n = codes.length;
  if (n < 2) throw new InputError(`city variables: fewer than two cities left (${first.dropped.length} dropped for gaps).`);
  const byCode = new Map(inputs.cities.map((c) => [c.code, c]));
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  codes.forEach((c, k) => {
    const r = byCode.get(c);
    if (!r) throw new InputError(`cities.csv: city ${c} is in the tables but not in cities.csv.`);
    lon[k] = r.lon;
    lat[k] = r.lat;
  });
  const pm = (f: PanelField, k: number, p: (typeof PERIODS)[number]): number => periodMean(annual[f][k], p.y0, p.y1);
  const ratioMean = (a: PanelField, b: PanelField, k: number, p: (typeof PERIODS)[number]): number => {
    const s = annual[a][k].map((v, t) => v / annual[b][k][t]);
    return periodMean(s, p.y0, p.y1);
  };
  const controls = PERIODS.map((p) => {
    const o = {} as Record<Control, Float64Array>;
    for (const c of CONTROLS) o[c] = Float64Array.from(codes, (_, k) => pm(CONTROL_FIELD[c], k, p));
    return o;
  });
  const factors = PERIODS.map((p) => ({
    factor_labor: Float64Array.from(codes, (_, k) => ratioMean('employed', 'population', k, p)),
    factor_fcapital: Float64Array.from(codes, (_, k) => Math.log(pm('net_fixed_assets', k, p))),
    factor_ccapital: Float64Array.from(codes, (_, k) => Math.log(pm('liquid_assets', k, p))),
    factor_flc: Float64Array.from(codes, (_, k) => Math.log(ratioMean('net_fixed_assets', 'employed', k, p))),
    factor_clc: Float64Array.from(codes, (_, k) => Math.log(ratioMean('liquid_assets', 'employed', k, p))),
    factor_tech: Float64Array.from(codes, (_, k) => Math.log1p(pm('patents', k, p))),
  }));
  const bsi = bsiMatrices(inputs, codes);
  const info = PERIODS.map((p) => {
    const out = new Float64Array(n * n);
    for (let q = 0; q < n * n; q++) {
      let s = 0;
      for (let y = p.y0; y <= p.y1; y++) s += bsi[y - PANEL_YEARS[0]][q];
      out[q] = Math.log1p(s / (p.y1 - p.y0 + 1));
    }
    return out;
  });
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) dist[i * n + j] = haversine(lon[i], lat[i], lon[j], lat[j]);
  const dev = Float64Array.from(codes, (_, k) => (controls[0].edl[k] + controls[1].edl[k]) / 2);
  const popMean = Float64Array.from(codes, (_, k) => (pm('population', k, PERIODS[0]) + pm('population', k, PERIODS[1])) / 2);
  return {
    codes, n, lon, lat, annual, controls, factors,
    hsr: hsrConnectivity(inputs, codes), info, bsi, dist, dev, popMean, dropped: first.dropped,
  };
}
