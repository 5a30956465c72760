/**
 * Configuration of the bri-symbiosis study on WIOD 2013 (spec bri-symbiosis.md, section 6): partners,
 * regions, group dummies, robustness lists, sector aggregation and the estimation window.
 */
import { InputError } from '../../errors.js';

export type Attribution = 'wwz' | 'local' | 'origin';
export type SectorMode = 'aggregated' | 'native';

/** WIOD countries that signed a BRI cooperation document with China (spec 6). */
export const PARTNERS = [
  'AUT', 'BGR', 'CYP', 'CZE', 'EST', 'GRC', 'HUN', 'IDN', 'ITA', 'KOR', 'LTU',
  'LUX', 'LVA', 'MLT', 'POL', 'PRT', 'ROM', 'RUS', 'SVK', 'SVN', 'TUR',
] as const;

/** D1 = 1: IMF advanced economies among the partners (the World Bank list leaves too little contrast). */
export const ADVANCED = new Set(['AUT', 'CYP', 'CZE', 'EST', 'GRC', 'ITA', 'KOR', 'LTU', 'LUX', 'LVA', 'MLT', 'PRT', 'SVK', 'SVN']);

/** Regions of Figure 2 (WIOD has no African, American or Oceanian partner). */
export const ASIA = new Set(['IDN', 'KOR', 'TUR']);

/** Robustness list (c): partners on the 71-country list of the 2018 Belt and Road big-data report. */
export const LIST_C = ['BGR', 'CZE', 'EST', 'HUN', 'IDN', 'KOR', 'LTU', 'LVA', 'POL', 'ROM', 'RUS', 'SVK', 'SVN', 'TUR'];
export const LIST_C_SOURCE =
  'State Information Center (2018), Belt and Road Trade and Cooperation Big Data Report: WIOD partners on its 71-country list (GRC and CYP excluded).';

/** Newly industrialized partners of Table A3 (default; `nic=+KOR` adds Korea). */
export const NIC_DEFAULT = ['IDN', 'TUR'];

/** Aggregation of the 35 WIOD sectors: manufacturing into the 8 Eora26 sectors, the rest unchanged. */
export const WIOD_TO_EORA: Record<string, string> = {
  c3: 'C4', c4: 'C5', c5: 'C5', c6: 'C6', c7: 'C6', c8: 'C7', c9: 'C7', c10: 'C7', c11: 'C7',
  c12: 'C8', c13: 'C9', c14: 'C9', c15: 'C10', c16: 'C11',
};

export const SECTOR_NAMES: Record<string, string> = {
  C4: 'Food & beverages', C5: 'Textiles & wearing apparel', C6: 'Wood & paper',
  C7: 'Petroleum, chemical & non-metallic mineral products', C8: 'Metal products', C9: 'Electrical & machinery',
  C10: 'Transport equipment', C11: 'Other manufacturing',
};

export interface StudyConfig {
  /** Home country (China). */
  home: string;
  partners: string[];
  sectorMode: SectorMode;
  /** Study sectors (after aggregation). */
  sectors: string[];
  /** D2 = 1 sectors. */
  highTech: Set<string>;
  /** First and last year of the estimation window (the year before is read for lags and growth). */
  window: [number, number];
  /** D3 = 1 for t >= this year (default 2002, China's WTO accession; the BRI break 2014 lies outside WIOD). */
  breakYear: number;
  attribution: Attribution;
  /** FTA definition: strict (full FTAs) or broad (adds partial-scope agreements). */
  fta: 'strict' | 'broad';
  listC: string[];
  nic: string[];
  /** Winsorizing percentiles (two-sided); null = off. */
  winsor: [number, number] | null;
  /** VAX of XT (spec 3.2): value added exported and absorbed abroad (`vax`, default) or plus the WWZ returned
   * domestic value added RDV_FIN + RDV_FIN2 + RDV_INT (`dva`). */
  vax: 'vax' | 'dva';
  /** IV SE (spec 4.4): true = HC1 with t(N-K) (ivreg2 robust small, default); false = HC0, normal p-values. */
  ivSmall: boolean;
}

export function defaultConfig(sectorMode: SectorMode = 'aggregated'): StudyConfig {
  const native = sectorMode === 'native';
  return {
    home: 'CHN',
    partners: [...PARTNERS],
    sectorMode,
    sectors: native ? Array.from({ length: 14 }, (_, k) => `c${k + 3}`) : ['C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11'],
    highTech: new Set(native ? ['c9', 'c13', 'c14', 'c15'] : ['C9', 'C10']),
    window: [1996, 2011],
    breakYear: 2002,
    attribution: 'wwz',
    fta: 'strict',
    listC: [...LIST_C],
    nic: [...NIC_DEFAULT],
    winsor: [1, 99],
    vax: 'vax',
    ivSmall: true,
  };
}

/** Sector mapping for `aggregate` (every WIOD sector mapped; non-manufacturing to itself). */
export function sectorMapping(sectors: readonly string[], mode: SectorMode): Map<string, string> | undefined {
  if (mode === 'native') return undefined;
  const m = new Map<string, string>();
  for (const s of sectors) m.set(s, WIOD_TO_EORA[s] ?? s);
  return m;
}

/** WIOD labels Romania ROM; ROU is accepted as an alias in user input. */
export function normalizeCountry(code: string): string {
  const c = code.trim().toUpperCase();
  return c === 'ROU' ? 'ROM' : c;
}

/** Parse `nic=+KOR` style edits or a comma list. */
export function parseNic(spec: string | undefined): string[] {
  if (!spec) return [...NIC_DEFAULT];
  if (spec.startsWith('+')) return [...NIC_DEFAULT, ...spec.slice(1).split(',').map(normalizeCountry)];
  return spec.split(',').map(normalizeCountry).filter((c) => c !== '');
}

export function checkPartners(list: readonly string[], available: readonly string[]): void {
  for (const p of list) {
    if (!available.includes(p)) throw new InputError(`partner ${p} is not a country of the table (available: ${available.join(', ')}).`);
  }
}
