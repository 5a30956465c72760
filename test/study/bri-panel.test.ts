/**
 * bri-symbiosis, spec section 8 checks on the panel and the estimates, on a reduced window (2009-2011,
 * tables 2008-2011): XT bounds and forms, winsorizing bounds, drop counts, common samples, mediation
 * algebra, IV identities, FE absorption, and the estimator against an explicit dummy-variable reference.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readText } from '../../src/node/files.js';
import { parseLabeledCsv } from '../../src/mrio/read/labeled-csv.js';
import { aggregate } from '../../src/mrio/aggregate.js';
import { buildModel } from '../../src/mrio/model.js';
import { useBestBackend } from '../../src/node/backend.js';
import { factor, numericColumn, withColumn, type DataFrame } from '../../src/econometrics/frame.js';
import { olsFit } from '../../src/econometrics/ols.js';
import { defaultConfig, sectorMapping, type StudyConfig } from '../../src/study/bri-symbiosis/config.js';
import { yearMeasures, type YearMeasures } from '../../src/study/bri-symbiosis/measures.js';
import { buildRawPanel, coordination, coordinationDelta } from '../../src/study/bri-symbiosis/panel.js';
import { controlList, transformPanel, WINSORIZED, type TransformResult } from '../../src/study/bri-symbiosis/transform.js';
import { parseDistances, parseFta } from '../../src/study/bri-symbiosis/externals.js';
import { fitModel, sampleRows, term } from '../../src/study/bri-symbiosis/estimate.js';
import { prepareModelFrame, runModels, type ModelRun } from '../../src/study/bri-symbiosis/models.js';
import { DATA_DIR } from '../../src/study/bri-symbiosis/index.js';
import { quantileSorted, sortedFinite } from '../../src/econometrics/tools/describe.js';

/** Stata _pctile at p percent (the rule the study's winsorCuts use). */
const stataPercentile = (x: number[], p: number) => quantileSorted(sortedFinite(x), p / 100, 'stata');

const cfg: StudyConfig = { ...defaultConfig(), window: [2009, 2011] };
let measures: YearMeasures[];
let raw: DataFrame;
let tr: TransformResult;
let models: ModelRun;
let df: DataFrame;
const ctrl = controlList(false);

beforeAll(async () => {
  await useBestBackend();
  measures = [];
  for (let y = 2008; y <= 2011; y++) {
    const t = parseLabeledCsv(readText(join(DATA_DIR, `wiod2013/wiot_${y}.csv.gz`)), { source: String(y), year: y });
    measures.push(yearMeasures(buildModel(aggregate(t, { sectors: sectorMapping(t.sectors, 'aggregated')! })), cfg, y));
  }
  const ext = {
    distances: parseDistances(readText(join(DATA_DIR, 'cepii_china_distances.csv')), 'd'),
    fta: parseFta(readText(join(DATA_DIR, 'fta_china.csv')), 'f'),
  };
  raw = buildRawPanel(measures, cfg, ext);
  tr = transformPanel(raw, cfg, false);
  models = runModels(tr.panel, cfg, false, () => {});
  df = prepareModelFrame(tr.panel, cfg);
});

const col = (d: DataFrame, n: string) => numericColumn(d, n);

/** Two-sided normal p-value from the Numerical Recipes erfc approximation (relative error < 1.2e-7). */
function normalP2(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return y;
}

describe('XT (spec 3.2, 8)', () => {
  it('XT >= 1/2, closed form = delta form, symmetric; missing in the first table year', () => {
    const xt = col(raw, 'XT');
    const gc = col(raw, 'g_c');
    const gr = col(raw, 'g_r');
    const year = col(raw, 'year');
    let defined2009 = 0;
    for (let i = 0; i < raw.nrow; i++) {
      if (year[i] === 2008) expect(Number.isNaN(xt[i])).toBe(true);
      if (!Number.isFinite(xt[i])) continue;
      if (year[i] === 2009) defined2009++;
      expect(xt[i]).toBeGreaterThanOrEqual(0.5);
      expect(Math.abs(coordinationDelta(gc[i], gr[i]) - xt[i])).toBeLessThan(1e-9 * xt[i]);
      expect(coordination(gr[i], gc[i])).toBe(xt[i]);
    }
    expect(defined2009).toBeGreaterThan(0);
  });
});

describe('winsorizing and samples (spec 3.6, 8)', () => {
  it('Stata percentile rule', () => {
    expect(stataPercentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(stataPercentile([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(stataPercentile(Array.from({ length: 200 }, (_, k) => k + 1), 1)).toBe(2.5);
  });

  it('clipped variables hit p1 and p99 on their cut-off cells and stay inside on the main sample', () => {
    const inWin = col(tr.panel, 'in_window');
    const main = col(tr.panel, 'sample_main');
    for (const v of WINSORIZED) {
      const cuts = tr.cuts[v];
      if (!(cuts.n > 0)) continue;
      const w = col(tr.panel, `${v}_w`);
      const rawv = col(tr.panel, v);
      let lo = Infinity, hi = -Infinity;
      for (let i = 0; i < tr.panel.nrow; i++) {
        if (inWin[i] === 1 && Number.isFinite(rawv[i])) {
          lo = Math.min(lo, w[i]);
          hi = Math.max(hi, w[i]);
        }
        if (main[i] === 1 && Number.isFinite(w[i])) {
          expect(w[i]).toBeGreaterThanOrEqual(cuts.lo);
          expect(w[i]).toBeLessThanOrEqual(cuts.hi);
        }
      }
      expect(lo).toBe(cuts.lo);
      expect(hi).toBe(cuts.hi);
    }
  });

  it('every dropped observation is counted by reason', () => {
    const main = col(tr.panel, 'sample_main').reduce((s, q) => s + q, 0);
    const dropped = Object.values(tr.dropped).reduce((s, q) => s + q, 0);
    expect(main + dropped).toBe(tr.panel.nrow);
    const reasons = new Set(Object.keys(tr.dropped).map((k) => k.split(':')[1]));
    for (const r of reasons) expect(['outside_window', 'zero_denominator', 'xt_undefined', 'log_nonpositive', 'missing_covariate']).toContain(r);
    expect(tr.dropped['year:outside_window']).toBe(cfg.partners.length * cfg.sectors.length);
  });

  it('Tables 1, 3-7 share one N; Table 2 N is at most that N', () => {
    const n = models.fits.symbiosis_table1_baseline_col1.n;
    expect(n).toBe(col(tr.panel, 'sample_main').reduce((s, q) => s + q, 0));
    for (const [id, f] of Object.entries(models.fits)) {
      if (/table(1|3|4|5|6|7)_/.test(id)) expect(f.n, id).toBe(n);
      if (id.includes('table2_iv')) expect(f.n).toBeLessThanOrEqual(n);
    }
  });
});

describe('estimates (spec 4, 8)', () => {
  it('mediation: c = c\' + a*b exactly for every dependent variable (RVC and INC)', () => {
    for (const [t, M] of [['symbiosis_table6_rvc', 'RVC_w'], ['symbiosis_table7_inc', 'INC_w']]) {
      const a = term(models.fits[`${t}_col1`], 'ln_ITR_w')!.estimate;
      for (let k = 0; k < 3; k++) {
        const f = models.fits[`${t}_col${k + 2}`];
        const c = term(models.fits[`symbiosis_table1_baseline_col${k + 4}`], 'ln_ITR_w')!.estimate;
        const lhs = term(f, 'ln_ITR_w')!.estimate + a * term(f, M)!.estimate;
        expect(Math.abs(lhs - c)).toBeLessThan(1e-8 * Math.max(1, Math.abs(c)));
      }
    }
  });

  it('IV: 2SLS = reduced form / first stage; KP rk Wald F = squared HC1 t of the first stage', () => {
    const fs = models.fits.symbiosis_table2_iv_col1;
    const pi = term(fs, 'z_standin')!;
    for (const [k, y] of ['ln_RH_w', 'ln_HD_w', 'ln_XT_w'].entries()) {
      const rf = fitModel(df, { dep: y, regressors: ['z_standin', ...ctrl], sample: 'sample_iv' });
      const iv = models.fits[`symbiosis_table2_iv_col${k + 2}`];
      const b = term(iv, 'ln_ITR_w')!.estimate;
      expect(Math.abs(b - term(rf, 'z_standin')!.estimate / pi.estimate)).toBeLessThan(1e-8 * Math.max(1, Math.abs(b)));
      expect(Math.abs(iv.iv!.kpF - pi.t * pi.t) / (pi.t * pi.t)).toBeLessThan(1e-8);
    }
  });

  it('iv_small=false: HC0 second-stage SE (HC1 x sqrt((N-K)/N)) and normal p-values; same coefficients', () => {
    const spec = { dep: 'ln_RH_w', regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_iv', iv: { endog: 'ln_ITR_w', instrument: 'z_standin' } };
    const small = fitModel(df, spec);
    const large = fitModel(df, { ...spec, iv: { ...spec.iv, small: false } });
    const a = term(small, 'ln_ITR_w')!;
    const b = term(large, 'ln_ITR_w')!;
    expect(b.estimate).toBe(a.estimate);
    expect(Math.abs(b.se / a.se - Math.sqrt((small.n - small.K) / small.n))).toBeLessThan(1e-10);
    let moderate = 0;
    for (const t of large.terms) {
      const want = normalP2(t.estimate / t.se);
      expect(Math.abs(t.p - want) / want).toBeLessThan(1e-6);
      if (t.p > 0.01) moderate++;
    }
    expect(moderate).toBeGreaterThan(0);
  });

  it('ln DIS is omitted as collinear with FE; an interaction main effect is absorbed', () => {
    expect(models.fits.symbiosis_table1_baseline_col4.omitted).toContain('ln_DIS');
    const f = fitModel(df, { dep: 'ln_RH_w', regressors: ['ln_ITR_w', 'ln_ITR_w_x_D1', 'D1', ...ctrl], sample: 'sample_main' });
    expect(f.omitted).toContain('D1');
  });

  it('ln ITR over total world output reproduces Table 1 exactly with winsorizing off', () => {
    const off = transformPanel(raw, { ...cfg, winsor: null }, false).panel;
    const year = col(off, 'year');
    const total = new Map(measures.map((m) => [m.year, m.xWorldTotal]));
    const lnItr = col(off, 'ln_ITR_w');
    const d = withColumn(off, 'ln_ITR_tot', lnItr.map((v, i) => v - Math.log(total.get(year[i])!)));
    for (const y of ['ln_RH_w', 'ln_HD_w', 'ln_XT_w']) {
      const a = fitModel(d, { dep: y, regressors: ['ln_ITR_w', ...ctrl], sample: 'sample_main' });
      const b = fitModel(d, { dep: y, regressors: ['ln_ITR_tot', ...ctrl], sample: 'sample_main' });
      const ta = term(a, 'ln_ITR_w')!;
      const tb = term(b, 'ln_ITR_tot')!;
      expect(Math.abs(ta.estimate - tb.estimate)).toBeLessThan(1e-8);
      expect(Math.abs(ta.se - tb.se)).toBeLessThan(1e-8);
      expect(Math.abs(a.r2 - b.r2)).toBeLessThan(1e-10);
    }
  });

  it('Table 1 col 4 equals an explicit dummy-variable OLS with HC1 (K incl. dummies)', () => {
    const rows = sampleRows(df, 'sample_main');
    const take = (n: string) => Float64Array.from(rows, (i) => col(df, n)[i]);
    const y = take('ln_RH_w');
    const X: Float64Array[] = [new Float64Array(rows.length).fill(1)];
    const names = ['(Intercept)'];
    for (const fe of ['year', 'sector', 'partner']) {
      const c = df.columns[fe];
      const f = factor(Array.isArray(c) ? rows.map((i) => c[i]) : Float64Array.from(rows, (i) => c[i]));
      for (let l = 1; l < f.levels.length; l++) {
        X.push(Float64Array.from(f.codes, (q) => (q === l ? 1 : 0)));
        names.push(`${fe}${l}`);
      }
    }
    for (const v of ['ln_ITR_w', ...ctrl]) {
      X.push(take(v));
      names.push(v);
    }
    const fit = olsFit(X, y, { names });
    const n = y.length;
    const K = fit.rank;
    const k = fit.keep.indexOf(names.indexOf('ln_ITR_w'));
    // HC1: N/(N-K) (X'X)^-1 sum e^2 x x' (X'X)^-1, element (k,k)
    const row = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      fit.keep.forEach((j, c) => (s += fit.xtxInv[k * K + c] * X[j][i]));
      row[i] = s;
    }
    let v = 0;
    for (let i = 0; i < n; i++) v += row[i] * row[i] * fit.residuals[i] ** 2;
    const se = Math.sqrt((v * n) / (n - K));
    const mine = term(models.fits.symbiosis_table1_baseline_col4, 'ln_ITR_w')!;
    expect(Math.abs(mine.estimate - fit.coef[k])).toBeLessThan(1e-8);
    expect(Math.abs(mine.se - se) / se).toBeLessThan(1e-6);
    expect(fit.droppedNames).toContain('ln_DIS');
  });
});
