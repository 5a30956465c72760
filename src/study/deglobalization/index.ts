/**
 * Study `deglobalization`: manufacturing localization, technology backfire and de-globalization, after Qu and
 * Yang (2023, China Economist 18(1)), empirical part run on WIOD 2013 (spec deglobalization.md, sections 2-4).
 *
 * Declarative parts: data (one MRIO table per year, the year before the window included; optional covariates
 * CSV), the country-year panel (measures.ts -> panel.ts), Table 1 (regressions.ts), Tables 2-3 (threshold.ts),
 * Tables 4-5, Figures 1-3, estimates, and the notes (Resolutions, differences from the paper).
 *
 * Options (--option key=value): see config.ts; e.g. bootstrap=100, scope=total, se=cluster, dvx=kww_iv.
 */
import { existsSync, readdirSync } from 'node:fs';
import { OptionError } from '../../errors.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBestBackend } from '../../node/backend.js';
import { numericColumn } from '../../econometrics/frame.js';
import type { PaperTable } from '../table.js';
import type { StudyContext, StudyDefinition, StudyResult } from '../types.js';
import { configFromOptions, type DeglobConfig } from './config.js';
import { parseCovariates, type Covariates } from './covariates.js';
import { buildEstimates, estimatesTable } from './estimates.js';
import { figure1, figure2, figure3 } from './figures.js';
import { loadMeasures } from './load.js';
import { modelTable } from './model.js';
import type { YearMeasures } from './measures.js';
import { differenceNotes, RESOLUTIONS } from './notes.js';
import { paperTable1, paperTable2, paperTable3 } from './paper.js';
import { buildPanel, PANEL_COLUMNS } from './panel.js';
import { table1Fits } from './regressions.js';
import { levelFrame } from './sample.js';
import { table2 } from './table2.js';
import { table1, table3 } from './tables.js';
import { table4, table5 } from './tables45.js';
import { thresholdFits } from './threshold.js';

export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

/** Everything after the tables are read: panel, estimations, tables, figures, provenance. */
export function analyze(measures: readonly YearMeasures[], cfg: DeglobConfig, cov: Covariates | undefined, progress: (m: string) => void): StudyResult {
  const { panel, missing } = buildPanel(measures, cfg, cov);
  const nIn = (panel.columns.in_sample as Float64Array).reduce((s, v) => s + v, 0);
  progress(`panel: ${panel.nrow} rows, ${nIn} in the estimation sample`);
  const t1 = table1Fits(panel, cfg, !!cov);
  const th = thresholdFits(panel, cfg, progress);
  const t4 = table4(measures, cfg);
  const lv = levelFrame(panel, cfg, false);
  const mean = (k: string) => numericColumn(lv, k).reduce((s, v) => s + v, 0) / lv.nrow;
  const model = modelTable({ N: measures[0].countries.length, omega: mean('omega'), mu: mean('mu'), v: mean('v'), gvcp: mean('gvcp') });
  const tables: PaperTable[] = [
    model,
    table1(t1, cfg), paperTable1(),
    table2(th, cfg), paperTable2(),
    table3(th, cfg), paperTable3(),
    ...(t4 ? [t4] : []), table5(),
    estimatesTable(t1, th),
  ];
  const worst = (k: keyof YearMeasures['checks'], f: (a: number[]) => number = (a) => Math.max(...a)) => f(measures.map((m) => m.checks[k]));
  return {
    title: 'Manufacturing localization, technology backfire and de-globalization (WIOD 2013)',
    panel: { name: 'deglob_panel', columns: PANEL_COLUMNS, frame: panel },
    estimates: buildEstimates(t1, th, cfg),
    tables,
    figures: [figure1(panel, cfg), figure2(panel, cfg), figure3()],
    provenance: {
      identities: {
        'FVA + DC - (E - exports of zero-output sectors), relative': worst('exportSplit'),
        'sum DVX - sum FVA over all regions, relative': worst('dvxFva'),
        'total scope: omega, mu vs 1 - imports/total (abs)': worst('totalScopeTwoWays'),
        'negative DVX or FVA (min flow if < 0)': Math.min(0, worst('minFlow', (a) => Math.min(...a))),
      },
      dropped: missing,
      notes: [
        `Countries (${cfg.countries.length}): ${cfg.countries.join(' ')}; window ${cfg.window.join('-')}; tables read ${measures[0].year}-${measures[measures.length - 1].year}; scope ${cfg.scope}; mu basis ${cfg.muBasis}; dvx ${cfg.dvx}; standardize ${cfg.standardize}; se ${cfg.se}; differences ${cfg.differences}.`,
        `Shares over all named countries, scopes and bases lie in [${worst('shareMin', (a) => Math.min(...a)).toFixed(4)}, ${worst('shareMax').toFixed(4)}].`,
        cov ? `Covariates: ${cov.source}${cov.hasGrowth ? ' (real growth replaces the MRIO growth)' : ''}.` : 'No covariates file: eq. (17) uses ln GDP (MRIO) as its single control; ln_gdppc and ln_pop are empty.',
        ...RESOLUTIONS,
        ...differenceNotes(t1, th, cfg, panel),
      ],
    },
  };
}

async function run(ctx: StudyContext): Promise<StudyResult> {
  await useBestBackend();
  const cfg = configFromOptions(ctx.options, ctx.years, ctx.countries);
  if (cfg.covariates && !existsSync(cfg.covariates)) throw new OptionError(`covariates: ${cfg.covariates}: no such file.`);
  const measures = loadMeasures(ctx.files, cfg, (p) => ctx.readText(p), ctx.progress);
  const cov = cfg.covariates ? parseCovariates(ctx.readText(cfg.covariates), cfg.covariates, measures[0].countries) : undefined;
  return analyze(measures, cfg, cov, ctx.progress);
}

export const study: StudyDefinition = {
  name: 'deglobalization',
  title: 'Manufacturing localization, technology backfire and de-globalization',
  dataNeeds: 'one labeled-CSV MRIO table per year (WIOD 2013 shipped in data/wiod2013), the year before the window included; optional covariates CSV (iso3,year,gdppc,pop[,gdp_growth])',
  defaultData() {
    const dir = join(DATA_DIR, 'wiod2013');
    return readdirSync(dir).filter((f) => /\.csv(\.gz)?$/.test(f)).sort().map((f) => join(dir, f));
  },
  run,
};
