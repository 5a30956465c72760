/**
 * Every estimate and standard error of ../shared/data/golden/econ_r.json (R: plm, AER, sandwich)
 * must match to 1e-6 relative. Skips when the shared data folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/node/read-csv.js';
import { feols, reRandom, hausman } from '../../src/econometrics/index.js';

const DATA = resolve(__dirname, '../../../shared/data');
const GOLDEN = resolve(DATA, 'golden/econ_r.json');
const have = existsSync(GOLDEN);
if (!have) console.warn(`skipping econometrics golden tests: ${GOLDEN} not found`);

type Entry = { coef?: Record<string, number>; se?: Record<string, number>; nobs?: number; [k: string]: unknown };
const golden: Record<string, Entry> = have ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : {};
const econ = (f: string) => readCsv(resolve(DATA, 'econ', f));

/** Largest relative error over the entries of `want` (missing names count as Infinity). */
function relErr(got: Record<string, number>, want: Record<string, number>): number {
  let m = 0;
  for (const [k, v] of Object.entries(want)) {
    const g = got[k];
    const e = g === undefined ? Infinity : Math.abs(g - v) / Math.max(Math.abs(v), 1e-300);
    m = Math.max(m, e);
  }
  return m;
}

const TOL = 1e-6;
const report: Record<string, number> = {};

function checkModel(name: string, res: { coef: Record<string, number>; se: Record<string, number>; nobs: number }, extra: Record<string, [number, number]> = {}) {
  const g = golden[name];
  expect(g, `golden entry ${name}`).toBeDefined();
  const errs = [relErr(res.coef, g.coef ?? {}), relErr(res.se, g.se ?? {})];
  for (const [k, [got, want]] of Object.entries(extra)) errs.push(Math.abs(got - want) / Math.abs(want));
  const e = Math.max(...errs);
  report[name] = e;
  expect(res.nobs).toBe(g.nobs);
  expect(e).toBeLessThan(TOL);
}

describe.skipIf(!have)('econ_r.json golden values', () => {
  it('covers every entry of the file', () => {
    const handled = [
      'grunfeld_ols_hc1', 'grunfeld_ols_cluster_firm', 'grunfeld_fe_firm', 'grunfeld_fe_twoways', 'grunfeld_re_swar',
      'grunfeld_hausman', 'mroz_iv_classical', 'mroz_iv_hc1', 'mroz_first_stage_F', 'wagepan_fe_twoways_cluster_nr',
    ];
    expect(Object.keys(golden).filter((k) => !handled.includes(k))).toEqual([]);
  });

  it('grunfeld pooled OLS (HC1, cluster CR1)', () => {
    const g = econ('grunfeld.csv');
    checkModel('grunfeld_ols_hc1', feols('inv ~ value + capital', g, { vcov: 'hc1' }));
    checkModel('grunfeld_ols_cluster_firm', feols('inv ~ value + capital', g, { vcov: 'cluster', cluster: 'firm' }));
  });

  it('grunfeld fixed effects (firm; firm + year)', () => {
    const g = econ('grunfeld.csv');
    const fe = feols('inv ~ value + capital | firm', g);
    checkModel('grunfeld_fe_firm', fe, { r2_within: [fe.r2Within, golden.grunfeld_fe_firm.r2_within as number] });
    checkModel('grunfeld_fe_twoways', feols('inv ~ value + capital | firm + year', g));
  });

  it('grunfeld random effects (Swamy-Arora) and Hausman', () => {
    const g = econ('grunfeld.csv');
    const re = reRandom('inv ~ value + capital | firm', g);
    const w = golden.grunfeld_re_swar;
    checkModel('grunfeld_re_swar', re, {
      theta: [re.theta, w.theta as number],
      sigma2_idios: [re.sigma2_idios, w.sigma2_idios as number],
      sigma2_id: [re.sigma2_id, w.sigma2_id as number],
    });
    const h = hausman(feols('inv ~ value + capital | firm', g), re);
    const gh = golden.grunfeld_hausman as { stat: number; df: number; p: number };
    expect(h.df).toBe(gh.df);
    const e = Math.max(Math.abs(h.stat - gh.stat) / gh.stat, Math.abs(h.p - gh.p) / gh.p);
    report.grunfeld_hausman = e;
    expect(e).toBeLessThan(TOL);
  });

  it('mroz 2SLS (classical, HC1) and first-stage F', () => {
    const m = econ('mroz.csv');
    const f = 'lwage ~ exper + expersq | educ ~ motheduc + fatheduc';
    const iv = feols(f, m);
    checkModel('mroz_iv_classical', iv);
    checkModel('mroz_iv_hc1', feols(f, m, { vcov: 'hc1' }));
    const F = (golden.mroz_first_stage_F as { F: number }).F;
    const e = Math.abs(iv.iv!.firstStage[0].F - F) / F;
    report.mroz_first_stage_F = e;
    expect(e).toBeLessThan(TOL);
    // one endogenous variable: KP rk Wald F = robust first-stage F; iid: = classical F = Cragg-Donald
    expect(iv.iv!.kpF).toBeCloseTo(F, 6);
    expect(iv.iv!.cdF).toBeCloseTo(F, 6);
    const ivr = feols(f, m, { vcov: 'hc1' });
    expect(ivr.iv!.kpF).toBeCloseTo(ivr.iv!.firstStage[0].Frobust, 8);
    // Anderson LM = N * partial R^2 under iid
    expect(iv.iv!.kpLM).toBeCloseTo(iv.nobs * iv.iv!.firstStage[0].partialR2, 6);
  });

  it('wagepan two-way FE clustered by person (plm convention; Stata CR1 also available)', () => {
    const w = econ('wagepan.csv');
    const f = 'lwage ~ union + married + expersq | nr + year';
    checkModel('wagepan_fe_twoways_cluster_nr', feols(f, w, { vcov: 'cluster_plm', cluster: 'nr' }));
    const cr1 = feols(f, w, { vcov: 'cluster', cluster: 'nr' });
    // CR1 differs from plm's only by the scalar factor: [G/(G-1)(N-1)/(N-K)] / [N/(N-k)], person FE nested in the cluster
    const N = 4360, G = 545, k = 3, K = 3 + 7;
    const ratio = Math.sqrt(((G / (G - 1)) * ((N - 1) / (N - K))) / (N / (N - k)));
    const plm = golden.wagepan_fe_twoways_cluster_nr.se as Record<string, number>;
    for (const nm of Object.keys(plm)) expect(cr1.se[nm] / plm[nm]).toBeCloseTo(ratio, 8);
  });

  it('prints the max relative error per entry', () => {
    console.log('econ_r.json max relative error per entry:', JSON.stringify(report, null, 1));
  });
});
