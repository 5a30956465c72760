/**
 * Acceptance of the ASEAN study on the synthetic release (spec 5.4 a-c) through the whole pipeline:
 * files written -> streamed BACI reader -> ESI / Import -> panel -> FE / RE / FGLS / Hausman -> outputs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsean, study, type AseanRunResult } from '../../src/study/asean-similarity/index.js';
import { readText } from '../../src/node/files.js';
import { BETA, syntheticAsean } from '../../src/study/asean-similarity/synthetic.js';
import { REPO_ROOT } from '../shared-data.js';
import { runChecks } from '../../src/study/asean-similarity/checks.js';
import { ExportBaskets } from '../../src/indicators/similarity.js';

const SLOPES = ['import', 'lnfdi', 'capital', 'lr', 'pa', 'efi'];
const root = mkdtempSync(join(tmpdir(), 'gvc-asean-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function readCsv(path: string): Array<Record<string, string>> {
  const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const h = head.split(',');
  return lines.map((l) => {
    const f = l.split(',');
    return Object.fromEntries(h.map((k, i) => [k, f[i] ?? '']));
  });
}

const quiet = () => undefined;

describe('seed 42, noise 0.01 (spec 5.4 a, c)', () => {
  const out = join(root, 's42');
  let r: AseanRunResult;
  beforeAll(async () => {
    r = await runAsean({ synthetic: true, seed: 42, noise: 0.01, out, png: false, progress: quiet });
  }, 120_000);

  it('(a) ESI vs USA, vs DEU, their mean and Import from the written files equal the planted values to 1e-12 in all 99 rows', () => {
    const planted = syntheticAsean({ seed: 42, noise: 0.01 }).rows;
    const panel = readCsv(join(out, 'asean_panel.csv'));
    expect(panel.length).toBe(99);
    let worst = 0;
    for (const p of planted) {
      const row = panel.find((x) => x.iso3 === p.iso3 && Number(x.year) === p.year)!;
      for (const c of ['esi', 'esi_usa', 'esi_deu']) worst = Math.max(worst, Math.abs(Number(row[c]) - p.esi));
      worst = Math.max(worst, Math.abs(Number(row.import) - p.import));
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('(c) FE slopes = (0.147733, 0.014380, -0.477931, -0.466118, 0.006198, 0.029758) to 1e-6, each within 3 SE of beta', () => {
    const fe = r.analysis.estimates.fe;
    const want = [0.147733, 0.01438, -0.477931, -0.466118, 0.006198, 0.029758];
    SLOPES.forEach((v, j) => {
      expect(Math.abs(fe.coef[v] - want[j])).toBeLessThan(1e-6);
      expect(Math.abs(fe.coef[v] - BETA[j])).toBeLessThan(3 * fe.se[v]);
    });
    expect(r.analysis.notes.join(' ')).toContain('seed 42');
  });

  it('panel accounting: 99 rows, 68 in sample in 8 countries (MMR out), every other row names its missing variables', () => {
    const panel = readCsv(join(out, 'asean_panel.csv'));
    const inS = panel.filter((x) => x.in_sample === '1');
    expect(inS.length).toBe(68);
    expect(r.analysis.estimates.fe.nobs).toBe(68);
    expect(new Set(inS.map((x) => x.iso3)).size).toBe(8);
    expect(inS.some((x) => x.iso3 === 'MMR')).toBe(false);
    for (const x of panel) expect(x.in_sample === '1' ? x.drop_reason === '' : /^(esi|import|lnfdi|capital|lr|pa|efi)(;(esi|import|lnfdi|capital|lr|pa|efi))*$/.test(x.drop_reason)).toBe(true);
    const a = r.analysis.panel.accounting;
    expect(a.countriesDropped).toEqual(['MMR']);
    expect(a.missingByVariable.pa).toBe(31);
    expect(a.missingByVariable.capital).toBe(22);
    expect(Object.values(a.droppedByReason).reduce((s, v) => s + v, 0) + a.n).toBe(99);
  });

  it('spec 7 checks pass; FE/FGLS slopes identical and z/t = sqrt(N/(N-n-k)); RE and Hausman reported', () => {
    expect(r.analysis.checks.failures).toEqual([]);
    const { fe, fgls, re, hausman } = r.analysis.estimates;
    for (const v of SLOPES) {
      expect(Math.abs(fe.coef[v] - fgls.coef[v])).toBeLessThan(1e-10);
      expect(Math.abs(fgls.stat[v] / fe.stat[v] - Math.sqrt(68 / 54))).toBeLessThan(1e-10);
    }
    expect(re.estimable).toBe(true);
    expect(hausman.estimable).toBe(true);
    expect(hausman.stat).toBeGreaterThanOrEqual(0);
    expect(fgls.base).toBe('PHL');
  });

  it('the spec 7 checks are live: a violated Import range, sample accounting or FE/FGLS slope identity is flagged', () => {
    const p = r.analysis.panel;
    const est = r.analysis.estimates;
    const none = new ExportBaskets([], 'world');
    expect(runChecks(none, p, est, r.analysis.config).failures).toEqual([]);
    const rows = p.rows.map((x, k) => (k === 0 ? { ...x, import: 1.5 } : x));
    const bad = runChecks(
      none,
      { ...p, rows, accounting: { ...p.accounting, n: p.accounting.n + 1 } },
      { ...est, fgls: { ...est.fgls, coef: { ...est.fgls.coef, import: est.fgls.coef.import + 1e-6 } } },
      r.analysis.config,
    ).failures.join('; ');
    expect(bad).toMatch(/Import outside \[0,1\]: 5\.000e-1/);
    expect(bad).toMatch(/sample accounting mismatch/);
    expect(bad).toMatch(/FE slopes - FGLS slopes/);
  });

  it('writes every output of spec 6 under its name, with the specified columns', () => {
    for (const f of [
      'asean_esi_long.csv', 'asean_panel.csv', 'asean_fig1_esi_paths.svg', 'asean_fig1_esi_paths.csv', 'asean_estimates.json',
      'asean_estimates.csv', 'asean_run.json', 'report.html',
      ...['asean_table1_esi', 'asean_table2_descriptives', 'asean_table3_regressions'].flatMap((t) => ['csv', 'md', 'tex', 'html'].map((e) => `${t}.${e}`)),
    ]) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'asean_esi_long.csv'), 'utf8').split('\n')[0]).toBe('year,exporter,reference,market,level,esi,n_products_e,n_products_r,n_common,value_e,value_r');
    expect(readFileSync(join(out, 'asean_panel.csv'), 'utf8').split('\n')[0]).toBe(
      'iso3,country,baci_code,year,esi,esi_usa,esi_deu,import,fdi_inflow_musd,lnfdi,capital,lr,patents,pa,efi,in_sample,drop_reason',
    );
    expect(readCsv(join(out, 'asean_esi_long.csv')).length).toBe(9 * 2 * 11);
    const run = JSON.parse(readFileSync(join(out, 'asean_run.json'), 'utf8'));
    expect(run.seed).toBe(42);
    expect(run.sample.n).toBe(68);
    expect(run.files.filter((f: { bytes: number }) => f.bytes > 0).length).toBe(14);
    const t1 = readFileSync(join(out, 'asean_table1_esi.md'), 'utf8');
    expect(t1).toContain('| Philippines |');
    // Table 1: rows = the 9 countries in study order, columns = the displayed years and the average growth
    const t1csv = readFileSync(join(out, 'asean_table1_esi.csv'), 'utf8').trim().split('\n');
    expect(t1csv[0]).toBe(',2006,2010,2014,2018,2019,2020,2021,Avg. growth');
    expect(t1csv.slice(1).map((l) => l.split(',')[0])).toEqual(['Philippines', 'Cambodia', 'Malaysia', 'Thailand', 'Singapore', 'Indonesia', 'Myanmar', 'Viet Nam', 'China']);
    const t2csv = readFileSync(join(out, 'asean_table2_descriptives.csv'), 'utf8').trim().split('\n');
    expect(t2csv[0]).toBe(',Group,N,Mean,Median,SD,Min,Max');
    expect(t2csv.slice(1).map((l) => l.split(',')[0])).toEqual(['ESI', 'Import', 'FDI', 'Capital', 'LR', 'PA', 'EFI']);
    const t3 = readFileSync(join(out, 'asean_table3_regressions.md'), 'utf8');
    expect(t3).toContain('|  | FE | RE | FGLS |');
    for (const row of ['Import', 'lnFDI', 'Capital', 'LR', 'PA', 'EFI', 'Constant', 'Observations', 'Number of countries', 'R-squared', 'Country FE', 'Year FE', 'Hausman chi2(df)', 'Hausman p']) {
      expect(t3, row).toContain(`| ${row} |`);
    }
    expect(readFileSync(join(out, 'esi_pairwise.csv'), 'utf8').split('\n')[0]).toBe('year,market,e1,e2,esi');
    expect(Object.keys(run)).toEqual(expect.arrayContaining(['configuration', 'files', 'seed', 'sample']));
    expect(run.sample.n + run.sample.dropped.length).toBe(99);
    const svg = readFileSync(join(out, 'asean_fig1_esi_paths.svg'), 'utf8');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThanOrEqual(9);
  });

  it('the generic runner\'s StudyDefinition gives the same FE slopes from the written release', async () => {
    const res = await study.run({ files: [join(out, 'synthetic_data')], options: {}, readText, progress: quiet });
    expect(res.panel.frame.nrow).toBe(99);
    expect(res.tables.map((t) => t.id)).toEqual(['asean_table1_esi', 'asean_table2_descriptives', 'asean_table3_regressions']);
    const fe = res.estimates.find((e) => e.id === 'asean_table3_fe')!.result as { terms: Array<{ term: string; coef: number }> };
    expect(fe.terms.find((t) => t.term === 'import')!.coef).toBe(r.analysis.estimates.fe.coef.import);
  }, 60_000);
});

describe('noise 0 (spec 5.4 b)', () => {
  const out = join(root, 'n0');
  let r: AseanRunResult;
  beforeAll(async () => {
    r = await runAsean({ synthetic: true, noise: 0, out, png: false, progress: quiet });
  }, 120_000);

  it('FE slopes = beta to 1e-8, FGLS slopes = FE slopes to 1e-10', () => {
    const { fe, fgls } = r.analysis.estimates;
    SLOPES.forEach((v, j) => {
      expect(Math.abs(fe.coef[v] - BETA[j])).toBeLessThan(1e-8);
      expect(Math.abs(fgls.coef[v] - fe.coef[v])).toBeLessThan(1e-10);
    });
    expect(fe.exactFit).toBe(true);
  });

  it('RE and Hausman are reported as not estimable (exact within fit)', () => {
    const { re, hausman } = r.analysis.estimates;
    expect(re.estimable).toBe(false);
    expect(re.reason).toBe('not estimable (exact within fit)');
    expect(hausman.estimable).toBe(false);
    const t3 = readFileSync(join(out, 'asean_table3_regressions.md'), 'utf8');
    expect(t3.match(/not estimable \(exact within fit\)/g)?.length).toBeGreaterThanOrEqual(2);
    const est = JSON.parse(readFileSync(join(out, 'asean_estimates.json'), 'utf8'));
    expect(est.re.estimable).toBe(false);
  });
});

describe('options: extras, pooled references, plm variance, parentheses', () => {
  it('adds two-way FE, cluster-robust FE and Parks-Kmenta columns; same FE slopes under cluster SE', async () => {
    const out = join(root, 'extras');
    const r = await runAsean({
      synthetic: true, out, png: false, progress: quiet,
      options: { extras: 'twoway,cluster,parks', re_variance: 'plm', parens: 'se', combine: 'pooled' },
    });
    const { fe, extras } = r.analysis.estimates;
    expect(extras.map((x) => x.method)).toEqual(['FE-twoway', 'FE-cluster', 'FGLS-parks']);
    for (const v of SLOPES) expect(Math.abs(extras[1].coef[v] - fe.coef[v])).toBeLessThan(1e-12);
    const t3 = readFileSync(join(out, 'asean_table3_regressions.md'), 'utf8');
    expect(t3).toContain('| Two-way FE |');
    expect(t3).toContain('Standard errors in parentheses');
    // pooled reference basket: the planted identity ESI = λ holds for the pooled basket too (equal sizes of s_USA, s_DEU)
    const planted = syntheticAsean({ seed: 42, noise: 0.01 }).rows;
    const chn = r.analysis.panel.rows.find((x) => x.iso3 === 'CHN' && x.year === 2002)!;
    expect(Math.abs(chn.esi! - 2 * planted.find((x) => x.iso3 === 'CHN' && x.year === 2002)!.esi)).toBeLessThan(1e-12);
    expect(readCsv(join(out, 'esi_pairwise.csv')).length).toBe(36 * 11);
    await expect(runAsean({ synthetic: true, out, png: false, progress: quiet, options: { extras: 'bogus' } })).rejects.toThrow(/extras: unknown column/);
  }, 120_000);
});

describe('flags (spec 5.5)', () => {
  it('--data with --synthetic, or --seed without --synthetic, is a usage error', async () => {
    await expect(runAsean({ data: root, synthetic: true, out: join(root, 'x'), progress: quiet })).rejects.toThrow(/exactly one/);
    await expect(runAsean({ data: root, seed: 3, out: join(root, 'x'), progress: quiet })).rejects.toThrow(/only with --synthetic/);
    await expect(runAsean({ synthetic: true, noise: -1, out: join(root, 'x'), progress: quiet })).rejects.toThrow(/--noise/);
    // neither --data nor --synthetic: --seed / --noise are still usage errors (nothing is generated)
    await expect(runAsean({ seed: 3, out: join(root, 'y'), progress: quiet })).rejects.toThrow(/only with --synthetic/);
    await expect(runAsean({ noise: 0.5, out: join(root, 'y'), progress: quiet })).rejects.toThrow(/only with --synthetic/);
    expect(existsSync(join(root, 'y'))).toBe(false);
  });

  it('exit statuses of `gvc study asean-similarity`: 2 for usage errors, 1 for a data error', async () => {
    const cli = (args: string[]) =>
      new Promise<number>((done) => {
        execFile(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'study', 'asean-similarity', ...args], { cwd: REPO_ROOT, timeout: 120_000 }, (err) =>
          done(err ? ((err as { code?: number }).code ?? -1) : 0),
        );
      });
    expect(await cli(['--seed', '3', '--out', join(root, 'c1')])).toBe(2);
    expect(await cli(['--noise', '0.1', '--data', root, '--out', join(root, 'c2')])).toBe(2);
    expect(await cli(['--data', root, '--synthetic', '--out', join(root, 'c3')])).toBe(2);
    expect(await cli(['--synthetic', '--seed', 'abc', '--out', join(root, 'c4')])).toBe(2);
    expect(await cli(['--data', join(root, 'no-such-dir'), '--out', join(root, 'c5')])).toBe(1);
  }, 120_000);
});
