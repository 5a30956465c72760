/**
 * Configuration of the deglobalization study on an MRIO (spec deglobalization.md, sections 2.2-2.4 and 4):
 * sample countries, scope of the local shares, mu basis, DVX convention, scaling, standard errors, controls,
 * threshold-search settings. Options arrive as `--option key=value` (and --years, --countries).
 *
 *   scope=industry|manufacturing|total   mu_basis=user|product   dvx=vs1|kww_iv   standardize=none|zscore
 *   se=conventional|hc1|cluster          covariates=FILE         trim=0.01        grid=K (0: all candidates)
 *   bootstrap=500  seed=1  row_unit=1  differences=overlapping|nonoverlapping  fig2_quadratic=1
 *   emerging=BRA,IDN,RUS,TUR (the "other emerging" row of Table 4)
 */
import { OptionError } from '../../errors.js';

/** The 18 of the paper's 21 economies present in WIOD 2013 (NZL, NOR and CHE sit inside RoW). */
export const SAMPLE = ['AUS', 'AUT', 'BEL', 'CAN', 'DNK', 'FIN', 'FRA', 'DEU', 'ITA', 'JPN', 'KOR', 'NLD', 'PRT', 'ESP', 'SWE', 'GBR', 'USA', 'CHN'];
export const NOT_IN_WIOD = ['NZL', 'NOR', 'CHE'];

export type Scope = 'industry' | 'manufacturing' | 'total';
export const SCOPES: readonly Scope[] = ['industry', 'manufacturing', 'total'];
/** WIOD-35 sector ranges of each scope (industry = mining, manufacturing, utilities). */
export const SCOPE_SECTORS: Record<Scope, string> = { industry: 'c2-c17', manufacturing: 'c3-c16', total: 'all' };

export type MuBasis = 'user' | 'product';
export type Dvx = 'vs1' | 'kww_iv';
export type Standardize = 'none' | 'zscore';
export type Se = 'conventional' | 'hc1' | 'cluster';
export type Differences = 'overlapping' | 'nonoverlapping';

export interface DeglobConfig {
  /** Estimation window (inclusive); growth of the first year uses the table of the year before. */
  window: [number, number];
  countries: string[];
  scope: Scope;
  muBasis: MuBasis;
  dvx: Dvx;
  standardize: Standardize;
  se: Se;
  covariates?: string;
  trim: number;
  /** Candidate grid size (undefined: all admissible distinct values). */
  grid?: number;
  bootstrap: number;
  seed: number;
  rowUnit: boolean;
  differences: Differences;
  fig2Quadratic: boolean;
  emerging: string[];
  /** Table 4 years (those read are used). */
  table4Years: number[];
}

export function defaultConfig(): DeglobConfig {
  return {
    window: [2000, 2011],
    countries: [...SAMPLE],
    scope: 'industry',
    muBasis: 'user',
    dvx: 'vs1',
    standardize: 'none',
    se: 'conventional',
    trim: 0.01,
    bootstrap: 500,
    seed: 1,
    rowUnit: false,
    differences: 'overlapping',
    fig2Quadratic: false,
    emerging: ['BRA', 'IDN', 'RUS', 'TUR'],
    table4Years: [1995, 1997, 2001, 2005, 2009, 2011],
  };
}

/** WIOD spells Romania ROM; ROU is an alias. */
export function normalizeIso(code: string): string {
  const c = code.trim().toUpperCase();
  return c === 'ROU' ? 'ROM' : c;
}

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new OptionError(`${key} must be ${allowed.join(', ')}; got "${value}".`);
  return value as T;
}

function intOpt(key: string, value: string, min: number): number {
  const v = Number(value);
  if (!Number.isInteger(v) || v < min) throw new OptionError(`${key} must be an integer >= ${min}; got "${value}".`);
  return v;
}

function boolOpt(key: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', ''].includes(v)) return true;
  if (['0', 'false', 'no'].includes(v)) return false;
  throw new OptionError(`${key} must be 1 or 0 (or a bare --${key.replace(/_/g, '-')}); got "${value}".`);
}

const KNOWN = new Set([
  'scope', 'mu_basis', 'dvx', 'standardize', 'se', 'covariates', 'trim', 'grid', 'bootstrap', 'seed', 'row_unit',
  'differences', 'fig2_quadratic', 'emerging', 'sectors',
]);

/** Options -> config; unknown keys are an error naming the accepted ones. */
export function configFromOptions(o: Record<string, string>, years?: [number, number], countries?: string[]): DeglobConfig {
  for (const k of Object.keys(o)) {
    if (!KNOWN.has(k)) throw new OptionError(`unknown option "${k}" for deglobalization (accepted: ${[...KNOWN].filter((x) => x !== 'sectors').join(', ')}).`);
  }
  const cfg = defaultConfig();
  if (years) cfg.window = years;
  if (cfg.window[1] - cfg.window[0] < 4) throw new OptionError(`--years ${cfg.window.join('-')}: the 4-year differences need at least 5 years.`);
  if (countries?.length) cfg.countries = countries.map(normalizeIso);
  if (o.scope) cfg.scope = oneOf('scope', o.scope, SCOPES);
  if (o.mu_basis) cfg.muBasis = oneOf('mu_basis', o.mu_basis, ['user', 'product'] as const);
  if (o.dvx) cfg.dvx = oneOf('dvx', o.dvx, ['vs1', 'kww_iv'] as const);
  if (o.standardize) cfg.standardize = oneOf('standardize', o.standardize, ['none', 'zscore'] as const);
  if (o.se) cfg.se = oneOf('se', o.se, ['conventional', 'hc1', 'cluster'] as const);
  if (o.differences) cfg.differences = oneOf('differences', o.differences, ['overlapping', 'nonoverlapping'] as const);
  if (o.covariates) cfg.covariates = o.covariates;
  if (o.trim !== undefined) {
    const t = Number(o.trim);
    if (!(t >= 0 && t < 0.5)) throw new OptionError(`trim must lie in [0, 0.5); got "${o.trim}".`);
    cfg.trim = t;
  }
  if (o.grid !== undefined) {
    const g = intOpt('grid', o.grid, 0);
    cfg.grid = g > 0 ? g : undefined;
  }
  if (o.bootstrap !== undefined) cfg.bootstrap = intOpt('bootstrap', o.bootstrap, 0);
  if (o.seed !== undefined) cfg.seed = intOpt('seed', o.seed, 0);
  if (o.row_unit !== undefined) cfg.rowUnit = boolOpt('row_unit', o.row_unit);
  if (o.fig2_quadratic !== undefined) cfg.fig2Quadratic = boolOpt('fig2_quadratic', o.fig2_quadratic);
  if (o.emerging) cfg.emerging = o.emerging.split(',').map(normalizeIso).filter(Boolean);
  return cfg;
}

/** Panel column names of the variables that enter the regressions under a config. */
export function modelColumns(cfg: Pick<DeglobConfig, 'scope' | 'muBasis' | 'dvx'>): { gvcp: string; omega: string; mu: string; v: string } {
  return {
    gvcp: cfg.dvx === 'vs1' ? 'gvcp_vs1' : 'gvcp_kpww',
    omega: `omega_${cfg.scope}`,
    mu: cfg.muBasis === 'user' ? `mu_${cfg.scope}` : `mu_prod_${cfg.scope}`,
    v: `v_${cfg.scope}`,
  };
}
