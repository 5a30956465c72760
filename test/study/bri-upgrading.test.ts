/**
 * The bri-upgrading study on the embedded WIOD 2013 (spec bri-upgrading.md, sections 5 and 7). The 17 yearly
 * decompositions run once (beforeAll); the reduced run (no covariates) and the synthetic-covariates run are
 * assembled from them. Checks: KWW/BM identities and decompr goldens, index ranges, the spec's indicative
 * values, table shapes and samples, Sofdi, and byte-for-byte reproducibility of tables, panel and a small
 * end-to-end runner output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readText } from '../../src/node/files.js';
import { KWW_TERMS } from '../../src/decompose/kww.js';
import { numericColumn } from '../../src/econometrics/frame.js';
import { configFromOptions } from '../../src/study/bri-upgrading/config.js';
import { PANEL_COLUMNS } from '../../src/study/bri-upgrading/columns.js';
import { computeMeasures, loadExternals, selectYears, study } from '../../src/study/bri-upgrading/index.js';
import type { YearMeasures } from '../../src/study/bri-upgrading/measures.js';
import { assemble, type UpgradingRun } from '../../src/study/bri-upgrading/result.js';
import { writePanelCsv } from '../../src/study/panel-csv.js';
import { runStudy } from '../../src/study/runner.js';
import { toCsv, toHtmlPage, toLatex, toMarkdown } from '../../src/study/table.js';
import { readGolden } from '../golden.js';
import { HAS_SHARED, shared } from '../shared-data.js';

const ctx = { readText, progress: () => undefined };
let measures: YearMeasures[];
let reduced: UpgradingRun;
let synth: UpgradingRun;

function run(options: Record<string, string>): UpgradingRun {
  const cfg = configFromOptions(options);
  const years = selectYears(study.defaultData(), cfg);
  return assemble(measures, cfg, loadExternals(ctx, cfg, [years[0][0], years[years.length - 1][0]]));
}

function cell(r: UpgradingRun, country: string, year: number, v: string): number {
  const df = r.panel.frame;
  const c = df.columns.country as string[];
  const y = numericColumn(df, 'year');
  for (let i = 0; i < df.nrow; i++) if (c[i] === country && y[i] === year) return numericColumn(df, v)[i];
  throw new Error(`${country} ${year} not in the panel`);
}

function rendered(r: UpgradingRun): string {
  return [writePanelCsv(r.result.panel.frame, r.result.panel.columns), ...r.result.tables.flatMap((t) => [toMarkdown(t), toLatex(t), toHtmlPage(t), toCsv(t)]), ...r.result.figures.flatMap((f) => [f.csv, ...f.panels.map((p) => p.svg)])].join('\u0000');
}

beforeAll(async () => {
  const cfg = configFromOptions({});
  measures = await computeMeasures(ctx, selectYears(study.defaultData(), cfg));
  reduced = run({});
  synth = run({ synthetic_covariates: '42' });
});

describe('bri-upgrading measures on WIOD 2013', () => {
  it('the nine KWW terms sum to E; VAX identity and the closed-form DVA_INTrex hold; BM GVC = GVCB + GVCF', () => {
    for (const m of measures) {
      expect(m.checks.nineSum).toBeLessThan(1e-10);
      expect(m.checks.vax).toBeLessThan(1e-10);
      expect(m.checks.intrex).toBeLessThan(1e-10);
      expect(m.checks.bmGvc).toBeLessThan(1e-10);
    }
  });

  it.skipIf(!HAS_SHARED)('2011 KWW terms (FDC included) and BM shares match decompr to 1e-8', () => {
    const m = measures.find((x) => x.year === 2011)!;
    const kg = readGolden(shared('golden', 'wiod2011_kww.csv.gz'));
    for (const row of kg.rows) {
      const r = m.countries.indexOf(row[0]);
      const scale = row.slice(1).reduce((s, v) => s + Math.abs(Number(v)), 0);
      for (const t of KWW_TERMS) {
        const g = Number(row[kg.header.indexOf(t)]);
        expect(Math.abs(m.terms[t][r] - g), `${row[0]} ${t}`).toBeLessThanOrEqual(1e-8 * Math.max(Math.abs(g), 1e-6 * scale));
      }
    }
    const bg = readGolden(shared('golden', 'wiod2011_bm_country.csv.gz'));
    const col = (n: string) => bg.header.indexOf(n);
    for (const row of bg.rows) {
      const r = m.countries.indexOf(row[0]);
      const E = Number(row[col('GEXP')]);
      expect(m.bmGvcShare[r]).toBeCloseTo(Number(row[col('GVC')]) / E, 8);
      expect(m.bmGvcbShare[r]).toBeCloseTo(Number(row[col('GVCB')]) / E, 8);
      expect(m.bmGvcfShare[r]).toBeCloseTo(Number(row[col('GVCF')]) / E, 8);
    }
  });

  it('IV/E, FV/E in [0,1]; GVCP in [0,2]; GVCL in [-ln 2, ln 2]; GVCL > 0 iff IV > FV', () => {
    for (const m of measures) {
      for (let r = 0; r < m.countries.length; r++) {
        if (!(m.E[r] > 0)) continue;
        expect(m.IV[r] / m.E[r]).toBeGreaterThanOrEqual(0);
        expect(m.IV[r] / m.E[r]).toBeLessThanOrEqual(1);
        expect(m.FV[r] / m.E[r]).toBeGreaterThanOrEqual(0);
        expect(m.FV[r] / m.E[r]).toBeLessThanOrEqual(1);
        expect(Math.abs(m.GVCL[r])).toBeLessThanOrEqual(Math.LN2);
        expect(m.GVCL[r] > 0).toBe(m.IV[r] > m.FV[r]);
      }
    }
  });

  it('reproduces the indicative values of spec 5', () => {
    const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);
    close(cell(reduced, 'CHN', 2011, 'GVCP'), 0.2919, 1e-3);
    close(cell(reduced, 'CHN', 2011, 'GVCL'), -0.1261, 1e-3);
    close(cell(reduced, 'CHN', 2011, 'K_w'), 44.89, 0.05);
    close(cell(reduced, 'CHN', 2011, 'PGDP_w'), 23.17, 0.05);
    close(cell(reduced, 'RUS', 2009, 'GVCP'), 0.2194, 1e-3);
    close(cell(reduced, 'RUS', 2009, 'GVCL'), 0.0989, 1e-3);
    close(cell(reduced, 'POL', 2007, 'GVCP'), 0.4308, 1e-3);
    close(cell(reduced, 'POL', 2007, 'GVCL'), -0.1828, 1e-3);
    close(cell(reduced, 'IDN', 1996, 'GVCP'), 0.2134, 1e-3);
    close(cell(reduced, 'IDN', 1996, 'GVCL'), -0.0647, 1e-3);
    const t1 = reduced.result.tables.find((t) => t.id === 'upgrading_table1_descriptives')!;
    const mean = (label: string) => Number(t1.rows.find((r) => r.label === label)!.cells[1]);
    expect(t1.rows[0].cells[0]).toBe('352');
    close(mean('GVCP'), 0.381, 1e-3);
    close(mean('GVCL'), -0.179, 1e-3);
    close(mean('K_w'), 22.73, 0.05);
    close(mean('PGDP_w'), 8.85, 0.05);
    const gl = reduced.models.fits.upgrading_table3_gvcl_col1;
    const gp = reduced.models.fits.upgrading_table4_gvcp_col1;
    const b = (f: typeof gl, k: number) => [f.b[k], Math.sqrt(f.V[k][k])];
    close(b(gl, 0)[0], -0.0003, 5e-6);
    close(b(gl, 0)[1], 0.00049, 5e-6);
    close(b(gl, 1)[0], -0.00033, 5e-6);
    close(b(gl, 1)[1], 0.00013, 5e-6);
    close(gl.r2Within, 0.025, 5e-4);
    close(b(gp, 0)[0], 0.00154, 5e-6);
    close(b(gp, 0)[1], 0.00067, 5e-6);
    close(b(gp, 1)[0], 0.0009, 5e-6);
    close(b(gp, 1)[1], 0.00017, 5e-6);
    close(gp.r2Within, 0.108, 5e-4);
    // the only positive GVCL of the main group, and the 2009 pattern
    expect(reduced.result.provenance.notes.some((n) => n.includes('GVCP fell in 22 of 22') && n.includes('GVCL rose in 20 of 22'))).toBe(true);
  });
});

describe('bri-upgrading panel, tables and samples', () => {
  it('panel: spec columns in order, sorted, no NaN text; est_sample N = 352 (reduced)', () => {
    expect(reduced.result.panel.columns).toEqual(PANEL_COLUMNS);
    const csv = writePanelCsv(reduced.result.panel.frame, PANEL_COLUMNS);
    expect(csv.split('\n')[0]).toBe(PANEL_COLUMNS.join(','));
    expect(csv).not.toMatch(/NaN|Infinity|undefined/);
    expect(reduced.panel.frame.nrow).toBe(22 * 17);
    const keys = (reduced.panel.frame.columns.country as string[]).map((c, i) => `${c}|${numericColumn(reduced.panel.frame, 'year')[i]}`);
    expect(keys).toEqual([...keys].sort());
    expect(numericColumn(reduced.panel.frame, 'est_sample').reduce((s, v) => s + v, 0)).toBe(352);
  });

  it('reduced run: one column in Tables 3-4, Hausman df 2, Table A3 skipped', () => {
    const ids = reduced.result.tables.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['upgrading_table1_descriptives', 'upgrading_table1b_countries', 'upgrading_table2_hausman', 'upgrading_table3_gvcl', 'upgrading_table4_gvcp', 'upgrading_table5_no2009', 'upgrading_tableA1_vif', 'upgrading_tableA2_variants', 'upgrading_tableA4_bm']));
    expect(ids).not.toContain('upgrading_tableA3_rdlag');
    expect(reduced.result.tables.find((t) => t.id === 'upgrading_table3_gvcl')!.header).toEqual(['(1)']);
    expect(reduced.models.hausman.map((h) => h.df)).toEqual([2, 2]);
    expect(reduced.result.tables.find((t) => t.id === 'upgrading_table3_gvcl')!.title).toMatch(/reduced model/);
  });

  it('table CSVs carry the column names of spec 6 (tidy r2_within; descriptives, countries, Hausman, VIF)', () => {
    const csvHead = (id: string) => toCsv(reduced.result.tables.find((t) => t.id === id)!).split('\n')[0];
    for (const id of ['upgrading_table3_gvcl', 'upgrading_table4_gvcp', 'upgrading_table5_no2009', 'upgrading_tableA2_variants', 'upgrading_tableA4_bm']) {
      expect(csvHead(id)).toBe('table,column,term,estimate,se,t,p,n,r2_within');
    }
    expect(csvHead('upgrading_table1_descriptives')).toBe('variable,N,mean,SD,min,max');
    expect(csvHead('upgrading_table1b_countries').split(',').slice(0, 7)).toEqual(['country', 'GVCP_first', 'GVCP_last', 'GVCP_change', 'GVCL_first', 'GVCL_last', 'GVCL_change']);
    expect(csvHead('upgrading_table2_hausman').split(',').slice(1)).toEqual(['chi2', 'df', 'p-value', 'preferred model']);
    expect(csvHead('upgrading_tableA1_vif')).toBe('variable,VIF');
    const t3 = toCsv(reduced.result.tables.find((t) => t.id === 'upgrading_table3_gvcl')!).trim().split('\n');
    const within = reduced.models.fits.upgrading_table3_gvcl_col1.r2Within;
    expect(Number(t3[1].split(',')[8])).toBeCloseTo(within, 10);
  });

  it('synthetic run: five nested sequential columns on one sample; within R2 in [0,1]; outputs say synthetic', () => {
    const cols = [1, 2, 3, 4, 5].map((k) => synth.models.fits[`upgrading_table3_gvcl_col${k}`]);
    for (let k = 0; k < 5; k++) {
      expect(cols[k].n).toBe(cols[4].n);
      expect(cols[k].r2Within).toBeGreaterThanOrEqual(0);
      expect(cols[k].r2Within).toBeLessThanOrEqual(1);
      if (k) expect(cols[k].slopes.slice(0, -1)).toEqual(cols[k - 1].slopes);
    }
    expect(cols[4].slopes).toEqual(['Tariff', 'ln1p_Sofdi', 'K', 'Hum', 'RD', 'PGDP']);
    expect(synth.models.hausman.every((h) => h.df >= 1)).toBe(true);
    for (const t of synth.result.tables) expect(t.notes.join(' '), t.id).toMatch(/[Ss]ynthetic covariates/);
    for (const f of synth.result.figures) expect(f.caption, f.id).toMatch(/[Ss]ynthetic covariates/);
    expect(synth.result.tables.map((t) => t.id)).toContain('upgrading_tableA3_rdlag');
  });

  it('dropping 2009 removes exactly one observation per country observed in 2009', () => {
    for (const r of [reduced, synth]) {
      const full = r.models.fits[`upgrading_table3_gvcl_col${r === synth ? 5 : 1}`];
      const no09 = r.models.fits.upgrading_table5_no2009_col1;
      const df = r.panel.frame;
      const s = numericColumn(df, 'est_sample');
      const y = numericColumn(df, 'year');
      const in09 = new Set((df.columns.country as string[]).filter((_, i) => s[i] === 1 && y[i] === 2009)).size;
      expect(in09).toBe(22);
      expect(full.n - no09.n).toBe(in09);
    }
  });

  it('Sofdi >= 0, 0 iff no positive stock in H; ranges are flagged, not dropped', () => {
    const df = synth.panel.frame;
    const sof = numericColumn(df, 'Sofdi');
    const cty = df.columns.country as string[];
    const yr = numericColumn(df, 'year');
    const cfg = configFromOptions({ synthetic_covariates: '42' });
    const ext = loadExternals(ctx, cfg, [1995, 2011]);
    let zeros = 0;
    for (let i = 0; i < df.nrow; i++) {
      expect(sof[i]).toBeGreaterThanOrEqual(0);
      const positive = cfg.hosts.some((h) => h !== cty[i] && (ext.ofdi!.stocks.get(`${cty[i]}|${h}`)?.get(yr[i]) ?? 0) > 0);
      expect(sof[i] === 0, `${cty[i]} ${yr[i]}`).toBe(!positive);
      if (sof[i] === 0) zeros++;
    }
    expect(zeros).toBeGreaterThan(0);
    expect(zeros).toBeLessThan(df.nrow);
    expect(synth.panel.rangeFlags.PGDP).toBeGreaterThan(0); // IDN 1998 nominal USD collapse
    expect(synth.result.provenance.notes.some((n) => n.startsWith('Negative OFDI stocks set to 0: 1'))).toBe(true);
  });
});

describe('bri-upgrading reproducibility', () => {
  it('a second assembly reproduces panel, tables and figures byte for byte', () => {
    expect(rendered(run({ synthetic_covariates: '42' }))).toBe(rendered(synth));
    expect(rendered(run({}))).toBe(rendered(reduced));
  });

  it('two runner runs write identical files (all but report.html)', async () => {
    const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'gvc-upgrading-')));
    try {
      for (const d of dirs) await runStudy('bri-upgrading', { out: d, years: '2010-2011', options: { synthetic_covariates: '7' }, png: false, progress: () => undefined });
      const list = (d: string): string[] => readdirSync(d, { recursive: true, withFileTypes: false }).map(String).filter((f) => /\.(csv|md|tex|html|json|svg)$/.test(f) && f !== 'report.html').sort();
      const files = list(dirs[0]);
      expect(files).toEqual(list(dirs[1]));
      expect(files.length).toBeGreaterThan(40);
      for (const f of files) expect(readFileSync(join(dirs[1], f)), f).toEqual(readFileSync(join(dirs[0], f)));
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });
});
