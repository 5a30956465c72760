/**
 * The tidy country-year panel of the deglobalization study (spec 5, `deglob_panel`): one row per named MRIO
 * region (RoW excluded) and year read, sorted by country and year, in the spec's column order. Growth is
 * nominal MRIO GDP growth (growth_source = mrio_nominal) unless the covariates file gives real growth
 * (covariates_real), which then replaces both the country and the world rate (world = the file's WLD row,
 * else the mean over the file's countries weighted by MRIO GDP of t-1). Cells that cannot be computed are NaN
 * (empty in the CSV).
 */
import { frame, type DataFrame } from '../../econometrics/frame.js';
import { gdpGrowth } from '../../indicators/localshares.js';
import { SCOPES, type DeglobConfig } from './config.js';
import { covKey, type Covariates } from './covariates.js';
import type { YearMeasures } from './measures.js';

export const PANEL_COLUMNS = [
  'country', 'year', 'in_sample', 'E', 'DVX_vs1', 'DVX_kww_iv', 'FVA', 'gvcp_vs1', 'gvcp_kpww',
  'omega_industry', 'mu_industry', 'mu_prod_industry', 'v_industry',
  'omega_manufacturing', 'mu_manufacturing', 'mu_prod_manufacturing', 'v_manufacturing',
  'omega_total', 'mu_total', 'mu_prod_total', 'v_total',
  'GDP', 'growth', 'world_growth', 'gr', 'ln_GDP', 'ln_gdppc', 'ln_pop', 'growth_source',
] as const;

interface YearGrowth {
  growth: Float64Array;
  world: number;
  source: string[];
}

/** Growth of every region in year t given the measures of t-1 (undefined when t-1 was not read). */
function growthFor(prev: YearMeasures | undefined, cur: YearMeasures, cov: Covariates | undefined): YearGrowth {
  const G = cur.countries.length;
  const empty = (): YearGrowth => ({ growth: new Float64Array(G).fill(NaN), world: NaN, source: new Array<string>(G).fill('') });
  if (cov?.hasGrowth) {
    const out = empty();
    let wsum = 0;
    let wacc = 0;
    cur.countries.forEach((c, i) => {
      const r = cov.rows.get(covKey(c, cur.year));
      if (r && Number.isFinite(r.growth)) {
        out.growth[i] = r.growth;
        out.source[i] = 'covariates_real';
        const w = prev ? prev.GDP[prev.countries.indexOf(c)] : NaN;
        if (Number.isFinite(w)) {
          wsum += w;
          wacc += w * r.growth;
        }
      }
    });
    const wld = cov.rows.get(covKey('WLD', cur.year));
    out.world = wld && Number.isFinite(wld.growth) ? wld.growth : wsum > 0 ? wacc / wsum : NaN;
    return out;
  }
  if (!prev) return empty();
  if (prev.countries.join() !== cur.countries.join()) throw new Error(`the tables of ${prev.year} and ${cur.year} list different regions.`);
  const g = gdpGrowth(prev.GDP, cur.GDP);
  return { growth: g.growth, world: g.worldGrowth, source: new Array<string>(G).fill('mrio_nominal') };
}

export interface PanelBuild {
  panel: DataFrame;
  /** Country-years of the estimation sample lacking a variable, by variable. */
  missing: Record<string, number>;
}

export function buildPanel(measures: readonly YearMeasures[], cfg: DeglobConfig, cov?: Covariates): PanelBuild {
  const byYear = new Map(measures.map((m) => [m.year, m]));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const countries = measures[0].countries.filter((c) => c.toUpperCase() !== 'ROW').slice().sort();
  const growth = new Map<number, YearGrowth>();
  for (const y of years) growth.set(y, growthFor(byYear.get(y - 1), byYear.get(y)!, cov));
  const cols: Record<string, number[] | string[]> = {};
  for (const c of PANEL_COLUMNS) cols[c] = [];
  const num = (k: string) => cols[k] as number[];
  const str = (k: string) => cols[k] as string[];
  const sample = new Set(cfg.countries);
  for (const c of countries) {
    for (const y of years) {
      const m = byYear.get(y)!;
      const i = m.countries.indexOf(c);
      if (i < 0) throw new Error(`${c} is missing from the table of ${y}.`);
      const g = growth.get(y)!;
      str('country').push(c);
      num('year').push(y);
      num('in_sample').push(sample.has(c) && y >= cfg.window[0] && y <= cfg.window[1] ? 1 : 0);
      num('E').push(m.E[i]);
      num('DVX_vs1').push(m.DVX_vs1[i]);
      num('DVX_kww_iv').push(m.DVX_kww_iv[i]);
      num('FVA').push(m.FVA[i]);
      num('gvcp_vs1').push(m.gvcp_vs1[i]);
      num('gvcp_kpww').push(m.gvcp_kpww[i]);
      for (const s of SCOPES) {
        num(`omega_${s}`).push(m.shares[s].omega[i]);
        num(`mu_${s}`).push(m.shares[s].mu[i]);
        num(`mu_prod_${s}`).push(m.shares[s].muProduct[i]);
        num(`v_${s}`).push(m.shares[s].v[i]);
      }
      num('GDP').push(m.GDP[i]);
      num('growth').push(g.growth[i]);
      num('world_growth').push(Number.isFinite(g.growth[i]) ? g.world : NaN);
      num('gr').push(g.growth[i] - g.world);
      num('ln_GDP').push(m.GDP[i] > 0 ? Math.log(m.GDP[i]) : NaN);
      const cv = cov?.rows.get(covKey(c, y));
      num('ln_gdppc').push(cv ? cv.lnGdppc : NaN);
      num('ln_pop').push(cv ? cv.lnPop : NaN);
      str('growth_source').push(g.source[i]);
    }
  }
  const panel = frame(cols);
  const missing: Record<string, number> = {};
  const inS = cols.in_sample as number[];
  const need = ['gvcp_vs1', 'gvcp_kpww', ...SCOPES.flatMap((s) => [`omega_${s}`, `mu_${s}`, `mu_prod_${s}`, `v_${s}`]), 'gr'];
  if (cov) need.push('ln_gdppc', 'ln_pop');
  for (const k of need) {
    const v = cols[k] as number[];
    const n = v.filter((x, r) => inS[r] === 1 && !Number.isFinite(x)).length;
    if (n > 0) missing[k] = n;
  }
  return { panel, missing };
}
