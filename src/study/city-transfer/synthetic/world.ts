/**
 * Synthetic city world, §5.3 steps 1–4 (geography, economy, HSR corridors, Baidu index) and the factor inputs
 * of step 2 (which need the Baidu index):
 *   regions E, C, W, NE with shares .30/.27/.30/.13, cities per region by largest remainder;
 *   pop = LN(450, 0.6); edl_2012 = LN(4.5, 0.45)·region factor; edl_y = edl_2012 (1 + g)^(y − 2012), g ~ U(.05, .09);
 *   GDP = 10^4 · pop · edl; ul = clip(0.25 + 0.15 ln edl + N(0, .05), .15, 1);
 *   v = m_v exp(σ_v ζ_c + 0.1 ζ_cy)·(2 for fil, ftl in E);
 *   corridor distance: meridian R·asin(cos φ |sin(λ − λ_k)|), parallel R·|φ − φ_k|; station when < w;
 *   BSI_ijy = exp(−0.5 + 0.8 ln pop_i + 0.8 ln pop_j − ln d̃_ij + g_ij (y − 2012) + u_ij + e_ijy), < 1 → 0;
 *   κ_cy = exp(0.02 (ι_cy − ῑ_c)), ι_cy = mean_{j≠c} ln(1 + BSI_cjy); employed, assets, patents scaled by κ.
 */
import { PANEL_YEARS, PROFILES, type Profile } from '../config.js';
import type { BaiduRows, CityInputs, CityRecord, CityYear, HsrStation } from '../inputs.js';
import { Rand } from '../random.js';
import { EARTH_RADIUS_KM, haversine } from '../variables.js';

export const REGIONS = ['E', 'C', 'W', 'NE'] as const;
const SHARES = [0.3, 0.27, 0.3, 0.13];
const BOX: Record<string, [number, number, number, number]> = {
  E: [113, 122, 22, 40], C: [108, 117, 25, 36], W: [85, 110, 22, 45], NE: [120, 132, 40, 48],
};
const REGION_FACTOR: Record<string, number> = { E: 1.5, C: 1.0, W: 0.75, NE: 0.9 };
const OPEN_YEARS: Record<string, [number, number]> = { E: [2008, 2013], C: [2008, 2013], NE: [2010, 2015], W: [2013, 2019] };
const OTHER_CONTROLS = [
  ['fdi_gdp', 0.053, 0.8],
  ['students_pop', 0.01, 0.8],
  ['trade_gdp', 0.073, 0.9],
  ['gov_gdp', 0.176, 0.35],
] as const;

/** Cities per region by largest remainder (ties in region order). */
export function regionCounts(n: number): number[] {
  const raw = SHARES.map((s) => n * s);
  const out = raw.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = raw.map((v, k) => ({ k, frac: v - Math.floor(v) })).sort((a, b) => b.frac - a.frac || a.k - b.k);
  for (const o of order) {
    if (left-- <= 0) break;
    out[o.k]++;
  }
  return out;
}

export interface World {
  inputs: CityInputs;
  n: number;
  codes: string[];
  region: string[];
  pop: Float64Array;
  /** GDP per city and year index (0 = 2012). */
  gdp: Float64Array[];
  /** d̃ = max(d, 25 km), n×n. */
  dTilde: Float64Array;
  excluded: Set<string>;
}

/** Steps 1–4 and the factor inputs; draws in a fixed order from `rand`. */
export function makeWorld(profile: Profile, rand: Rand): World {
  const { n, excluded: nEx, corridorKm } = PROFILES[profile];
  const T = PANEL_YEARS.length;
  const counts = regionCounts(n);
  const region: string[] = [];
  REGIONS.forEach((r, k) => {
    for (let q = 0; q < counts[k]; q++) region.push(r);
  });
  const codes = region.map((_, k) => String(100001 + k));
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const [x0, x1, y0, y1] = BOX[region[c]];
    lon[c] = rand.uniform(x0, x1);
    lat[c] = rand.uniform(y0, y1);
  }
  const dTilde = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) dTilde[i * n + j] = Math.max(haversine(lon[i], lat[i], lon[j], lat[j]), 25);
  const excluded = new Set(rand.sample(n, nEx).map((k) => codes[k]));

  // step 2: economy
  const pop = Float64Array.from(codes, () => rand.lognormal(450, 0.6));
  const edl = codes.map((_, c) => {
    const e0 = rand.lognormal(4.5, 0.45) * REGION_FACTOR[region[c]];
    const g = rand.uniform(0.05, 0.09);
    return Float64Array.from(PANEL_YEARS, (y) => e0 * Math.pow(1 + g, y - 2012));
  });
  const gdp = PANEL_YEARS.map((_, t) => Float64Array.from(codes, (__, c) => 1e4 * pop[c] * edl[c][t]));
  const ul = codes.map((_, c) => Float64Array.from(PANEL_YEARS, (__, t) => Math.min(1, Math.max(0.15, 0.25 + 0.15 * Math.log(edl[c][t]) + rand.normal(0, 0.05)))));
  const other = OTHER_CONTROLS.map(([name, m, sd]) =>
    codes.map((_, c) => {
      const zc = rand.normal();
      const twice = (name === 'fdi_gdp' || name === 'trade_gdp') && region[c] === 'E' ? 2 : 1;
      return Float64Array.from(PANEL_YEARS, () => m * Math.exp(sd * zc + 0.1 * rand.normal()) * twice);
    }),
  );

  // step 3: HSR corridors
  const hsr: HsrStation[] = [];
  const rad = Math.PI / 180;
  for (let k = 0; k < 16; k++) {
    const ns = k < 8;
    const ang = ns ? rand.uniform(100, 125) : rand.uniform(24, 46);
    const lineId = `HSR${String(k + 1).padStart(2, '0')}`;
    const lineName = ns ? `NS ${k + 1}` : `EW ${k - 7}`;
    for (let c = 0; c < n; c++) {
      const d = ns
        ? EARTH_RADIUS_KM * Math.asin(Math.cos(lat[c] * rad) * Math.abs(Math.sin((lon[c] - ang) * rad)))
        : EARTH_RADIUS_KM * Math.abs(lat[c] - ang) * rad;
      if (d < corridorKm) {
        const [a, b] = OPEN_YEARS[region[c]];
        hsr.push({ lineId, lineName, code: codes[c], openDate: `${rand.int(a, b)}-01-01` });
      }
    }
  }

  // step 4: Baidu index
  const m = n * (n - 1) * T;
  const baidu: BaiduRows = { year: new Int16Array(m), from: new Array<string>(m), to: new Array<string>(m), dailyAvg: new Float64Array(m) };
  const iota = codes.map(() => new Float64Array(T));
  let r = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const u = rand.normal();
      const g = rand.normal(0.15, 0.1);
      const base = -0.5 + 0.8 * Math.log(pop[i]) + 0.8 * Math.log(pop[j]) - Math.log(dTilde[i * n + j]) + u;
      for (let t = 0; t < T; t++) {
        let v = Math.exp(base + g * t + rand.normal(0, 0.3));
        if (v < 1) v = 0;
        baidu.year[r] = PANEL_YEARS[t];
        baidu.from[r] = codes[i];
        baidu.to[r] = codes[j];
        baidu.dailyAvg[r++] = v;
        iota[i][t] += Math.log1p(v) / (n - 1);
      }
    }
  }

  // factor inputs (step 2, after Baidu)
  const panel: CityYear[] = [];
  for (let c = 0; c < n; c++) {
    const ibar = iota[c].reduce((a, b) => a + b, 0) / T;
    const uF = rand.uniform(1.2, 2.0);
    const uL = rand.uniform(0.8, 1.5);
    for (let t = 0; t < T; t++) {
      const kappa = Math.exp(0.02 * (iota[c][t] - ibar));
      const G = gdp[t][c];
      panel.push({
        code: codes[c],
        year: PANEL_YEARS[t],
        values: {
          gdp_pc: edl[c][t], urban_share: ul[c][t],
          fdi_gdp: other[0][c][t], students_pop: other[1][c][t], trade_gdp: other[2][c][t], gov_gdp: other[3][c][t],
          population: pop[c],
          employed: pop[c] * (0.1 + 0.05 * Math.log(edl[c][t]) + rand.normal(0, 0.01)) * kappa,
          net_fixed_assets: G * uF * kappa,
          liquid_assets: G * uL * kappa,
          patents: Math.pow(G / 1e4, 1.2) * kappa,
        },
      });
    }
  }

  let focus = -1;
  for (let c = 0; c < n; c++) if (!excluded.has(codes[c]) && (focus < 0 || gdp[0][c] > gdp[0][focus])) focus = c;
  const cities: CityRecord[] = codes.map((code, c) => ({
    code, name: `City ${code}`, region: region[c], lon: lon[c], lat: lat[c],
    province: `${region[c]}-${Math.floor(lon[c] / 3)}-${Math.floor(lat[c] / 3)}`,
    excluded: excluded.has(code), focus: c === focus,
  }));
  return { inputs: { cities, panel, hsr, baidu }, n, codes, region, pop, gdp, dTilde, excluded };
}
