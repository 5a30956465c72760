/**
 * Assembly of the bri-upgrading study from per-year measures (the cheap, deterministic stage after the
 * MRIO decompositions): external inputs -> panel -> models -> tables, figures, provenance.
 * Kept separate from the table reading so tests can re-run it and compare outputs byte for byte.
 */
import type { StudyResult } from '../types.js';
import { PANEL_COLUMNS } from './columns.js';
import { RD_DEPRECIATION, type UpgradingConfig } from './config.js';
import { countriesFigure, coefFigure, trendFigure } from './figures.js';
import { countryChanges, countryTable } from './descriptives.js';
import { sampleRows } from './estimate.js';
import type { Covariates, HostData, OfdiData } from './externals.js';
import type { YearMeasures } from './measures.js';
import { runModels } from './models.js';
import { buildPanel, type CovariateMode, type Panel } from './panel.js';
import { labeller } from './regtable.js';
import { signsTable, type SignRow } from './signs.js';
import { computeSofdi } from './sofdi.js';

export interface Externals {
  mode: CovariateMode;
  covariates?: Covariates;
  ofdi?: OfdiData;
  hosts?: HostData;
}

export interface UpgradingRun {
  result: StudyResult;
  panel: Panel;
  models: ReturnType<typeof runModels>;
  signs: SignRow[];
}

/** Crisis-year pattern of spec 5: how GVCP and GVCL moved from 2008 to 2009 across the group. */
function crisisNote(p: Panel): string | undefined {
  const df = p.frame;
  const cty = df.columns.country as string[];
  const yr = df.columns.year as Float64Array;
  const gp = df.columns.GVCP as Float64Array;
  const gl = df.columns.GVCL as Float64Array;
  let n = 0, pFall = 0, lRise = 0, mp8 = 0, mp9 = 0, ml8 = 0, ml9 = 0;
  for (let i = 0; i < df.nrow; i++) {
    if (yr[i] !== 2009) continue;
    const j = i - 1;
    if (j < 0 || cty[j] !== cty[i] || yr[j] !== 2008) continue;
    n++;
    if (gp[i] < gp[j]) pFall++;
    if (gl[i] > gl[j]) lRise++;
    mp8 += gp[j]; mp9 += gp[i]; ml8 += gl[j]; ml9 += gl[i];
  }
  if (!n) return undefined;
  return `2008 -> 2009: GVCP fell in ${pFall} of ${n} countries (mean ${(mp8 / n).toFixed(3)} -> ${(mp9 / n).toFixed(3)}); GVCL rose in ${lRise} of ${n} (mean ${(ml8 / n).toFixed(3)} -> ${(ml9 / n).toFixed(3)}). The paper's "sharp decline in GVC positions" in 2009 shows here as a fall in participation: the foreign-content share FV/E falls more than IV/E.`;
}

export function assemble(measures: YearMeasures[], cfg: UpgradingConfig, ext: Externals): UpgradingRun {
  const sofdi = ext.ofdi && ext.hosts ? computeSofdi(ext.ofdi, ext.hosts, cfg.hosts, RD_DEPRECIATION) : undefined;
  const panel = buildPanel({ measures, cfg, covariates: ext.covariates, sofdi, mode: ext.mode });
  const tag = ext.mode === 'synthetic' ? [`Synthetic covariates (seed ${cfg.syntheticSeed}): Tariff, Sofdi, Hum and RD are random draws, not data; the estimates test the machinery only.`] : [];
  const tagText = tag.length ? ` ${tag[0]}` : '';
  const models = runModels(panel, tag);
  const label = labeller(panel.kSource === 'wiod_proxy', panel.pgdpSource === 'wiod_proxy');
  const rows = sampleRows(panel.frame, 'est_sample');
  const changes = countryChanges(panel.frame, rows);
  const nCols = Object.keys(models.fits).filter((k) => k.startsWith('upgrading_table3_gvcl')).length;
  const main = models.fits[`upgrading_table3_gvcl_col${nCols}`];
  const signs = signsTable(main, models.fits.upgrading_table5_no2009_col1, models.hausman[0], label, tag);
  const tables = [models.tables[0], countryTable(changes, tag), ...models.tables.slice(1), signs.table];
  const figures = [trendFigure(panel.frame, cfg.window, tagText), countriesFigure(changes, tagText), coefFigure(main, label, tagText)];

  const worst = (k: keyof YearMeasures['checks']) => Math.max(...measures.map((m) => m.checks[k]));
  const years = measures.map((m) => m.year);
  const crisis = crisisNote(panel);
  const notes = [
    `Group "${cfg.groupName}" (${cfg.countries.length} countries): ${cfg.countries.join(', ')}${cfg.dropChina ? ' (China dropped: sensitivity run)' : ''}. RoW is never a unit but stays in the table (third-country routes).`,
    `Tables read ${Math.min(...years)}-${Math.max(...years)}; estimation window ${cfg.window[0]}-${cfg.window[1]}; estimation sample N = ${rows.length} (${new Set(rows.map((i) => (panel.frame.columns.country as string[])[i])).size} countries).`,
    `Dependent variables from the full 35-sector tables: KWW 2014 terms (FDC the residual, as decompr), IV = DVA_INTrex, FV = FVA_FIN + FVA_INT + FDC.`,
    `K enters as ${panel.kSource === 'wdi' ? 'WDI gfcf_gdp' : 'K_w = 100 GFCF_w/GDP_w (WIOD proxy: GFCF final-demand column over VA-based GDP)'}; PGDP as ${panel.pgdpSource === 'wdi' ? 'WDI gdppc_growth' : 'PGDP_w = growth of the VA-based nominal USD GDP (WIOD proxy: exchange rates and inflation contaminate it)'}.`,
    ext.mode === 'none'
      ? 'Covariates not supplied: reduced model GVC ~ K_w + PGDP_w + country FE; Tariff, Sofdi, Hum and RD unavailable; Table A3 skipped.'
      : `Covariates: ${ext.mode}${ext.covariates ? ` (${ext.covariates.source})` : ''}; Sofdi ${sofdi ? `from ${ext.ofdi!.source} and ${ext.hosts!.source}, hosts ${cfg.hosts.join(' ')}, d = ${RD_DEPRECIATION}` : 'not computed (no OFDI and host files): the model omits ln(1+Sofdi)'}.`,
    `Interpolated cells (interior gaps, linear in the year): ${Object.entries(panel.interpolatedCells).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}${sofdi ? `; host series cells ${sofdi.filledHostCells}, bilateral stock cells ${sofdi.filledStockCells}` : ''}.`,
    ...(ext.ofdi ? [`Negative OFDI stocks set to 0: ${ext.ofdi.negatives}.`] : []),
    `Plausible-range flags (kept, not dropped): ${Object.entries(panel.rangeFlags).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}.`,
    ...(crisis ? [crisis] : []),
    ...models.messages,
    ...tag,
  ];
  const result: StudyResult = {
    title: `Determinants of GVC upgrading in BRI countries (Li 2025), run on WIOD 2013${ext.mode === 'synthetic' ? ' (synthetic covariates)' : ''}`,
    panel: { name: 'upgrading_panel', columns: PANEL_COLUMNS, frame: panel.frame },
    estimates: models.estimates,
    tables,
    figures,
    provenance: {
      identities: {
        'nine KWW terms - E (relative, FDC residual)': worst('nineSum'),
        'DVA_FIN + DVA_INT + DVA_INTrex - VAX (relative)': worst('vax'),
        'DVA_INTrex - KWW closed form (relative)': worst('intrex'),
        'BM GVC - GVCB - GVCF (relative)': worst('bmGvc'),
      },
      dropped: panel.dropped,
      notes,
    },
  };
  return { result, panel, models, signs: signs.rows };
}
