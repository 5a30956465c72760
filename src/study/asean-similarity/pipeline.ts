/**
 * The ASEAN study from input files to results, without writing anything (spec 2-4, 7):
 * release files -> country table -> one streaming pass over BACI (ESI baskets, import sums) -> ESI and
 * Import -> covariates -> 9 x 11 panel with drop reasons -> FE / RE / FGLS / Hausman -> Tables 1-3,
 * Figure 1 and the checks of spec 7.
 */
import { InputError } from '../../errors.js';
import { codesOf, type CountryTable } from '../../io/countries.js';
import type { Figure } from '../types.js';
import type { PaperTable } from '../table.js';
import { configFromOptions, type AseanConfig } from './config.js';
import { parseCovariates, type Covariates } from './covariates.js';
import { checkProductTable, countryTable, findRelease, type Release } from './release.js';
import { streamBaci, type FileRead } from './baci-stream.js';
import { studyMeasures, type EsiLongRow, type StudyMeasures } from './measures.js';
import { assemblePanel, dropReport, type Panel } from './panel.js';
import { estimateTable3, type Table3Estimates } from './estimate.js';
import { table1, table2, table3 } from './tables.js';
import { esiPathsFigure } from './figure.js';
import { runChecks, type CheckReport } from './checks.js';

export interface AnalyseInputs {
  /** A data directory and/or files. */
  paths: readonly string[];
  options?: Record<string, string>;
  readText: (path: string) => string;
  progress?: (line: string) => void;
}

export interface AseanAnalysis {
  config: AseanConfig;
  release: Release;
  countryTableFrom: string;
  files: FileRead[];
  esiLong: EsiLongRow[];
  esiPairwise: StudyMeasures['pairwise'];
  panel: Panel;
  estimates: Table3Estimates;
  tables: PaperTable[];
  figure: Figure;
  checks: CheckReport;
  notes: string[];
}

function codeOf(table: CountryTable) {
  return (iso3: string): number | null => {
    try {
      return codesOf(table, iso3)[0];
    } catch {
      return null;
    }
  };
}

export async function analyse(inp: AnalyseInputs): Promise<AseanAnalysis> {
  const say = inp.progress ?? (() => undefined);
  const cfg = configFromOptions(inp.options ?? {});
  const release = findRelease(inp.paths);
  const { table, from } = countryTable(release, inp.readText);
  const notes: string[] = [];
  if (release.revision && release.revision !== 'HS02') notes.push(`The release is ${release.revision}; the study uses HS 2002 (one nomenclature for all years).`);
  if (release.productTable) say(`product table: ${checkProductTable(inp.readText(release.productTable), release.productTable)} codes`);
  if (!release.covariates) throw new InputError(`${inp.paths.join(', ')}: no covariates.csv among the inputs (spec 5.3: iso3,year,fdi_inflow_musd,gfcf_pct_gdp,lfpr_pct,patents,efi[,efi_scale]).`);
  const cov: Covariates = parseCovariates(inp.readText(release.covariates), release.covariates);
  for (const c of [...cfg.exporters, ...cfg.references, ...cfg.bloc, ...(cfg.market === 'world' ? [] : cfg.market)]) codesOf(table, c);

  const t0 = Date.now();
  const stream = await streamBaci(release.baci, {
    table, exporters: cfg.exporters, references: cfg.references, market: cfg.market, importers: cfg.exporters, bloc: cfg.bloc, years: cfg.years,
  });
  const rowsRead = stream.files.reduce((s, f) => s + f.rows, 0);
  say(`BACI: ${stream.files.length} file(s), ${rowsRead} rows read, ${stream.files.reduce((s, f) => s + f.kept, 0)} kept, years ${stream.years.join(', ')} (${Date.now() - t0} ms)`);
  const missingYears = cfg.years.filter((y) => !stream.years.includes(y));
  if (missingYears.length) notes.push(`No BACI rows for ${missingYears.join(', ')}: ESI and Import missing there.`);

  const m = studyMeasures(stream, cfg);
  const panel = assemblePanel(cfg, m, cov, codeOf(table));
  for (const line of dropReport(panel)) say(line);
  const estimates = estimateTable3(panel.rows, cfg);
  say(`Table 3: FE N = ${estimates.fe.nobs}, ${estimates.fe.groups} countries; RE ${estimates.re.estimable ? 'estimated' : estimates.re.reason}; Hausman ${estimates.hausman.estimable ? `chi2(${estimates.hausman.df}) = ${estimates.hausman.stat.toFixed(3)}, p = ${estimates.hausman.p.toFixed(3)}` : 'not estimated'}`);
  const checks = runChecks(stream.baskets, panel, estimates, cfg);
  if (checks.failures.length) say(`checks failing: ${checks.failures.join('; ')}`);
  notes.push(
    `Countries (Table 1 order): ${cfg.exporters.join(', ')}; references ${cfg.references.join(', ')} combined by ${cfg.combine}; market ${cfg.market === 'world' ? 'world' : cfg.market.join('+')}; HS level ${cfg.level}; excludeMutual ${cfg.excludeMutual}.`,
    `Import = bloc share of imports, bloc = ${cfg.bloc.join(', ')}.`,
    `PA = ln(patents), patents series: ${cfg.paSeries === 'nonresident' ? 'non-resident applications (WDI IP.PAT.NRES)' : 'resident + non-resident applications'} (documentation of the covariates file's patents column).`,
    `RE variance components: ${cfg.reVariance}. Country table: ${from}.`,
    ...cov.notes,
  );
  return {
    config: cfg,
    release,
    countryTableFrom: from,
    files: stream.files,
    esiLong: m.long,
    esiPairwise: m.pairwise,
    panel,
    estimates,
    tables: [table1(panel.rows, cfg), table2(panel.rows), table3(estimates, cfg)],
    figure: esiPathsFigure(panel.rows, cfg),
    checks,
    notes,
  };
}
