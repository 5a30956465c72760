/**
 * Configuration of the China-ASEAN export-similarity study (spec asean-similarity.md, 1 and 5.2): the nine
 * sample countries in the study's Table 1 order, the two reference exporters, the eleven study years and
 * the documented resolutions (reference combination, HS level, patents series, RE variance form), each
 * settable by `key=value` options.
 */
import { OptionError } from '../../errors.js';
import { parseExtras, type Extra } from './xt-extras.js';

export interface SampleCountry {
  iso3: string;
  name: string;
  /** BACI / ISO numeric code (used only when the release has no country table). */
  code: number;
}

/** Table 1 order of the study (rows of Tables 1 and the panel; the FGLS base is the first in the sample). */
export const TABLE1_COUNTRIES: readonly SampleCountry[] = [
  { iso3: 'PHL', name: 'Philippines', code: 608 },
  { iso3: 'KHM', name: 'Cambodia', code: 116 },
  { iso3: 'MYS', name: 'Malaysia', code: 458 },
  { iso3: 'THA', name: 'Thailand', code: 764 },
  { iso3: 'SGP', name: 'Singapore', code: 702 },
  { iso3: 'IDN', name: 'Indonesia', code: 360 },
  { iso3: 'MMR', name: 'Myanmar', code: 104 },
  { iso3: 'VNM', name: 'Viet Nam', code: 704 },
  { iso3: 'CHN', name: 'China', code: 156 },
];

export const STUDY_YEARS: readonly number[] = [2002, 2006, 2010, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021];
/** Years displayed in Table 1. */
export const TABLE1_YEARS: readonly number[] = [2006, 2010, 2014, 2018, 2019, 2020, 2021];

/** Regressors of model (2), in the order of Table 3. */
export const REGRESSORS = ['import', 'lnfdi', 'capital', 'lr', 'pa', 'efi'] as const;
export const REGRESSOR_LABELS: Record<string, string> = {
  import: 'Import', lnfdi: 'lnFDI', capital: 'Capital', lr: 'LR', pa: 'PA', efi: 'EFI',
};
/** Variables of the listwise-complete estimation sample, in the order used by drop_reason. */
export const SAMPLE_VARIABLES = ['esi', 'import', 'lnfdi', 'capital', 'lr', 'pa', 'efi'] as const;

export type Combine = 'mean' | 'pooled';
export type ReVariance = 'stata' | 'plm';
export type PaSeries = 'nonresident' | 'total';

export interface AseanConfig {
  /** Sample countries (ISO3), Table 1 order. */
  exporters: string[];
  references: string[];
  /** 'world' or a list of importers (third markets). */
  market: 'world' | string[];
  combine: Combine;
  level: 6 | 4 | 2;
  years: number[];
  /** Bloc of the Import share (default: the exporter set). */
  bloc: string[];
  paSeries: PaSeries;
  reVariance: ReVariance;
  excludeMutual: boolean;
  /** What Table 3 shows in parentheses: t/z statistics (the study's) or standard errors. */
  parens: 'stat' | 'se';
  /** Optional robustness columns of Table 3 (twoway, cluster, parks). */
  extras: Extra[];
}

export function defaultConfig(): AseanConfig {
  const ex = TABLE1_COUNTRIES.map((c) => c.iso3);
  return {
    exporters: ex,
    references: ['USA', 'DEU'],
    market: 'world',
    combine: 'mean',
    level: 6,
    years: [...STUDY_YEARS],
    bloc: [...ex],
    paSeries: 'nonresident',
    reVariance: 'stata',
    excludeMutual: false,
    parens: 'stat',
    extras: [],
  };
}

const list = (s: string) => s.split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);

/** Years like "2002,2006,2010,2014,2015-2021". */
export function parseYearList(s: string): number[] {
  const out: number[] = [];
  for (const part of s.split(',').map((x) => x.trim()).filter(Boolean)) {
    const m = part.match(/^(\d{4})(?:-(\d{4}))?$/);
    if (!m) throw new OptionError(`years: "${part}" is not a year or a range like 2015-2021.`);
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a) throw new OptionError(`years: the range ${part} runs backwards.`);
    for (let y = a; y <= b; y++) if (!out.includes(y)) out.push(y);
  }
  return out.sort((a, b) => a - b);
}

const KEYS = ['exporters', 'references', 'market', 'combine', 'level', 'years', 'bloc', 'pa_series', 're_variance', 'exclude_mutual', 'parens', 'extras'];

/** Apply `key=value` options (spec 5.2 names) to the default configuration. */
export function configFromOptions(options: Record<string, string>): AseanConfig {
  const cfg = defaultConfig();
  for (const [k, v] of Object.entries(options)) {
    if (!KEYS.includes(k)) throw new OptionError(`unknown asean-similarity option "${k}" (valid: ${KEYS.join(', ')}).`);
    if (k === 'exporters') cfg.exporters = list(v);
    else if (k === 'references') cfg.references = list(v);
    else if (k === 'market') cfg.market = v.trim().toLowerCase() === 'world' ? 'world' : list(v);
    else if (k === 'bloc') cfg.bloc = list(v);
    else if (k === 'years') cfg.years = parseYearList(v);
    else if (k === 'combine') {
      if (v !== 'mean' && v !== 'pooled') throw new OptionError(`combine must be mean or pooled, got "${v}".`);
      cfg.combine = v;
    } else if (k === 'level') {
      const l = Number(v);
      if (l !== 6 && l !== 4 && l !== 2) throw new OptionError(`level must be 6, 4 or 2, got "${v}".`);
      cfg.level = l;
    } else if (k === 'pa_series') {
      if (v !== 'nonresident' && v !== 'total') throw new OptionError(`pa_series must be nonresident or total, got "${v}".`);
      cfg.paSeries = v;
    } else if (k === 're_variance') {
      if (v !== 'stata' && v !== 'plm') throw new OptionError(`re_variance must be stata or plm, got "${v}".`);
      cfg.reVariance = v;
    } else if (k === 'parens') {
      if (v !== 'stat' && v !== 'se') throw new OptionError(`parens must be stat or se, got "${v}".`);
      cfg.parens = v;
    } else if (k === 'extras') cfg.extras = parseExtras(v);
    else if (k === 'exclude_mutual') cfg.excludeMutual = v === '1' || v === 'true' || v === 'yes';
  }
  if (options.exporters && !options.bloc) cfg.bloc = [...cfg.exporters];
  if (cfg.exporters.length < 2) throw new OptionError('exporters: the study needs at least two sample countries.');
  if (cfg.references.length < 1) throw new OptionError('references: at least one reference exporter is needed.');
  if (cfg.market !== 'world') {
    const clash = [...cfg.exporters, ...cfg.references].filter((c) => (cfg.market as string[]).includes(c));
    if (clash.length) throw new OptionError(`market contains compared exporter(s) ${clash.join(', ')}; a third market must contain neither side.`);
  }
  return cfg;
}

/** Display name of a sample country (the ISO3 code when it is not one of the nine). */
export function countryName(iso3: string): string {
  return TABLE1_COUNTRIES.find((c) => c.iso3 === iso3)?.name ?? iso3;
}
