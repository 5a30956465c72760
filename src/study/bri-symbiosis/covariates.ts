/**
 * Optional covariates of the bri-symbiosis study (spec 3.4-3.5, 6): one CSV with columns
 *   country, year, lab, gdp, gdppc, wgi_va, wgi_ps, wgi_ge, wgi_rq, wgi_rl, wgi_cc, pdi, idv, mas, uai, oil
 * (empty cells allowed). From it:
 *   POL[r,t] = mean_k |WGI_k[c,t] - WGI_k[r,t]|   (missing years interpolated linearly; years before the
 *              first observation carry it back, e.g. WGI 1996 -> 1995)
 *   ECO[r,t] = (gdppc_c - gdppc_r)^2 / (gdp_c gdp_r)
 *   CUL[r]   = (1/4) sum_k (H_k[r] - H_k[c])^2 / Var_k   (Kogut-Singh; Var_k over all countries with scores;
 *              a missing r gets the mean CUL of its contiguous neighbours)
 *   LAB[r,t] = labour force, millions;  oil[t] = the year's oil price (any non-empty row of that year)
 */
import { InputError } from '../../errors.js';
import { normalizeCountry } from './config.js';
import { parseCsv } from './externals.js';

const WGI = ['wgi_va', 'wgi_ps', 'wgi_ge', 'wgi_rq', 'wgi_rl', 'wgi_cc'];
const HOFSTEDE = ['pdi', 'idv', 'mas', 'uai'];
const ALL = ['lab', 'gdp', 'gdppc', ...WGI, ...HOFSTEDE, 'oil'];

export interface Covariates {
  /** Source path (for provenance). */
  source: string;
  POL(r: string, t: number): number;
  ECO(r: string, t: number): number;
  CUL(r: string): number;
  LAB(r: string, t: number): number;
  oil(t: number): number;
}

type Series = Map<number, number>;

/** Value of a yearly series at t: exact, linear between neighbours, or the nearest end carried. */
function at(s: Series | undefined, t: number): number {
  if (!s || s.size === 0) return NaN;
  const v = s.get(t);
  if (v !== undefined) return v;
  const years = [...s.keys()].sort((a, b) => a - b);
  const lo = years.filter((y) => y < t).pop();
  const hi = years.find((y) => y > t);
  if (lo !== undefined && hi !== undefined) return s.get(lo)! + ((s.get(hi)! - s.get(lo)!) * (t - lo)) / (hi - lo);
  return s.get((lo ?? hi)!)!;
}

export function parseCovariates(text: string, src: string, home: string, neighbours: Map<string, string[]>): Covariates {
  const c = parseCsv(text, src);
  const ci = c.header.indexOf('country');
  const yi = c.header.indexOf('year');
  if (ci < 0 || yi < 0) throw new InputError(`${src}: columns "country" and "year" are required.`);
  const data = new Map<string, Map<string, Series>>(); // var -> country -> year -> value
  for (const v of ALL) data.set(v, new Map());
  for (const [k, r] of c.rows.entries()) {
    const cty = normalizeCountry(r[ci]);
    const year = Number(r[yi]);
    if (!Number.isInteger(year)) throw new InputError(`${src}: row ${k + 2} has year "${r[yi]}".`);
    for (const v of ALL) {
      const j = c.header.indexOf(v);
      if (j < 0 || r[j] === '') continue;
      const x = Number(r[j]);
      if (!Number.isFinite(x)) throw new InputError(`${src}: row ${k + 2}, field "${v}" is not a number ("${r[j]}").`);
      const byC = data.get(v)!;
      if (!byC.has(cty)) byC.set(cty, new Map());
      byC.get(cty)!.set(year, x);
    }
  }
  const get = (v: string, cty: string, t: number) => at(data.get(v)!.get(cty), t);
  const hof = (cty: string, k: string): number => {
    const s = data.get(k)!.get(cty);
    return s && s.size > 0 ? [...s.values()][0] : NaN;
  };
  const variance = new Map<string, number>();
  for (const k of HOFSTEDE) {
    const xs = [...data.get(k)!.keys()].map((cty) => hof(cty, k)).filter(Number.isFinite);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    variance.set(k, xs.length > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1) : NaN);
  }
  const ks = (r: string): number => {
    let s = 0;
    for (const k of HOFSTEDE) s += (hof(r, k) - hof(home, k)) ** 2 / variance.get(k)!;
    return s / 4;
  };
  const oilByYear = new Map<number, number>();
  for (const [, s] of data.get('oil')!) for (const [y, v] of s) if (!oilByYear.has(y)) oilByYear.set(y, v);
  return {
    source: src,
    POL(r, t) {
      let s = 0;
      for (const k of WGI) s += Math.abs(get(k, home, t) - get(k, r, t));
      return s / WGI.length;
    },
    ECO(r, t) {
      return (get('gdppc', home, t) - get('gdppc', r, t)) ** 2 / (get('gdp', home, t) * get('gdp', r, t));
    },
    CUL(r) {
      const own = ks(r);
      if (Number.isFinite(own)) return own;
      const vals = (neighbours.get(r) ?? []).map(ks).filter(Number.isFinite);
      return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : NaN;
    },
    LAB(r, t) {
      return get('lab', r, t);
    },
    oil(t) {
      return at(oilByYear, t);
    },
  };
}
