/**
 * Study `bri-upgrading`: determinants of GVC upgrading (position and participation) in BRI countries, after
 * Li (2025, Economic Perspectives and Trends 2(2)), run on WIOD 2013 with the stand-ins of spec
 * bri-upgrading.md section 5.
 *
 * Declarative parts: data needs (one MRIO table per year; optional covariates, OFDI and host CSVs), the
 * measures per year (measures.ts), the panel builder (panel.ts), the models and tables (models.ts,
 * regtable.ts, descriptives.ts, signs.ts) and the figures (figures.ts); result.ts assembles them.
 *
 * Options (--option key=value): group=main|route|adb|ISO3,..., drop_china=1, covariates=FILE, ofdi=FILE,
 * hosts=FILE, host_set=G7|ISO3,..., synthetic_covariates=SEED. --countries and --years as the runner gives.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, OptionError } from '../../errors.js';
import { buildModel } from '../../mrio/model.js';
import { parseLabeledCsv } from '../../mrio/read/labeled-csv.js';
import { useBestBackend } from '../../node/backend.js';
import { yearFromName } from '../../node/files.js';
import type { StudyContext, StudyDefinition, StudyResult } from '../types.js';
import { configFromOptions, type UpgradingConfig } from './config.js';
import { parseCovariates, parseHosts, parseOfdi } from './externals.js';
import { yearMeasures, type YearMeasures } from './measures.js';
import { assemble, type Externals } from './result.js';
import { syntheticCovariates } from './synthetic.js';

export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

/** Year -> file; with an explicit window the year before is read too, else all years (window = all read). */
export function selectYears(files: readonly string[], cfg: UpgradingConfig): Array<[number, string]> {
  const byYear = new Map<number, string>();
  for (const f of files) {
    const y = yearFromName(f);
    if (y === undefined) throw new InputError(`${f}: no year in the file name (expected e.g. wiot_2011.csv.gz).`);
    if (byYear.has(y)) throw new InputError(`${f}: a second table for ${y} (${byYear.get(y)}).`);
    byYear.set(y, f);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (!cfg.explicitWindow) cfg.window = [years[0], years[years.length - 1]];
  const want = years.filter((y) => y >= cfg.window[0] - 1 && y <= cfg.window[1]);
  if (!want.some((y) => y >= cfg.window[0])) throw new InputError(`no table in the window ${cfg.window[0]}-${cfg.window[1]} (tables: ${years.join(', ')}).`);
  return want.map((y) => [y, byYear.get(y)!]);
}

/** The expensive stage: KWW and BM decompositions of every table read. */
export async function computeMeasures(ctx: Pick<StudyContext, 'readText' | 'progress'>, years: Array<[number, string]>): Promise<YearMeasures[]> {
  await useBestBackend();
  const out: YearMeasures[] = [];
  for (const [k, [year, file]] of years.entries()) {
    const t0 = Date.now();
    const table = parseLabeledCsv(ctx.readText(file), { source: file, year });
    out.push(yearMeasures(buildModel(table), year));
    ctx.progress(`year ${year} (${k + 1}/${years.length}): ${table.countries.length} countries x ${table.sectors.length} sectors, ${Date.now() - t0} ms`);
  }
  return out;
}

/** External inputs: files named in the options, or the synthetic generator. */
export function loadExternals(ctx: Pick<StudyContext, 'readText'>, cfg: UpgradingConfig, years: [number, number]): Externals {
  for (const f of [cfg.covariates, cfg.ofdi, cfg.hostsFile]) if (f && !existsSync(f)) throw new OptionError(`${f}: no such file (covariates, ofdi and hosts name CSV files).`);
  if (cfg.syntheticSeed !== undefined) {
    const s = syntheticCovariates(cfg.syntheticSeed, cfg.countries, cfg.hosts, years);
    const src = `synthetic(seed=${cfg.syntheticSeed})`;
    return { mode: 'synthetic', covariates: parseCovariates(s.covariates, `${src}/covariates.csv`), ofdi: parseOfdi(s.ofdi, `${src}/ofdi.csv`), hosts: parseHosts(s.hosts, `${src}/hosts.csv`) };
  }
  if (!cfg.covariates) {
    if (cfg.ofdi) throw new InputError('the OFDI and host files need the covariates file too (covariates=FILE).');
    return { mode: 'none' };
  }
  return {
    mode: 'supplied',
    covariates: parseCovariates(ctx.readText(cfg.covariates), cfg.covariates),
    ofdi: cfg.ofdi ? parseOfdi(ctx.readText(cfg.ofdi), cfg.ofdi) : undefined,
    hosts: cfg.hostsFile ? parseHosts(ctx.readText(cfg.hostsFile), cfg.hostsFile) : undefined,
  };
}

async function run(ctx: StudyContext): Promise<StudyResult> {
  const cfg = configFromOptions(ctx.options, ctx.countries, ctx.years);
  const years = selectYears(ctx.files, cfg);
  // external files first: a bad file fails before the decompositions run
  const ext = loadExternals(ctx, cfg, [years[0][0], years[years.length - 1][0]]);
  const measures = await computeMeasures(ctx, years);
  const r = assemble(measures, cfg, ext);
  ctx.progress(`panel: ${r.panel.frame.nrow} rows, estimation sample ${r.models.fits.upgrading_table3_gvcl_col1.n}`);
  return r.result;
}

export const study: StudyDefinition = {
  name: 'bri-upgrading',
  title: 'Determinants of GVC upgrading in BRI countries',
  dataNeeds: 'one labeled-CSV MRIO table per year (WIOD 2013 shipped in data/wiod2013); optional covariates, OFDI and host CSVs',
  defaultData() {
    const dir = join(DATA_DIR, 'wiod2013');
    return readdirSync(dir).filter((f) => /\.csv(\.gz)?$/.test(f)).sort().map((f) => join(dir, f));
  },
  run,
};
