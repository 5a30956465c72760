/**
 * Study `bri-symbiosis`: industrial relocation (ITR) and industrial symbiosis (RH, HD, XT) between China and
 * BRI partners, after Liu, Zhou & Zeng (2023, China Economist 18(5)), run on WIOD 2013 (spec bri-symbiosis.md).
 *
 * Declarative parts: data needs (one MRIO table per year, the year before the window included; shipped
 * distances and FTAs; optional covariates CSV), the panel builder (measures -> raw panel -> transforms),
 * the models (models.ts), tables (regtable.ts, descriptives.ts) and figures (figures.ts).
 *
 * Options (--option key=value): attribution=wwz|local|origin, fta=strict|broad, break=<year>, nic=IDN,TUR|+KOR,
 * winsor=off, covariates=<csv>, sectors=native (also --sectors native), list_c=<comma list>.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OptionError, InputError } from '../../errors.js';
import { aggregate } from '../../mrio/aggregate.js';
import { buildModel } from '../../mrio/model.js';
import { parseLabeledCsv } from '../../mrio/read/labeled-csv.js';
import { yearFromName } from '../../node/files.js';
import type { StudyContext, StudyDefinition, StudyResult } from '../types.js';
import { checkPartners, defaultConfig, normalizeCountry, parseNic, sectorMapping, type Attribution, type StudyConfig } from './config.js';
import { parseCovariates } from './covariates.js';
import { descriptivesTable, vifTable } from './descriptives.js';
import { parseContig, parseDistances, parseFta } from './externals.js';
import { studyFigures } from './figures.js';
import { yearMeasures, type YearMeasures } from './measures.js';
import { runModels } from './models.js';
import { PANEL_COLUMNS } from './columns.js';
import { buildRawPanel } from './panel.js';
import { controlList, transformPanel } from './transform.js';

export const DATA_DIR = fileURLToPath(new URL('../../../data/', import.meta.url));

/** Options of this study (`--option key=value` or `--key value`). */
export const KNOWN_OPTIONS = ['sectors', 'attribution', 'vax', 'fta', 'break', 'nic', 'winsor', 'list_c', 'd2_c7', 'iv_small', 'covariates'];

/** A 0/1 option (1, true, yes or a bare flag; 0, false, no). */
function boolOption(key: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', ''].includes(v)) return true;
  if (['0', 'false', 'no'].includes(v)) return false;
  throw new OptionError(`${key} must be 1/true or 0/false, got "${value}".`);
}

export function configFromOptions(ctx: Pick<StudyContext, 'options' | 'countries' | 'years'>): StudyConfig {
  const o = ctx.options;
  const unknown = Object.keys(o).filter((k) => !KNOWN_OPTIONS.includes(k));
  if (unknown.length) throw new OptionError(`unknown option "${unknown[0]}" for bri-symbiosis (accepted: ${KNOWN_OPTIONS.join(', ')}).`);
  if (o.break !== undefined && !/^\d{4}$/.test(o.break)) throw new OptionError(`break must be a year, got "${o.break}".`);
  const mode = o.sectors === 'native' ? 'native' : 'aggregated';
  if (o.sectors && !['native', 'aggregated'].includes(o.sectors)) throw new OptionError(`sectors must be native or aggregated, got "${o.sectors}".`);
  const cfg = defaultConfig(mode);
  if (o.attribution) {
    if (!['wwz', 'local', 'origin'].includes(o.attribution)) throw new OptionError(`attribution must be wwz, local or origin, got "${o.attribution}".`);
    cfg.attribution = o.attribution as Attribution;
  }
  if (o.fta) {
    if (o.fta !== 'strict' && o.fta !== 'broad') throw new OptionError(`fta must be strict or broad, got "${o.fta}".`);
    cfg.fta = o.fta;
  }
  if (o.vax) {
    if (o.vax !== 'vax' && o.vax !== 'dva') throw new OptionError(`vax must be vax or dva, got "${o.vax}".`);
    cfg.vax = o.vax;
  }
  if (o.iv_small !== undefined) cfg.ivSmall = boolOption('iv_small', o.iv_small);
  if (o.break) cfg.breakYear = Number(o.break);
  if (o.nic) cfg.nic = parseNic(o.nic);
  if (o.winsor !== undefined && !['off', 'on'].includes(o.winsor)) throw new OptionError(`winsor must be on or off, got "${o.winsor}".`);
  if (o.winsor === 'off') cfg.winsor = null;
  if (o.list_c) cfg.listC = o.list_c.split(',').map(normalizeCountry);
  if (o.d2_c7 !== undefined && boolOption('d2_c7', o.d2_c7) && mode === 'aggregated') cfg.highTech.add('C7');
  if (ctx.countries?.length) cfg.partners = ctx.countries.map(normalizeCountry);
  if (ctx.years) cfg.window = ctx.years;
  return cfg;
}

/** Year -> file among the inputs; the window's previous year is read too when present. */
function selectYears(files: string[], cfg: StudyConfig, explicitWindow: boolean): Array<[number, string]> {
  const byYear = new Map<number, string>();
  for (const f of files) {
    const y = yearFromName(f);
    if (y === undefined) throw new InputError(`${f}: no year in the file name (expected e.g. wiot_2011.csv.gz).`);
    byYear.set(y, f);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (!explicitWindow) cfg.window = [years[0] + 1, years[years.length - 1]];
  const want = years.filter((y) => y >= cfg.window[0] - 1 && y <= cfg.window[1]);
  if (want.length < 2) throw new InputError(`the inputs hold ${want.length} table(s) for the window ${cfg.window[0]}-${cfg.window[1]} and the year before; at least 2 are needed.`);
  return want.map((y) => [y, byYear.get(y)!]);
}

async function run(ctx: StudyContext): Promise<StudyResult> {
  const cfg = configFromOptions(ctx);
  if (ctx.options.covariates && !existsSync(ctx.options.covariates)) throw new OptionError(`covariates: ${ctx.options.covariates}: no such file.`);
  const years = selectYears(ctx.files, cfg, !!ctx.years);
  const measures: YearMeasures[] = [];
  for (const [k, [year, file]] of years.entries()) {
    const t0 = Date.now();
    const raw = parseLabeledCsv(ctx.readText(file), { source: file, year });
    checkPartners([cfg.home, ...cfg.partners], raw.countries);
    const map = sectorMapping(raw.sectors, cfg.sectorMode);
    const table = map ? aggregate(raw, { sectors: map }) : raw;
    measures.push(yearMeasures(buildModel(table), cfg, year));
    ctx.progress(`year ${year} (${k + 1}/${years.length}): ${table.countries.length} countries x ${table.sectors.length} sectors, ${Date.now() - t0} ms`);
  }
  const distances = parseDistances(ctx.readText(join(DATA_DIR, 'cepii_china_distances.csv')), 'data/cepii_china_distances.csv');
  const fta = parseFta(ctx.readText(join(DATA_DIR, 'fta_china.csv')), 'data/fta_china.csv');
  const covPath = ctx.options.covariates;
  const covariates = covPath
    ? parseCovariates(ctx.readText(covPath), covPath, cfg.home, parseContig(ctx.readText(join(DATA_DIR, 'cepii_contig_wiod.csv')), 'data/cepii_contig_wiod.csv'))
    : undefined;
  const hasCov = !!covariates;

  const raw = buildRawPanel(measures, cfg, { distances, fta, covariates });
  const { panel, cuts, dropped } = transformPanel(raw, cfg, hasCov);
  ctx.progress(`panel: ${panel.nrow} rows, main sample ${(panel.columns.sample_main as Float64Array).reduce((s, v) => s + v, 0)}`);
  const models = runModels(panel, cfg, hasCov, ctx.progress);
  const ctrl = controlList(hasCov);
  const entering = ['ln_RH_w', 'ln_HD_w', 'ln_XT_w', 'ln_ITR_w', 'RVC_w', 'INC_w', ...ctrl, 'D1', 'D2', 'D3'];
  const tables = [...models.tables, descriptivesTable(panel, entering), vifTable(panel, ['ln_ITR_w', ...ctrl.filter((c) => c !== 'ln_CUL')])];

  const worst = (k: keyof YearMeasures['checks']) => Math.max(...measures.map((m) => m.checks[k]));
  const notes = [
    `Partners (${cfg.partners.length}): ${cfg.partners.join(', ')}; home ${cfg.home}; sectors ${cfg.sectors.join(', ')} (${cfg.sectorMode}).`,
    `Estimation window ${cfg.window[0]}-${cfg.window[1]}; tables read ${years[0][0]}-${years[years.length - 1][0]}; attribution=${cfg.attribution}; vax=${cfg.vax}; FTA ${cfg.fta}; D3 break ${cfg.breakYear}.`,
    `Winsorizing: ${cfg.winsor ? `[p${cfg.winsor[0]}, p${cfg.winsor[1]}] (Stata _pctile) over window cells` : 'off'}; cut-offs: ${Object.entries(cuts).filter(([, c]) => c.n > 0).map(([v, c]) => `${v} [${c.lo.toPrecision(4)}, ${c.hi.toPrecision(4)}]`).join('; ')}.`,
    hasCov ? `Covariates: ${covPath}.` : 'Covariates not supplied: POL, ECO, CUL and LAB are not computed; ln DIS = ln distcap (oil = 1); Table 2 uses the stand-in instrument.',
    'ROM distance: Beijing-Bucharest great-circle distance (computed; CEPII has no Romania).',
    ...models.messages,
  ];
  return {
    title: 'Industrial relocation and industrial symbiosis between China and BRI partners (WIOD 2013)',
    panel: { name: 'symbiosis_panel', columns: PANEL_COLUMNS, frame: panel },
    estimates: models.estimates,
    tables,
    figures: studyFigures(panel, cfg),
    provenance: {
      identities: {
        'sum_i ABS(a,i,b) - v_a.XF_b[a] (relative)': worst('absIdentity'),
        'colSums(vB) - 1': worst('vbColumnSum'),
        'negative entries of B': worst('negativeB'),
        'row gap x - Z1 - Y1 of the source table (million USD; rounding in WIOD)': worst('rowGap'),
      },
      dropped,
      notes,
    },
  };
}

export const study: StudyDefinition = {
  name: 'bri-symbiosis',
  title: 'Industrial relocation and symbiosis between China and BRI partners',
  dataNeeds: 'one labeled-CSV MRIO table per year (WIOD 2013 shipped in data/wiod2013), the year before the window included',
  defaultData() {
    const dir = join(DATA_DIR, 'wiod2013');
    return readdirSync(dir).filter((f) => /\.csv(\.gz)?$/.test(f)).sort().map((f) => join(dir, f));
  },
  run,
};
