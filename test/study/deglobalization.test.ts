/**
 * Study `deglobalization` on the embedded WIOD 2013 (spec deglobalization.md 2-4, 6): the panel, the spec's
 * indicative values, Tables 1-3, the econometric checks, and byte-for-byte reproduction by a second run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feols } from '../../src/econometrics/feols.js';
import { numericColumn, withColumn, type DataFrame } from '../../src/econometrics/frame.js';
import { writePanelCsv } from '../../src/study/panel-csv.js';
import { runStudy, stableJson } from '../../src/study/runner.js';
import { toCsv, toHtmlPage, toLatex, toMarkdown } from '../../src/study/table.js';
import { PANEL_COLUMNS } from '../../src/study/deglobalization/panel.js';
import { levelFrame } from '../../src/study/deglobalization/sample.js';
import { parseCovariates } from '../../src/study/deglobalization/covariates.js';
import { analyze } from '../../src/study/deglobalization/index.js';
import { BOOT, loadFixture, wiodFiles, type Fixture } from './deglobalization-fixture.js';

let fx: Fixture;
let panel: DataFrame;
const tmp = mkdtempSync(join(tmpdir(), 'gvc-deglob-'));

beforeAll(async () => {
  fx = await loadFixture();
  panel = fx.result.panel.frame;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const est = (id: string) => fx.result.estimates.find((e) => e.id === id)!.result as Record<string, any>;
const term = (id: string, name: string) => (est(id).terms as Array<{ term: string; estimate: number; t: number; se: number; p: number }>).find((t) => t.term === name)!;
function cell(country: string, year: number, col: string): number {
  const c = panel.columns.country as string[];
  const y = numericColumn(panel, 'year');
  for (let i = 0; i < panel.nrow; i++) if (c[i] === country && y[i] === year) return numericColumn(panel, col)[i];
  throw new Error(`${country} ${year} not in the panel`);
}

describe('deglobalization panel (WIOD 2013, 1999-2011)', () => {
  it('has the spec columns, 40 countries x 13 years sorted, 216 in-sample rows, empty growth in the first year', () => {
    expect(fx.result.panel.columns).toEqual(PANEL_COLUMNS);
    expect(panel.nrow).toBe(40 * 13);
    const c = panel.columns.country as string[];
    const y = numericColumn(panel, 'year');
    for (let i = 1; i < panel.nrow; i++) expect(c[i] > c[i - 1] || (c[i] === c[i - 1] && y[i] > y[i - 1])).toBe(true);
    expect(c).not.toContain('RoW');
    expect(numericColumn(panel, 'in_sample').reduce((s, v) => s + v, 0)).toBe(216);
    expect(Number.isNaN(cell('USA', 1999, 'growth'))).toBe(true);
    const csv = writePanelCsv(panel, PANEL_COLUMNS);
    expect(csv).not.toMatch(/NaN|Infinity/);
  });

  it('shares lie in [0.02, 0.98]; DVX, FVA >= 0; identities hold', () => {
    for (const col of PANEL_COLUMNS.filter((k) => /^(omega|mu|v)_/.test(k))) {
      for (const v of numericColumn(panel, col)) {
        expect(v).toBeGreaterThanOrEqual(0.02);
        expect(v).toBeLessThanOrEqual(0.98);
      }
    }
    for (const col of ['DVX_vs1', 'DVX_kww_iv', 'FVA']) for (const v of numericColumn(panel, col)) expect(v).toBeGreaterThanOrEqual(0);
    const id = fx.result.provenance.identities;
    expect(id['sum DVX - sum FVA over all regions, relative']).toBeLessThan(1e-12);
    expect(id['total scope: omega, mu vs 1 - imports/total (abs)']).toBeLessThan(1e-12);
    expect(id['FVA + DC - (E - exports of zero-output sectors), relative']).toBeLessThan(1e-4);
  });

  it('reproduces the indicative spot values of spec 4', () => {
    const near = (a: number, b: number, tol = 0.002) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol);
    near(cell('USA', 2011, 'gvcp_vs1'), 0.425);
    near(cell('CHN', 2011, 'gvcp_vs1'), 0.418);
    near(cell('DEU', 2011, 'gvcp_vs1'), 0.502);
    near(cell('USA', 2011, 'DVX_vs1') / cell('USA', 2011, 'E'), 0.276);
    near(cell('USA', 2011, 'FVA') / cell('USA', 2011, 'E'), 0.149);
    near(cell('USA', 2011, 'gvcp_kpww'), 0.2249, 0.0001);
    near(cell('CHN', 2004, 'gvcp_vs1'), 0.4446, 0.0001);
    near(cell('CHN', 2004, 'omega_industry'), 0.82);
    near(cell('CHN', 2004, 'mu_industry'), 0.845);
    near(cell('CHN', 2004, 'v_industry'), 0.27);
    near(cell('USA', 2011, 'omega_industry'), 0.702);
    near(cell('USA', 2011, 'mu_industry'), 0.772);
    near(cell('USA', 2011, 'v_industry'), 0.393);
    near(cell('CHN', 2004, 'gr'), 0.057);
    near(cell('KOR', 2000, 'gr'), 0.114);
    near(cell('KOR', 2000, 'world_growth'), 0.031);
    const lv = levelFrame(panel, fx.cfg, false);
    const mean = (k: string) => numericColumn(lv, k).reduce((s, v) => s + v, 0) / lv.nrow;
    near(mean('gvcp'), 0.488);
    near(mean('omega'), 0.555);
    near(mean('mu'), 0.709);
    near(mean('v'), 0.348);
  });
});

describe('deglobalization Table 1 (eqs. 16-18)', () => {
  it('matches the indicative coefficients, t, R2 and df of spec 4', () => {
    const chk = (id: string, name: string, b: number, t?: number) => {
      const e = term(id, name);
      expect(Math.abs(e.estimate - b)).toBeLessThanOrEqual(0.002);
      if (t !== undefined) expect(Math.abs(e.t - t)).toBeLessThanOrEqual(0.011);
    };
    chk('table1_eq16', 'omega', -0.166, -3.35);
    chk('table1_eq16', 'mu', -0.196, -3.31);
    chk('table1_eq16', 'v', -0.152, -2.17);
    chk('table1_eq16', 'gr', 0.012, 0.68);
    expect(est('table1_eq16').r2Within).toBeCloseTo(0.233, 3);
    expect(est('table1_eq16').r2Lsdv).toBeCloseTo(0.972, 3);
    expect(est('table1_eq16').dfResid).toBe(183);
    chk('table1_eq17', 'omega', -0.167);
    chk('table1_eq17', 'mu', -0.206);
    chk('table1_eq17', 'v', -0.155);
    chk('table1_eq17', 'gr', 0.01);
    chk('table1_eq17', 'ln_GDP', 0.004, 0.45);
    expect(est('table1_eq17').r2Within).toBeCloseTo(0.234, 3);
    expect(est('table1_eq18_k2').n).toBe(180);
    expect(est('table1_eq18_k4').n).toBe(144);
    chk('table1_eq18_k2', 'omega', -0.116, -2.49);
    chk('table1_eq18_k2', 'mu', -0.444, -7.73);
    chk('table1_eq18_k2', 'v', -0.311, -3.57);
    chk('table1_eq18_k2', 'gr', -0.001);
    expect(est('table1_eq18_k2').r2Within).toBeCloseTo(0.418, 3);
    chk('table1_eq18_k4', 'omega', -0.122, -2.03);
    chk('table1_eq18_k4', 'mu', -0.358, -4.75);
    chk('table1_eq18_k4', 'v', -0.528, -4.5);
    chk('table1_eq18_k4', 'gr', -0.043, -2.06);
    expect(est('table1_eq18_k4').r2Within).toBeCloseTo(0.386, 3);
  });

  it('within estimator = OLS with country and year dummies (slopes and SE, 1e-10); a constant shift changes nothing', () => {
    const lv = levelFrame(panel, fx.cfg, false);
    const dummies = feols('gvcp ~ omega + mu + v + gr + factor(country) + factor(year)', lv);
    for (const k of ['omega', 'mu', 'v', 'gr']) {
      const w = term('table1_eq16', k);
      expect(Math.abs(dummies.coef[k] - w.estimate)).toBeLessThan(1e-10);
      expect(Math.abs(dummies.se[k] - w.se)).toBeLessThan(1e-10);
    }
    const shifted = withColumn(withColumn(lv, 'mu', numericColumn(lv, 'mu').map((x) => x + 3.5)), 'gvcp', numericColumn(lv, 'gvcp').map((x) => x - 1));
    const s = feols('gvcp ~ omega + mu + v + gr | country + year', shifted);
    for (const k of ['omega', 'mu', 'v', 'gr']) expect(Math.abs(s.coef[k] - term('table1_eq16', k).estimate)).toBeLessThan(1e-10);
  });
});

describe('deglobalization Tables 2-3 (threshold models)', () => {
  it('finds the indicative single thresholds, F statistics and regime slopes', () => {
    const json = est('table2_3_eq19');
    expect(json.regime).toBe('mu');
    expect(json.settings.bootstrap).toBe(BOOT);
    const t3 = fx.result.tables.find((t) => t.id === 'deglob_table3')!;
    const tidy = (col: string, t: string) => t3.tidy!.find((r) => r.column === col && r.term === t)!.estimate;
    expect(Math.abs(tidy('eq19', 'mu_lo') + 0.195)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(tidy('eq19', 'mu_hi') + 0.266)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(tidy('eq20', 'v_lo') + 0.179)).toBeLessThanOrEqual(0.002);
    expect(Math.abs(tidy('eq20', 'v_hi') + 0.346)).toBeLessThanOrEqual(0.002);
    const t2 = fx.result.tables.find((t) => t.id === 'deglob_table2')!;
    const single = t2.rows.filter((r) => r.label.trim() === 'single');
    expect(single.map((r) => r.cells[0])).toEqual(['0.6247', '0.6247']);
    expect(Number(single[0].cells[3])).toBeCloseTo(40.1, 1);
    expect(Number(single[1].cells[3])).toBeCloseTo(53.3, 1);
    expect(t3.rows.find((r) => r.label.startsWith('Obs.'))!.cells).toEqual(['154 / 62', '154 / 62']);
  });

  it('satisfies the search checks of spec 6 (S <= S0, F >= 0, gamma in its set, trimming, p multiples of 1/B)', async () => {
    const { thresholdFits } = await import('../../src/study/deglobalization/threshold.js');
    const eqs = thresholdFits(panel, fx.cfg);
    for (const e of eqs) {
      const r = e.result;
      const h = Math.ceil(fx.cfg.trim * r.N);
      for (const s of r.steps) {
        expect(s.ssr).toBeLessThanOrEqual(r.ssr0);
        expect(s.F).toBeGreaterThanOrEqual(0);
        const ci = s.ci.find((c) => c.level === 0.95)!;
        expect(s.gamma).toBeGreaterThanOrEqual(ci.lower);
        expect(s.gamma).toBeLessThanOrEqual(ci.upper);
        expect(Math.abs(s.p * BOOT - Math.round(s.p * BOOT))).toBeLessThan(1e-9);
      }
      for (const g of r.final.regimes) expect(g.nobs).toBeGreaterThanOrEqual(h);
      expect(r.final.regimes.reduce((s, g) => s + g.nobs, 0)).toBe(r.N);
      expect(r.seed).toBe(1);
    }
  });
});

describe('deglobalization covariates (eq. 17 controls, real growth)', () => {
  it('uses ln gdppc and ln pop and replaces growth by the file\'s real rates', () => {
    const lines = ['iso3,year,gdppc,pop,gdp_growth'];
    fx.cfg.countries.forEach((c, k) => {
      for (let y = 1999; y <= 2011; y++) lines.push(`${c === 'GBR' ? c.toLowerCase() : c},${y},${20000 + 500 * k + 300 * (y - 1999) + ((k * y) % 7) * 50},${1e6 * (k + 2) * (1 + 0.01 * (y - 1999)) + ((k * 31 + y) % 11) * 1e4},${(((k + y) % 5) - 1).toFixed(1)}`);
    });
    for (let y = 2000; y <= 2011; y++) lines.push(`WLD,${y},,,2.5`);
    const cov = parseCovariates(lines.join('\n'), 'cov.csv', fx.measures[0].countries);
    const r = analyze(fx.measures, fx.cfg, cov, () => {});
    const e17 = r.estimates.find((e) => e.id === 'table1_eq17')!.result as Record<string, any>;
    expect(e17.terms.map((t: { term: string }) => t.term)).toEqual(['omega', 'mu', 'v', 'gr', 'ln_gdppc', 'ln_pop']);
    expect(e17.n).toBe(216);
    const p = r.panel.frame;
    const c = p.columns.country as string[];
    const y = numericColumn(p, 'year');
    const i = c.findIndex((cc, k) => cc === 'AUT' && y[k] === 2005);
    expect(numericColumn(p, 'world_growth')[i]).toBeCloseTo(0.025, 12);
    expect((p.columns.growth_source as string[])[i]).toBe('covariates_real');
    expect(numericColumn(p, 'gr')[i]).toBeCloseTo(numericColumn(p, 'growth')[i] - 0.025, 12);
    expect(Number.isFinite(numericColumn(p, 'ln_pop')[i])).toBe(true);
  });
});

describe('deglobalization tidy CSVs (spec 5)', () => {
  it('Tables 1 and 3 and deglob_estimates have the columns table, column, term, estimate, se, t, p, n, r2_within, r2_lsdv', () => {
    const want = 'table,column,term,estimate,se,t,p,n,r2_within,r2_lsdv';
    for (const id of ['deglob_table1', 'deglob_table3', 'deglob_estimates']) {
      const lines = toCsv(fx.result.tables.find((t) => t.id === id)!).trim().split('\n');
      expect(lines[0]).toBe(want);
      expect(lines.length).toBeGreaterThan(4);
    }
    const est = toCsv(fx.result.tables.find((t) => t.id === 'deglob_estimates')!).trim().split('\n').map((l) => l.split(','));
    const eq16 = est.find((r) => r[0] === 'deglob_table1' && r[1] === 'eq16' && r[2] === 'omega')!;
    const fit = fx.result.estimates.find((e) => e.id === 'table1_eq16')!.result as unknown as { r2Within: number; r2Lsdv: number };
    expect(Number(eq16[8])).toBeCloseTo(fit.r2Within, 10);
    expect(Number(eq16[9])).toBeCloseTo(fit.r2Lsdv, 10);
    expect(new Set(est.slice(1).map((r) => r[0]))).toEqual(new Set(['deglob_table1', 'deglob_table2', 'deglob_table3']));
  });
});

describe('deglobalization reproduces byte for byte on a second run', () => {
  it('runStudy writes the same tables, panel, estimates and figure files as the first analysis', async () => {
    const out = join(tmp, 'run2');
    const r = await runStudy('deglobalization', { data: wiodFiles().join(','), out, options: { bootstrap: String(BOOT) }, png: false, progress: () => {} });
    expect(r.result.tables.map((t) => t.id)).toEqual(fx.result.tables.map((t) => t.id));
    const read = (rel: string) => readFileSync(join(out, rel), 'utf8');
    for (const t of fx.result.tables) {
      expect(read(`tables/${t.id}.md`)).toBe(toMarkdown(t));
      expect(read(`tables/${t.id}.tex`)).toBe(toLatex(t));
      expect(read(`tables/${t.id}.html`)).toBe(toHtmlPage(t));
      expect(read(`tables/${t.id}.csv`)).toBe(toCsv(t));
    }
    expect(read('deglob_panel.csv')).toBe(writePanelCsv(panel, PANEL_COLUMNS));
    for (const e of fx.result.estimates) expect(read(`estimates/${e.id}.json`)).toBe(stableJson(e));
    for (const f of fx.result.figures) {
      expect(read(`figures/${f.id}.csv`)).toBe(f.csv);
      for (const p of f.panels) expect(read(`figures/${f.panels.length > 1 ? `${f.id}_${p.name}` : f.id}.svg`)).toBe(p.svg);
    }
    expect(read('report.html')).toContain('Resolution (DVX)');
  });
});
