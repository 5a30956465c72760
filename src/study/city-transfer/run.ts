/**
 * The city-transfer study end to end (§6.2 outputs under `out`):
 *   inputs (data folder or synthetic generator) → Leontief solves per year and T (transfer.ts) → analysed
 *   cities and variables (variables.ts) → panel (panel.ts) → estimation plan (models.ts) → tables, figures,
 *   city_estimates.json, city_checks.json (accounting checks, timings, acceptance (i) on synthetic data).
 * Every MRIO year is checked on read (mrio-checks.ts: warnings to the progress log, errors stop the run).
 * Every file is written under a temporary name and renamed when complete.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { readText, writeAtomic } from '../../node/files.js';
import { svgToPng } from '../../report/chart/png.js';
import { toCsv, toHtmlPage, toLatex, toMarkdown, type PaperTable } from '../table.js';
import { DEFAULT_STUDY_OPTIONS, PERIODS, TABLE_YEARS, type StudyOptions, type SyntheticOptions } from './config.js';
import { cityFigures, type CityFigure } from './figures.js';
import { readBaidu, readCities, readCityPanel, readHsrLines, type CityInputs } from './inputs.js';
import { estimateEntries, modelPlan, runPlan, type ColumnFit } from './models.js';
import { cityCodeTable, parseCityCodesCsv } from '../../mrio/read/ceads/city-codes.js';
import { readCeadsWorkbook } from './mrio-ceads.js';
import { guardedSource } from './mrio-checks.js';
import type { CityMrio, CityMrioSource } from './mrio-city.js';
import { readLongCsv, readWideCsv } from './mrio-csv.js';
import { readLongParquet, writeLongParquet } from './mrio-parquet.js';
import { buildPanel, writeLong, writePanel, type Panel } from './panel.js';
import { generateSynthetic, type SyntheticRun } from './synthetic/index.js';
import { allRegressionTables, descriptivesTable } from './tables.js';
import { computeTransfer, itOf, type TransferBlocks, type YearSolve } from './transfer.js';
import { cityVariables, type CityVars } from './variables.js';

export interface CityRunOptions {
  /** Data folder (§5.1, §5.2); ignored when `synthetic` is given. */
  data?: string;
  synthetic?: SyntheticOptions;
  out: string;
  study?: Partial<StudyOptions>;
  /** Write PNG next to every SVG (default true). */
  png?: boolean;
  /** Skip tables/figures (tests of the core only). */
  estimatesOnly?: boolean;
  /** Read tiny/small synthetic tables back from the written files (default true). */
  readBack?: boolean;
  progress?: (line: string) => void;
}

export interface CityRunResult {
  transfer: TransferBlocks;
  vars: CityVars;
  panel: Panel;
  fits: ColumnFit[];
  tables: PaperTable[];
  figures: CityFigure[];
  synthetic?: SyntheticRun;
  /** max |IT − z| over all ordered pairs of table cities (synthetic runs). */
  maxItMinusZ?: number;
  timings: { leontief: YearSolve[]; generatorSeconds: number; totalSeconds: number };
}

/**
 * Read the §5.1/§5.2 data folder. MRIO year y: mrio_y.csv (wide), mrio_y.long.csv, mrio_y.parquet (long) or
 * mrio_y.xlsx (CEADs workbook; layout mrio_y.layout.json or ceads_layout.json, else auto-detected; city
 * names mapped with the built-in GB/T 2260 table, cities.csv names and city_codes.csv (code,name)).
 */
export function readDataFolder(dir: string, say: (line: string) => void = () => {}): { inputs: CityInputs; source: CityMrioSource } {
  const need = (name: string): string => {
    const p = join(dir, name);
    if (!existsSync(p)) throw new InputError(`${p}: missing (a --data folder holds cities.csv, city_panel.csv, hsr_lines.csv, baidu_index.csv and mrio_<year>.csv).`);
    return readText(p);
  };
  const inputs: CityInputs = {
    cities: readCities(need('cities.csv'), join(dir, 'cities.csv')),
    panel: readCityPanel(need('city_panel.csv'), join(dir, 'city_panel.csv')),
    hsr: readHsrLines(need('hsr_lines.csv'), join(dir, 'hsr_lines.csv')),
    baidu: readBaidu(need('baidu_index.csv'), join(dir, 'baidu_index.csv')),
  };
  const codesCsv = join(dir, 'city_codes.csv');
  const codes = cityCodeTable([
    ...inputs.cities.map((c) => [c.code, c.name] as const),
    ...(existsSync(codesCsv) ? parseCityCodesCsv(readText(codesCsv), codesCsv) : []),
  ]);
  const load = async (y: number): Promise<CityMrio> => {
    const f = (ext: string) => join(dir, `mrio_${y}${ext}`);
    if (existsSync(f('.csv'))) return readWideCsv(readText(f('.csv')), y, f('.csv'));
    if (existsSync(f('.long.csv'))) return readLongCsv(readText(f('.long.csv')), y, f('.long.csv'));
    if (existsSync(f('.parquet'))) return readLongParquet(f('.parquet'), y);
    if (existsSync(f('.xlsx'))) {
      const layoutPath = [f('.layout.json'), join(dir, 'ceads_layout.json')].find((p) => existsSync(p));
      const r = await readCeadsWorkbook(f('.xlsx'), y, { layoutPath, codes });
      for (const note of r.notes) say(note);
      return r.table;
    }
    throw new InputError(`${dir}: no mrio_${y}.csv, mrio_${y}.long.csv, mrio_${y}.parquet or mrio_${y}.xlsx.`);
  };
  return { inputs, source: { years: TABLE_YEARS, load } };
}

/** max |IT − z| over every ordered pair of table cities (acceptance 9(i)). */
export function itVersusZ(tr: TransferBlocks, syn: SyntheticRun): number {
  const n = tr.codes.length;
  const N = tr.sectors.length;
  const vi = tr.codes.map((c) => syn.vars.codes.indexOf(c));
  const nv = syn.vars.n;
  let worst = 0;
  PERIODS.forEach((_, p) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        let T = 0;
        for (let s = 0; s < N; s++) T += tr.T[p][(i * n + j) * N + s];
        worst = Math.max(worst, Math.abs(itOf(T) - syn.planted.z[p][vi[i] * nv + vi[j]]));
      }
    }
  });
  return worst;
}

async function writeOutputs(out: string, r: CityRunResult, source: string, png: boolean): Promise<void> {
  writeAtomic(join(out, 'city_estimates.json'), JSON.stringify({ study: 'city-transfer', source, estimates: estimateEntries(r.fits) }, null, 1) + '\n');
  for (const t of r.tables) {
    writeAtomic(join(out, 'tables', `${t.id}.csv`), toCsv(t));
    writeAtomic(join(out, 'tables', `${t.id}.md`), toMarkdown(t));
    writeAtomic(join(out, 'tables', `${t.id}.tex`), toLatex(t));
    writeAtomic(join(out, 'tables', `${t.id}.html`), toHtmlPage(t));
  }
  for (const f of r.figures) {
    writeAtomic(join(out, 'figures', `${f.id}.svg`), f.svg);
    writeAtomic(join(out, 'figures', `${f.id}.csv`), f.csv);
    if (png) {
      const p = await svgToPng(f.svg);
      if (p.ok) writeAtomic(join(out, 'figures', `${f.id}.png`), p.png);
    }
  }
}

export async function runCityTransfer(o: CityRunOptions): Promise<CityRunResult> {
  const t0 = performance.now();
  const say = o.progress ?? ((s: string) => process.stderr.write(`[city-transfer] ${s}\n`));
  const study: StudyOptions = { ...DEFAULT_STUDY_OPTIONS, ...o.study };
  let inputs: CityInputs;
  let source: CityMrioSource;
  let syn: SyntheticRun | undefined;
  if (o.synthetic) {
    say(`generating synthetic profile ${o.synthetic.profile} (${o.synthetic.effects}, seed ${o.synthetic.seed}, noise ${o.synthetic.noise})`);
    syn = generateSynthetic(o.synthetic, o.out, o.readBack !== false);
    inputs = syn.inputs;
    source = o.readBack === false ? syn.memory : syn.source;
    if (o.synthetic.profile === 'paper' && o.synthetic.writeTables) {
      for (const y of TABLE_YEARS) {
        await writeLongParquet(syn.tables.load(y), join(o.out, 'synthetic', `mrio_${y}.parquet`));
        say(`wrote synthetic/mrio_${y}.parquet`);
      }
    }
  } else {
    if (!o.data) throw new InputError('city-transfer: give --data DIR or --synthetic PROFILE.');
    ({ inputs, source } = readDataFolder(o.data, say));
  }
  source = guardedSource(source, say);
  const tGen = (performance.now() - t0) / 1000;
  const transfer = await computeTransfer(source, (y) =>
    say(`${y.year}: ${y.cities} cities, LU solve ${y.seconds.toFixed(2)} s, ‖(I−A)X−Y‖/‖Y‖ = ${y.leontiefResidual.toExponential(1)}, row balance ${y.check.rowBalance.rel.toExponential(1)} (${y.check.rowBalance.row})`),
  );
  for (const a of transfer.accounting) {
    say(`${a.period} accounting: (y1 − y0) Σ_j T[i→j] vs 1'ΔX[·,i] ${a.origins ? `${a.origins.rel.toExponential(1)} (${a.origins.origin})` : 'n/a (city lists differ)'}; Σ + Δ EXP/OTHER part vs Δ output ${a.total.toExponential(1)}`);
  }
  const maxItMinusZ = syn ? itVersusZ(transfer, syn) : undefined;
  if (maxItMinusZ !== undefined) say(`acceptance (i): max |IT − z| = ${maxItMinusZ.toExponential(2)} over ${transfer.codes.length} table cities`);
  const excluded = new Set(inputs.cities.filter((c) => c.excluded).map((c) => c.code));
  const vars = cityVariables(inputs, transfer.codes.filter((c) => !excluded.has(c)));
  for (const d of vars.dropped) say(`dropped ${d}`);
  const panel = buildPanel(transfer, vars, study);
  say(`panel: ${vars.n} cities, ${panel.df.nrow} observations`);
  writePanel(panel, join(o.out, 'city_pairs_panel.csv'));
  if (!o.estimatesOnly) writeLong(transfer, panel, join(o.out, 'city_transfer_long.csv'));
  const plan = modelPlan().filter((c) => !o.estimatesOnly || c.table === 'C2J' || c.table === 'C3J' || c.table === 'C10' || c.table === 'C2' || c.table === 'C3');
  const fits = runPlan(panel.df, plan, say);
  const tables = o.estimatesOnly ? [] : [descriptivesTable(panel.df), ...allRegressionTables(fits, study.stat)];
  const focus = study.focus ?? inputs.cities.find((c) => c.focus && vars.codes.includes(c.code))?.code ?? panel.codes[0];
  const figures = o.estimatesOnly ? [] : cityFigures(panel.df, vars, inputs, fits, focus);
  const r: CityRunResult = {
    transfer, vars, panel, fits, tables, figures, synthetic: syn, maxItMinusZ,
    timings: { leontief: transfer.years, generatorSeconds: tGen, totalSeconds: 0 },
  };
  await writeOutputs(o.out, r, syn ? 'synthetic' : 'data', o.png !== false && !o.estimatesOnly);
  r.timings.totalSeconds = (performance.now() - t0) / 1000;
  writeAtomic(join(o.out, 'city_checks.json'), JSON.stringify({
    years: transfer.years, accounting: transfer.accounting, analysed: vars.n, dropped: vars.dropped, max_abs_it_minus_z: maxItMinusZ ?? null,
    synthetic: syn?.truth ?? null, seconds: { generator: tGen, total: r.timings.totalSeconds },
    not_identified: fits.filter((f) => f.focus.some((t) => !f.fit.identified[t])).map((f) => `${f.table}(${f.column}) ${f.sample}`),
  }, null, 1) + '\n');
  say(`done in ${r.timings.totalSeconds.toFixed(1)} s; outputs in ${o.out}`);
  return r;
}
