/**
 * Synthetic BACI + covariates for the China-ASEAN export-similarity study (specs/asean-similarity.md, 5.4):
 * a planted-effect data set whose ESI and Import values are exact by construction, so the whole pipeline
 * (reader -> ESI -> panel -> FE/RE/FGLS) can be checked against known numbers.
 *
 * Pure: returns file names and their text; the caller writes them. Draw order follows the spec exactly
 * (baskets, covariate centres, then country-year rows with redraws), with mulberry32 uniforms.
 */
import { InputError } from '../../errors.js';

/** mulberry32 (spec 5.4): seed 42 gives 0.6011037519201636, 0.44829055899754167, 0.8524657934904099. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t ^ ((t + Math.imul(t ^ (t >>> 7), t | 61)) >>> 0)) >>> 0;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Country {
  iso3: string;
  code: number;
  name: string;
}

export const SAMPLE: Country[] = [
  { iso3: 'CHN', code: 156, name: 'China' },
  { iso3: 'PHL', code: 608, name: 'Philippines' },
  { iso3: 'KHM', code: 116, name: 'Cambodia' },
  { iso3: 'MYS', code: 458, name: 'Malaysia' },
  { iso3: 'THA', code: 764, name: 'Thailand' },
  { iso3: 'SGP', code: 702, name: 'Singapore' },
  { iso3: 'IDN', code: 360, name: 'Indonesia' },
  { iso3: 'MMR', code: 104, name: 'Myanmar' },
  { iso3: 'VNM', code: 704, name: 'Viet Nam' },
];
export const REFERENCES: Country[] = [
  { iso3: 'USA', code: 842, name: 'USA' },
  { iso3: 'DEU', code: 276, name: 'Germany' },
];
export const FILLERS: Country[] = [
  { iso3: 'JPN', code: 392, name: 'Japan' },
  { iso3: 'KOR', code: 410, name: 'Rep. of Korea' },
  { iso3: 'IND', code: 699, name: 'India' },
  { iso3: 'AUS', code: 36, name: 'Australia' },
  { iso3: 'CAN', code: 124, name: 'Canada' },
];
const ISO2: Record<string, string> = {
  CHN: 'CN', PHL: 'PH', KHM: 'KH', MYS: 'MY', THA: 'TH', SGP: 'SG', IDN: 'ID', MMR: 'MM', VNM: 'VN',
  USA: 'US', DEU: 'DE', JPN: 'JP', KOR: 'KR', IND: 'IN', AUS: 'AU', CAN: 'CA',
};
export const STUDY_YEARS = [2002, 2006, 2010, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];

/** The study's printed Table 1 values per sample country (for the country means mu_i). */
export const TABLE1_PRINTED: Record<string, number[]> = {
  CHN: [0.34, 0.346, 0.358, 0.366, 0.369, 0.369, 0.37],
  PHL: [0.077, 0.146, 0.073, 0.14, 0.151, 0.149, 0.144],
  KHM: [0.021, 0.022, 0.012, 0.02, 0.022, 0.023, 0.022],
  MYS: [0.166, 0.184, 0.167, 0.205, 0.22, 0.23, 0.237],
  THA: [0.178, 0.158, 0.145, 0.194, 0.192, 0.197, 0.187],
  SGP: [0.185, 0.263, 0.23, 0.292, 0.309, 0.308, 0.309],
  IDN: [0.07, 0.074, 0.07, 0.08, 0.058, 0.07, 0.086],
  MMR: [0.083, 0.078, 0.026, 0.021, 0.022, 0.021],
  VNM: [0.062, 0.132, 0.1, 0.119, 0.152, 0.156, 0.149],
};

/** Regressor ranges [L, H] of the study's Table 2, in the order Import, lnFDI, Capital, LR, PA, EFI. */
export const RANGES: Array<[number, number]> = [
  [0.105, 0.799],
  [6.18, 12.11],
  [0.162, 0.439],
  [0.547, 0.772],
  [3.258, 11.96],
  [3.69, 8.82],
];
/** Planted slopes: the study's FE estimates (Import, lnFDI, Capital, LR, PA, EFI). */
export const BETA = [0.146, 0.015, -0.469, -0.352, 0.008, 0.027];

export const N_PRODUCTS = 1000;
export function productCode(j: number): string {
  return String(10010 + 970 * j).padStart(6, '0');
}

export interface SyntheticOptions {
  seed?: number;
  noise?: number;
}

export interface SyntheticRow {
  iso3: string;
  year: number;
  /** Planted ESI (mean of the two reference similarities) and bloc import share. */
  esi: number;
  import: number;
  /** Regressors recomputed from the raw values (Import, lnFDI, Capital, LR, PA, EFI). */
  x: number[];
  raw: { fdi: number; gfcfPct: number; lfprPct: number; patents: number; efi: number };
  redraws: number;
}

export interface SyntheticData {
  rows: SyntheticRow[];
  /** file name -> content */
  files: Map<string, string>;
  redraws: number;
}

function basket(u: () => number, from: number, to: number): Map<number, number> {
  const w = new Map<number, number>();
  let s = 0;
  for (let j = from; j <= to; j++) {
    const v = 0.1 + u();
    w.set(j, v);
    s += v;
  }
  for (const [j, v] of w) w.set(j, v / s);
  return w;
}

const patentsMissing = (iso: string, y: number) => iso === 'MMR' || y === 2002 || y === 2006 || (y === 2021 && ['KHM', 'PHL', 'IDN', 'VNM'].includes(iso));
const gfcfMissing = (iso: string, y: number) => iso === 'MMR' || y === 2002 || (y === 2006 && ['KHM', 'PHL', 'IDN'].includes(iso));

export function syntheticAsean(opts: SyntheticOptions = {}): SyntheticData {
  const seed = opts.seed ?? 42;
  const sigma = opts.noise ?? 0.01;
  if (!(sigma >= 0)) throw new InputError(`--noise must be a number >= 0, got ${sigma}.`);
  const u = mulberry32(seed);
  const normal = () => {
    const u1 = u();
    const u2 = u();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  };
  const sUSA = basket(u, 0, 99);
  const sDEU = basket(u, 100, 199);
  const uc = SAMPLE.map((_, c) => basket(u, 200 + 80 * c, 359 + 80 * c));
  const uf = FILLERS.map((_, f) => basket(u, 200 + 160 * f, 359 + 160 * f));
  const centresP = SAMPLE.map(() => RANGES.map(() => 0.2 + 0.6 * u()));
  const rows: SyntheticRow[] = [];
  let redraws = 0;
  SAMPLE.forEach((c, ci) => {
    const mu = TABLE1_PRINTED[c.iso3].reduce((a, b) => a + b, 0) / TABLE1_PRINTED[c.iso3].length;
    const centre = RANGES.map(([L, H], k) => L + (H - L) * centresP[ci][k]);
    for (const year of STUDY_YEARS) {
      let tries = 0;
      for (;;) {
        tries++;
        if (tries > 100) throw new InputError(`synthetic ASEAN generator: no admissible ESI for ${c.iso3} ${year} after 100 draws.`);
        const xd = RANGES.map(([L, H], k) => L + (H - L) * (centresP[ci][k] + 0.15 * (2 * u() - 1)));
        const z = normal();
        const raw = {
          fdi: Math.exp(xd[1]),
          gfcfPct: 100 * xd[2],
          lfprPct: 100 * xd[3],
          patents: Math.floor(Math.exp(xd[4]) + 0.5),
          efi: xd[5],
        };
        const x = [xd[0], Math.log(raw.fdi), raw.gfcfPct / 100, raw.lfprPct / 100, Math.log(raw.patents), raw.efi];
        let esi = mu + sigma * z;
        for (let k = 0; k < 6; k++) esi += (x[k] - centre[k]) * BETA[k];
        if (esi > 0.005 && esi < 0.495) {
          rows.push({ iso3: c.iso3, year, esi, import: xd[0], x, raw, redraws: tries - 1 });
          redraws += tries - 1;
          break;
        }
      }
    }
  });
  return { rows, files: writeFiles(rows, sUSA, sDEU, uc, uf), redraws };
}

function writeFiles(
  rows: SyntheticRow[],
  sUSA: Map<number, number>,
  sDEU: Map<number, number>,
  uc: Map<number, number>[],
  uf: Map<number, number>[],
): Map<string, string> {
  const files = new Map<string, string>();
  const all = [...SAMPLE, ...REFERENCES, ...FILLERS];
  const T = 1_000_000;
  const rowOf = new Map(rows.map((r) => [`${r.iso3}|${r.year}`, r]));
  for (const year of STUDY_YEARS) {
    const basketOf = (e: Country): Map<number, number> => {
      const si = SAMPLE.findIndex((s) => s.iso3 === e.iso3);
      if (si >= 0) {
        const lam = rowOf.get(`${e.iso3}|${year}`)!.esi;
        const b = new Map<number, number>();
        for (const [j, v] of sUSA) b.set(j, lam * v);
        for (const [j, v] of sDEU) b.set(j, lam * v);
        for (const [j, v] of uc[si]) b.set(j, (1 - 2 * lam) * v);
        return b;
      }
      if (e.iso3 === 'USA') return sUSA;
      if (e.iso3 === 'DEU') return sDEU;
      return uf[FILLERS.findIndex((f) => f.iso3 === e.iso3)];
    };
    const bought = (e: Country, m: Country): number => {
      const mi = SAMPLE.findIndex((s) => s.iso3 === m.iso3);
      if (mi < 0) return T / 15;
      const imp = rowOf.get(`${m.iso3}|${year}`)!.import;
      return SAMPLE.some((s) => s.iso3 === e.iso3) ? (imp * T) / 8 : ((1 - imp) * T) / 7;
    };
    const lines = ['t,i,j,k,v,q'];
    for (const e of all) {
      const b = basketOf(e);
      const codes = Array.from(b.keys()).sort((p, q) => p - q);
      for (const m of all) {
        if (m === e) continue;
        const B = bought(e, m);
        for (const j of codes) {
          const s = b.get(j)!;
          if (s > 0) lines.push(`${year},${e.code},${m.code},${productCode(j)},${String(B * s)},`);
        }
      }
    }
    files.set(`BACI_HS02_Y${year}_V000000.csv`, lines.join('\n') + '\n');
  }
  files.set(
    'country_codes_V000000.csv',
    ['country_code,country_name,country_iso2,country_iso3', ...all.map((c) => `${c.code},${c.name},${ISO2[c.iso3]},${c.iso3}`)].join('\n') + '\n',
  );
  const prod = ['code,description'];
  for (let j = 0; j < N_PRODUCTS; j++) prod.push(`${productCode(j)},synthetic product ${j}`);
  files.set('product_codes_HS02_V000000.csv', prod.join('\n') + '\n');
  const cov = ['iso3,year,fdi_inflow_musd,gfcf_pct_gdp,lfpr_pct,patents,efi,efi_scale'];
  for (const r of rows) {
    cov.push(
      [
        r.iso3,
        r.year,
        String(r.raw.fdi),
        gfcfMissing(r.iso3, r.year) ? '' : String(r.raw.gfcfPct),
        String(r.raw.lfprPct),
        patentsMissing(r.iso3, r.year) ? '' : String(r.raw.patents),
        String(r.raw.efi),
        '10',
      ].join(','),
    );
  }
  files.set('covariates.csv', cov.join('\n') + '\n');
  return files;
}
