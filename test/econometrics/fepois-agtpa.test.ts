/**
 * PPML gravity on the AGTPA panel (Yotov, Piermartini, Monteiro and Larch 2016, "An Advanced Guide to Trade
 * Policy Analysis", chapter 1, application 3 "Regional trade agreements effects"): 69 countries, 1986-2006,
 * the guide keeps every fourth year (1986, 1990, ..., 2006), international and domestic flows.
 *
 * Published digits compared here (4 decimals): the tradepolicy book (pachadotdev/tradepolicy, file
 * 01-traditional-gravity.qmd, rendered output in _freeze/01-traditional-gravity/execute-results/html.json),
 * which replicates the guide's Stata `ppml` table with capybara::fepoisson; its 3-decimal summary table equals
 * the guide's printed Table (PAIRFE RTA 0.557 (0.102), etc.). SE clustered by pair with G/(G-1) only, i.e.
 * ssc 'ppmlhdfe' here; the fixest-convention SE are larger by sqrt((N-1)/(N-K)).
 *
 * Skipped with a message when /work/shared/data/econ/agtpa_gravity.csv.gz is absent.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fepois, filterRows, type DataFrame } from '../../src/econometrics/index.js';
import { readCsv } from '../../src/node/read-csv.js';

const FILE = '/work/shared/data/econ/agtpa_gravity.csv.gz';
const present = existsSync(FILE);
if (!present) console.log(`fepois-agtpa: skipped, ${FILE} not found`);

const FE = ' | exporter^year + importer^year + pair_id';

/** |ours - printed| within half a unit of the 4th decimal (plus rounding slack). */
function printed(ours: number, digits: number): void {
  expect(Math.abs(ours - digits)).toBeLessThanOrEqual(0.5e-4 + 1e-9);
}

describe.skipIf(!present)('AGTPA chapter 1 application 3: PPML RTA effects', () => {
  let df: DataFrame;
  const load = (): DataFrame => {
    if (!df) {
      const all = readCsv(FILE);
      const yr = all.columns.year as Float64Array;
      df = filterRows(all, (i) => (yr[i] - 1986) % 4 === 0);
    }
    return df;
  };

  it('pair FE (ENDG): rta 0.5572 (0.1022), N = 28482 after dropping 84 separated rows', () => {
    const r = fepois('trade ~ rta' + FE, load(), { cluster: 'pair_id', ssc: 'ppmlhdfe' });
    expect(r.converged).toBe(true);
    expect(r.nobs).toBe(28482);
    expect(r.dropped.separatedFe).toBe(84);
    printed(r.coef.rta, 0.5572);
    printed(r.se.rta, 0.1022);
    // fixest convention: (N-1)/(N-K) on top, K without the pair FE nested in the pair cluster
    const f = fepois('trade ~ rta' + FE, load(), { cluster: 'pair_id' });
    expect(Math.abs(f.coef.rta - r.coef.rta)).toBeLessThan(1e-9);
    expect(f.se.rta / r.se.rta).toBeCloseTo(Math.sqrt((r.nobs - 1) / (r.nobs - f.kVcov)), 10);
    console.log(`AGTPA PAIRFE: rta ${r.coef.rta.toFixed(5)} (${r.se.rta.toFixed(5)} ppmlhdfe; ${f.se.rta.toFixed(5)} fixest, K=${f.kVcov}), ` +
      `${r.iterations} IRLS iterations, ${r.fixef.iterations} sweeps, pseudo-R2 ${r.pseudoR2.toFixed(4)}, 1-D/D0 ${(1 - r.deviance / r.nullDeviance).toFixed(4)}`);
  }, 180_000);

  it('leads (LEAD): rta 0.5200 (0.0859), rta_lead4 0.0774 (0.0921)', () => {
    const r = fepois('trade ~ rta + rta_lead4' + FE, load(), { cluster: 'pair_id', ssc: 'ppmlhdfe' });
    printed(r.coef.rta, 0.52);
    printed(r.se.rta, 0.0859);
    printed(r.coef.rta_lead4, 0.0774);
    printed(r.se.rta_lead4, 0.0921);
  }, 180_000);

  it('lags (PHSNG): 0.2914 (0.0892), 0.4135 (0.0672), 0.1687 (0.0431), 0.1189 (0.0301); total 0.9926 (0.0943)', () => {
    const r = fepois('trade ~ rta + rta_lag4 + rta_lag8 + rta_lag12' + FE, load(), { cluster: 'pair_id', ssc: 'ppmlhdfe' });
    const want: Record<string, [number, number]> = { rta: [0.2914, 0.0892], rta_lag4: [0.4135, 0.0672], rta_lag8: [0.1687, 0.0431], rta_lag12: [0.1189, 0.0301] };
    for (const [nm, [b, s]] of Object.entries(want)) {
      printed(r.coef[nm], b);
      printed(r.se[nm], s);
    }
    const total = r.names.reduce((s, nm) => s + r.coef[nm], 0);
    const vt = r.vcovMatrix.reduce((s, row) => s + row.reduce((a, v) => a + v, 0), 0);
    printed(total, 0.9926);
    printed(Math.sqrt(vt), 0.0943);
  }, 180_000);

  it('international flows only (PPML): gravity covariates and rta', () => {
    const ex = load().columns.exporter as string[];
    const im = load().columns.importer as string[];
    const intl = filterRows(load(), (i) => ex[i] !== im[i]);
    const r = fepois('trade ~ log(dist) + cntg + lang + clny + rta | exporter^year + importer^year', intl, { cluster: 'pair_id', ssc: 'ppmlhdfe' });
    expect(r.nobs).toBe(28152);
    const want: Record<string, [number, number]> = {
      'log(dist)': [-0.8216, 0.031],
      cntg: [0.4155, 0.0828],
      lang: [0.2499, 0.0767],
      clny: [-0.2054, 0.1143],
      rta: [0.1907, 0.0658],
    };
    for (const [nm, [b, s]] of Object.entries(want)) {
      printed(r.coef[nm], b);
      printed(r.se[nm], s);
    }
  }, 180_000);
});
