/**
 * Configuration of the bri-upgrading study (spec bri-upgrading.md, sections 1 and 5): the country groups
 * (named lists the user can replace), the R&D host set H of the Sofdi spillover, the estimation window and
 * the optional external files. Groups are data; the estimation code never names a country.
 *
 * Options (runner `--option key=value`, or the flags of spec section 6 once the CLI forwards them):
 *   group=main|route|ISO3,...   drop_china=1   covariates=FILE   ofdi=FILE   hosts=FILE
 *   host_set=G7|ISO3,...        synthetic_covariates=SEED
 * `--countries ISO3,...` of the runner is the same as group=ISO3,...; `--years a-b` sets the window.
 */
import { OptionError } from '../../errors.js';
import { ISO_NUMERIC } from '../../io/countries.js';

/** Main group: China plus the 21 WIOD countries that signed BRI cooperation documents (spec 5). */
export const GROUP_MAIN = [
  'CHN', 'AUT', 'BGR', 'CYP', 'CZE', 'EST', 'GRC', 'HUN', 'IDN', 'ITA', 'KOR', 'LTU',
  'LUX', 'LVA', 'MLT', 'POL', 'PRT', 'ROM', 'RUS', 'SVK', 'SVN', 'TUR',
] as const;

/** Sensitivity group: China plus the WIOD countries on the 64-country "along the route" list (spec 5). */
export const GROUP_ROUTE = [
  'CHN', 'BGR', 'CYP', 'CZE', 'EST', 'GRC', 'HUN', 'IDN', 'IND', 'LTU', 'LVA', 'POL', 'ROM', 'RUS', 'SVK', 'SVN', 'TUR',
] as const;

/** The paper's 34 ADB MRIO economies plus China (spec 1), for users of an ADB MRIO release. */
export const GROUP_ADB = [
  'CHN', 'BGD', 'BGR', 'BRN', 'BTN', 'CYP', 'CZE', 'EST', 'GRC', 'HRV', 'HUN', 'IDN', 'IND', 'KAZ', 'KGZ', 'KHM', 'LAO', 'LKA',
  'LTU', 'LVA', 'MDV', 'MNG', 'MYS', 'NPL', 'PAK', 'PHL', 'POL', 'ROM', 'RUS', 'SGP', 'SVK', 'SVN', 'THA', 'TUR', 'VNM',
] as const;

export const GROUPS: Record<string, readonly string[]> = { main: GROUP_MAIN, route: GROUP_ROUTE, adb: GROUP_ADB };

/** Default R&D host set H of Sofdi: the G7. */
export const HOSTS_G7 = ['USA', 'JPN', 'DEU', 'GBR', 'FRA', 'ITA', 'CAN'] as const;

/** Depreciation rate of the R&D capital stock (perpetual inventory). */
export const RD_DEPRECIATION = 0.05;

/** The home economy named in tables and figures (a unit of the panel, marked in Figure 2). */
export const HOME = 'CHN';

export interface UpgradingConfig {
  groupName: string;
  countries: string[];
  dropChina: boolean;
  /** Estimation window [first, last]; tables of the year before are read for PGDP_w and RD_lag1. */
  window: [number, number];
  /** True when the window came from --years (else: all years read but the first). */
  explicitWindow: boolean;
  hosts: string[];
  covariates?: string;
  ofdi?: string;
  hostsFile?: string;
  /** Seed of the generated covariates (tests and demos only). */
  syntheticSeed?: number;
}

const KNOWN = new Set<string>([...Object.values(ISO_NUMERIC), 'ROM', 'ROW']);

/** Upper-case ISO3; Romania is ROM in WIOD, ROU accepted as an alias. */
export function normalizeCountry(code: string): string {
  const c = code.trim().toUpperCase();
  return c === 'ROU' ? 'ROM' : c;
}

/** Whether a (normalized) code is a known ISO3 code (or WIOD's ROM / RoW). */
export function isKnownCountry(code: string): boolean {
  return KNOWN.has(code);
}

function parseList(spec: string, what: string): string[] {
  const list = spec.split(',').map(normalizeCountry).filter((c) => c !== '');
  for (const c of list) if (!isKnownCountry(c)) throw new OptionError(`${what}: "${c}" is not an ISO3 country code.`);
  if (!list.length) throw new OptionError(`${what}: empty country list.`);
  return [...new Set(list)];
}

/** A named group or an explicit ISO3 list. */
export function resolveGroup(spec: string): { name: string; countries: string[] } {
  const g = GROUPS[spec.trim().toLowerCase()];
  if (g) return { name: spec.trim().toLowerCase(), countries: [...g] };
  return { name: 'custom', countries: parseList(spec, 'group') };
}

function flag(v: string | undefined, key: string): boolean {
  if (v === undefined) return false;
  const s = v.trim().toLowerCase();
  if (['1', 'true', 'yes', ''].includes(s)) return true;
  if (['0', 'false', 'no'].includes(s)) return false;
  throw new OptionError(`${key} must be 1 or 0 (or a bare --${key.replace(/_/g, '-')}); got "${v}".`);
}

/** Build the configuration from runner options, --countries and --years. */
export function configFromOptions(options: Record<string, string>, countries?: string[], years?: [number, number]): UpgradingConfig {
  const known = new Set(['group', 'drop_china', 'covariates', 'ofdi', 'hosts', 'host_set', 'synthetic_covariates']);
  for (const k of Object.keys(options)) {
    if (!known.has(k)) throw new OptionError(`bri-upgrading: unknown option "${k}" (known: ${[...known].join(', ')}).`);
  }
  const g = countries?.length ? { name: 'custom', countries: parseList(countries.join(','), '--countries') } : resolveGroup(options.group ?? 'main');
  const dropChina = flag(options.drop_china, 'drop_china');
  const hostSpec = options.host_set ?? 'G7';
  const hosts = hostSpec.trim().toUpperCase() === 'G7' ? [...HOSTS_G7] : parseList(hostSpec, 'host_set');
  let syntheticSeed: number | undefined;
  if (options.synthetic_covariates !== undefined) {
    syntheticSeed = Number(options.synthetic_covariates);
    if (!Number.isInteger(syntheticSeed)) throw new OptionError(`synthetic_covariates must be an integer seed, got "${options.synthetic_covariates}".`);
    if (options.covariates || options.ofdi || options.hosts) throw new OptionError('synthetic_covariates cannot be combined with covariates, ofdi or hosts files.');
  }
  if ((options.ofdi && !options.hosts) || (!options.ofdi && options.hosts)) {
    throw new OptionError('Sofdi needs both the OFDI file (ofdi=) and the host file (hosts=).');
  }
  return {
    groupName: g.name,
    countries: dropChina ? g.countries.filter((c) => c !== HOME) : g.countries,
    dropChina,
    window: years ?? [1996, 2011],
    explicitWindow: !!years,
    hosts,
    covariates: options.covariates,
    ofdi: options.ofdi,
    hostsFile: options.hosts,
    syntheticSeed,
  };
}
