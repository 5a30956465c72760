/**
 * Constants and options of the inter-city industrial transfer study (spec city-transfer.md):
 * the 42-sector list, the L/C/T sector groups (§2.1), periods, distance tiers (§2.2), synthetic profiles
 * (§5.3) and the planted-effect defaults (§5.3 step 6). Every resolution of the spec is an option here.
 */

/** National 42-sector list (§2.1), code sNN -> short name. */
export const SECTOR_NAMES: readonly string[] = [
  'farming, forestry, animal husbandry, fishery', 'coal mining', 'oil and gas extraction', 'metal ore mining',
  'other mining', 'food and tobacco', 'textiles', 'apparel, leather, down', 'wood and furniture',
  'paper, printing, stationery, sports goods', 'refined petroleum, coke, nuclear fuel', 'chemicals',
  'non-metallic mineral products', 'metal smelting and rolling', 'metal products', 'general equipment',
  'special equipment', 'transport equipment', 'electrical machinery', 'communication, computer, electronic equipment',
  'instruments', 'other manufacturing', 'scrap and waste', 'repair of metal products and machinery',
  'electricity and heat', 'gas', 'water', 'construction', 'wholesale and retail', 'transport, storage, post',
  'accommodation and catering', 'information transmission, software, IT services', 'finance', 'real estate',
  'leasing and business services', 'scientific research and technical services',
  'water conservancy, environment, public facilities', 'resident and other services', 'education',
  'health and social work', 'culture, sports, entertainment', 'public administration and social organisations',
];

/** Sector code of 1-based number k: 1 -> "s01". */
export const sectorCode = (k: number): string => `s${String(k).padStart(2, '0')}`;

export const ALL_SECTORS: readonly string[] = SECTOR_NAMES.map((_, k) => sectorCode(k + 1));

export type SectorGroup = 'L' | 'C' | 'T';
export const GROUPS: readonly SectorGroup[] = ['L', 'C', 'T'];

/** §2.1 resolution: sector numbers per group (`full`), or the study's one example each (`representative`). */
export const SECTOR_GROUPS: Record<'full' | 'representative', Record<SectorGroup, readonly number[]>> = {
  full: {
    L: [1, 6, 7, 8, 9, 10, 22, 28, 29, 31, 38],
    C: [2, 3, 4, 5, 11, 13, 14, 15, 25, 26, 27, 30],
    T: [12, 16, 17, 18, 19, 20, 21, 32, 36],
  },
  representative: { L: [1], C: [25], T: [32] },
};

/** Group of a sector code ("s07" -> 'L'), or undefined when unclassified. */
export function groupOf(code: string, scheme: 'full' | 'representative'): SectorGroup | undefined {
  const k = Number(code.replace(/^s/, ''));
  for (const g of GROUPS) if (SECTOR_GROUPS[scheme][g].includes(k)) return g;
  return undefined;
}

/** Final-use categories kept in Y (§2.1) and their synthetic shares σ (§5.3 step 7). */
export const FD_CATEGORIES = ['RURAL', 'URBAN', 'GOV', 'GFCF', 'INVEN'] as const;
export const FD_SHARES = [0.1, 0.3, 0.15, 0.4, 0.05] as const;

export interface Period {
  name: 'P1' | 'P2';
  y0: number;
  y1: number;
}
export const PERIODS: readonly Period[] = [
  { name: 'P1', y0: 2012, y1: 2015 },
  { name: 'P2', y0: 2015, y1: 2017 },
];
export const TABLE_YEARS = [2012, 2015, 2017] as const;
export const PANEL_YEARS = [2012, 2013, 2014, 2015, 2016, 2017] as const;

/** Distance tiers (§2.2, left-closed, km) with the panel labels of §6.2. */
export const TIERS: ReadonlyArray<{ name: string; label: string; lo: number; hi: number }> = [
  { name: 'proximal', label: '0-200 km', lo: 0, hi: 200 },
  { name: 'regional', label: '200-500 km', lo: 200, hi: 500 },
  { name: 'cross_regional', label: '500-1000 km', lo: 500, hi: 1000 },
  { name: 'strategic', label: '1000-2000 km', lo: 1000, hi: 2000 },
  { name: 'remote', label: '2000-4000 km', lo: 2000, hi: Infinity },
];

export function tierOf(km: number): number {
  for (let t = TIERS.length - 1; t >= 0; t--) if (km >= TIERS[t].lo) return t;
  return 0;
}

export type Profile = 'tiny' | 'small' | 'paper';
export const PROFILES: Record<Profile, { n: number; excluded: number; sectors: readonly number[]; corridorKm: number }> = {
  tiny: { n: 12, excluded: 0, sectors: [1, 7, 12, 25, 32, 34], corridorKm: 400 },
  small: { n: 60, excluded: 0, sectors: ALL_SECTORS.map((_, k) => k + 1), corridorKm: 150 },
  paper: { n: 309, excluded: 36, sectors: ALL_SECTORS.map((_, k) => k + 1), corridorKm: 60 },
};

export type Effects = 'homogeneous' | 'paper-like';

/** Planted coefficient per gradient. */
export interface ByGradient {
  down: number;
  up: number;
}

/** Everything the synthetic generator needs (§5.3, §6.1). */
export interface SyntheticOptions {
  profile: Profile;
  effects: Effects;
  seed: number;
  /** Half-width a of ε ~ U(−a, a). */
  noise: number;
  betaHsr: ByGradient;
  betaInfo: ByGradient;
  /** β3 on double for remote down-gradient pairs (paper-like only; 0 otherwise). */
  betaDouble: number;
  writeTables: boolean;
}

/** Defaults of §5.3 step 6 for an effects choice. */
export function effectDefaults(effects: Effects): { betaHsr: ByGradient; betaInfo: ByGradient; betaDouble: number; noise: number } {
  return effects === 'homogeneous'
    ? { betaHsr: { down: 1.2, up: 1.2 }, betaInfo: { down: 0.8, up: 0.8 }, betaDouble: 0, noise: 4 }
    : { betaHsr: { down: -1.0, up: 3.5 }, betaInfo: { down: 2.2, up: 1.4 }, betaDouble: 0.5, noise: 8 };
}

/** Study options that are resolutions of the spec (kept configurable). */
export interface StudyOptions {
  sectorGroups: 'full' | 'representative';
  /** Parentheses under coefficients: t statistics (default) or standard errors. */
  stat: 't' | 'se';
  /** Focus city of F2 (default: cities.csv `focus` flag, else the largest 2012 GDP... i.e. first flagged). */
  focus?: string;
  /** Minimum number of pairs for a tier × gradient cell to be estimated. */
  minCellPairs: number;
}

export const DEFAULT_STUDY_OPTIONS: StudyOptions = { sectorGroups: 'full', stat: 't', minCellPairs: 2 };
